import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One folder per test process for every temporary folder its tests make, removed when the process
/// exits: running the tests again and again leaves nothing in `$TMPDIR`.
extension TestPaths {
    /// The name of every per-process root begins with this, then `<pid>-<random>`.
    static let rootPrefix = "recouvre-tests-"

    /// `RECOUVRE_KEEP_TEST_FILES=1` keeps the root at exit (and prints its path), to look at what a
    /// failing test left.
    static let keepsTemporaryFiles: Bool = {
        let value = ProcessInfo.processInfo.environment["RECOUVRE_KEEP_TEST_FILES"] ?? ""
        return !value.isEmpty && value != "0"
    }()

    /// What the exit handler removes (or keeps), set once when the root is made. A `@convention(c)`
    /// handler captures nothing, so it reads this; a lock rather than the root's own `static let`, so
    /// that an exit racing the root's first use never waits on its initialisation.
    private static let atExit = Mutex<(path: String, keep: Bool)?>(nil)

    /// `$TMPDIR/recouvre-tests-<pid>-<random>/` (`TMPDIR` as `FileManager.default.temporaryDirectory`
    /// reads it), made 0700 on first use and removed when the process exits normally. A `static let`:
    /// suites running in parallel make it once. Roots left by processes that were killed are removed
    /// here after an hour (`removeStaleRoots`).
    public static let temporaryRoot: URL = {
        var base = FileManager.default.temporaryDirectory.path
        while base.count > 1 && base.hasSuffix("/") { base.removeLast() }
        removeStaleRoots(in: base)
        // mkdtemp: a name no other process holds, made atomically and readable by this user only.
        var template = Array("\(base)/\(rootPrefix)\(getpid())-XXXXXX".utf8CString)
        let made: String? = template.withUnsafeMutableBufferPointer { buffer in
            mkdtemp(buffer.baseAddress!).map { String(cString: $0) }
        }
        guard let path = made else {
            fatalError("cannot create the tests' temporary root in \(base): \(String(cString: strerror(errno)))")
        }
        let keep = keepsTemporaryFiles
        atExit.withLock { $0 = (path, keep) }
        atexit { TestPaths.exitHandler() }
        return URL(fileURLWithPath: path, isDirectory: true)
    }()

    /// Run by `atexit`: removes the root, or says where it was kept. Silent otherwise: nothing may
    /// fail or print while the process ends.
    static func exitHandler() {
        guard let root = atExit.withLock({ $0 }) else { return }
        if root.keep {
            // write(2): unbuffered, so the line is out whatever stdio does after the handlers.
            let line = Array("recouvre tests: temporary files kept in \(root.path)\n".utf8)
            _ = line.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
        } else {
            removeRoot(URL(fileURLWithPath: root.path, isDirectory: true))
        }
    }

    /// Removes `url` and all it holds, silently, whatever the tests left there: a symbolic link is
    /// unlinked as a link (never its target, in or out of the folder), a FIFO or a device node as
    /// itself, and a folder a test made unreadable (chmod 000) is given back to its owner first.
    /// Descends through descriptors (`openat` with `O_NOFOLLOW`), so no path is resolved twice.
    public static func removeRoot(_ url: URL) {
        var path = url.path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        guard let slash = path.lastIndex(of: "/") else { return }
        let name = String(path[path.index(after: slash)...])
        guard !name.isEmpty, name != ".", name != ".." else { return }
        let parentPath = slash == path.startIndex ? "/" : String(path[..<slash])
        let parent = open(parentPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard parent >= 0 else { return }
        defer { close(parent) }
        name.withCString { removeEntry($0, in: parent) }
    }

    /// Removes the entry `name` of the open folder `parent`; errors are ignored.
    private static func removeEntry(_ name: UnsafePointer<CChar>, in parent: Int32) {
        var info = stat()
        guard fstatat(parent, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            // A file, a link, a FIFO, a socket or a device: the entry itself goes.
            _ = unlinkat(parent, name, 0)
            return
        }
        // Listing needs r-x and unlinking the entries -wx: a test's chmod 000 would stop both. The
        // entry was just seen as a folder, not a link, so the chmod lands on the folder itself.
        if info.st_mode & S_IRWXU != S_IRWXU {
            _ = fchmodat(parent, name, (info.st_mode & 0o7777) | S_IRWXU, 0)
        }
        let folder = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if folder >= 0 {
            if let stream = fdopendir(folder) {
                // Every name first, then the removals: unlinking while readdir walks may skip entries.
                for child in entries(of: stream) {
                    child.withUnsafeBufferPointer { removeEntry($0.baseAddress!, in: dirfd(stream)) }
                }
                closedir(stream)
            } else {
                close(folder)
            }
        }
        _ = unlinkat(parent, name, AT_REMOVEDIR)
    }

    /// The names in a folder but `.` and `..`, as the bytes the system gave (NUL-terminated): a
    /// name that is not UTF-8 is still removed by its own bytes.
    private static func entries(of stream: OpaquePointer) -> [[CChar]] {
        var names: [[CChar]] = []
        while let entry = readdir(stream) {
            let name: [CChar] = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                raw.prefix { $0 != 0 }.map { CChar(bitPattern: $0) }
            }
            if name == [46] || name == [46, 46] { continue }
            names.append(name + [0])
        }
        return names
    }

    /// Removes the roots in `base` of test processes that no longer exist (`kill(pid, 0)` gives
    /// ESRCH: a live process, or one of another user, keeps its root), belong to this user and were
    /// last changed more than an hour ago: what a crashed or killed run left. The hour spares a root
    /// that a process of another pid namespace sharing this `/tmp` (whose pid means nothing here) is
    /// still filling: each new folder in a root touches it.
    static func removeStaleRoots(in base: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: base) else { return }
        let now = time(nil)
        for name in names where name.hasPrefix(rootPrefix) {
            let rest = name.dropFirst(rootPrefix.count)
            guard let dash = rest.firstIndex(of: "-"), let pid = pid_t(rest[..<dash]), pid > 0, pid != getpid()
            else { continue }
            guard kill(pid, 0) != 0, errno == ESRCH else { continue }
            let path = base + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, info.st_uid == getuid() else {
                continue
            }
            #if os(Linux)
                let changed = info.st_mtim.tv_sec
            #else
                let changed = info.st_mtimespec.tv_sec
            #endif
            guard now - changed > 3600 else { continue }
            removeRoot(URL(fileURLWithPath: path, isDirectory: true))
        }
    }
}
