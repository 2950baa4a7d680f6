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

    /// The journals (`x.reminders.yaml`) the listing found directly in `folder`: a flat case whose
    /// journal is not among them has none, and no worker looks for it on disk (one failed `stat` per
    /// debtor less; a journal written during the run is read by the next one, as a case added then).
    let journals: Set<String>

    /// Lists `folder`; throws when it cannot be listed or holds no case file.
    ///
    /// The kind of each entry comes from the listing itself (`readdir`'s `d_type`, `list`): a
    /// regular file or a folder costs no `stat` (10,000 case files took two each, 86 ms before the
    /// first debtor started: one in `fileExists`, one in `appendingPathComponent`, which looks at the
    /// disk to know whether the name is a folder). A link, or a file system that does not say, is
    /// looked at as before (`fileExists`, which follows links).
    public init(folder: URL) throws(BatchInputError) {
        let fm = FileManager.default
        self.folder = folder
        guard let listing = Self.list(folder.path) else {
            throw BatchInputError(source: folder.path, message: "dossier illisible ou introuvable")
        }
        var found: [(String, String)] = []
        // The reports of a batch written into its own input folder are not cases.
        let reports: Set<String> = [BatchReport.jsonName, BatchReport.csvName]
        for (name, kind) in listing where !name.hasPrefix(".") && !reports.contains(name) {
            let isFolder: Bool
            switch kind {
            case .regular?: isFolder = false
            case .folder?: isFolder = true
            case nil:
                var folderFlag: ObjCBool = false
                guard
                    fm.fileExists(
                        atPath: folder.appendingPathComponent(name, isDirectory: false).path, isDirectory: &folderFlag)
                else {
                    continue
                }
                isFolder = folderFlag.boolValue
            }
            if isFolder {
                let url = folder.appendingPathComponent(name, isDirectory: true)
                for file in ["case.yaml", "case.yml", "case.json"]
                where fm.fileExists(atPath: url.appendingPathComponent(file, isDirectory: false).path) {
                    found.append(("\(name)/\(file)", name))
                    break
                }
            } else if let stem = Self.caseFileStem(name) {
                found.append((name, stem))
            }
        }
        guard !found.isEmpty else {
            throw BatchInputError(
                source: folder.path,
                message: "aucun dossier à traiter : ni fichier *.yaml / *.json, ni sous-dossier avec case.yaml")
        }
        self.files = found.map { (path: $0.0, bundleName: $0.1) }
        self.journals = Set(listing.lazy.map(\.name).filter { $0.hasSuffix(".reminders.yaml") })
    }

    /// The bundle name of the file `name` when it is a case file (`*.yaml`, `*.yml`, `*.json`, in any
    /// case, not a journal `x.reminders.yaml`, issue 16): its name less the extension; else nil. The
    /// extension is what `URL.pathExtension` gives for a plain file name (after the last dot, the dot
    /// not first), found in the UTF-8 bytes: a URL per name cost ≈ 4 µs, 40 ms before the first debtor
    /// of 10,000.
    static func caseFileStem(_ name: String) -> String? {
        let utf8 = name.utf8
        guard let dot = utf8.lastIndex(of: UInt8(ascii: ".")), dot != utf8.startIndex else { return nil }
        let extensionBytes = utf8[utf8.index(after: dot)...]
        guard (3...4).contains(extensionBytes.count),
            extensions.contains(String(decoding: extensionBytes, as: UTF8.self).lowercased()),
            !name.hasSuffix(".reminders.yaml")
        else { return nil }
        return String(name[..<dot])
    }

    /// What `readdir` says an entry is, when it says: a regular file or a folder. Links, sockets,
    /// devices and entries of unknown kind (`DT_UNKNOWN`, on file systems that do not fill `d_type`)
    /// are nil: the caller looks at them with `stat`, following links.
    enum EntryKind { case regular, folder }

    /// The names in the folder at `path` (not `.` and `..`), sorted, each with its kind as the
    /// listing gives it: one pass of `readdir` (the names and their kinds were two listings of the
    /// folder, 10 ms each at 10,000 case files, and no `stat` per entry). nil when it cannot be listed.
    static func list(_ path: String) -> [(name: String, kind: EntryKind?)]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var entries: [(name: String, kind: EntryKind?)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name == "." || name == ".." { continue }
            let type = entry.pointee.d_type
            let kind: EntryKind? =
                type == UInt8(DT_REG) ? .regular : type == UInt8(DT_DIR) ? .folder : nil
            entries.append((name, kind))
        }
        entries.sort { $0.name < $1.name }
        return entries
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
        // That folder and its `pieces` opened once for all of them (`SharedFolders`).
        let shared = realFolder.map { SharedFolders(realFolder: $0) }
        let journals = self.journals
        return AnyIterator {
            guard let file = iterator.next() else { return nil }
            // (A file: no `stat` to find out whether the name is a folder.)
            let url = folder.appendingPathComponent(file.path, isDirectory: false)
            let source = url.path
            let caseFolder = url.deletingLastPathComponent()
            let flat = !file.path.contains("/")
            return BatchItem(source: source, bundleName: file.bundleName, file: source) { times in
                let exhibits =
                    if flat, let realFolder {
                        FolderExhibitSource(folder: caseFolder, realFolder: realFolder, shared: shared)
                    } else {
                        FolderExhibitSource(folder: caseFolder)
                    }
                let data = try times.measure(.read) {
                    try Self.read(url, name: source, shared: flat ? shared : nil, fileName: flat ? file.path : nil)
                }
                let value = try times.measure(.validate) {
                    try CaseFileReader.decodeLocated(
                        data, name: source, exhibits: exhibits, json: url.pathExtension.lowercased() == "json"
                    ).0
                }
                // amicable (issue 16): the journal beside the case, as `build` reads it.
                let journal = try times.measure(.read) { () throws -> AmicableJournal? in
                    // A flat case's journal would have been listed with it.
                    if flat, !journals.contains(Self.lastComponent(AmicableJournal.path(forCase: source))) {
                        return nil
                    }
                    return try AmicableJournal.read(forCase: source)
                }
                let base = caseFolder.path.hasSuffix("/") ? caseFolder.path : caseFolder.path + "/"
                return BatchCase(
                    value: value, exhibits: exhibits, key: DebtorKey(of: value),
                    exhibitPaths: value.exhibits.compactMap(\.file).map { $0.hasPrefix("/") ? $0 : base + $0 },
                    journal: journal)
            }
        }
    }

    /// The last `/`-separated component of `path`.
    static func lastComponent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// The file's bytes, refusing (as `check` and `build` do) a file over the case-file size limit.
    /// The case file's bytes, at most `CaseFileReader.maximumBytes`. `fileName`: its name directly in
    /// `shared`'s folder, opened relative to it (no walk of the whole path); otherwise `url`'s path.
    /// Opened as `FileHandle(forReadingAtPath:)` opens (a link followed), its size taken by `fstat`
    /// and read in one `read` of one byte more (a short read of a regular file is its end).
    static func read(_ url: URL, name: String, shared: SharedFolders? = nil, fileName: String? = nil) throws -> Data {
        func fail(_ message: String) -> CaseFileError {
            CaseFileError(problems: [CaseFileProblem(file: name, line: 0, column: 0, keyPath: "", message: message)])
        }
        let descriptor: Int32
        if let shared, let fileName, let folder = shared.baseDescriptor() {
            descriptor = fileName.withCString { openat(folder, $0, O_RDONLY | O_CLOEXEC) }
        } else {
            descriptor = url.withUnsafeFileSystemRepresentation { path in
                guard let path else { return -1 }
                return open(path, O_RDONLY | O_CLOEXEC)
            }
        }
        guard descriptor >= 0 else { throw fail("illisible (droits d'accès ?)") }
        defer { close(descriptor) }
        var info = stat()
        let expected = fstat(descriptor, &info) == 0 ? min(Int(info.st_size), CaseFileReader.maximumBytes) : 0
        guard
            let data = FolderExhibitSource.readAll(
                descriptor, expected: expected, limit: CaseFileReader.maximumBytes + 1)
        else { return Data() }
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
