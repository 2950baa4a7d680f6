// The reading stage of session 3 (CaseFileReader.read of f748993): Yams's Node tree composed in the
// checks' pass, then walked by the old decoder. Kept only to compare the flat reader with it.
import Foundation
import RecouvreModel
import Yams

@testable import RecouvreCaseFile

enum LegacyReader {
    /// What `CaseFileReader.read` returned (or threw) before the flat document.
    static func read(
        _ data: Data, name: String, json: Bool
    ) throws(CaseFileError) -> (Case, SourceLocations, [CaseProblem]) {
        func fail(_ line: Int, _ column: Int, _ message: String, _ remedy: String?) -> CaseFileError {
            CaseFileError(problems: [
                CaseFileProblem(
                    file: name, line: line, column: column, keyPath: "",
                    message: message, remedy: remedy)
            ])
        }
        if data.isEmpty {
            throw fail(
                0, 0, "le fichier est vide", "attendu un fichier de dossier : `recouvre init` en écrit un exemple")
        }
        let text = try TextCheck.utf8Text(data, name: name)
        let root: Node?
        switch LegacyYAMLEvents.compose(text) {
        case .refused(let found):
            throw fail(found.line, found.column, found.message, found.remedy)
        case .tree(let node):
            root = node
        case .yamsDecides:
            do {
                root = try Yams.compose(yaml: text, .basic, .default, .utf8)
            } catch let error as YamlError {
                throw CaseFileError(problems: [SyntaxProblem.problem(for: error, text: text, name: name, json: json)])
            } catch {
                throw fail(0, 0, "illisible en \(json ? "JSON" : "YAML")", nil)
            }
        }
        if json, let fault = StrictJSON.firstFault(in: text) {
            throw fail(
                fault.line, fault.column, "JSON invalide : \(fault.message)",
                "un fichier de dossier .json est du JSON strict")
        }
        guard let root else {
            throw fail(
                0, 0, "le fichier ne contient aucun dossier (seulement des blancs ou des commentaires)",
                "attendu un fichier de dossier : `recouvre init` en écrit un exemple")
        }
        let decoder = LegacyCaseFileDecoder(file: name)
        guard let value = decoder.decodeCase(root) else {
            throw CaseFileError(problems: decoder.sortedProblems)
        }
        return (value, decoder.locations(of: root), decoder.problems)
    }

    /// Every key path of the document Yams composes from `text` (`invoices[1].due`…), to compare
    /// the locations of both readers at each; empty when Yams reads nothing.
    static func paths(of text: String) -> [String] {
        guard case .tree(let root)? = Optional(LegacyYAMLEvents.compose(text)), let root else { return [] }
        var found: [String] = []
        func walk(_ node: Node, _ path: String) {
            found.append(path)
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping {
                    guard case .scalar(let scalar) = key else { continue }
                    walk(value, path.isEmpty ? scalar.string : "\(path).\(scalar.string)")
                }
            case .sequence(let sequence):
                for (index, item) in sequence.enumerated() { walk(item, "\(path)[\(index)]") }
            default:
                break
            }
        }
        walk(root, "")
        return found
    }
}
