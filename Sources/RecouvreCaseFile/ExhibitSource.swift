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
public struct FolderExhibitSource: ExhibitSource {
    public let folder: URL

    public init(folder: URL) {
        self.folder = folder
    }

    /// The folder's real path (symbolic links resolved), `nil` if it does not exist.
    private var realFolder: String? { Self.realPath(folder.path) }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The real path of `path` under the folder, or the entry that says why there is none.
    private func resolve(_ path: String) -> Result<String, ExhibitReadError> {
        let joined = folder.appendingPathComponent(path).path
        var info = stat()
        guard lstat(joined, &info) == 0 else {
            return .failure(ExhibitReadError(path: path, entry: errno == EACCES ? .unreadable : .missing))
        }
        guard let base = realFolder, let real = Self.realPath(joined) else {
            // A dangling symbolic link names nothing.
            return .failure(ExhibitReadError(path: path, entry: .missing))
        }
        guard real.hasPrefix(base.hasSuffix("/") ? base : base + "/") else {
            return .failure(ExhibitReadError(path: path, entry: .outside))
        }
        return .success(real)
    }

    public func entry(at path: String) -> ExhibitEntry {
        let real: String
        switch resolve(path) {
        case .success(let found): real = found
        case .failure(let error): return error.entry
        }
        var info = stat()
        guard stat(real, &info) == 0 else { return errno == EACCES ? .unreadable : .missing }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFREG:
            guard access(real, R_OK) == 0 else { return .unreadable }
            return .file(size: Int(info.st_size))
        default: return .special
        }
    }

    public func contents(of path: String) throws(ExhibitReadError) -> Data {
        let real: String
        switch resolve(path) {
        case .success(let found): real = found
        case .failure(let error): throw error
        }
        // Opened without following a link (the real path has none) nor blocking on a pipe, then
        // checked again on the open descriptor: what is read is what was checked.
        let descriptor = open(real, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw ExhibitReadError(path: path, entry: .unreadable) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw ExhibitReadError(path: path, entry: .special)
        }
        guard Int(info.st_size) <= CaseLimits.exhibitBytes,
            let data = try? handle.read(upToCount: CaseLimits.exhibitBytes + 1),
            data.count <= CaseLimits.exhibitBytes
        else {
            throw ExhibitReadError(path: path, entry: .file(size: Int(info.st_size)))
        }
        return data
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
