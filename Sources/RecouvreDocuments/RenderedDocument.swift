/// A rendered document of the dossier: its structured content and that content laid out as UTF-8
/// text for A4 (`content.text()`).
public struct RenderedDocument: Sendable, Hashable {
    /// `01-mise-en-demeure.txt`.
    public var fileName: String
    public var title: String
    public var kind: DocumentKind
    public var text: String
    /// What the document says, block by block (the PDF renderer lays out the same value).
    public var content: DocumentContent

    public init(fileName: String, title: String, kind: DocumentKind, content: DocumentContent) {
        self.fileName = fileName
        self.title = title
        self.kind = kind
        self.content = content
        self.text = content.text()
    }
}
