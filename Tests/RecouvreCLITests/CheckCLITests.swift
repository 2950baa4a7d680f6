import Foundation
import RecouvreTestSupport
import Testing

/// `recouvre check` run as a user runs it: every valid fixture accepted with its summary, every
/// invalid fixture refused with exactly the message beside it.
@Suite("recouvre check")
struct CheckCLITests {
    static let valid = TestPaths.validFixtureNames

    /// `fixtures/invalid/NN-name.yaml` (or `.json`), each with its `NN-name.stderr`.
    static var invalid: [String] {
        let folder = TestPaths.fixtures.appendingPathComponent("invalid")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.sorted()
    }

    @Test("every valid fixture is accepted, its summary as in the golden file", arguments: valid)
    func accepts(name: String) async throws {
        let result = try await CLI.run(["check", "fixtures/\(name)/case.yaml"])
        #expect(result.status == 0, "\(result)")
        // The fixtures compute as of 2026-11-23; the pinned statutory parameters are checked through that
        // day, so a flat fee arising the next day would be refused: check warns 30 days ahead (RateExpiry),
        // and says nothing else (the ECB table answers until 2026-12-31, 39 days away: no warning).
        #expect(
            result.stderr.hasPrefix("warning: Les paramètres légaux (forms/rates/statutory.yaml) ne sont vérifiés que ")
                && result.stderr.contains("à partir du 24 novembre 2026 (dans 1 jour(s))")
                && result.stderr.split(separator: "\n").count == 1,
            "\(result)")
        if let mismatch = Golden.mismatch(result.stdout, target: "RecouvreCLITests", name: "check-\(name).txt") {
            Issue.record(Comment(rawValue: mismatch))
        }
    }

    @Test("at least 20 invalid fixtures, each with its expected stderr")
    func invalidFixturesExist() {
        #expect(Self.invalid.count >= 20)
        for name in Self.invalid {
            let stderr = TestPaths.fixtures.appendingPathComponent("invalid")
                .appendingPathComponent((name as NSString).deletingPathExtension + ".stderr")
            #expect(FileManager.default.fileExists(atPath: stderr.path), "\(name) has no .stderr beside it")
        }
    }

    @Test("every invalid fixture gives exactly its expected stderr and exit status 1", arguments: invalid)
    func refuses(name: String) async throws {
        let path = "fixtures/invalid/\(name)"
        let expected = try String(
            contentsOf: TestPaths.root.appendingPathComponent(
                (path as NSString).deletingPathExtension + ".stderr"), encoding: .utf8)
        let result = try await CLI.run(["check", path])
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
        #expect(result.stderr == expected)
    }

    @Test("a missing file: exit 1, named; no argument: a usage error")
    func usage() async throws {
        let missing = try await CLI.run(["check", "fixtures/nowhere/case.yaml"])
        #expect(missing.status == 1)
        #expect(
            missing.stderr
                == "fixtures/nowhere/case.yaml: fichier introuvable (vérifiez le chemin ; `recouvre init RÉPERTOIRE` écrit un exemple de dossier)\n"
        )
        let none = try await CLI.run(["check"])
        // A usage error exits 2 (interfaces.md).
        #expect(none.status == 2)
        #expect(none.stderr.contains("Missing expected argument"))
    }

    @Test("--help shows the example; --version the version")
    func help() async throws {
        let help = try await CLI.run(["check", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("recouvre check fixtures/b2b-lyon-dijon/case.yaml"))
        let root = try await CLI.run(["--help"])
        #expect(root.status == 0)
        #expect(root.stdout.contains("check"))
        let version = try await CLI.run(["--version"])
        #expect(version.stdout.hasPrefix("recouvre "))
    }
}
