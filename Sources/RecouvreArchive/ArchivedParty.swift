/// A party as the archive keeps it: the name and, for a company, its SIREN.
public struct ArchivedParty: Sendable, Hashable, Codable {
    public var name: String
    public var siren: String?

    public init(name: String, siren: String? = nil) {
        self.name = name
        self.siren = siren
    }

    /// Writes `"siren": null` rather than leaving the key out, as the bundle's manifest does.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(siren, forKey: .siren)
    }
}
