import Foundation

/// What a case's path names, as an exhibit source sees it.
public enum ExhibitEntry: Sendable, Hashable {
    /// A regular file of that many bytes, inside the case's folder.
    case file(size: Int)
    case missing
    case folder
    /// A device, a pipe, a socket: never read.
    case special
    /// Inside the folder by its name, outside once symbolic links are resolved.
    case outside
    /// There, but it cannot be read (permissions).
    case unreadable
}

/// Why an exhibit's bytes could not be given.
public struct ExhibitReadError: Error, Sendable, Equatable, CustomStringConvertible {
    public let path: String
    public let entry: ExhibitEntry
    public var description: String { "\(path): \(entry)" }
}

/// Where the files a case names (exhibits, notices, status messages) are found: the case's folder
/// on disk for the command line, bytes in memory for an upload. The validator asks a source what a
/// path names and never opens a file itself; a bundle builder reads exhibits through the same source,
/// so only what the validator accepted is ever copied.
///
/// Paths are the case's own: relative, `/`-separated, already checked by the validator to stay inside
/// the folder (`CaseValidator.normalizedPath`).
public protocol ExhibitSource: Sendable {
    func entry(at path: String) -> ExhibitEntry
    /// The bytes of a file the validator accepted; at most `CaseLimits.exhibitBytes`.
    func contents(of path: String) throws(ExhibitReadError) -> Data
}

/// The limits on what a case names and says (docs/case-format.md, "Limits").
public enum CaseLimits {
    /// One exhibit file: 20 MB.
    public static let exhibitBytes = 20 * 1024 * 1024
    /// Names, titles, references and other one-line texts.
    public static let shortText = 1_000
    /// Descriptions, clauses and other free texts.
    public static let longText = 10_000
    /// Nesting of YAML collections.
    public static let depth = 64
}

/// The files of a folder on disk (the case file's own folder).
///
/// A path is confined to the folder once symbolic links are resolved. The common case — no link on
/// the way — is checked with one `lstat` per component below the folder's real path (resolved once,
/// when the source is made), with no `realpath` per exhibit; a link anywhere under the folder, or
/// any failure, takes the full resolution (`realpath`), so every refusal is the one it always was.
public struct FolderExhibitSource: ExhibitSource {
    public let folder: URL
    /// The folder's real path as the caller resolved it, or nil: resolved at each use.
    private let resolvedFolder: String?
    /// `folder.path`, for the full resolution.
    private let folderPath: String
    /// The folders of this source's exhibits, opened once (reader, issue 14).
    let handles: FolderHandles

    public init(folder: URL) {
        self.folder = folder
        self.folderPath = folder.path
        self.resolvedFolder = nil
        self.handles = FolderHandles(shared: nil)
    }

    /// A source whose folder's real path the caller resolved (`realPath(folder.path)`, not nil): a
    /// batch of case files of one folder resolves it once for all of them, and may share the folder's
    /// descriptor and those of its first-level folders between them (`shared`, made for that same
    /// real path; another path's is not used).
    public init(folder: URL, realFolder: String, shared: SharedFolders? = nil) {
        self.folder = folder
        self.folderPath = folder.path
        self.resolvedFolder = realFolder
        self.handles = FolderHandles(shared: shared)
    }

    /// The folder's real path (symbolic links resolved), `nil` if it does not exist.
    private var realFolder: String? { resolvedFolder ?? Self.realPath(folderPath) }

    /// `realpath(3)` of `path`, `nil` when it names nothing.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The real path of `path` under the folder, with its `lstat`, when no component below the
    /// folder's real path is a symbolic link and every one exists: then that path is its own real
    /// path. `nil` otherwise (the caller resolves it fully).
    private func direct(_ path: String, base: String?) -> (real: String, info: stat)? {
        guard let base, Self.isPlainRelative(path) else { return nil }
        let real = base.hasSuffix("/") ? base + path : base + "/" + path
        var info = stat()
        // Each folder on the way: a real folder, not a link.
        var prefixEnd = real.utf8.index(real.utf8.startIndex, offsetBy: base.utf8.count)
        let utf8 = real.utf8
        while let slash = utf8[utf8.index(after: prefixEnd)...].firstIndex(of: UInt8(ascii: "/")) {
            let ok = String(real[..<slash]).withCString { lstat($0, &info) == 0 }
            guard ok, info.st_mode & S_IFMT == S_IFDIR else { return nil }
            prefixEnd = slash
        }
        guard lstat(real, &info) == 0, info.st_mode & S_IFMT != S_IFLNK else { return nil }
        return (real, info)
    }

    /// Relative, and no component empty, `.` or `..` (a normalized path): only such a path can be
    /// checked component by component.
    static func isPlainRelative(_ path: String) -> Bool {
        var length = 0
        var dots = 0
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                if length == 0 || length == dots { return false }
                length = 0
                dots = 0
            } else {
                length += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        // A component of dots only is `.`, `..` or a name like `...`: the last two never take the
        // direct path either.
        return length > 0 && length != dots
    }

    /// The real path of `path` under the folder, or the entry that says why there is none (the
    /// full resolution: `realpath` of the path).
    private func resolve(_ path: String, base: String?) -> Result<String, ExhibitReadError> {
        let joined = folderPath.hasSuffix("/") ? folderPath + path : folderPath + "/" + path
        var info = stat()
        guard lstat(joined, &info) == 0 else {
            return .failure(ExhibitReadError(path: path, entry: errno == EACCES ? .unreadable : .missing))
        }
        guard let base, let real = Self.realPath(joined) else {
            // A dangling symbolic link names nothing.
            return .failure(ExhibitReadError(path: path, entry: .missing))
        }
        guard real.hasPrefix(base.hasSuffix("/") ? base : base + "/") else {
            return .failure(ExhibitReadError(path: path, entry: .outside))
        }
        return .success(real)
    }

    public func entry(at path: String) -> ExhibitEntry {
        var info = stat()
        let real: String
        let base = realFolder
        // The common case through the opened folders: the file's own `lstat` and `access`, relative
        // to its folder's descriptor (no walk of the whole path, no `lstat` per folder). Anything
        // unusual — a link, a missing file, a folder that did not open — takes the way below.
        if let base, let (folderDescriptor, name) = handles.locate(path, base: base) {
            let found = name.withCString { fstatat(folderDescriptor, $0, &info, AT_SYMLINK_NOFOLLOW) == 0 }
            if found, info.st_mode & S_IFMT != S_IFLNK {
                switch info.st_mode & S_IFMT {
                case S_IFDIR: return .folder
                case S_IFREG:
                    let readable = name.withCString { faccessat(folderDescriptor, $0, R_OK, 0) == 0 }
                    return readable ? .file(size: Int(info.st_size)) : .unreadable
                default: return .special
                }
            }
        }
        if let found = direct(path, base: base) {
            (real, info) = found
        } else {
            switch resolve(path, base: base) {
            case .success(let found): real = found
            case .failure(let error): return error.entry
            }
            guard stat(real, &info) == 0 else { return errno == EACCES ? .unreadable : .missing }
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFREG:
            guard access(real, R_OK) == 0 else { return .unreadable }
            return .file(size: Int(info.st_size))
        default: return .special
        }
    }

    public func contents(of path: String) throws(ExhibitReadError) -> Data {
        let base = realFolder
        // Opened relative to its folder's descriptor, without following a link (the folders on the
        // way were opened without following one either); any failure takes the way below.
        if let base, let (folderDescriptor, name) = handles.locate(path, base: base) {
            let descriptor = name.withCString {
                openat(folderDescriptor, $0, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            }
            if descriptor >= 0 {
                defer { close(descriptor) }
                return try Self.contents(of: descriptor, path: path)
            }
        }
        let real: String
        if let found = direct(path, base: base) {
            real = found.real
        } else {
            switch resolve(path, base: base) {
            case .success(let found): real = found
            case .failure(let error): throw error
            }
        }
        // Opened without following a link (the real path has none) nor blocking on a pipe, then
        // checked again on the open descriptor: what is read is what was checked.
        let descriptor = open(real, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw ExhibitReadError(path: path, entry: .unreadable) }
        defer { close(descriptor) }
        return try Self.contents(of: descriptor, path: path)
    }

    /// The bytes of an opened exhibit, checked on the descriptor: a regular file within the limit.
    static func contents(of descriptor: Int32, path: String) throws(ExhibitReadError) -> Data {
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw ExhibitReadError(path: path, entry: .special)
        }
        let size = Int(info.st_size)
        guard size <= CaseLimits.exhibitBytes, let data = Self.readAll(descriptor, expected: size),
            data.count <= CaseLimits.exhibitBytes
        else {
            throw ExhibitReadError(path: path, entry: .file(size: size))
        }
        return data
    }

    /// Reads the descriptor to its end, at most `limit` bytes (by default `CaseLimits.exhibitBytes + 1`):
    /// one `read` when the file has the `expected` size (a short read of a regular file is its end),
    /// more when it grew since `fstat`. `nil` on a read error.
    public static func readAll(_ descriptor: Int32, expected: Int, limit: Int = CaseLimits.exhibitBytes + 1) -> Data? {
        var data = Data(count: min(limit, expected + 1))
        var offset = 0
        while true {
            if offset == data.count {
                guard data.count < limit else { break }
                data.count = min(limit, max(data.count * 2, 4096))
            }
            let count = data.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { break }
            offset += count
            // The whole file in one read, and room left: that is its end.
            if offset == expected, offset < data.count { break }
        }
        data.count = offset
        return data
    }
}

/// The folders a `FolderExhibitSource` reads from, each opened once, component by component from
/// the source's real folder, with `O_DIRECTORY | O_NOFOLLOW` (so a folder that is a symbolic link never
/// opens: the same folders the `lstat` of each component accepts). A file is then checked and opened
/// relative to its folder's descriptor, so a folder renamed or replaced by a link while the case is
/// built cannot redirect it. At most `limit` folders are kept open (a case naming more takes the path
/// walk); all are closed with the source.
final class FolderHandles: @unchecked Sendable {
    static let limit = 16
    private let lock = NSLock()
    /// The descriptors kept for the whole batch, borrowed (never closed here) when the base is theirs.
    let shared: SharedFolders?
    /// The real folder the descriptors were opened from (the first base asked for).
    private var base: String?
    private var baseDescriptor: Int32 = -1
    /// Whether `baseDescriptor` is `shared`'s (then its first-level folders are asked of it first).
    private var borrowsBase = false
    /// Folder path relative to `base` (`pieces/552100554`) → descriptor, opened (and closed) here.
    private var folders: [Substring: Int32] = [:]
    /// First-level folders (`pieces`) → `shared`'s descriptor.
    private var borrowed: [Substring: Int32] = [:]
    /// False: every path takes the walk (a test compares both ways).
    private var enabled = true

    init(shared: SharedFolders?) {
        self.shared = shared
    }

    /// Every path of this source takes the path walk from now on (for the test).
    func disable() {
        lock.lock()
        enabled = false
        lock.unlock()
    }

    deinit {
        if baseDescriptor >= 0, !borrowsBase { close(baseDescriptor) }
        for descriptor in folders.values { close(descriptor) }
    }

    /// The descriptor of `path`'s folder and its last component, when `path` is plain (relative, no
    /// empty, `.` or `..` component) and every folder on the way opened; nil otherwise.
    func locate(_ path: String, base: String) -> (folder: Int32, name: String)? {
        guard FolderExhibitSource.isPlainRelative(path) else { return nil }
        lock.lock()
        defer { lock.unlock() }
        guard enabled else { return nil }
        if self.base == nil {
            self.base = base
            if let shared, shared.base == base, let descriptor = shared.baseDescriptor() {
                baseDescriptor = descriptor
                borrowsBase = true
            } else {
                baseDescriptor = open(base, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            }
        }
        guard self.base == base, baseDescriptor >= 0 else { return nil }
        let utf8 = path.utf8
        guard let slash = utf8.lastIndex(of: UInt8(ascii: "/")) else { return (baseDescriptor, path) }
        guard let folder = folder(path[..<slash]) else { return nil }
        return (folder, String(path[utf8.index(after: slash)...]))
    }

    /// The descriptor of folder `relative` (under the lock).
    private func folder(_ relative: Substring) -> Int32? {
        if let descriptor = folders[relative] ?? borrowed[relative] { return descriptor }
        let utf8 = relative.utf8
        let parent: Int32
        let name: Substring
        if let slash = utf8.lastIndex(of: UInt8(ascii: "/")) {
            guard let found = folder(relative[..<slash]) else { return nil }
            parent = found
            name = relative[utf8.index(after: slash)...]
        } else {
            parent = baseDescriptor
            name = relative
            if borrowsBase, let shared {
                switch shared.folder(relative) {
                case .opened(let descriptor):
                    borrowed[relative] = descriptor
                    return descriptor
                case .failed: return nil
                case .full: break  // opened here, as without a shared cache
                }
            }
        }
        guard folders.count < Self.limit else { return nil }
        let descriptor = String(name).withCString {
            openat(parent, $0, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        }
        guard descriptor >= 0 else { return nil }
        folders[relative] = descriptor
        return descriptor
    }
}

/// A batch's input folder and its first-level folders (`pieces`), each opened once for all the cases
/// directly in it, as each case's `FolderHandles` would open them (the folder itself, then each
/// first-level folder with `O_DIRECTORY | O_NOFOLLOW`), instead of once per case: three `openat` and
/// three `close` per debtor become one of each (the case's own folder, `pieces/552100554`). What a
/// case reads through them is what it would read through its own: a folder that does not open (absent,
/// a symbolic link) is not kept, and the case takes the path walk, as it does when its own fails. A
/// folder replaced during the batch is still read as the one opened first (the one the batch listed).
/// At most `limit` first-level folders are kept (a layout with one folder per case at the top fills it
/// with the first cases'; the others then open their own, as before). Closed with the last case.
public final class SharedFolders: @unchecked Sendable {
    public static let limit = 16
    /// The real path the folder was opened from.
    public let base: String
    private let lock = NSLock()
    /// -2: not opened yet; -1: did not open.
    private var descriptor: Int32 = -2
    private var folders: [String: Int32] = [:]

    /// What `folder(_:)` answers.
    enum Lookup: Equatable {
        case opened(Int32)
        /// It did not open (absent, not a folder, a link): the case takes the path walk.
        case failed
        /// `limit` folders are already kept: the case opens its own.
        case full
    }

    /// The cache of the folder whose real path is `realFolder` (`FolderExhibitSource.realPath`).
    public init(realFolder: String) {
        self.base = realFolder
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
        for descriptor in folders.values { close(descriptor) }
    }

    /// The folder's descriptor, opened on first use; nil when it did not open.
    public func baseDescriptor() -> Int32? {
        lock.lock()
        defer { lock.unlock() }
        if descriptor == -2 { descriptor = open(base, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        return descriptor >= 0 ? descriptor : nil
    }

    /// The first-level folder `name` (one component, no `/`), opened on first use.
    func folder(_ name: Substring) -> Lookup {
        lock.lock()
        defer { lock.unlock() }
        let key = String(name)
        if let found = folders[key] { return .opened(found) }
        guard descriptor >= 0 else { return .failed }
        guard folders.count < Self.limit else { return .full }
        let opened = key.withCString { openat(descriptor, $0, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) }
        guard opened >= 0 else { return .failed }
        folders[key] = opened
        return .opened(opened)
    }

    /// How many first-level folders are kept (tests).
    var keptFolders: Int {
        lock.lock()
        defer { lock.unlock() }
        return folders.count
    }
}

/// Files given as bytes (an upload): path → contents.
public struct MemoryExhibitSource: ExhibitSource {
    public let files: [String: Data]

    public init(files: [String: Data]) {
        self.files = files
    }

    public func entry(at path: String) -> ExhibitEntry {
        if let data = files[path] { return .file(size: data.count) }
        let prefix = path.hasSuffix("/") ? path : path + "/"
        if files.keys.contains(where: { $0.hasPrefix(prefix) }) { return .folder }
        return .missing
    }

    public func contents(of path: String) throws(ExhibitReadError) -> Data {
        guard let data = files[path] else { throw ExhibitReadError(path: path, entry: entry(at: path)) }
        return data
    }
}

/// No files at all: every path named is missing (a case checked without its folder).
public struct NoExhibitSource: ExhibitSource {
    public init() {}
    public func entry(at path: String) -> ExhibitEntry { .missing }
    public func contents(of path: String) throws(ExhibitReadError) -> Data {
        throw ExhibitReadError(path: path, entry: .missing)
    }
}
