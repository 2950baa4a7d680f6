import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The kind of a path, read with `lstat` (a symbolic link is reported as such, never followed).
public enum PathKind: Sendable, Hashable {
    case missing
    case regular(size: Int)
    case directory
    case symlink
    /// A FIFO, a socket, a character or block device.
    case special(String)

    /// `lstat(path)`; with `follow`, `stat(path)` (the root given on the command line may be a link).
    public static func of(_ path: String, follow: Bool = false) -> PathKind {
        var info = stat()
        let status = follow ? stat(path, &info) : lstat(path, &info)
        guard status == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular(size: Int(info.st_size))
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink
        case S_IFIFO: return .special("un tube nommé (FIFO)")
        case S_IFSOCK: return .special("une socket")
        case S_IFCHR: return .special("un périphérique caractère")
        case S_IFBLK: return .special("un périphérique bloc")
        default: return .special("un fichier spécial")
        }
    }
}

/// Reading and renaming with the system calls themselves, so that a link is never followed and a
/// FIFO never opened for reading (which would block), and errors keep their `errno`.
public enum FileSystem {
    /// The bytes of the regular file at `path`, refusing a link, a FIFO, a device or more than
    /// `limit` bytes. The kind is checked on the opened descriptor (no race with a swap).
    public static func readRegularFile(_ path: String, limit: Int) throws(FileSystemError) -> Data {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileSystemError(errno: errno, path: path) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw FileSystemError(errno: errno, path: path) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw FileSystemError(path: path, reason: "n'est pas un fichier ordinaire")
        }
        guard Int(info.st_size) <= limit else {
            throw FileSystemError(path: path, reason: "dépasse \(BundleLimits.mebibytes(limit))")
        }
        var data = Data(count: Int(info.st_size))
        var offset = 0
        while true {
            if offset == data.count {
                // The file may have grown since fstat: read on, within the limit.
                guard data.count < limit else { break }
                data.count = min(limit + 1, max(data.count * 2, 4096))
            }
            let count = data.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileSystemError(errno: errno, path: path)
            }
            if count == 0 { break }
            offset += count
        }
        guard offset <= limit else {
            throw FileSystemError(path: path, reason: "dépasse \(BundleLimits.mebibytes(limit))")
        }
        data.count = offset
        return data
    }

    /// Swaps two existing paths atomically (Linux `renameat2(RENAME_EXCHANGE)`): the target never
    /// disappears. Returns false when the system cannot (another OS, an old kernel, a file system
    /// without it); the caller then falls back to two renames.
    public static func exchange(_ first: String, _ second: String) -> Bool {
        #if os(Linux)
            // glibc ≥ 2.28 exports renameat2; Swift cannot call the variadic syscall(2), and the
            // prototype needs _GNU_SOURCE, so the symbol is looked up once. RENAME_EXCHANGE = 2.
            guard let function = renameat2 else { return false }
            return first.withCString { from in
                second.withCString { to in function(AT_FDCWD, from, AT_FDCWD, to, 2) == 0 }
            }
        #else
            return false
        #endif
    }

    #if os(Linux)
        private typealias RenameAt2 =
            @convention(c) (
                Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32
            ) -> Int32
        private static let renameat2: RenameAt2? = {
            guard let symbol = dlsym(nil, "renameat2") else { return nil }
            return unsafeBitCast(symbol, to: RenameAt2.self)
        }()
    #endif

    /// Moves `from` to `to` only if `to` names nothing (Linux `renameat2(RENAME_NOREPLACE)`): true
    /// when moved; false when the system cannot (another OS, an old kernel, a file system without
    /// it: nothing was done, the caller looks and renames); throws with `EEXIST` when `to` exists.
    public static func renameNoReplace(_ from: String, to: String) throws(FileSystemError) -> Bool {
        #if os(Linux)
            guard let function = renameat2 else { return false }
            // RENAME_NOREPLACE = 1.
            let result = from.withCString { source in
                to.withCString { target in function(AT_FDCWD, source, AT_FDCWD, target, 1) }
            }
            if result == 0 { return true }
            let code = errno
            if code == EINVAL || code == ENOSYS || code == ENOTSUP { return false }
            throw FileSystemError(errno: code, path: to)
        #else
            return false
        #endif
    }

    /// `rename(2)`, keeping `errno` in the error.
    public static func rename(_ from: String, to: String) throws(FileSystemError) {
        if systemRename(from, to) != 0 { throw FileSystemError(errno: errno, path: to) }
    }

    /// Removes a file or a folder tree without following links (a link inside is removed, never
    /// its target).
    public static func removeTree(_ path: String) {
        switch PathKind.of(path) {
        case .missing: return
        case .directory:
            if let names = try? FileManager.default.contentsOfDirectory(atPath: path) {
                for name in names { removeTree(path + "/" + name) }
            }
            rmdir(path)
        default:
            unlink(path)
        }
    }
}

@inline(__always)
private func systemRename(_ from: String, _ to: String) -> Int32 {
    #if canImport(Glibc)
        return Glibc.rename(from, to)
    #else
        return Darwin.rename(from, to)
    #endif
}

/// A file-system failure in the user's terms: "disque plein", "lecture seule"…
public struct FileSystemError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var reason: String
    /// The `errno`, when the system gave one.
    public var code: Int32?

    public init(path: String, reason: String, code: Int32? = nil) {
        self.path = path
        self.reason = reason
        self.code = code
    }

    public init(errno code: Int32, path: String) {
        self.init(path: path, reason: Self.reason(errno: code), code: code)
    }

    public var description: String { "\(path) : \(reason)" }

    /// The French words for the `errno` values a user meets.
    public static func reason(errno code: Int32) -> String {
        switch code {
        case ENOSPC, EDQUOT: return "disque plein"
        case EROFS: return "système de fichiers en lecture seule"
        case EACCES, EPERM: return "permission refusée"
        case ENOENT: return "n'existe pas"
        case ENOTDIR: return "un élément du chemin n'est pas un dossier"
        case EISDIR: return "est un dossier"
        case EEXIST, ENOTEMPTY: return "existe déjà"
        case ELOOP: return "est un lien symbolique"
        case ENAMETOOLONG: return "nom trop long"
        case EIO: return "erreur d'entrée-sortie du disque"
        case EXDEV: return "sur un autre système de fichiers"
        case ENXIO, EWOULDBLOCK: return "n'est pas un fichier ordinaire"
        default: return "erreur système \(code) (\(String(cString: strerror(code))))"
        }
    }

    /// The reason for any error thrown by Foundation or by recouvre's own file code, in French:
    /// never a raw `NSCocoaErrorDomain Code=…` dump.
    public static func reason(of error: any Error) -> String {
        if let error = error as? FileSystemError { return error.reason }
        if let error = error as? BundleError { return error.description }
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain
        {
            return reason(errno: Int32(underlying.code))
        }
        if nsError.domain == NSPOSIXErrorDomain { return reason(errno: Int32(nsError.code)) }
        if let cocoa = error as? CocoaError {
            switch cocoa.code {
            case .fileWriteOutOfSpace: return "disque plein"
            case .fileWriteVolumeReadOnly: return "système de fichiers en lecture seule"
            case .fileWriteNoPermission, .fileReadNoPermission: return "permission refusée"
            case .fileNoSuchFile, .fileReadNoSuchFile: return "n'existe pas"
            case .fileWriteFileExists: return "existe déjà"
            default: break
            }
        }
        return "erreur d'écriture ou de lecture (\(nsError.domain) \(nsError.code))"
    }
}
