import Foundation
import RecouvreForms

/// The layout files of `forms/pdf/` (Typst sources, the firm's logo, fonts), a user's `--forms`
/// folder overriding them file by file: read once by the law-book loader (`LawBook.pdfLayout`),
/// handed to the worker as bytes.
public struct PDFLayout: Sendable, Hashable {
    /// File name under `forms/pdf/` (`document.typ`, `fonts/X.otf`) → bytes.
    public var files: [String: Data]

    public init(files: [String: Data]) { self.files = files }

    public static let folder = "pdf"
    /// The logo a firm may add, in this order of preference.
    public static let logoNames = ["logo.svg", "logo.png", "logo.jpg"]

    /// The layout of a loaded law book (read with it, once, by the loader).
    public init(book: LawBook) throws {
        try self.init(checking: book.pdfLayout)
    }

    /// The layout of `forms/pdf/` alone, read through the law-book loader (a PDF tool without a book).
    public static func load(forms: Forms) throws -> PDFLayout {
        try PDFLayout(checking: LawBook.pdfFiles(forms))
    }

    init(checking files: [String: Data]) throws {
        guard files["document.typ"] != nil else {
            throw PDFError(.layout, "erreur : forms/pdf/document.typ manque (la mise en page des PDF)")
        }
        self.init(files: files)
    }

    /// The logo's file name, when the layout has one.
    public var logo: String? { Self.logoNames.first { files[$0] != nil } }
}
