import Foundation
import RecouvreModel
import Yams

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// POSIX `read`, named apart from the reader's own `read` functions.
private func posixRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.read(descriptor, buffer, count)
    #else
        Darwin.read(descriptor, buffer, count)
    #endif
}

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
        // `pathExtension` is asked only of a name ending in .json (it costs more than the check).
        let json = path.lowercased().hasSuffix(".json") && url.pathExtension.lowercased() == "json"
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
        let document: FlatYAML?
        // The reader of our own first (YAML only: a .json file keeps libyaml and the strict check);
        // it declines anything it is not sure of, which libyaml's pass then reads as before.
        if !json, let fast = CaseYAMLReader.compose(text) {
            document = fast
        } else {
            document = try libyamlDocument(text, name: name, json: json)
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

    /// The document through libyaml's pass (`YAMLEvents.compose`), and Yams when something is wrong:
    /// the reference `CaseYAMLReader` is compared with, and the path for all it declines.
    static func libyamlDocument(_ text: String, name: String, json: Bool) throws(CaseFileError) -> FlatYAML? {
        func fail(_ line: Int, _ column: Int, _ message: String, _ remedy: String?) -> CaseFileError {
            CaseFileError(problems: [
                CaseFileProblem(
                    file: name, line: line, column: column, keyPath: "",
                    message: message, remedy: remedy)
            ])
        }
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

    /// The bytes of the file, after checking it is a regular file of acceptable size. POSIX calls
    /// (`stat`, `lstat`, `open`, `read`) rather than `FileManager`'s attribute dictionary and
    /// `FileHandle`, with the same checks in the same order: a folder of 10,000 cases reads each.
    static func read(path: String) throws(CaseFileError) -> Data {
        func fail(_ message: String, _ remedy: String?) -> CaseFileError {
            CaseFileError(problems: [
                CaseFileProblem(
                    file: path, line: 0, column: 0, keyPath: "",
                    message: message, remedy: remedy)
            ])
        }
        // As `FileManager.fileExists(atPath:isDirectory:)`: following a symbolic link.
        var target = stat()
        guard stat(path, &target) == 0 else {
            throw fail(
                "fichier introuvable", "vérifiez le chemin ; `recouvre init RÉPERTOIRE` écrit un exemple de dossier")
        }
        if target.st_mode & S_IFMT == S_IFDIR {
            throw fail(
                "est un répertoire, pas un fichier de dossier",
                "donnez le fichier lui-même, par exemple \(path)/case.yaml")
        }
        // As `FileManager.attributesOfItem(atPath:)`: the entry itself (a symbolic link is not a
        // regular file); nothing said when it cannot be read.
        var entry = stat()
        var size = 0
        if lstat(path, &entry) == 0 {
            if entry.st_mode & S_IFMT != S_IFREG {
                throw fail("n'est pas un fichier ordinaire", "donnez un fichier de dossier YAML ou JSON")
            }
            size = Int(entry.st_size)
        }
        if size > maximumBytes {
            throw fail(
                "le fichier fait \(megabytes(size)) Mo, au-delà de la limite de 50 Mo pour un fichier de dossier (non lu)",
                "un fichier de dossier fait quelques kilo-octets ; scindez le dossier en plusieurs")
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw fail("illisible (permission refusée ?)", "vérifiez les droits du fichier")
        }
        defer { close(descriptor) }
        // Read at most one byte past the limit: the file may have grown since it was measured.
        let limit = maximumBytes + 1
        var data = Data(count: min(max(size, 4096), limit))
        var total = 0
        var failed = false
        while total < limit {
            if total == data.count { data.count = min(data.count * 2, limit) }
            let got = data.withUnsafeMutableBytes { buffer in
                posixRead(descriptor, buffer.baseAddress! + total, buffer.count - total)
            }
            if got < 0 {
                if errno == EINTR { continue }
                failed = true
                break
            }
            if got == 0 { break }
            total += got
        }
        // `FileHandle.read(upToCount:)` gave nothing at the end of the file, or on an error.
        if failed || total == 0 {
            if size == 0 { return Data() }
            throw fail("illisible", "vérifiez les droits du fichier")
        }
        if total > maximumBytes {
            throw fail(
                "le fichier dépasse la limite de 50 Mo pour un fichier de dossier (non lu)",
                "un fichier de dossier fait quelques kilo-octets ; scindez le dossier en plusieurs")
        }
        data.count = total
        return data
    }

    static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + 524_288) / 1_048_576
        return "\(tenths / 10),\(tenths % 10)"
    }
}
