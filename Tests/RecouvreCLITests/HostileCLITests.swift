import Foundation
import RecouvreTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 12 and 17 through the command line: `--force` on what is not a bundle, hostile `--db`,
/// extreme IDs, control characters, the pli avisé non réclamé and the file actually sent.
@Suite("Hostile input at the command line: build --force, archive")
struct HostileCLITests {
    let folder: URL
    let db: String

    init() throws {
        folder = try TestPaths.temporaryFolder("hostile-cli")
        db = folder.appendingPathComponent("archive.sqlite").path
    }

    var environment: [String: String] {
        ["XDG_CONFIG_HOME": folder.appendingPathComponent("config").path, "RECOUVRE_ARCHIVE_SECRET": ""]
    }

    func archive(_ arguments: [String], db: String? = nil) async throws -> CLIResult {
        try await CLI.run(["archive"] + arguments + ["--db", db ?? self.db], environment: environment)
    }

    func bundle() async throws -> URL {
        let out = folder.appendingPathComponent("dossier")
        let built = try await CLI.run([
            "build", "fixtures/b2b-lyon-dijon/case.yaml", "--out", out.path, "--stage", "notice",
        ])
        #expect(built.status == 0, "\(built)")
        return out
    }

    @Test("build --force never replaces /dev/null or the case's own folder")
    func forceRefusals() async throws {
        let device = try await CLI.run(["build", "fixtures/b2b-lyon-dijon/case.yaml", "--out", "/dev/null", "--force"])
        #expect(device.status == 1, "\(device)")
        #expect(device.stderr.contains("--force refusé, c'est un périphérique caractère"), "\(device)")
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: "/dev/null", isDirectory: &isFolder) && !isFolder.boolValue)

        let copy = folder.appendingPathComponent("client")
        try FileManager.default.copyItem(at: TestPaths.fixture("b2b-lyon-dijon"), to: copy)
        let before = try FileManager.default.contentsOfDirectory(atPath: copy.path).sorted()
        let own = try await CLI.run([
            "build", copy.appendingPathComponent("case.yaml").path, "--out", copy.path, "--force",
        ])
        #expect(own.status == 1, "\(own)")
        #expect(own.stderr.contains("appartient au dossier du client"), "\(own)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: copy.path).sorted() == before)
    }

    @Test("--db on a folder or on /dev/null gets a clear message, exit 1")
    func hostileDatabase() async throws {
        let onFolder = try await archive(["list"], db: folder.path)
        #expect(onFolder.status == 1)
        #expect(onFolder.stderr.contains("c'est un dossier, pas un fichier d'archive"), "\(onFolder)")
        let onDevice = try await archive(["verify"], db: "/dev/null")
        #expect(onDevice.status == 1)
        #expect(onDevice.stderr.contains("périphérique caractère, pas un fichier d'archive"), "\(onDevice)")
    }

    @Test("extreme IDs and control characters: no crash, a clear refusal")
    func extremes() async throws {
        let bundle = try await bundle()
        let added = try await archive([
            "add", bundle.path, "--sent", "2026-11-24", "--channel", "email", "--tracking", "m",
        ])
        #expect(added.status == 0, "\(added)")
        for id in ["9223372036854775807", "-9223372036854775808"] {
            let receipt = try await archive(["receipt", id, "--received", "2026-11-27"])
            #expect(receipt.status == 1 || receipt.status == 2, "\(receipt)")
            let show = try await archive(["show", id])
            #expect(show.status == 1 || show.status == 2, "\(show)")
        }
        for bad in ["1A\u{7}", "1A\r\n2B", "\u{1B}[31m1A"] {
            let result = try await archive([
                "add", bundle.path, "--sent", "2026-11-24", "--channel", "email",
                "--tracking", bad,
            ])
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains("caractère de contrôle"), "\(result)")
        }
        let future = try await archive(["receipt", "1", "--received", "2999-01-01"])
        #expect(future.status == 1)
        #expect(future.stderr.contains("dans le futur"), "\(future)")
    }

    @Test("a pli avisé non réclamé counts as received on the day presented; the PDF sent comes back byte for byte")
    func notCollectedAndSentFile() async throws {
        let bundle = try await bundle()
        let pdf = folder.appendingPathComponent("mise-en-demeure-signee.pdf")
        // UTF-8 text, so that stdout compares as a string (binary bytes: ArchiveSentFileTests).
        let bytes = Data("%PDF-1.7\nscan signé\n%%EOF\n".utf8)
        try bytes.write(to: pdf)
        let added = try await archive([
            "add", bundle.path, "--sent", "2026-11-24", "--channel", "registered_letter",
            "--tracking", "1A 123", "--file", pdf.path,
        ])
        #expect(added.status == 0, "\(added)")
        #expect(added.stdout.contains("fichier envoyé mise-en-demeure-signee.pdf sha256 "))
        let back = try await CLI.run(["archive", "show", "1", "--sent-file", "--db", db], environment: environment)
        #expect(Data(back.stdout.utf8) == bytes, "\(back)")

        let usage = try await archive(["receipt", "1", "--presented", "2026-11-26"])
        #expect(usage.status == 2, "\(usage)")
        let presented = try await archive(["receipt", "1", "--presented", "2026-11-26", "--not-collected"])
        #expect(presented.status == 0, "\(presented)")
        #expect(presented.stdout.contains("présentée le 2026-11-26, non retirée"))
        let list = try await archive(["list", "--status", "not-collected", "--as-of", "2026-12-10"])
        #expect(list.stdout.split(separator: "\n").count == 2, "\(list)")
        #expect(list.stdout.contains("2026-11-26  not-collected"), "\(list)")
        let verify = try await archive(["verify"])
        #expect(verify.status == 0, "\(verify)")
    }

    @Test("archive add takes the amount from dossier.xml, not from a forged manifest")
    func forgedManifest() async throws {
        let bundle = try await bundle()
        let url = bundle.appendingPathComponent("manifest.json")
        let text = try String(contentsOf: url, encoding: .utf8)
            .replacingOccurrences(of: "\"amount_claimed\": \"2618.68\"", with: "\"amount_claimed\": \"999999.99\"")
        try Data(text.utf8).write(to: url)
        let added = try await archive([
            "add", bundle.path, "--sent", "2026-11-24", "--channel", "email", "--tracking", "m",
        ])
        #expect(added.status == 1, "\(added)")
        #expect(added.stderr.contains("amount_claimed 999999.99, dossier.xml dit 2618.68"), "\(added)")
    }
}

/// A full disk and a read-only file system, on a small tmpfs mounted in the test's own folder
/// (root only; skipped where mounting is not allowed).
@Suite("Full and read-only disks", .serialized)
struct DiskCLITests {
    static func mount(_ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/mount")
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        let processStatus = ChildExit.status(process)
        return processStatus == 0
    }

    static let canMount: Bool = {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/bin/mount") else { return false }
        guard let probe = try? TestPaths.temporaryFolder("mount-probe") else { return false }
        defer { try? FileManager.default.removeItem(at: probe) }
        guard mount(["-t", "tmpfs", "-o", "size=64k", "tmpfs", probe.path]) else { return false }
        _ = umount2(probe.path, Int32(MNT_DETACH))
        return true
    }()

    @Test(
        "build on a full disk says \"disque plein\"; the archive on a read-only disk is read, not written",
        .enabled(if: canMount))
    func disks() async throws {
        let folder = try TestPaths.temporaryFolder("disks-cli")
        let mountPoint = folder.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: true)
        #expect(Self.mount(["-t", "tmpfs", "-o", "size=256k", "tmpfs", mountPoint.path]))
        defer { _ = umount2(mountPoint.path, Int32(MNT_DETACH)) }
        let environment = [
            "XDG_CONFIG_HOME": folder.appendingPathComponent("config").path, "RECOUVRE_ARCHIVE_SECRET": "",
        ]

        let bundle = folder.appendingPathComponent("dossier")
        #expect(
            try await CLI.run(["build", "fixtures/b2b-lyon-dijon/case.yaml", "--out", bundle.path, "--stage", "notice"])
                .status == 0)
        let db = mountPoint.appendingPathComponent("archive.sqlite").path
        let added = try await CLI.run(
            [
                "archive", "add", bundle.path, "--sent", "2026-11-24", "--channel", "email",
                "--tracking", "m", "--db", db,
            ], environment: environment)
        #expect(added.status == 0, "\(added)")

        // The fixture's exhibits are larger than what is left of 256 KiB.
        let full = try await CLI.run([
            "build", "fixtures/b2b-lyon-dijon/case.yaml", "--out",
            mountPoint.appendingPathComponent("out").path,
        ])
        #expect(full.status == 1, "\(full)")
        #expect(full.stderr.contains("disque plein"), "\(full)")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: mountPoint.path).allSatisfy { !$0.contains("partial") })

        #expect(Self.mount(["-o", "remount,ro", mountPoint.path]))
        for command in [["list"], ["verify"], ["export"], ["head"], ["show", "1"]] {
            let result = try await CLI.run(["archive"] + command + ["--db", db], environment: environment)
            #expect(result.status == 0, "\(command): \(result)")
        }
        let write = try await CLI.run(
            ["archive", "receipt", "1", "--received", "2026-11-26", "--db", db],
            environment: environment)
        #expect(write.status == 1)
        #expect(write.stderr.contains("lecture seule"), "\(write)")
        let build = try await CLI.run([
            "build", "fixtures/b2b-lyon-dijon/case.yaml", "--out",
            mountPoint.appendingPathComponent("out2").path,
        ])
        #expect(build.status == 1)
        #expect(build.stderr.contains("système de fichiers en lecture seule"), "\(build)")
    }
}
