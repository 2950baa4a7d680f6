import Foundation
import RecouvreTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `recouvre verify` as a user runs it, on real bundles and on tampered copies.
@Suite("recouvre verify (command line)")
struct VerifyCLITests {
    static func build(_ name: String, in dir: URL) async throws -> URL {
        let out = dir.appendingPathComponent(name)
        let result = try await CLI.run(["build", "fixtures/b2b-lyon-dijon/case.yaml", "--out", out.path])
        #expect(result.status == 0, "\(result)")
        return out
    }

    @Test("an intact bundle passes, folder and zip", arguments: ["dossier", "dossier.zip"])
    func intact(name: String) async throws {
        let dir = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try await Self.build(name, in: dir)
        let result = try await CLI.run(["verify", out.path])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("intact"))
    }

    @Test("a changed byte is named")
    func byteChanged() async throws {
        let dir = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try await Self.build("dossier", in: dir)
        let file = out.appendingPathComponent("01-releve-de-compte.txt")
        var data = try Data(contentsOf: file)
        data[data.count / 2] ^= 0x01
        try data.write(to: file)
        let result = try await CLI.run(["verify", out.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("modifié : 01-releve-de-compte.txt"))
    }

    @Test("an added file is named")
    func fileAdded() async throws {
        let dir = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try await Self.build("dossier", in: dir)
        try Data("ajout".utf8).write(to: out.appendingPathComponent("pieces/ajout.pdf"))
        let result = try await CLI.run(["verify", out.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("ajouté : pieces/ajout.pdf"))
    }

    @Test("a removed file is named")
    func fileRemoved() async throws {
        let dir = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try await Self.build("dossier", in: dir)
        try FileManager.default.removeItem(at: out.appendingPathComponent("03-bordereau-de-pieces.txt"))
        let result = try await CLI.run(["verify", out.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("supprimé : 03-bordereau-de-pieces.txt"))
    }

    @Test("a hand-broken dossier.xml is rejected with libxml2's line and reason")
    func brokenXML() async throws {
        let dir = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try await Self.build("dossier", in: dir)
        let file = out.appendingPathComponent("dossier.xml")
        var text = try String(contentsOf: file, encoding: .utf8)
        let range = try #require(text.range(of: "</dossier>"))
        text.replaceSubrange(range, with: "<surprise/></dossier>")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let result = try await CLI.run(["verify", out.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("modifié : dossier.xml"))
        #expect(result.stderr.contains("dossier.xml n'est pas conforme à forms/schemas/dossier.xsd"))
        #expect(result.stderr.contains("surprise"))
    }

    @Test("a path that is not a bundle is an input error")
    func notABundle() async throws {
        let result = try await CLI.run(["verify", "fixtures"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("pas un dossier recouvre (pas de manifest.json"))
    }

    @Test("hostile inputs exit 1 with a French reason, never 70: a FIFO, a zip bomb, a damaged zip, /dev/null")
    func hostile() async throws {
        let dir = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("tube")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let fromFifo = try await CLI.run(["verify", fifo.path])
        #expect(fromFifo.status == 1, "\(fromFifo)")
        #expect(fromFifo.stderr.contains("tube nommé (FIFO)"))

        let zip = try await Self.build("dossier.zip", in: dir)
        var bytes = try Data(contentsOf: zip)
        bytes[bytes.count / 2] ^= 0xFF
        bytes[bytes.count / 3] ^= 0xFF
        let damaged = dir.appendingPathComponent("damaged.zip")
        try bytes.write(to: damaged)
        let fromDamaged = try await CLI.run(["verify", damaged.path])
        #expect(fromDamaged.status == 1, "\(fromDamaged)")
        #expect(!fromDamaged.stderr.contains("internal error") && !fromDamaged.stderr.contains("erreur interne"))

        let truncated = dir.appendingPathComponent("truncated.zip")
        try Data(try Data(contentsOf: zip).prefix(300)).write(to: truncated)
        let fromTruncated = try await CLI.run(["verify", truncated.path])
        #expect(fromTruncated.status == 1, "\(fromTruncated)")
        #expect(fromTruncated.stderr.contains("pas un dossier recouvre"), "\(fromTruncated)")

        let device = try await CLI.run(["verify", "/dev/null"])
        #expect(device.status == 1, "\(device)")
        #expect(device.stderr.contains("périphérique"), "\(device)")
    }
}
