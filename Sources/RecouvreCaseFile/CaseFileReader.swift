import Foundation
import RecouvreModel
import Yams

/// Reads a case file (YAML or JSON, case-format.md version 1) into a `Case`.
///
/// JSON is read through the same YAML parser (a JSON document is a YAML flow document), so both
/// formats get the same line and column in every message; a `.json` file must also be strict JSON.
public enum CaseFileReader {
    /// Larger files are refused before a byte is read: a real case is a few kilobytes, 10 000
    /// invoices a few megabytes.
    public static let maximumBytes = 50 * 1024 * 1024

    /// Reads and validates the file at `path`; throws every problem found, located. Exhibit files are
    /// looked for in the case file's folder; `today` (read by the caller, at the edge) lets the
    /// validator refuse dates in the future.
    public static func load(path: String, today: Day? = nil) throws(CaseFileError) -> LoadedCase {
        let url = URL(fileURLWithPath: path)
        let json = url.pathExtension.lowercased() == "json"
        // The bytes and their text are released once the document is read, before the `Case` is
        // built: a 100 000-invoice file never has its text, its document and its `Case` in memory at once.
        let document = try self.document(read(path: path), name: path, json: json)
        let (value, locations) = try validated(
            decode(document, name: path), exhibits: FolderExhibitSource(folder: url.deletingLastPathComponent()),
            today: today)
        return LoadedCase(value: value, file: url, locations: locations)
    }

    /// Validates a case given as bytes; `name` is the file name used in messages and `folder` the
    /// folder exhibit paths are relative to.
    public static func decode(
        _ data: Data, name: String, folder: URL, json: Bool = false, today: Day? = nil
    ) throws(CaseFileError) -> Case {
        try decodeLocated(data, name: name, exhibits: FolderExhibitSource(folder: folder), json: json, today: today).0
    }

    /// Reads the bytes of a case file into a `Case` and where each value came from, then validates it
    /// (`CaseValidator`) with its files found in `exhibits`; throws every problem of both stages, in
    /// the order of the file.
    public static func decodeLocated(
        _ data: Data, name: String, exhibits: any ExhibitSource, json: Bool = false, today: Day? = nil
    ) throws(CaseFileError) -> (Case, SourceLocations) {
        try validated(read(data, name: name, json: json), exhibits: exhibits, today: today)
    }

    /// The read `Case`, validated: every problem of reading and of validation, in the order of the file.
    static func validated(
        _ read: (Case, SourceLocations, [CaseProblem]), exhibits: any ExhibitSource, today: Day?
    ) throws(CaseFileError) -> (Case, SourceLocations) {
        let (value, locations, problems) = read
        let found =
            CaseValidator.labelled(problems, in: value, locations: locations)
            + CaseValidator.validate(value, locations: locations, exhibits: exhibits, today: today)
        if !found.isEmpty { throw CaseFileError(problems: CaseFileDecoder.sorted(found)) }
        return (value, locations)
    }

    /// The reading stage alone: the `Case` (placeholders where a value could not be read), its
    /// locations, and the problems of reading. Throws when the bytes hold no case at all.
    static func read(
        _ data: Data, name: String, json: Bool
    ) throws(CaseFileError) -> (Case, SourceLocations, [CaseProblem]) {
        try decode(document(data, name: name, json: json), name: name)
    }

    /// The document in the bytes (one pass of libyaml, with the checks of `YAMLEvents`); throws when
    /// they hold no case at all (empty, not UTF-8, refused, a syntax error, not strict JSON).
    static func document(_ data: Data, name: String, json: Bool) throws(CaseFileError) -> FlatYAML {
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
        // One pass of the parser checks what a case file refuses and records the document; Yams
        // composes only when something is wrong (a syntax error, a key twice), for its exact error.
        let document: FlatYAML?
        switch YAMLEvents.compose(text) {
        case .refused(let found):
            throw fail(found.line, found.column, found.message, found.remedy)
        case .document(let flat):
            document = flat
        case .yamsDecides:
            do {
                // UTF-8 named: Yams's default looks it up in the environment on every call.
                document = try Yams.compose(yaml: text, .basic, .default, .utf8).map { FlatYAML(node: $0) }
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
        guard let document else {
            throw fail(
                0, 0, "le fichier ne contient aucun dossier (seulement des blancs ou des commentaires)",
                "attendu un fichier de dossier : `recouvre init` en écrit un exemple")
        }
        return document
    }

    /// The `Case` of a document (placeholders where a value could not be read), its locations and
    /// the problems of reading; throws when the document is not a case at all.
    static func decode(
        _ document: FlatYAML, name: String
    ) throws(CaseFileError) -> (Case, SourceLocations, [CaseProblem]) {
        let decoder = CaseFileDecoder(file: name, document: document)
        guard let value = decoder.decodeCase(document.root) else {
            throw CaseFileError(problems: decoder.sortedProblems)
        }
        return (value, decoder.locations(), decoder.problems)
    }

    /// The bytes of the file, after checking it is a regular file of acceptable size.
    static func read(path: String) throws(CaseFileError) -> Data {
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
        if size > maximumBytes {
            throw fail(
                "le fichier fait \(megabytes(size)) Mo, au-delà de la limite de 50 Mo pour un fichier de dossier (non lu)",
                "un fichier de dossier fait quelques kilo-octets ; scindez le dossier en plusieurs")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw fail("illisible (permission refusée ?)", "vérifiez les droits du fichier")
        }
        defer { try? handle.close() }
        // Read at most one byte past the limit: the file may have grown since it was measured.
        guard let data = try? handle.read(upToCount: maximumBytes + 1) else {
            if size == 0 { return Data() }
            throw fail("illisible", "vérifiez les droits du fichier")
        }
        if data.count > maximumBytes {
            throw fail(
                "le fichier dépasse la limite de 50 Mo pour un fichier de dossier (non lu)",
                "un fichier de dossier fait quelques kilo-octets ; scindez le dossier en plusieurs")
        }
        return data
    }

    static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + 524_288) / 1_048_576
        return "\(tenths / 10),\(tenths % 10)"
    }
}
