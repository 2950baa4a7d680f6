import Foundation
import RecouvreTestSupport
import Testing

@Suite("recouvre init")
struct InitCLITests {
    @Test("init writes a case and its exhibits that check accepts")
    func initThenCheck() async throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("dossier").path
        let written = try await CLI.run(["init", target])
        #expect(written.status == 0, "\(written)")
        let pieces = try FileManager.default.contentsOfDirectory(atPath: target + "/pieces")
        #expect(pieces.count == 4)
        #expect(try FileManager.default.contentsOfDirectory(atPath: target).sorted() == ["case.yaml", "pieces"])
        let checked = try await CLI.run(["check", target + "/case.yaml"])
        #expect(checked.status == 0, "\(checked)")
        #expect(checked.stdout.contains("Nature : commerciale"))
    }

    @Test("init never overwrites an existing case.yaml")
    func refusesToOverwrite() async throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let existing = folder.appendingPathComponent("case.yaml")
        try Data("version: 1\n# my own case\n".utf8).write(to: existing)
        let result = try await CLI.run(["init", folder.path])
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "recouvre init: \(existing.path) existe déjà ; init n'écrase jamais un dossier (choisissez un autre répertoire)\n"
        )
        #expect(try String(contentsOf: existing, encoding: .utf8) == "version: 1\n# my own case\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("pieces").path))
    }

    @Test("init in the current folder by default; --help shows an example")
    func defaults() async throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try await CLI.run(["init"], in: folder)
        #expect(result.status == 0, "\(result)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("case.yaml").path))
        let help = try await CLI.run(["init", "--help"])
        #expect(help.stdout.contains("recouvre init dossier-durand"))
    }
}
