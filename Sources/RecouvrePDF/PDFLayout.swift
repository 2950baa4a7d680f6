import Foundation
import RecouvreForms

/// The layout files of `forms/pdf/` (Typst sources, the firm's logo, fonts), a user's `--forms`
/// folder overriding them file by file: read once, handed to the worker as bytes.
public struct PDFLayout: Sendable, Hashable {
    /// File name under `forms/pdf/` (`document.typ`, `fonts/X.otf`) → bytes.
    public var files: [String: Data]

    public init(files: [String: Data]) { self.files = files }

    public static let folder = "pdf"
    /// The logo a firm may add, in this order of preference.
    public static let logoNames = ["logo.svg", "logo.png", "logo.jpg"]

    /// Reads `forms/pdf/` (and `forms/pdf/fonts/`).
    public static func load(forms: Forms) throws -> PDFLayout {
        var files: [String: Data] = [:]
        for folder in [folder, folder + "/fonts"] {
            for name in forms.files(in: folder) {
                let path = folder + "/" + name
                var isDirectory: ObjCBool = false
                guard let url = try? forms.url(path),
                    FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue
                else { continue }
                do { files[String(path.dropFirst(Self.folder.count + 1))] = try forms.data(path) } catch {
                    throw PDFError(.layout, "erreur : forms/\(path) : \(error)")
                }
            }
        }
        guard files["document.typ"] != nil else {
            throw PDFError(.layout, "erreur : forms/pdf/document.typ manque (la mise en page des PDF)")
        }
        return PDFLayout(files: files)
    }

    /// The logo's file name, when the layout has one.
    public var logo: String? { Self.logoNames.first { files[$0] != nil } }
}
