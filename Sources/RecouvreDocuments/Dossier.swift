import RecouvreModel
import RecouvreLaw
import RecouvreRoute

/// A rendered document of the dossier (implemented by the documents issue, #6).
public struct RenderedDocument: Sendable, Hashable {
    /// `01-mise-en-demeure.txt`.
    public var fileName: String
    public var title: String
    public var text: String

    public init(fileName: String, title: String, text: String) {
        self.fileName = fileName
        self.title = title
        self.text = text
    }
}
