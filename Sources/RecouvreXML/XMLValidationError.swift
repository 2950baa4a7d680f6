/// A document (or a schema) that libxml2 refused, with every error it reported, in order.
public struct XMLValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The name the document was given (`dossier.xml`): the file part of each error's location.
    public var name: String
    /// libxml2's errors: code, message, line and column, as the library reported them.
    public var errors: [XMLError]

    public init(name: String, errors: [XMLError]) {
        self.name = name
        self.errors = errors
    }

    /// One line per error: `dossier.xml:12:0: Element '…': … (libxml2 error 1824)`.
    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}
