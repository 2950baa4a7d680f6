import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A bundle folder written file by file as its files are made (large engineer, issue 12): `FolderSink`
/// takes a bundle whose files are all in memory at once (a 100,000-invoice dossier's are half a
/// gigabyte); here each file goes to the temporary folder when it is made, hashed as it is written,
/// and its bytes can be let go at once. The protocol is `FolderSink`'s (`AtomicTarget`): the target is
/// checked before anything is written (and checked again just before the move), what an interrupted
/// build of the same target left is removed, the files are created under `.NAME.partial-UUID` beside
/// the target (`openat`, `O_EXCL`, no link followed, each `fsync`ed unless `options.syncFiles` is off)
/// and the finished folder is moved (or swapped) into place by `place(manifest:)`. A staged folder
/// that is not placed — an error, a refusal — is removed when it is let go (`abandon()`), with the
/// parent folders it created; a killed process leaves the `.partial-` folder that the next build of
/// the same target removes.
public final class StagedFolder {
    private let atomic: AtomicTarget
    /// The temporary folder, `.NAME.partial-UUID` beside the target.
    public let temporary: String
    private let handle: DirectoryHandle
    private var folders: Set<String> = []
    /// The folders above the target that did not exist and were created for it (deepest first).
    private let createdParents: [String]
    private var settled = false
    /// The files written, in the order they were (path, SHA-256, size).
    public private(set) var written: [BundleManifestFile] = []

    /// Checks the target (`BundleError.exists`, `.notReplaceable`: nothing is written then), creates its
    /// parent, removes the debris of an interrupted build of it and creates the temporary folder.
    public init(target: URL, options: SinkOptions) throws {
        let atomic = AtomicTarget(target: target.standardizedFileURL, options: options)
        _ = try atomic.check()
        var missing: [String] = []
        var parent = atomic.target.deletingLastPathComponent()
        while parent.path != "/", PathKind.of(parent.path, follow: true) == .missing {
            missing.append(parent.path)
            parent = parent.deletingLastPathComponent()
        }
        let temporary = try atomic.prepare()
        do {
            try FileSystem.makeDirectory(temporary)
            handle = try DirectoryHandle(path: temporary)
        } catch {
            FileSystem.removeTree(temporary)
            Self.removeEmpty(missing)
            throw atomic.wrapped(error)
        }
        self.atomic = atomic
        self.temporary = temporary
        self.createdParents = missing
    }

    deinit { abandon() }

    /// Writes the file `path` (relative to the bundle's root: `pieces/01-devis.pdf`) with `data`, hashed:
    /// what the manifest records of it.
    @discardableResult
    public func add(_ path: String, _ data: Data) throws -> BundleManifestFile {
        let file = try create(path)
        try data.withUnsafeBytes { try file.write($0) }
        return try file.close()
    }

    /// Creates the file `path` for writing in pieces (`StagedFile.write`), closed by `StagedFile.close`.
    public func create(_ path: String) throws -> StagedFile {
        guard !settled else { throw BundleError.writeFailed(atomic.target.path, "le dossier est déjà écrit") }
        do {
            try atomic.options.beforeEachFile?(path)
            // `pieces/01-devis.pdf`: `pieces` once for the whole bundle.
            var slash = path.startIndex
            while let next = path[slash...].firstIndex(of: "/") {
                let folder = String(path[..<next])
                if !folder.isEmpty, folders.insert(folder).inserted { try handle.makeDirectory(folder) }
                slash = path.index(after: next)
            }
            let descriptor = openat(
                handle.descriptor, path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
            guard descriptor >= 0 else { throw FileSystemError(errno: errno, path: temporary + "/" + path) }
            return StagedFile(path: path, descriptor: descriptor, folder: self)
        } catch {
            throw atomic.wrapped(error)
        }
    }

    /// Records a file `StagedFile.close` finished.
    fileprivate func finished(_ file: BundleManifestFile) { written.append(file) }

    /// The error of a file being written, naming the target.
    fileprivate func wrapped(_ error: any Error) -> any Error { atomic.wrapped(error) }

    /// The bytes of the file `path` as written (for an error report on it).
    public func contents(of path: String) -> Data? {
        FileManager.default.contents(atPath: temporary + "/" + path)
    }

    /// Writes `manifest.json`, checks the target again (it may have changed while the files were made),
    /// and moves the folder into place (or swaps it with the earlier bundle `--force` replaces).
    public func place(manifest: BundleManifest) throws {
        try add(BundleManifest.fileName, manifest.json())
        let existing = try atomic.check()
        do {
            try atomic.place(temporary, over: existing)
        } catch {
            throw atomic.wrapped(error)
        }
        settled = true
    }

    /// Removes the temporary folder and the parents created for it, unless the folder was placed.
    public func abandon() {
        guard !settled else { return }
        settled = true
        FileSystem.removeTree(temporary)
        Self.removeEmpty(createdParents)
    }

    /// Removes each of `folders` (deepest first) while empty.
    private static func removeEmpty(_ folders: [String]) {
        for folder in folders {
            guard rmdir(folder) == 0 else { return }
        }
    }
}

/// A file of a `StagedFolder` being written: its bytes go to the disk and to its SHA-256 as they come.
public final class StagedFile {
    /// Relative to the bundle's root.
    public let path: String
    private var descriptor: Int32
    private var hasher = SHA256()
    private var count = 0
    private unowned let folder: StagedFolder

    fileprivate init(path: String, descriptor: Int32, folder: StagedFolder) {
        self.path = path
        self.descriptor = descriptor
        self.folder = folder
    }

    deinit { if descriptor >= 0 { closeDescriptor(descriptor) } }

    /// Appends `bytes` to the file (a `write` cut short or interrupted is continued).
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard descriptor >= 0 else { throw folder.wrapped(FileSystemError(errno: EBADF, path: path)) }
        hasher.update(bufferPointer: bytes)
        count += bytes.count
        if let failure = FileSystem.writeBytes(descriptor, bytes) {
            throw folder.wrapped(FileSystemError(errno: failure, path: folder.temporary + "/" + path))
        }
    }

    /// `fsync`s the file (unless the sink's `syncFiles` is off), closes it, and returns what the
    /// manifest records of it.
    @discardableResult
    public func close() throws -> BundleManifestFile {
        guard descriptor >= 0 else { throw folder.wrapped(FileSystemError(errno: EBADF, path: path)) }
        let descriptor = self.descriptor
        self.descriptor = -1
        if let failure = FileSystem.finish(descriptor, sync: folder.syncsFiles) {
            throw folder.wrapped(FileSystemError(errno: failure, path: folder.temporary + "/" + path))
        }
        let file = BundleManifestFile(path: path, sha256: BundleManifest.hex(hasher.finalize()), bytes: count)
        folder.finished(file)
        return file
    }
}

extension StagedFolder {
    fileprivate var syncsFiles: Bool { atomic.options.syncFiles }
}

// The system call, outside `StagedFile` whose method has the same name.
private func closeDescriptor(_ descriptor: Int32) { _ = close(descriptor) }
