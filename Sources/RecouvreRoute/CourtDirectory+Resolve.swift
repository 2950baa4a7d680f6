import Foundation
import RecouvreModel

extension CourtDirectory {
    /// The commune of a French address: from `insee` when given; otherwise from the postcode and the
    /// city (accents, case, "St"/"Saint", hyphens, "CEDEX NN" and arrondissements tolerated). A postcode
    /// shared by several communes with no matching city, or an unknown commune, is an error naming
    /// `field` (`debtor.address`): the competent court is never guessed (CPC 1406 makes it mandatory).
    public func resolve(_ address: Address, field: String) throws(RouteError) -> DirectoryCommune {
        if let raw = address.insee.map(Self.inseeKey), !raw.isEmpty {
            if raw.hasPrefix("975") || raw.hasPrefix("98") { throw .unsupportedTerritory(field: field, code: raw) }
            guard let commune = commune(insee: raw) else { throw .unknownINSEE(field: field, insee: raw) }
            return commune
        }
        let city = Self.trimmedBlanks(address.city)
        let cityKey = CommuneName.key(city)
        guard let rawPostcode = address.postcode?.filter({ !$0.isWhitespace }), !rawPostcode.isEmpty else {
            guard !cityKey.isEmpty else { throw .missingAddress(field: field) }
            return try unique(communes(nameKey: cityKey, department: nil), field: field, postcode: nil, city: city)
        }
        guard rawPostcode.count == 5, rawPostcode.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw .badPostcode(field: field, postcode: rawPostcode)
        }
        if rawPostcode.hasPrefix("975") || rawPostcode.hasPrefix("98") {
            throw .unsupportedTerritory(field: field, code: rawPostcode)
        }
        let candidates = communes(postcode: rawPostcode)
        let matching = candidates.filter { $0.nameKeys.contains(cityKey) }
        if matching.count == 1 { return matching[0] }
        if matching.count > 1 {
            throw .ambiguous(field: field, postcode: rawPostcode, city: city, candidates: matching.map(label))
        }
        if let only = candidates.first, candidates.count == 1 {
            // The postcode names one commune and the city another: contradictory, never a guess.
            if cityKey.isEmpty { return only }
            throw .cityMismatch(
                field: field, postcode: rawPostcode, city: city, commune: only.displayName, insee: only.insee)
        }
        if candidates.count > 1 {
            throw .ambiguous(field: field, postcode: rawPostcode, city: city, candidates: candidates.map(label))
        }
        // A CEDEX or otherwise unlisted postcode: the city decides, within the postcode's département.
        guard !cityKey.isEmpty else { throw .unknownCommune(field: field, postcode: rawPostcode, city: city) }
        let byName = communes(nameKey: cityKey, department: postalDepartment(rawPostcode))
        return try unique(byName, field: field, postcode: rawPostcode, city: city)
    }

    /// An INSEE code as written, trimmed of blanks and in capitals:
    /// `trimmingCharacters(in: .whitespaces).uppercased()`.
    static func inseeKey(_ text: String) -> String {
        trimmedBlanks(text).uppercased()
    }

    /// `text.trimmingCharacters(in: .whitespaces)`. Fast path: a text whose first and last bytes are
    /// ASCII and neither a space nor a tab (the only ASCII characters of `.whitespaces`, Unicode Zs and
    /// tab) has nothing to trim at either end — its first and last scalars are those bytes — so it
    /// is returned as it is, without Foundation's trimming.
    static func trimmedBlanks(_ text: String) -> String {
        if let first = text.utf8.first, let last = text.utf8.last, first < 0x80, last < 0x80,
            first != 0x20, first != 0x09, last != 0x20, last != 0x09
        {
            return text
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// One commune of a name search; several → ambiguous; none → unknown. For Paris, Lyon and
    /// Marseille the whole commune wins over its arrondissements (they share the same courts).
    private func unique(
        _ found: [DirectoryCommune], field: String, postcode: String?, city: String
    )
        throws(RouteError) -> DirectoryCommune
    {
        let whole = found.filter { $0.kind == .commune }
        if found.count > 1, whole.count == 1, found.allSatisfy({ $0.kind != .commune || $0 == whole[0] }),
            found.allSatisfy({ $0.kind == .arrondissement || $0.kind == .commune }),
            Set(found.map { "\($0.tribunalJudiciaire)|\($0.commercialCourt ?? "")|\($0.tribunalDeProximite ?? "")" })
                .count == 1
        {
            return whole[0]
        }
        let current = found.filter { $0.kind != .former }
        if current.count == 1 { return current[0] }
        if current.count > 1 {
            throw .ambiguous(field: field, postcode: postcode, city: city, candidates: current.map(label))
        }
        throw .unknownCommune(field: field, postcode: postcode, city: city)
    }

    private func label(_ commune: DirectoryCommune) -> String {
        "\(commune.displayName) (INSEE \(commune.insee))"
    }

    /// The département as postcodes write it: `69`, `20` (both Corsican départements), `974`.
    func postalDepartment(_ postcode: String) -> String {
        postcode.hasPrefix("97") ? String(postcode.prefix(3)) : String(postcode.prefix(2))
    }
}
