import Foundation
import RecouvreCaseFile
import RecouvreModel

#if canImport(Glibc)
    import Glibc

    private let posixWrite = Glibc.write
#elseif canImport(Darwin)
    import Darwin

    private let posixWrite = Darwin.write
#endif

/// The edge that writes an import: one case file per debtor in the output folder, with the files they
/// need (`pieces/…`). Every case is validated first; if any has a problem, nothing is written. Files
/// are written under a temporary name and renamed into place, so an interrupted import leaves no
/// half-written case. An existing file is replaced only with `force`.
public enum ImportFolder {
    /// The text of an imported case file: a header of comments (where it came from, what to check),
    /// then the case.
    public static func text(of imported: ImportedCase, kind: String) -> String {
        CaseFileWriter.yaml(imported.value, header: header(of: imported, kind: kind))
    }

    /// `text(of:kind:)`'s UTF-8 bytes, written without the intermediate string.
    public static func data(of imported: ImportedCase, kind: String) -> Data {
        Data(CaseFileWriter.bytes(imported.value, header: header(of: imported, kind: kind)))
    }

    static func header(of imported: ImportedCase, kind: String) -> [String] {
        header(of: imported, kind: kind, intro: nil)
    }

    /// The first comment line of a case file from `sources`.
    static func intro(kind: String, sources: [String]) -> String {
        "Importé par `recouvre import \(kind)` depuis \(sources.joined(separator: ", "))."
    }

    /// `header(of:kind:)`, its first line taken from `intro` when made for the case's own sources (a
    /// ledger's cases all come from the one file: the line is made once).
    static func header(of imported: ImportedCase, kind: String, intro: (sources: [String], line: String)?) -> [String] {
        let first =
            intro.flatMap { $0.sources == imported.sources ? $0.line : nil }
            ?? Self.intro(kind: kind, sources: imported.sources)
        var header = [first, "Vérifiez-le avec `recouvre check` avant `recouvre build`."]
        let warnings = imported.notes.filter { $0.kind == .warning }
        if !warnings.isEmpty {
            header.append("")
            header.append("À vérifier :")
            for note in warnings.prefix(50) { header.append("- " + note.description) }
        }
        return header
    }

    /// Validates every case, then writes them to `folder` (created if needed). Returns the paths written.
    /// The cases are validated on `workers` threads (`WorkerPool`); then, into a new or empty folder,
    /// each case file is made and written into the staging folder by the thread that made it (the
    /// 25,000 texts of a large ledger are never all in memory, and both cores do the kernel's file
    /// creation), with the same bytes, names and all-or-nothing guarantees as `writeFiles`. Into a
    /// folder that already holds files, every file is first compared with what is there
    /// (`writeFiles`: nothing is staged before that check passes).
    @discardableResult
    public static func write(
        _ result: ImportResult, to folder: URL, force: Bool, workers: Int = WorkerPool.defaultWorkers
    ) throws(ImportError) -> [String] {
        let cases = result.cases
        let creditor = cases.first.map { ImportValidator.SharedCreditor($0) }
        // The cases read in place through their buffer (an array's subscript in the pool's closure
        // copied each case: ~50 reference counts, and their release).
        let perCase = cases.withUnsafeBufferPointer { buffer in
            WorkerPool.map(buffer.count, workers: workers) { ImportValidator.problems(buffer[$0], creditor: creditor) }
        }
        var problems: [ImportProblem] = []
        for caseProblems in perCase { problems.append(contentsOf: caseProblems) }
        if !problems.isEmpty { throw ImportError(problems) }
        let target = folder.standardizedFileURL.path
        let exists = StagedWrite.isFolder(target)
        if exists == true, !StagedWrite.isEmptyFolder(target) {
            return try writeFiles(files(of: result, workers: workers), to: folder, force: force, protect: [])
        }
        if exists == false {
            throw ImportError("\(folder.path) existe et n'est pas un dossier", remedy: "donnez un dossier pour --out")
        }
        // The paths in `files(of:)`'s order: each case file, then the attachments it is the first to name.
        var paths: [String] = []
        paths.reserveCapacity(cases.count)
        var owned: [Int: [ImportAttachment]] = [:]
        var attached: Set<String> = []
        for index in cases.indices {
            paths.append(cases[index].fileName)
            for attachment in cases[index].attachments where attached.insert(attachment.path).inserted {
                paths.append(attachment.path)
                owned[index, default: []].append(attachment)
            }
        }
        for path in paths where !StagedWrite.isSafeRelativePath(path) {
            throw ImportError("chemin de fichier refusé : \(path)")
        }
        let kind = result.kind
        let creditorBlock = cases.first.map { CaseFileWriter.PartyBlock($0.value.creditor) }
        let intro = cases.first.map { (sources: $0.sources, line: Self.intro(kind: kind, sources: $0.sources)) }
        do {
            try cases.withUnsafeBufferPointer { buffer throws(StagedWrite.Failure) in
                try StagedWrite.stream(count: buffer.count, workers: workers, paths: paths, into: target) {
                    index, folder in
                    write(
                        buffer[index], kind: kind, intro: intro, creditor: creditorBlock,
                        attachments: owned[index] ?? [], into: folder)
                }
            }
        } catch {
            throw ImportError(error.message)
        }
        return paths.map { target + "/" + $0 }
    }

    /// One case's file (and the attachments it is the first to name) written into the staging folder.
    static func write(
        _ imported: ImportedCase, kind: String, intro: (sources: [String], line: String)?,
        creditor: CaseFileWriter.PartyBlock?, attachments: [ImportAttachment], into folder: StagedWrite.Folder
    ) -> StagedWrite.Failure? {
        let bytes = CaseFileWriter.bytes(
            imported.value, header: header(of: imported, kind: kind, intro: intro), creditor: creditor)
        if let failed = bytes.withUnsafeBytes({ folder.write(imported.fileName, $0) }) { return failed }
        for attachment in attachments {
            if let failed = attachment.data.withUnsafeBytes({ folder.write(attachment.path, $0) }) { return failed }
        }
        return nil
    }

    /// Every case validated (the shared creditor checked once) and, when no case has a problem, the
    /// files to write (`files(of:)`), computed per case on `workers` threads, in the cases' order.
    public static func prepared(
        _ result: ImportResult, workers: Int = WorkerPool.defaultWorkers
    ) -> (problems: [ImportProblem], files: [(String, Data)]) {
        let creditor = result.cases.first.map { ImportValidator.SharedCreditor($0) }
        let kind = result.kind
        let cases = result.cases
        let perCase = WorkerPool.map(cases.count, workers: workers) { index -> ([ImportProblem], Data?) in
            let problems = ImportValidator.problems(cases[index], creditor: creditor)
            guard problems.isEmpty else { return (problems, nil) }
            return ([], data(of: cases[index], kind: kind))
        }
        var problems: [ImportProblem] = []
        for (caseProblems, _) in perCase { problems.append(contentsOf: caseProblems) }
        if !problems.isEmpty { return (problems, []) }
        return ([], assemble(cases, texts: perCase.map { $0.1! }))
    }

    /// The files an import writes (path relative to the output folder → bytes): each case file, then
    /// the attachments it names (an attachment two cases share, once).
    public static func files(of result: ImportResult, workers: Int = WorkerPool.defaultWorkers) -> [(String, Data)] {
        let cases = result.cases
        let kind = result.kind
        let creditor = cases.first.map { CaseFileWriter.PartyBlock($0.value.creditor) }
        let texts = WorkerPool.map(cases.count, workers: workers) {
            Data(CaseFileWriter.bytes(cases[$0].value, header: header(of: cases[$0], kind: kind), creditor: creditor))
        }
        return assemble(cases, texts: texts)
    }

    /// Case files and their attachments, in the cases' order.
    static func assemble(_ cases: [ImportedCase], texts: [Data]) -> [(String, Data)] {
        var files: [(String, Data)] = []
        files.reserveCapacity(cases.count)
        var attached: Set<String> = []
        for (imported, text) in zip(cases, texts) {
            files.append((imported.fileName, text))
            for attachment in imported.attachments where attached.insert(attachment.path).inserted {
                files.append((attachment.path, attachment.data))
            }
        }
        return files
    }

    /// Writes `files` (path relative to `folder` → bytes), all or nothing: every file is first written
    /// into a staging folder on the same file system, made durable by **one** `syncfs` (rather than an
    /// `fsync` per file, which is what costs with 25,000 case files), then put in place by rename(2) —
    /// the staging folder itself when `folder` does not exist yet or is empty (one rename), else each
    /// file (each rename atomic: a case file is either the old one or the new one, never a mix) — and
    /// the folders renamed into are fsynced. A failure before the renames leaves the folder as it was;
    /// a crash or power loss at any point leaves no half-written case file. Paths in `protect` are
    /// never replaced, even with `force`; an existing file with other contents only with `force`.
    @discardableResult
    public static func writeFiles(
        _ files: [(String, Data)], to folder: URL, force: Bool, protect: Set<String>
    )
        throws(ImportError)
        -> [String]
    {
        let target = folder.standardizedFileURL.path
        let exists = StagedWrite.isFolder(target)
        if exists == false {
            throw ImportError("\(folder.path) existe et n'est pas un dossier", remedy: "donnez un dossier pour --out")
        }
        for (path, _) in files where !StagedWrite.isSafeRelativePath(path) {
            throw ImportError("chemin de fichier refusé : \(path)")
        }
        var existing: [String] = []
        if exists == true {
            for (path, data) in files {
                let full = target + "/" + path
                guard StagedWrite.entryExists(full) else { continue }
                if protect.contains(path) || (!force && FileManager.default.contents(atPath: full) != data) {
                    existing.append(path)
                }
            }
        }
        if !existing.isEmpty {
            throw ImportError(
                existing.prefix(20).map {
                    ImportProblem(
                        "\(target)/\($0) existe déjà : rien n'a été écrit",
                        remedy: "choisissez un autre dossier --out, ou --force pour remplacer les dossiers importés")
                })
        }
        do {
            try StagedWrite.write(files, into: target, folderExists: exists == true)
        } catch {
            throw ImportError(error.message)
        }
        return files.map { target + "/" + $0.0 }
    }
}

/// The file-system side of `ImportFolder.writeFiles`, in POSIX calls (no per-file Foundation URL or
/// attribute work: 25,000 case files are written in a few hundred milliseconds of CPU).
enum StagedWrite {
    struct Failure: Error {
        var message: String
    }

    /// `true` a folder, `false` something else, `nil` nothing there.
    static func isFolder(_ path: String) -> Bool? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (info.st_mode & S_IFMT) == S_IFDIR
    }

    static func entryExists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// A relative path without `..`, `.` or empty components (an importer's own names; checked anyway),
    /// over the bytes (no substring per component: 25,000 paths).
    static func isSafeRelativePath(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { bytes in
            guard !bytes.isEmpty else { return false }
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: "/") {
                let length = end - start
                if length == 0 { return false }
                if length <= 2, bytes[start] == UInt8(ascii: "."), length == 1 || bytes[start + 1] == UInt8(ascii: ".")
                {
                    return false
                }
                start = end + 1
            }
            return true
        }
    }

    /// Whether the folder at `path` holds nothing (`.` and `..` aside); `false` when it cannot be read.
    static func isEmptyFolder(_ path: String) -> Bool {
        guard let folder = opendir(path) else { return false }
        defer { closedir(folder) }
        while let entry = readdir(folder) {
            let isDot = withUnsafeBytes(of: entry.pointee.d_name) { name in
                name[0] == UInt8(ascii: ".") && (name[1] == 0 || (name[1] == UInt8(ascii: ".") && name[2] == 0))
            }
            if !isDot { return false }
        }
        return true
    }

    /// All of `bytes` written to `descriptor` (a short write continued, EINTR retried); `false` on an error.
    static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = posixWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }

    /// Creates the folder `target` will be in (and its parents), for a `target` that does not exist yet.
    static func createParent(of target: String) throws(Failure) {
        let parentFolder = parent(of: target)
        do {
            try FileManager.default.createDirectory(atPath: parentFolder, withIntermediateDirectories: true)
        } catch {
            throw Failure(message: "création de \(parentFolder) impossible : \(error.localizedDescription)")
        }
    }

    /// The staging folder, open: files are created in it relative to its descriptor (`openat`: no
    /// path resolution from the root, no `stat` per file), from any thread.
    struct Folder: @unchecked Sendable {
        let descriptor: Int32
        let path: String

        /// Creates `relative` (its sub-folders first, if any) with `bytes`: one open, write, close. The
        /// failure, if any.
        func write(_ relative: String, _ bytes: UnsafeRawBufferPointer) -> Failure? {
            if let slash = relative.utf8.lastIndex(of: UInt8(ascii: "/")) {
                var built = ""
                for component in relative[..<slash].split(separator: "/") {
                    built += built.isEmpty ? String(component) : "/" + component
                    if mkdirat(descriptor, built, 0o777) != 0, errno != EEXIST {
                        return failure("création de", path + "/" + built)
                    }
                }
            }
            let file = openat(descriptor, relative, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            guard file >= 0 else { return failure("création de", path + "/" + relative) }
            let ok = writeAll(file, bytes)
            let closed = close(file) == 0
            return ok && closed ? nil : failure("écriture de", path + "/" + relative)
        }
    }

    /// Into a new or empty `target`: a staging folder beside it, `count` items written into it by
    /// `produce` on `workers` threads (item `i` writes its own files), then one `syncfs` and one
    /// rename (see `write(_:into:folderExists:)`, whose guarantees are the same). A failure of any
    /// item removes the staging folder and leaves `target` as it was. `paths` are every file the items
    /// write (for the file-by-file fallback and the per-file `fsync` outside Linux).
    static func stream(
        count: Int, workers: Int, paths: [String], into target: String,
        produce: (Int, Folder) -> Failure?
    ) throws(Failure) {
        let folderExists = isFolder(target) == true
        let parentFolder = parent(of: target)
        if !folderExists { try createParent(of: target) }
        let name = String(target[target.index(after: target.lastIndex(of: "/") ?? target.startIndex)...])
        let staging = parentFolder + "/.\(name).recouvre-import-\(getpid())"
        removeTree(staging)
        guard mkdir(staging, 0o777) == 0 else { throw failure("création de", staging) }
        let descriptor = open(staging, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let failed = failure("ouverture de", staging)
            removeTree(staging)
            throw failed
        }
        let folder = Folder(descriptor: descriptor, path: staging)
        let failures = WorkerPool.map(count, workers: workers) { produce($0, folder) }
        close(descriptor)
        if let failed = failures.first(where: { $0 != nil }) {
            removeTree(staging)
            throw failed!
        }
        do {
            try makeDurable(staging, paths: paths)
        } catch {
            removeTree(staging)
            throw error
        }
        try putInPlace(staging, into: target, paths: paths)
    }

    static func failure(_ what: String, _ path: String) -> Failure {
        Failure(message: "\(what) \(path) impossible : \(String(cString: strerror(errno)))")
    }

    /// Writes every file under `staging`, creating the sub-folders the paths need.
    static func stage(_ files: [(String, Data)], in staging: String) throws(Failure) {
        var folders: Set<Substring> = []
        for (path, data) in files {
            if let slash = path.lastIndex(of: "/") {
                let parent = path[..<slash]
                if folders.insert(parent).inserted {
                    var built = staging
                    for component in parent.split(separator: "/") {
                        built += "/" + component
                        if mkdir(built, 0o777) != 0, errno != EEXIST { throw failure("création de", built) }
                    }
                }
            }
            let full = staging + "/" + path
            let descriptor = open(full, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            guard descriptor >= 0 else { throw failure("création de", full) }
            let ok = data.withUnsafeBytes { writeAll(descriptor, $0) }
            let closed = close(descriptor) == 0
            guard ok, closed else { throw failure("écriture de", full) }
        }
    }

    /// Makes everything written under `path` durable: one `syncfs` of its file system on Linux (what
    /// lets 25,000 files be written without 25,000 journal commits), an `fsync` per file elsewhere.
    static func makeDurable(_ path: String, paths: [String]) throws(Failure) {
        #if os(Linux)
            let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard descriptor >= 0 else { throw failure("ouverture de", path) }
            defer { close(descriptor) }
            // glibc's syncfs(2) is not in Swift's Glibc module: looked up once (sync(2) if absent).
            if let syncfs = syncFileSystem {
                guard syncfs(descriptor) == 0 else { throw failure("synchronisation de", path) }
            } else {
                sync()
            }
        #else
            for relative in paths { try fsyncPath(path + "/" + relative, directory: false) }
        #endif
    }

    #if os(Linux)
        private typealias SyncFS = @convention(c) (Int32) -> Int32
        private static let syncFileSystem: SyncFS? = dlsym(
            UnsafeMutableRawPointer(bitPattern: 0), "syncfs"
        ).map { unsafeBitCast($0, to: SyncFS.self) }
    #endif

    static func fsyncPath(_ path: String, directory: Bool) throws(Failure) {
        let descriptor = open(path, (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure("ouverture de", path) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw failure("synchronisation de", path) }
    }

    static func removeTree(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Stages, syncs and renames into `target` (see `ImportFolder.writeFiles`).
    static func write(_ files: [(String, Data)], into target: String, folderExists: Bool) throws(Failure) {
        let pid = getpid()
        let parentFolder = parent(of: target)
        if !folderExists { try createParent(of: target) }
        // A new or empty folder: stage beside it and rename the whole staging folder into place.
        let empty =
            !folderExists || ((try? FileManager.default.contentsOfDirectory(atPath: target))?.isEmpty ?? false)
        if empty {
            let name = String(target[target.index(after: target.lastIndex(of: "/") ?? target.startIndex)...])
            let staging = parentFolder + "/.\(name).recouvre-import-\(pid)"
            removeTree(staging)
            guard mkdir(staging, 0o777) == 0 else { throw failure("création de", staging) }
            do {
                try stage(files, in: staging)
                try makeDurable(staging, paths: files.map(\.0))
            } catch {
                removeTree(staging)
                throw error
            }
            try putInPlace(staging, into: target, paths: files.map(\.0))
            return
        }
        let staging = target + "/.recouvre-import-\(pid)"
        removeTree(staging)
        guard mkdir(staging, 0o777) == 0 else { throw failure("création de", staging) }
        do {
            try stage(files, in: staging)
            try makeDurable(staging, paths: files.map(\.0))
        } catch {
            removeTree(staging)
            throw error
        }
        try renameEach(files.map(\.0), from: staging, into: target)
    }

    /// The staging folder (beside `target`) renamed into place, the parent folder fsynced; if the
    /// folder was written into meanwhile (ENOTEMPTY), each file renamed instead (`renameEach`).
    static func putInPlace(_ staging: String, into target: String, paths: [String]) throws(Failure) {
        if rename(staging, target) == 0 {
            try fsyncPath(parent(of: target), directory: true)
            return
        }
        let code = errno
        guard code == ENOTEMPTY || code == EEXIST else {
            removeTree(staging)
            errno = code
            throw failure("mise en place de", target)
        }
        try renameEach(paths, from: staging, into: target)
    }

    /// Renames each staged file to its place (rename(2) replaces an existing file atomically), then
    /// fsyncs every folder renamed into and removes the staging folder.
    static func renameEach(_ paths: [String], from staging: String, into target: String) throws(Failure) {
        defer { removeTree(staging) }
        var touched: Set<String> = [target]
        var created: Set<String> = []
        for path in paths {
            let destination = target + "/" + path
            let folder = parent(of: destination)
            if folder != target, created.insert(folder).inserted {
                do {
                    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                } catch {
                    throw Failure(message: "création de \(folder) impossible : \(error.localizedDescription)")
                }
            }
            touched.insert(folder)
            guard rename(staging + "/" + path, destination) == 0 else {
                let reason = String(cString: strerror(errno))
                throw Failure(
                    message:
                        "écriture de \(destination) impossible (\(reason)) ; les fichiers déjà en place sont complets")
            }
        }
        for folder in touched.sorted() { try fsyncPath(folder, directory: true) }
    }
}
