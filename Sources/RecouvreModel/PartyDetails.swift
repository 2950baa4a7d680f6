/// How a natural person is addressed in a letter ("Monsieur", "Madame").
public enum Civility: String, Sendable, Codable, CaseIterable {
    case monsieur
    case madame
}

/// The médiateur de la consommation a professional creditor must name to a consumer
/// (C. consom. L612-1, L616-1).
public struct Mediator: Sendable, Hashable, Codable {
    public var name: String
    /// Free text, as the mediator publishes it.
    public var address: String?
    public var website: String?

    public init(name: String, address: String? = nil, website: String? = nil) {
        self.name = name
        self.address = address
        self.website = website
    }
}
