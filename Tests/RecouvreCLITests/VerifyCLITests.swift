import Foundation
import RecouvreTestSupport
import Testing

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
        #expect(result.stderr.contains("altered: 01-releve-de-compte.txt"))
    }

    @Test("an added file is named")
    func fileAdded() async throws {
        let dir = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try await Self.build("dossier", in: dir)
        try Data("ajout".utf8).write(to: out.appendingPathComponent("pieces/ajout.pdf"))
        let result = try await CLI.run(["verify", out.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("added: pieces/ajout.pdf"))
    }

    @Test("a removed file is named")
    func fileRemoved() async throws {
        let dir = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try await Self.build("dossier", in: dir)
        try FileManager.default.removeItem(at: out.appendingPathComponent("03-bordereau-de-pieces.txt"))
        let result = try await CLI.run(["verify", out.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("removed: 03-bordereau-de-pieces.txt"))
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
        #expect(result.stderr.contains("altered: dossier.xml"))
        #expect(result.stderr.contains("dossier.xml does not validate"))
        #expect(result.stderr.contains("surprise"))
    }

    @Test("a path that is not a bundle is an input error")
    func notABundle() async throws {
        let result = try await CLI.run(["verify", "fixtures"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("not a recouvre bundle"))
    }
}
