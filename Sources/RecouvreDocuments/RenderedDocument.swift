import Foundation

/// A rendered document of the dossier: its structured content and that content laid out as UTF-8
/// text for A4 (`content.text()`).
public struct RenderedDocument: Sendable, Hashable {
    /// `01-mise-en-demeure.txt`.
    public var fileName: String
    public var title: String
    public var kind: DocumentKind
    /// The text as its UTF-8 bytes, the file of the bundle (`content.textData()`). Large engineer
    /// (issue 12): kept as bytes, not as a `String` beside them (a bundle needs the bytes).
    public private(set) var data: Data
    /// What the document says, block by block (the PDF renderer lays out the same value).
    public var content: DocumentContent

    /// The document laid out as text for A4 (`content.text()`): its bytes, decoded.
    public var text: String { String(decoding: data, as: UTF8.self) }

    public init(fileName: String, title: String, kind: DocumentKind, content: DocumentContent) {
        self.fileName = fileName
        self.title = title
        self.kind = kind
        self.content = content
        self.data = content.textData()
    }

    /// A document known by its bytes only (no structured content: a bundle without PDFs).
    public init(fileName: String, title: String, kind: DocumentKind, data: Data) {
        self.fileName = fileName
        self.title = title
        self.kind = kind
        self.content = DocumentContent(blocks: [])
        self.data = data
    }

    /// The same document with its bytes only (its content released).
    public func droppingContent() -> RenderedDocument {
        var dropped = self
        dropped.content = DocumentContent(blocks: [])
        return dropped
    }

    /// The same document without its bytes and content (large engineer, issue 12: a bundle releases
    /// each document once its bytes are taken, instead of holding every text beside every byte).
    public static func released(_ document: RenderedDocument) -> RenderedDocument {
        var released = document
        released.data = Data()
        released.content = DocumentContent(blocks: [])
        return released
    }
}
