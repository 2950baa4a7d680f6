import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension FileSystem {
    /// Flushes the file system holding `path` to its disk (Linux `syncfs`, else `sync`): once, at the
    /// end of a batch whose bundles were written without an `fsync` each.
    public static func syncFileSystem(of path: String) {
        #if os(Linux)
            let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if descriptor >= 0 {
                defer { close(descriptor) }
                if let function = syncfs, function(descriptor) == 0 { return }
            }
        #endif
        sync()
    }

    #if os(Linux)
        // glibc exports syncfs(2) only under _GNU_SOURCE: looked up once, as renameat2 is.
        private typealias SyncFS = @convention(c) (Int32) -> Int32
        private static let syncfs: SyncFS? = {
            guard let symbol = dlsym(nil, "syncfs") else { return nil }
            return unsafeBitCast(symbol, to: SyncFS.self)
        }()
    #endif

    /// Creates the folder `path` (its parent must exist), mode 0777 less the umask, as
    /// `FileManager.createDirectory` does. With `existing`, a folder already there is not an error.
    public static func makeDirectory(_ path: String, existing: Bool = false) throws(FileSystemError) {
        if mkdir(path, 0o777) == 0 { return }
        let code = errno
        if existing, code == EEXIST, case .directory = PathKind.of(path) { return }
        throw FileSystemError(errno: code, path: path)
    }

    /// Writes `data` to a new file at `path` with one `open`, as few `write`s as the kernel takes (one
    /// for a bundle's files), an `fsync` when `sync` (as `Data.write(to:)` does) and a `close` whose
    /// error is checked: mode 0666 less the umask. The file must not exist (`O_EXCL`), and a link there
    /// is never followed.
    ///
    /// Without `sync`: what makes a bundle safe against a process killed at any moment is the rename
    /// of its whole folder into place once every file is written (`AtomicTarget`); the page cache
    /// outlives the process. A power cut is another matter (docs/batch.md): the bundle may then hold
    /// short files, which `verify` (and a re-run of `batch`) detects by its checksums.
    public static func writeNewFile(_ path: String, _ data: Data, sync: Bool = true) throws(FileSystemError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw FileSystemError(errno: errno, path: path) }
        var failure: Int32 = 0
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let count = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += count
            }
        }
        if sync, failure == 0, fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0, failure == 0, errno != EINTR { failure = errno }
        if failure != 0 { throw FileSystemError(errno: failure, path: path) }
    }
}
