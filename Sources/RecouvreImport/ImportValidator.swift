import Foundation
import RecouvreCaseFile
import RecouvreModel

/// Every imported case goes through the case file's own checks (SIREN/SIRET check digits, IBAN, dates,
/// duplicates, payments and credit notes exceeding an invoice, unknown invoice references…), and each
/// problem is reported at the place of the user's file the value came from (the CSV cell, the FEC
/// line, the XML element), not in a YAML file the user never wrote.
///
/// The check runs the case-file reader over the very text that will be written, so a case that passes
/// is also a case file that reads back. Exhibit files are written by the import itself, beside the case
/// file, so their existence is not checked here.
public enum ImportValidator {
    /// The problems of `imported`, located in its sources; empty when the case is valid.
    public static func problems(_ imported: ImportedCase) -> [ImportProblem] {
        var checked = imported.value
        checked.exhibits = checked.exhibits.map { Exhibit(title: $0.title, file: nil) }
        let text = CaseFileWriter.yaml(checked)
        do {
            let decoded = try CaseFileReader.decode(Data(text.utf8), name: imported.fileName, folder: URL(fileURLWithPath: "/"))
            if decoded != checked {
                return [
                    ImportProblem(
                        "le dossier \(imported.fileName) ne se relit pas à l'identique (erreur interne de l'import)",
                        at: imported.locations[""])
                ]
            }
            return []
        } catch {
            return error.problems.map { problem in
                let location = locate(problem.keyPath, in: imported.locations)
                return ImportProblem(
                    "\(problem.keyPath.isEmpty ? imported.fileName : problem.keyPath) : \(problem.message)",
                    at: location, remedy: problem.remedy)
            }
        }
    }

    /// The location of `keyPath` or of its nearest recorded parent (`invoices[3].amount`, then
    /// `invoices[3]`, then `invoices`, then the case as a whole).
    static func locate(_ keyPath: String, in locations: [String: SourceLocation]) -> SourceLocation? {
        var path = Substring(keyPath)
        while true {
            if let found = locations[String(path)] { return found }
            if path.isEmpty { return nil }
            if path.hasSuffix("]"), let open = path.lastIndex(of: "[") {
                path = path[..<open]
            } else if let dot = path.lastIndex(of: ".") {
                path = path[..<dot]
            } else {
                path = ""
            }
        }
    }
}
