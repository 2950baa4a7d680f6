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

    /// The bytes of the file, after checking it is a regular file of acceptable size.
    static func readPath(_ path: String) throws(CaseFileError) -> Data {
        func fail(_ message: String, _ remedy: String?) -> CaseFileError {
            CaseFileError(problems: [
                CaseFileProblem(
                    file: path, line: 0, column: 0, keyPath: "",
                    message: message, remedy: remedy)
            ])
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw fail(
                "fichier introuvable", "vérifiez le chemin ; `recouvre init RÉPERTOIRE` écrit un exemple de dossier")
        }
        if isFolder.boolValue {
            throw fail(
                "est un répertoire, pas un fichier de dossier",
                "donnez le fichier lui-même, par exemple \(path)/case.yaml")
        }
        let attributes = (try? FileManager.default.attributesOfItem(atPath: path)) ?? [:]
        if let type = attributes[.type] as? FileAttributeType, type != .typeRegular {
            throw fail("n'est pas un fichier ordinaire", "donnez un fichier de dossier YAML ou JSON")
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        if size > CaseFileReader.maximumBytes {
            throw fail(
                "le fichier fait \(CaseFileReader.megabytes(size)) Mo, au-delà de la limite de 50 Mo pour un fichier de dossier (non lu)",
                "un fichier de dossier fait quelques kilo-octets ; scindez le dossier en plusieurs")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw fail("illisible (permission refusée ?)", "vérifiez les droits du fichier")
        }
        defer { try? handle.close() }
        // Read at most one byte past the limit: the file may have grown since it was measured.
        guard let data = try? handle.read(upToCount: CaseFileReader.maximumBytes + 1) else {
            if size == 0 { return Data() }
            throw fail("illisible", "vérifiez les droits du fichier")
        }
        if data.count > CaseFileReader.maximumBytes {
            throw fail(
                "le fichier dépasse la limite de 50 Mo pour un fichier de dossier (non lu)",
                "un fichier de dossier fait quelques kilo-octets ; scindez le dossier en plusieurs")
        }
        return data
    }

    /// `CaseValidator.isInseeCode` before its byte version.
    static func isInseeCode(_ text: String) -> Bool {
        let chars = Array(text)
        guard chars.count == 5, chars.allSatisfy({ $0.isASCII }) else { return false }
        let rest = chars[2...].allSatisfy { $0.isNumber }
        if chars[0] == "2", chars[1] == "A" || chars[1] == "B" { return rest }
        return chars[0].isNumber && chars[1].isNumber && rest
    }

    /// The e-mail shape of `CaseValidator`'s party check before its byte version.
    static func hasEmailShape(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !email.contains(" ")
    }

    /// The SIREN/SIRET and postcode digit check before its byte version.
    static func isDigits(_ text: String, count: Int) -> Bool {
        text.count == count && text.allSatisfy({ $0.isASCII && $0.isNumber })
    }
}
