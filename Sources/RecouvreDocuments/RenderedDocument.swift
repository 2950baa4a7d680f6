/// A rendered document of the dossier: UTF-8 text laid out for A4.
public struct RenderedDocument: Sendable, Hashable {
    /// `01-mise-en-demeure.txt`.
    public var fileName: String
    public var title: String
    public var kind: DocumentKind
    public var text: String

    public init(fileName: String, title: String, kind: DocumentKind, text: String) {
        self.fileName = fileName
        self.title = title
        self.kind = kind
        self.text = text
    }
}
