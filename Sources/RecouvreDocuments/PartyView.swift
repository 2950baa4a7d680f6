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

    /// The party with the catalogue's words (`forms/messages/documents.yaml`: its kind;
    /// `forms/messages/countries.yaml`: a country abroad).
    public init(_ party: Party, messages: MessageCatalogue) {
        name = party.name
        var parts: [String] = []
        switch party.kind {
        case .company:
            if let form = party.legalForm { parts.append(form) }
        case .publicBody:
            parts.append(messages.text(PartyWord.partyPublicBody))
        case .individual:
            if party.actsProfessionally { parts.append(messages.text(PartyWord.partySoleTrader)) }
        }
        if let siren = party.siren {
            parts.append(messages.text(PartyWord.partySiren(siren: FrenchFormat.siren(siren))))
        }
        if let rcs = party.rcs { parts.append(messages.text(PartyWord.partyRCS(rcs: rcs))) }
        identity = parts.isEmpty ? nil : parts.joined(separator: ", ")
        addressLines = PartyView.lines(of: party.address, messages: messages)
        representative = party.representative
    }

    /// The address as printed on an envelope: street lines, then `21000 Dijon`, then the country
    /// when it is not France (its French name from `forms/messages/countries.yaml`).
    public static func lines(of address: Address, messages: MessageCatalogue) -> [String] {
        var lines = address.lines
        lines.append([address.postcode, address.city].compactMap { $0 }.joined(separator: " "))
        if !address.isFrance { lines.append(CountryName.french(address.country, messages: messages)) }
        return lines
    }
}
