import Foundation
import RecouvreCaseFile
import RecouvreModel

/// The creditor of a ledger import (`--creditor CREDITOR.yaml`): the `creditor:` mapping of a case
/// file, written on its own —
///
/// ```yaml
/// kind: company
/// name: "Atelier Lumière"
/// legal_form: SARL
/// siren: "123456782"
/// address: { lines: ["12 rue des Lilas"], postcode: "69003", city: "Lyon" }
/// ```
///
/// — or a file with `creditor:` and, optionally, `contract:` (defaults for every case: payment terms,
/// penalty rate). It is checked by the case-file reader's own rules, and its problems are reported at
/// their line in this file.
public struct CreditorDefaults: Sendable, Hashable {
    public var creditor: Party
    public var contract: Contract

    public init(creditor: Party, contract: Contract = Contract()) {
        self.creditor = creditor
        self.contract = contract
    }

    /// Reads the creditor file's bytes; `name` is the file's name in messages.
    public static func parse(_ data: Data, name: String) throws(ImportError) -> CreditorDefaults {
        guard let text = String(data: data, encoding: .utf8),
            !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        else {
            throw ImportError(
                "le fichier du créancier est vide ou n'est pas en UTF-8", at: SourceLocation(file: name),
                remedy: "écrivez le créancier comme la clé creditor d'un dossier : kind, name, siren, address")
        }
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false)
        let wrapped = lines.contains { $0.hasPrefix("creditor:") }
        // The file is embedded in a minimal case, line for line, so the reader's line numbers map back.
        var document = "version: 1\nreference: \"import\"\n"
        var offset = 2
        var indent = 0
        if wrapped {
            document += text
        } else {
            document += "creditor:\n"
            offset = 3
            indent = 2
            for line in lines { document += "  " + line + "\n" }
        }
        let hasContract = lines.contains { $0.hasPrefix("contract:") }
        document +=
            "\ndebtor: { kind: company, name: \"x\", address: { lines: [\"x\"], postcode: \"75001\", city: \"Paris\" } }\n"
            + "invoices: [ { number: \"x\", issued: 2025-01-01, due: 2025-01-31, amount: 1.00 } ]\n"
        do {
            let value = try CaseFileReader.decode(Data(document.utf8), name: name, folder: URL(fileURLWithPath: "."))
            return CreditorDefaults(creditor: value.creditor, contract: hasContract ? value.contract : Contract())
        } catch {
            let documentLines = offset + lines.count
            throw ImportError(
                error.problems.map { problem in
                    let inFile = problem.line > offset && problem.line <= documentLines
                    var path = problem.keyPath
                    if !wrapped, path.hasPrefix("creditor.") { path = String(path.dropFirst("creditor.".count)) }
                    let message = path.isEmpty ? problem.message : "\(path) : \(problem.message)"
                    return ImportProblem(
                        message,
                        at: SourceLocation(
                            file: name, line: inFile ? problem.line - offset : 0,
                            column: inFile ? max(1, problem.column - indent) : 0),
                        remedy: problem.remedy)
                })
        }
    }
}
