import Foundation
import RecouvreTestSupport
import Testing

/// Issue 12: `build` copies nothing from outside the case's folder.
@Suite("recouvre build: exhibits only from the case's folder")
struct HostileCaseCLITests {
    @Test("absolute paths and a climb out are refused, nothing is written")
    func outside() async throws {
        let dir = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("dossier")
        let result = try await CLI.run(["build", "fixtures/invalid/33-exhibit-outside.yaml", "--out", out.path])
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("« /etc/shadow » est hors du répertoire du dossier"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test("an exhibit that is a symbolic link to /etc/passwd is refused, nothing is written")
    func symlink() async throws {
        let dir = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = TestPaths.fixture("b2b-lyon-dijon")
        let copy = dir.appendingPathComponent("case")
        try FileManager.default.copyItem(at: source, to: copy)
        let exhibit = copy.appendingPathComponent("pieces/devis-D-2025-031.pdf")
        try FileManager.default.removeItem(at: exhibit)
        try FileManager.default.createSymbolicLink(atPath: exhibit.path, withDestinationPath: "/etc/passwd")
        let out = dir.appendingPathComponent("dossier")
        let result = try await CLI.run(["build", copy.appendingPathComponent("case.yaml").path, "--out", out.path])
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("mène hors du répertoire du dossier par un lien symbolique"), "\(result)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
