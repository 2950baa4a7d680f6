import Foundation
import RecouvreXML

extension LawBook {
    /// The e-invoice schemas inside `forms/` (UBL 2.1, Factur-X 1.09, CDAR D22B; sources and licences in
    /// its SOURCES.md).
    public static let einvoiceSchemaFolder = "schemas/einvoice"

    /// The e-invoice schemas of `forms` (`import … --validate`), compiled from memory by RecouvreXML
    /// once per entry, on first use: the `.xsd` files under `schemas/einvoice/` (shipped, each replaced
    /// by the override's copy when it has one, as every file of the book) are read then, once, with the
    /// loader's reader (`Forms.data`, counted by a `FormsReadLog`). A `build` never reads them.
    public static func einvoiceSchemas(_ forms: Forms) -> XMLSchemaLibrary {
        XMLSchemaLibrary {
            var files: [String: Data] = [:]
            for path in forms.files(under: einvoiceSchemaFolder) where path.hasSuffix(".xsd") {
                do { files[path] = try forms.data(einvoiceSchemaFolder + "/" + path) } catch {
                    throw LawBookError(file: einvoiceSchemaFolder + "/" + path, problem: "\(error)")
                }
            }
            guard !files.isEmpty else {
                throw LawBookError(file: einvoiceSchemaFolder, problem: "aucun schéma XSD (.xsd) dans ce dossier")
            }
            return files
        }
    }
}

extension Forms {
    /// The files under `folder` and its subfolders, shipped and overridden, as paths relative to
    /// `folder` (`ubl-2.1/maindoc/UBL-Invoice-2.1.xsd`), sorted. Lists names only; reads nothing.
    public func files(under folder: String) -> [String] {
        var paths = Set<String>()
        for base in [shipped, override].compactMap({ $0 }) {
            let root = base.appendingPathComponent(folder)
            guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { continue }
            for case let path as String in enumerator {
                let name = (path as NSString).lastPathComponent
                guard !name.hasPrefix(".") else { continue }
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(
                    atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory), !isDirectory.boolValue
                {
                    paths.insert(path)
                }
            }
        }
        return paths.sorted()
    }
}
