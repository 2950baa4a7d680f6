import Foundation
import RecouvreAmicable
import RecouvreBundle
import RecouvreCaseFile
import RecouvreModel

/// A folder of case files: every `*.yaml`, `*.yml` or `*.json` directly in it (bundle named after the
/// file: `552100554.yaml` → `552100554`), and every `case.yaml` / `case.json` one folder down (bundle
/// named after that folder, as `fixtures/` is laid out). Hidden files and folders are ignored. Only
/// the paths are listed up front, sorted; each case is read by the worker that builds it.
public struct CaseFolderSource: InputSource {
    public let folder: URL
    /// The case files found, relative to `folder`, sorted, with their bundle names.
    public let files: [(path: String, bundleName: String)]

    static let extensions: Set<String> = ["yaml", "yml", "json"]

    /// Lists `folder`; throws when it cannot be listed or holds no case file.
    public init(folder: URL) throws(BatchInputError) {
        let fm = FileManager.default
        self.folder = folder
        guard let names = try? fm.contentsOfDirectory(atPath: folder.path) else {
            throw BatchInputError(source: folder.path, message: "dossier illisible ou introuvable")
        }
        var found: [(String, String)] = []
        // The reports of a batch written into its own input folder are not cases.
        let reports: Set<String> = [BatchReport.jsonName, BatchReport.csvName]
        for name in names.sorted() where !name.hasPrefix(".") && !reports.contains(name) {
            let url = folder.appendingPathComponent(name)
            var isFolder: ObjCBool = false
            guard fm.fileExists(atPath: url.path, isDirectory: &isFolder) else { continue }
            if isFolder.boolValue {
                for file in ["case.yaml", "case.yml", "case.json"]
                where fm.fileExists(atPath: url.appendingPathComponent(file).path) {
                    found.append(("\(name)/\(file)", name))
                    break
                }
            } else if Self.extensions.contains(url.pathExtension.lowercased()), !name.hasSuffix(".reminders.yaml") {
                // `x.reminders.yaml` is the journal of `x.yaml` (issue 16), read with it, not a case.
                found.append((name, String(name.dropLast(url.pathExtension.count + 1))))
            }
        }
        guard !found.isEmpty else {
            throw BatchInputError(
                source: folder.path,
                message: "aucun dossier à traiter : ni fichier *.yaml / *.json, ni sous-dossier avec case.yaml")
        }
        self.files = found.map { (path: $0.0, bundleName: $0.1) }
    }

    public var description: String { "\(folder.path) (\(files.count) fichiers)" }
    public var count: Int? { files.count }
    /// Each item reads its case file and checks (then the worker reads) its exhibits on disk.
    public var readsFiles: Bool { true }

    public func items() -> AnyIterator<BatchItem> {
        var iterator = files.makeIterator()
        let folder = self.folder
        // The real path of the input folder, resolved once for the cases directly in it (their
        // exhibits are confined to it); a case one folder down resolves its own.
        let realFolder = FolderExhibitSource.realPath(folder.path)
        return AnyIterator {
            guard let file = iterator.next() else { return nil }
            let url = folder.appendingPathComponent(file.path)
            let source = url.path
            let caseFolder = url.deletingLastPathComponent()
            let flat = !file.path.contains("/")
            return BatchItem(source: source, bundleName: file.bundleName, file: source) { times in
                let exhibits =
                    if flat, let realFolder {
                        FolderExhibitSource(folder: caseFolder, realFolder: realFolder)
                    } else {
                        FolderExhibitSource(folder: caseFolder)
                    }
                let data = try times.measure(.read) { try Self.read(url, name: source) }
                let value = try times.measure(.validate) {
                    try CaseFileReader.decodeLocated(
                        data, name: source, exhibits: exhibits, json: url.pathExtension.lowercased() == "json"
                    ).0
                }
                // amicable (issue 16): the journal beside the case, as `build` reads it.
                let journal = try times.measure(.read) { try AmicableJournal.read(forCase: source) }
                let base = caseFolder.path.hasSuffix("/") ? caseFolder.path : caseFolder.path + "/"
                return BatchCase(
                    value: value, exhibits: exhibits, key: DebtorKey(of: value),
                    exhibitPaths: value.exhibits.compactMap(\.file).map { $0.hasPrefix("/") ? $0 : base + $0 },
                    journal: journal)
            }
        }
    }

    /// The file's bytes, refusing (as `check` and `build` do) a file over the case-file size limit.
    static func read(_ url: URL, name: String) throws -> Data {
        func fail(_ message: String) -> CaseFileError {
            CaseFileError(problems: [CaseFileProblem(file: name, line: 0, column: 0, keyPath: "", message: message)])
        }
        guard let handle = FileHandle(forReadingAtPath: url.path) else { throw fail("illisible (droits d'accès ?)") }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: CaseFileReader.maximumBytes + 1) else { return Data() }
        if data.count > CaseFileReader.maximumBytes {
            throw fail(
                "dépasse la limite de 50 Mo d'un fichier de dossier (non lu) ; découpez le grand livre avec `recouvre import`"
            )
        }
        return data
    }
}

/// An input that cannot be read at all (before any debtor): exit status 1.
public struct BatchInputError: RecouvreError, Sendable {
    public var source: String
    public var message: String

    public init(source: String, message: String) {
        self.source = source
        self.message = message
    }

    public var exitCode: Int32 { 1 }
    public var description: String { "\(source) : \(message)" }
}
