import Foundation
import RecouvreModel

/// What a ledger or an invoice says of a party, before it becomes a `Party`: missing parts of the
/// address are completed with visible placeholders (and a warning), since a case file needs an address
/// and the user must complete it before `build`.
struct PartyDetails {
    var kind: PartyKind = .company
    var name: String?
    var legalForm: String?
    var siren: String?
    var siret: String?
    var lines: [String] = []
    var postcode: String?
    var city: String?
    var country: String?
    var email: String?
    var phone: String?
    var iban: String?

    /// Written where a ledger gives no address: the case reads, `check` shows it, and the warning says
    /// to complete it before building (a court cannot be chosen without the real address).
    static let placeholderLine = "ADRESSE À COMPLÉTER"
    static let placeholderCity = "VILLE À COMPLÉTER"
    static let placeholderPostcode = "00000"

    /// The party, and the warnings about what was completed by a placeholder.
    func party(role: String, at location: SourceLocation?) -> (Party, [ImportNote]) {
        var notes: [ImportNote] = []
        let shown = name ?? "?"
        var lines = self.lines.filter { !$0.isEmpty }
        let country = (country?.uppercased()).flatMap { Self.countryCode($0) } ?? "FR"
        var missing: [String] = []
        if lines.isEmpty {
            lines = [Self.placeholderLine]
            missing.append("l'adresse")
        }
        var postcode = self.postcode.map { $0.trimmedSpaces }
        if country == "FR" {
            if let code = postcode, code.count == 4, code.allSatisfy(\.isNumber) { postcode = "0" + code }
            if postcode == nil || postcode?.isEmpty == true {
                postcode = Self.placeholderPostcode
                missing.append("le code postal")
            }
        } else if postcode?.isEmpty == true {
            postcode = nil
        }
        var city = self.city?.trimmedSpaces ?? ""
        if city.isEmpty {
            city = Self.placeholderCity
            missing.append("la ville")
        }
        if !missing.isEmpty {
            notes.append(
                ImportNote(
                    .warning,
                    "\(role) « \(shown) » : \(missing.joined(separator: ", ")) manque\(missing.count > 1 ? "nt" : "") ; "
                        + "complétez le dossier avant `recouvre build` (valeurs « À COMPLÉTER »)",
                    at: location))
        }
        var name = self.name?.trimmedSpaces ?? ""
        if name.isEmpty {
            name = "NOM À COMPLÉTER"
            notes.append(ImportNote(.warning, "\(role) sans nom : complétez le dossier", at: location))
        }
        var legalForm = self.legalForm
        if legalForm == nil, kind == .company { legalForm = Self.legalForm(in: name) }
        let party = Party(
            kind: kind, name: name, legalForm: legalForm, siren: siren, siret: siret,
            address:
                Address(lines: lines, postcode: postcode, city: city, country: country),
            email: email, phone: phone, iban: iban)
        return (party, notes)
    }

    /// `SARL`, `SAS`… when the name ends or starts with a commercial form (`DURAND BATIMENT SAS`).
    static func legalForm(in name: String) -> String? {
        if let fast = asciiLegalForm(in: name) { return fast }
        return generalLegalForm(in: name)
    }

    /// `legalForm(in:)` over the bytes of an ASCII name (`.some(nil)`: none), where the ASCII letters
    /// are the letters; `nil` for a name with another byte (the general path reads it).
    static func asciiLegalForm(in name: String) -> String?? {
        var name = name
        return name.withUTF8 { bytes -> String?? in
            var words: [Range<Int>] = []
            var start: Int?
            for index in 0...bytes.count {
                let byte = index < bytes.count ? bytes[index] : 0x20
                if byte >= 0x80 { return nil }
                let letter = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                if letter, start == nil { start = index }
                if !letter, let begin = start {
                    // Only the first and the last words count.
                    if words.count < 2 { words.append(begin..<index) } else { words[1] = begin..<index }
                    start = nil
                }
            }
            func form(_ range: Range<Int>) -> String? {
                guard range.count <= 6 else { return nil }
                let word = String(decoding: bytes[range].map { $0 >= 0x61 ? $0 - 0x20 : $0 }, as: UTF8.self)
                return legalForms.contains(word) ? word : nil
            }
            if let last = words.last, let found = form(last) { return .some(found) }
            if words.count > 1, let found = form(words[0]) { return .some(found) }
            return .some(nil)
        }
    }

    static let legalForms: Set<String> = [
        "SARL", "EURL", "SASU", "SAS", "SA", "SNC", "SCS", "SCA", "SCI", "SELARL", "SELAS",
    ]

    /// `legalForm(in:)` over the name's `Character`s (the first implementation, and the path of names
    /// with non-ASCII letters).
    static func generalLegalForm(in name: String) -> String? {
        let words = name.uppercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
        let forms = ["SARL", "EURL", "SASU", "SAS", "SA", "SNC", "SCS", "SCA", "SCI", "SELARL", "SELAS"]
        if let last = words.last, forms.contains(last) { return last }
        if let first = words.first, forms.contains(first), words.count > 1 { return first }
        return nil
    }

    /// `FR`, `France` → `FR`; an ISO alpha-2 code as it is; `nil` when unknown.
    static func countryCode(_ text: String) -> String? {
        let trimmed = text.trimmedSpaces
        if trimmed.count == 2, trimmed.allSatisfy({ $0.isASCII && $0.isLetter }) { return trimmed.uppercased() }
        switch LedgerMapping.normalise(trimmed) {
        case "france": return "FR"
        case "belgique", "belgium": return "BE"
        case "allemagne", "germany", "deutschland": return "DE"
        case "suisse", "switzerland", "schweiz": return "CH"
        case "luxembourg": return "LU"
        case "espagne", "spain": return "ES"
        case "italie", "italy": return "IT"
        case "royaumeuni", "unitedkingdom": return "GB"
        case "paysbas", "netherlands": return "NL"
        default: return nil
        }
    }

    /// A SIREN or SIRET read from a cell or an identifier: digits only, checked (Luhn, La Poste).
    /// Returns the SIREN and the SIRET when valid, and a note when the text was not a valid number.
    /// `CompanyIdentifier.isValidSiren`, over the bytes of nine ASCII digits (the Luhn sum, or La Poste's
    /// SIREN); through it for anything else.
    static func isValidSiren(_ text: String) -> Bool {
        let laPosteDigits = Self.laPosteDigits
        var text = text
        let fast: Bool? = text.withUTF8 { bytes in
            guard bytes.count == 9 else { return nil }
            var sum = 0
            var laPoste = true
            for index in 0..<9 {
                let byte = bytes[index]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                var value = Int(byte - UInt8(ascii: "0"))
                // From the right: every second digit doubled (the 8th, 6th… from the left).
                if index % 2 == 1 {
                    value *= 2
                    if value > 9 { value -= 9 }
                }
                sum += value
                if byte != laPosteDigits[index] { laPoste = false }
            }
            return laPoste || sum % 10 == 0
        }
        return fast ?? CompanyIdentifier.isValidSiren(text)
    }

    static let laPosteDigits: [UInt8] = Array(CompanyIdentifier.laPosteSiren.utf8)

    static func identifiers(_ raw: String) -> (siren: String?, siret: String?) {
        let plain = raw.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        let digits = plain ? raw : CompanyIdentifier.digits(raw).filter { $0 != "." && $0 != "-" }
        if digits.utf8.count == 9, isValidSiren(digits) { return (digits, nil) }
        if digits.count == 14, CompanyIdentifier.isValidSiret(digits) {
            let siren = String(digits.prefix(9))
            return (CompanyIdentifier.isValidSiren(siren) ? siren : nil, digits)
        }
        if digits.count == 14 {
            let siren = String(digits.prefix(9))
            if CompanyIdentifier.isValidSiren(siren) { return (siren, nil) }
        }
        return (nil, nil)
    }
}

/// File names of the cases written: the debtor's key, reduced to letters, digits, `-` and `_`.
enum CaseFileName {
    static func make(_ key: String) -> String {
        // Already a clean name (a SIREN, a customer code): as it is.
        let bytes = key.utf8
        if (1...80).contains(bytes.count), bytes.first != UInt8(ascii: "-"), bytes.last != UInt8(ascii: "-"),
            bytes.allSatisfy({ byte in
                (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                    || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                    || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
                    || byte == UInt8(ascii: "_")
            }), !key.contains("--")
        {
            return key + ".yaml"
        }
        let cleaned = key.folding(options: .diacriticInsensitive, locale: nil).unicodeScalars.map {
            scalar -> Character in
            let c = Character(scalar)
            return (c.isASCII && (c.isLetter || c.isNumber)) || c == "-" || c == "_" ? c : "-"
        }
        var name = String(cleaned).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        while name.contains("--") { name = name.replacingOccurrences(of: "--", with: "-") }
        if name.isEmpty { name = "debiteur" }
        return String(name.prefix(80)) + ".yaml"
    }
}
