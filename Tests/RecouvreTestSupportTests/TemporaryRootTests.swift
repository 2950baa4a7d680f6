import Foundation
import Testing

@testable import RecouvreTestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// Every temporary folder of a test process lives under one root that the process removes when it
/// exits (TemporaryRoot.swift): what the root is, what `removeRoot` removes and spares, and, in a
/// child run of this same test binary, that the root is gone after a normal exit.
@Suite("The tests' temporary root")
struct TemporaryRootTests {
    @Test("temporaryFolder: a fresh empty folder under the process's root, in TMPDIR, named for the pid")
    func folders() throws {
        let root = TestPaths.temporaryRoot.standardizedFileURL.path
        let base = FileManager.default.temporaryDirectory.standardizedFileURL.path
        #expect(root.hasPrefix(base.hasSuffix("/") ? base : base + "/"))
        #expect(URL(fileURLWithPath: root).lastPathComponent.hasPrefix("recouvre-tests-\(getpid())-"))
        let first = try TestPaths.temporaryFolder("root-check")
        let second = try TestPaths.temporaryFolder("root-check")
        #expect(first != second)
        for folder in [first, second] {
            #expect(folder.deletingLastPathComponent().standardizedFileURL.path == root)
            #expect(folder.lastPathComponent.hasPrefix("root-check-"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        }
        // The pinned forms folder, made once per process, lives there too.
        #expect(TestPaths.pinnedForms.deletingLastPathComponent().standardizedFileURL.path == root)
    }

    @Test("removeRoot: links unlinked, never followed; FIFOs, odd names and chmod 000 folders removed")
    func removal() throws {
        let manager = FileManager.default
        let outside = try TestPaths.temporaryFolder("removal-outside")
        let victim = try TestPaths.temporaryFolder("removal")
        defer { TestPaths.removeRoot(outside) }
        try Data("garde".utf8).write(to: outside.appendingPathComponent("keep.txt"))
        try manager.createDirectory(at: outside.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try Data("aussi".utf8).write(to: outside.appendingPathComponent("sub/also.txt"))
        #expect(chmod(outside.appendingPathComponent("keep.txt").path, 0o444) == 0)

        let nested = victim.appendingPathComponent("a/b/c")
        try manager.createDirectory(at: nested, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: nested.appendingPathComponent("file"))
        try manager.createSymbolicLink(
            atPath: victim.appendingPathComponent("to-file").path,
            withDestinationPath: outside.appendingPathComponent("keep.txt").path)
        try manager.createSymbolicLink(
            atPath: victim.appendingPathComponent("a/to-folder").path,
            withDestinationPath: outside.appendingPathComponent("sub").path)
        try manager.createSymbolicLink(
            atPath: victim.appendingPathComponent("a/dangling").path, withDestinationPath: "nowhere")
        try manager.createSymbolicLink(atPath: victim.appendingPathComponent("a/b/up").path, withDestinationPath: "..")
        #expect(mkfifo(victim.appendingPathComponent("a/fifo").path, 0o600) == 0)
        // A name that is not UTF-8: removed by its own bytes.
        let odd = (Array((victim.path + "/caf").utf8) + [0xE9, 0]).map { CChar(bitPattern: $0) }
        let descriptor = open(odd, O_CREAT | O_WRONLY, 0o600)
        #expect(descriptor >= 0)
        close(descriptor)
        // Folders a test locked: no permission at all, and read-only.
        #expect(chmod(nested.path, 0o000) == 0)
        #expect(chmod(victim.appendingPathComponent("a/b").path, 0o500) == 0)

        TestPaths.removeRoot(victim)
        var info = stat()
        let gone = lstat(victim.path, &info) != 0 && errno == ENOENT
        #expect(gone, "the folder is gone")
        // What the links pointed to is untouched: contents and mode.
        #expect(try Data(contentsOf: outside.appendingPathComponent("keep.txt")) == Data("garde".utf8))
        #expect(try Data(contentsOf: outside.appendingPathComponent("sub/also.txt")) == Data("aussi".utf8))
        #expect(stat(outside.appendingPathComponent("keep.txt").path, &info) == 0 && info.st_mode & 0o777 == 0o444)

        // A trailing slash names the same folder; an absent one is no error.
        let slashed = try TestPaths.temporaryFolder("removal-slash")
        TestPaths.removeRoot(URL(fileURLWithPath: slashed.path + "/"))
        #expect(!manager.fileExists(atPath: slashed.path))
        TestPaths.removeRoot(slashed)
    }

    @Test("stale roots: a dead pid's root older than an hour goes; live, own, recent and foreign ones stay")
    func staleRoots() throws {
        let base = try TestPaths.temporaryFolder("stale")
        defer { TestPaths.removeRoot(base) }
        // A pid that existed and no longer does: a child that has been waited for.
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/true")
        try child.run()
        // (Reaped, not only ended: a zombie's pid still answers kill(pid, 0). So Foundation's own wait.)
        child.waitUntilExit()
        let dead = child.processIdentifier
        let isDead = kill(dead, 0) != 0 && errno == ESRCH
        try #require(isDead, "pid \(dead) was taken again")
        let hourAndMore = Date().addingTimeInterval(-3700)
        func root(_ name: String, old: Bool) throws -> String {
            let path = base.appendingPathComponent(name).path
            try FileManager.default.createDirectory(
                atPath: path + "/inner", withIntermediateDirectories: true)
            if old { try FileManager.default.setAttributes([.modificationDate: hourAndMore], ofItemAtPath: path) }
            return path
        }
        let stale = try root("recouvre-tests-\(dead)-AbC123", old: true)
        let recent = try root("recouvre-tests-\(dead)-DeF456", old: false)
        let own = try root("recouvre-tests-\(getpid())-GhI789", old: true)
        let live = try root("recouvre-tests-\(getppid())-JkL012", old: true)
        let other = try root("recouvre-other-\(dead)-MnO345", old: true)
        let notPid = try root("recouvre-tests-x\(dead)-PqR678", old: true)
        TestPaths.removeStaleRoots(in: base.path)
        #expect(!FileManager.default.fileExists(atPath: stale))
        for kept in [recent, own, live, other, notPid] {
            #expect(FileManager.default.fileExists(atPath: kept), "\(kept)")
        }
    }

    /// Set in the child run only: where the child writes its root's path.
    static let childReport = ProcessInfo.processInfo.environment["RECOUVRE_TEST_SUPPORT_CHILD"]

    @Test("(child run) fills a temporary folder and reports the root", .enabled(if: childReport != nil))
    func childFillsRoot() throws {
        let folder = try TestPaths.temporaryFolder("child")
        try Data("x".utf8).write(to: folder.appendingPathComponent("file"))
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("locked/inner"), withIntermediateDirectories: true)
        // TMPDIR is the parent's folder, holding `outside.txt`.
        let outside = TestPaths.temporaryRoot.deletingLastPathComponent().appendingPathComponent("outside.txt")
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("link").path, withDestinationPath: outside.path)
        #expect(mkfifo(folder.appendingPathComponent("fifo").path, 0o600) == 0)
        #expect(chmod(folder.appendingPathComponent("locked").path, 0o000) == 0)
        try Data(TestPaths.temporaryRoot.path.utf8).write(to: URL(fileURLWithPath: Self.childReport!))
    }

    #if os(Linux)
        /// Runs `childFillsRoot` alone in a new process of this test binary, with TMPDIR in a folder
        /// of this process (so a failed removal still goes with this root): its exit status, its
        /// standard error and the root it reported.
        static func runChild(keep: Bool) throws -> (status: Int32, stderr: String, root: String) {
            let scratch = try TestPaths.temporaryFolder("child-run")
            let report = scratch.appendingPathComponent("root.txt")
            try Data("dehors".utf8).write(to: scratch.appendingPathComponent("outside.txt"))
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            process.arguments = [
                "--testing-library", "swift-testing", "--filter", "TemporaryRootTests/childFillsRoot",
            ]
            var environment = ProcessInfo.processInfo.environment
            environment["TMPDIR"] = scratch.path
            environment["RECOUVRE_TEST_SUPPORT_CHILD"] = report.path
            environment["RECOUVRE_KEEP_TEST_FILES"] = keep ? "1" : nil
            process.environment = environment
            let errors = Pipe()
            process.standardOutput = FileHandle.nullDevice
            process.standardError = errors
            try process.run()
            let stderr = errors.fileHandleForReading.readDataToEndOfFile()
            let processStatus = ChildExit.status(process)
            let root = (try? String(contentsOf: report, encoding: .utf8)) ?? ""
            return (processStatus, String(decoding: stderr, as: UTF8.self), root)
        }

        /// The file the child's link pointed to, beside its root.
        static func outsideSurvived(_ root: String) -> Bool {
            let outside = URL(fileURLWithPath: root).deletingLastPathComponent().appendingPathComponent("outside.txt")
            return (try? Data(contentsOf: outside)) == Data("dehors".utf8)
        }

        @Test("a test process removes its root when it exits; RECOUVRE_KEEP_TEST_FILES=1 keeps it and says where")
        func removedAtExit() throws {
            let removed = try Self.runChild(keep: false)
            #expect(removed.status == 0, "\(removed.stderr)")
            #expect(removed.root.contains("/recouvre-tests-"), "the child ran the test: \(removed.stderr)")
            #expect(!removed.root.isEmpty && !FileManager.default.fileExists(atPath: removed.root))
            #expect(!removed.stderr.contains("temporary files kept"))
            #expect(Self.outsideSurvived(removed.root))

            let kept = try Self.runChild(keep: true)
            #expect(kept.status == 0, "\(kept.stderr)")
            #expect(!kept.root.isEmpty && FileManager.default.fileExists(atPath: kept.root))
            #expect(kept.stderr.contains("recouvre tests: temporary files kept in \(kept.root)\n"), "\(kept.stderr)")
        }
    #endif
}
