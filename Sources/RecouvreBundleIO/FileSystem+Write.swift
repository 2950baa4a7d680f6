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

    /// `syncFileSystem(of:)` on a thread of its own, started at once: the flush of a batch's bundles
    /// goes on while its reports are made (which then `fsync` themselves, `fsyncFile`). `wait()`
    /// returns once the flush is done. The thread only waits on the disk: it takes no core from the
    /// caller's work.
    public final class BackgroundSync: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)

        public init(of path: String) {
            let done = self.done
            Thread.detachNewThread {
                FileSystem.syncFileSystem(of: path)
                done.signal()
            }
        }

        /// Blocks until the flush has returned.
        public func wait() {
            done.wait()
            done.signal()  // a second `wait` returns at once
        }
    }

    /// `fsync(2)` of the file or folder at `path` (a folder: its entries, a rename into it among them);
    /// nil, or the `errno` of the failure.
    public static func fsyncFile(_ path: String) -> Int32? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return errno }
        defer { close(descriptor) }
        return fsync(descriptor) == 0 ? nil : errno
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
        if let failure = writeAll(descriptor, data, sync: sync) { throw FileSystemError(errno: failure, path: path) }
    }
}

/// A folder opened once (`O_DIRECTORY`, never through a link), whose files are created and read
/// back relative to it (`openat`): no path walk from `/` per file, and the files read back after the
/// folder was renamed are those written, in that folder.
public final class DirectoryHandle {
    public let descriptor: Int32
    public let path: String

    /// Opens the folder at `path` (which must be a folder, not a link).
    public init(path: String) throws(FileSystemError) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileSystemError(errno: errno, path: path) }
        self.descriptor = descriptor
        self.path = path
    }

    deinit { close(descriptor) }

    /// `mkdirat`: the folder `name` (relative, its parent there), mode 0777 less the umask.
    public func makeDirectory(_ name: String) throws(FileSystemError) {
        if mkdirat(descriptor, name, 0o777) != 0 { throw FileSystemError(errno: errno, path: path + "/" + name) }
    }

    /// `FileSystem.writeNewFile` relative to this folder: one `openat` (`O_EXCL`, no link followed),
    /// the `write`s the kernel takes (one for a bundle's files), an `fsync` when `sync`, a checked `close`.
    public func writeNewFile(_ name: String, _ data: Data, sync: Bool) throws(FileSystemError) {
        let file = openat(descriptor, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        guard file >= 0 else { throw FileSystemError(errno: errno, path: path + "/" + name) }
        if let failure = FileSystem.writeAll(file, data, sync: sync) {
            throw FileSystemError(errno: failure, path: path + "/" + name)
        }
    }

    /// The first of `files` that this folder does not hold byte for byte (missing, longer, shorter,
    /// other bytes), nil when all are intact: each read once into one buffer.
    public func firstDiffering(_ files: [BundleFile]) -> String? {
        var buffer: [UInt8] = []
        return files.first { !holds($0.path, $0.data, buffer: &buffer) }?.path
    }

    /// Whether the regular file `name` (relative to this folder, no link followed) holds exactly
    /// `expected`: one `openat`, one `read` into `buffer` (reused from file to file, grown as needed)
    /// of one byte more than expected, and a `close`.
    public func holds(_ name: String, _ expected: Data, buffer: inout [UInt8]) -> Bool {
        let file = openat(descriptor, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard file >= 0 else { return false }
        defer { close(file) }
        return FileSystem.holds(file, expected, buffer: &buffer)
    }
}

extension FileSystem {
    /// Writes all of `data` to `descriptor` (a `write` cut short or interrupted is continued), then
    /// `fsync`s it when `sync`, then closes it: the `errno` of the first failure, nil when all went
    /// well. Public for any writer of new files (an importer's folder) that opens its own descriptor.
    public static func writeAll(_ descriptor: Int32, _ data: Data, sync: Bool) -> Int32? {
        let failure = data.withUnsafeBytes { writeBytes(descriptor, $0) }
        let closing = finish(descriptor, sync: sync && failure == nil)
        return failure ?? closing
    }

    /// Writes all of `bytes` to `descriptor` (a short write continued, EINTR retried): nil, or the errno.
    public static func writeBytes(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let count = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += count
        }
        return nil
    }

    /// `fsync`s `descriptor` when `sync`, then closes it: nil, or the first errno.
    public static func finish(_ descriptor: Int32, sync: Bool) -> Int32? {
        var failure: Int32?
        if sync, fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0, failure == nil, errno != EINTR { failure = errno }
        return failure
    }

    /// Whether the regular file at `path` (no link followed) holds exactly `expected` (see
    /// `DirectoryHandle.holds`).
    public static func holds(_ path: String, _ expected: Data, buffer: inout [UInt8]) -> Bool {
        let file = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard file >= 0 else { return false }
        defer { close(file) }
        return holds(file, expected, buffer: &buffer)
    }

    /// Reads `descriptor` to its end into `buffer`, at most `expected.count + 1` bytes, and compares.
    /// A regular file of the expected size comes in one `read` that leaves room in the buffer (a
    /// short read of a regular file is its end); a longer file fills the buffer and differs; a
    /// read cut short by a signal is continued. Opened `O_NONBLOCK`: a FIFO never blocks (an empty
    /// expected file is checked to be a regular one).
    static func holds(_ descriptor: Int32, _ expected: Data, buffer: inout [UInt8]) -> Bool {
        let wanted = expected.count + 1
        if buffer.count < wanted { buffer = [UInt8](repeating: 0, count: max(wanted, buffer.count * 2, 1 << 16)) }
        var offset = 0
        let same: Bool = buffer.withUnsafeMutableBytes { bytes in
            while offset < wanted {
                let count = read(descriptor, bytes.baseAddress! + offset, wanted - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                if count == 0 { break }
                offset += count
                if offset == expected.count { break }
            }
            guard offset == expected.count else { return false }
            return expected.withUnsafeBytes { data in
                data.count == 0 || memcmp(bytes.baseAddress!, data.baseAddress!, data.count) == 0
            }
        }
        guard same else { return false }
        // An empty read also comes from a FIFO or a device: an empty file is checked to be one.
        guard expected.isEmpty else { return true }
        var info = stat()
        return fstat(descriptor, &info) == 0 && info.st_mode & S_IFMT == S_IFREG && info.st_size == 0
    }
}
