import RecouvreModel

/// A party as a document prints it. For a company, CPC 1407 asks for the form, the name, the seat
/// and the body that represents it: `identity` carries the form and identifiers, `addressLines`
/// the seat, `representative` the legal representative.
public struct PartyView: Sendable, Hashable {
    public var name: String
    /// `SAS, SIREN 552 100 554, RCS Dijon`; nil for a private individual.
    public var identity: String?
    public var addressLines: [String]
    public var representative: String?

    public init(_ party: Party) {
        name = party.name
        var parts: [String] = []
        switch party.kind {
        case .company:
            if let form = party.legalForm { parts.append(form) }
        case .publicBody:
            parts.append("personne morale de droit public")
        case .individual:
            if party.actsProfessionally { parts.append("entrepreneur individuel") }
        }
        if let siren = party.siren { parts.append("SIREN \(FrenchFormat.siren(siren))") }
        if let rcs = party.rcs { parts.append("RCS \(rcs)") }
        identity = parts.isEmpty ? nil : parts.joined(separator: ", ")
        addressLines = PartyView.lines(of: party.address)
        representative = party.representative
    }

    /// The address as printed on an envelope: street lines, then `21000 Dijon`, then the country
    /// when it is not France.
    public static func lines(of address: Address) -> [String] {
        var lines = address.lines
        lines.append([address.postcode, address.city].compactMap { $0 }.joined(separator: " "))
        if !address.isFrance { lines.append(CountryNames.french(address.country)) }
        return lines
    }
}

/// Country names for addresses abroad (the EU states a European order can reach, and a fallback).
enum CountryNames {
    static let names: [String: String] = [
        "AT": "Autriche", "BE": "Belgique", "BG": "Bulgarie", "CY": "Chypre", "CZ": "Tchéquie",
        "DE": "Allemagne", "DK": "Danemark", "EE": "Estonie", "ES": "Espagne", "FI": "Finlande",
        "GR": "Grèce", "HR": "Croatie", "HU": "Hongrie", "IE": "Irlande", "IT": "Italie",
        "LT": "Lituanie", "LU": "Luxembourg", "LV": "Lettonie", "MT": "Malte", "NL": "Pays-Bas",
        "PL": "Pologne", "PT": "Portugal", "RO": "Roumanie", "SE": "Suède", "SI": "Slovénie",
        "SK": "Slovaquie", "CH": "Suisse", "GB": "Royaume-Uni", "MC": "Monaco", "FR": "France",
    ]

    static func french(_ code: String) -> String { names[code.uppercased()] ?? code.uppercased() }
}
