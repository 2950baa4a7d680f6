import Foundation
import RecouvreTestSupport
import Testing

@Suite("recouvre import, as a user runs it")
struct ImportCLITests {
    @Test("CSV ledger of several debtors → cases → build of each → bundles that verify")
    func endToEnd() async throws {
        let folder = try TestPaths.temporaryFolder("import-e2e")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cases = folder.appendingPathComponent("dossiers")
        let result = try await CLI.run([
            "import", "csv", "fixtures/import/csv/grand-livre.csv", "--creditor", "fixtures/import/creancier.yaml",
            "--out", cases.path, "--format", "json",
        ])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("\"format\": \"recouvre.import/1\""))
        #expect(result.stdout.contains("\"outstanding\": \"18590.50\""))
        let files = try FileManager.default.contentsOfDirectory(atPath: cases.path).filter { $0.hasSuffix(".yaml") }
            .sorted()
        #expect(files == ["825148935.yaml", "891815920.yaml", "898518980.yaml"])
        for file in files {
            let bundle = folder.appendingPathComponent("bundle-" + file.replacingOccurrences(of: ".yaml", with: ""))
            let build = try await CLI.run([
                "build", cases.appendingPathComponent(file).path, "--out", bundle.path, "--as-of", "2026-11-23",
            ])
            #expect(build.status == 0, "\(file): \(build)")
            let verify = try await CLI.run(["verify", bundle.path])
            #expect(verify.status == 0, "\(file): \(verify)")
        }
    }

    @Test(
        "A hostile XML: exit 1, a French error on stderr, nothing written",
        arguments: ["xxe.xml", "billion-laughs.xml", "external-dtd.xml", "truncated.xml"])
    func hostile(file: String) async throws {
        let folder = try TestPaths.temporaryFolder("import-hostile")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        let result = try await CLI.run(["import", "einvoice", "fixtures/invalid/import/\(file)", "--out", out.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("fixtures/invalid/import/\(file):"))
        #expect(result.stderr.contains("rien n'a été écrit"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test("An existing import is not overwritten without --force; an identical re-run is fine")
    func rerun() async throws {
        let folder = try TestPaths.temporaryFolder("import-rerun")
        defer { try? FileManager.default.removeItem(at: folder) }
        let arguments = [
            "import", "fec", "fixtures/import/fec/123456782FEC20251231.txt", "--creditor",
            "fixtures/import/creancier.yaml", "--out", folder.path,
        ]
        #expect(try await CLI.run(arguments).status == 0)
        #expect(try await CLI.run(arguments).status == 0)  // same bytes: nothing to replace
        try "edited".write(to: folder.appendingPathComponent("C0001.yaml"), atomically: true, encoding: .utf8)
        let refused = try await CLI.run(arguments)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("C0001.yaml existe déjà"))
        #expect(try await CLI.run(arguments + ["--force"]).status == 0)
    }

    @Test("import status writes a new version beside the case and lists each change")
    func status() async throws {
        let folder = try TestPaths.temporaryFolder("import-status")
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = folder.appendingPathComponent("F202500003.yaml")
        try FileManager.default.copyItem(
            at: TestPaths.fixtures.appendingPathComponent("import/status/F202500003.yaml"), to: original)
        let before = try Data(contentsOf: original)
        let result = try await CLI.run([
            "import", "status", "fixtures/import/einvoice/cdar/UC1_F202500003_07-CDV-212_Encaissee.xml",
            "fixtures/import/einvoice/cdar/UC4_F202500006_04-CDV-207_En_litige.xml", "--into", folder.path,
            "--validate",
        ])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("règlement de 12\u{00A0}000,00"))
        #expect(result.stdout.contains("contestée"))
        #expect(try Data(contentsOf: original) == before)
        let updated = folder.appendingPathComponent("F202500003.maj1.yaml")
        let check = try await CLI.run(["check", updated.path])
        #expect(check.status == 0, "\(check)")
        #expect(
            FileManager.default.fileExists(
                atPath: folder.appendingPathComponent("pieces/UC4_F202500006_04-CDV-207_En_litige.xml").path))
    }
}
