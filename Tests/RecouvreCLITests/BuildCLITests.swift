import Foundation
import RecouvreTestSupport
import Testing

/// `recouvre build` as a user runs it.
@Suite("recouvre build (command line)")
struct BuildCLITests {
    static let caseFile = "fixtures/b2b-lyon-dijon/case.yaml"

    @Test("builds the dossier folder with the documents in filing order, dossier.xml, pieces and manifest")
    func buildsFolder() async throws {
        let dir = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("dossier")
        let result = try await CLI.run(["build", Self.caseFile, "--out", out.path])
        #expect(result.status == 0, "\(result)")
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        // A formal notice is recorded: the default stage is the court dossier, whose exhibit is the notice sent.
        #expect(
            names == [
                "01-releve-de-compte.txt", "02-requete-en-injonction-de-payer.txt", "03-bordereau-de-pieces.txt",
                "04-lettre-au-commissaire-de-justice.txt", "dossier.xml", "manifest.json", "notes.txt", "pieces",
            ])
        #expect(result.stdout.contains("pieces/05-mise-en-demeure-2025-06-20.txt"))
        #expect(result.stdout.contains("écrit dans"))
        let notice = try await CLI.run(["build", Self.caseFile, "--out", out.path + "-notice", "--stage", "notice"])
        #expect(notice.status == 0, "\(notice)")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: out.path + "-notice").sorted() == [
                "01-mise-en-demeure.txt", "02-releve-de-compte.txt", "dossier.xml", "manifest.json", "notes.txt",
                "pieces",
            ])
    }

    @Test("a court dossier before the notice's time has run is refused with the date, then built with --force")
    func noticePending() async throws {
        let dir = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("dossier")
        let refused = try await CLI.run(["build", "fixtures/notice-pending/case.yaml", "--out", out.path])
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.stderr.contains("ne peut pas être datée avant le 29 novembre 2026"), "\(refused)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
        let forced = try await CLI.run(["build", "fixtures/notice-pending/case.yaml", "--out", out.path, "--force"])
        #expect(forced.status == 0, "\(forced)")
        #expect(forced.stdout.contains("Construit avec --force"))
        let notes = try String(contentsOf: out.appendingPathComponent("notes.txt"), encoding: .utf8)
        #expect(notes.contains("Construit avec --force"))
    }

    @Test("--procedure: one the route allows is built, another is refused with the reason; --firm fills the mandataire")
    func procedureAndFirm() async throws {
        let dir = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("dossier")
        let pspc = try await CLI.run([
            "build", Self.caseFile, "--out", out.path, "--procedure", "pspc", "--firm",
            "fixtures/firms/cabinet-roux.yaml",
        ])
        #expect(pspc.status == 0, "\(pspc)")
        let request = try String(
            contentsOf: out.appendingPathComponent("02-requete-petites-creances.txt"), encoding: .utf8)
        #expect(request.contains("Pour Atelier Lumière, par Cabinet Roux Avocats, Maître Jeanne Roux"))
        let refused = try await CLI.run([
            "build", Self.caseFile, "--out", out.path + "-2", "--procedure", "european-order",
        ])
        #expect(refused.status == 1, "\(refused)")
        #expect(
            refused.stderr.contains(
                "--procedure european-order : la route de ce dossier ne l'ouvre pas ; procédures possibles : injonction, pspc"
            ))
        let badFirm = dir.appendingPathComponent("firm.yaml")
        try "kind: lawyer\nname: X\n".write(to: badFirm, atomically: true, encoding: .utf8)
        let bad = try await CLI.run(["build", Self.caseFile, "--out", out.path + "-3", "--firm", badFirm.path])
        #expect(bad.status == 1, "\(bad)")
        #expect(bad.stderr.contains("firm.yaml:1 : kind : « lawyer » n'est pas permis"), "\(bad)")
    }

    @Test("refuses to overwrite an existing bundle unless --force")
    func refusesOverwrite() async throws {
        let dir = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("dossier.zip")
        #expect(try await CLI.run(["build", Self.caseFile, "--out", out.path]).status == 0)
        let again = try await CLI.run(["build", Self.caseFile, "--out", out.path])
        #expect(again.status == 1)
        #expect(again.stderr.contains("existe déjà"))
        #expect(again.stderr.contains("--force"))
        #expect(try await CLI.run(["build", Self.caseFile, "--out", out.path, "--force"]).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["dossier.zip"])
    }

    @Test("a missing exhibit file is an input error naming it, and nothing is written")
    func missingExhibit() async throws {
        let dir = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let copy = dir.appendingPathComponent("case")
        try FileManager.default.copyItem(at: TestPaths.fixture("b2b-lyon-dijon"), to: copy)
        let pieces = copy.appendingPathComponent("pieces")
        let removed = try #require(try FileManager.default.contentsOfDirectory(atPath: pieces.path).sorted().first)
        try FileManager.default.removeItem(at: pieces.appendingPathComponent(removed))
        let out = dir.appendingPathComponent("out")
        let result = try await CLI.run([
            "build", copy.appendingPathComponent("case.yaml").path, "--out", out.path + "/dossier",
        ])
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains(removed))
        #expect(result.stderr.contains("n'existe pas"))
        #expect(!FileManager.default.fileExists(atPath: out.path + "/dossier"))
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
        #expect(leftovers.isEmpty)
    }

    @Test("a bad --as-of is a usage error")
    func badDate() async throws {
        let result = try await CLI.run(["build", Self.caseFile, "--out", "/tmp/never", "--as-of", "2026-02-30"])
        #expect(result.status == 2)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never"))
    }

    @Test("a prescribed claim is refused unless --force, and the warning stays in the output")
    func prescribed() async throws {
        let dir = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let copy = dir.appendingPathComponent("case")
        try FileManager.default.copyItem(at: TestPaths.fixture("consumer-bordeaux"), to: copy)
        // Move the consumer claim three years back: C. consom. L218-2 gives two years.
        let file = copy.appendingPathComponent("case.yaml")
        var text = try String(contentsOf: file, encoding: .utf8)
        for (old, new) in [
            ("issued: 2025-11-14", "issued: 2022-11-14"), ("due: 2025-11-14", "due: 2022-11-14"),
            ("date: 2025-09-02", "date: 2022-09-02"), ("date: 2026-02-10", "date: 2022-12-10"),
            ("date: 2025-12-01", "date: 2022-12-01"), ("date: 2026-03-02", "date: 2023-01-02"),
            ("received: 2026-03-05", "received: 2023-01-05"),
        ] {
            text = text.replacingOccurrences(of: old, with: new)
        }
        try text.write(to: file, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("dossier")
        let refused = try await CLI.run(["build", file.path, "--out", out.path])
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.stderr.contains("Prescription acquise"))
        #expect(refused.stderr.contains("--force"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
        let forced = try await CLI.run(["build", file.path, "--out", out.path, "--force"])
        #expect(forced.status == 0, "\(forced)")
        #expect(forced.stdout.contains("warning: Prescription acquise"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("dossier.xml").path))
    }

    @Test("--forms overrides a template file by file")
    func formsOverride() async throws {
        let dir = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let templates = dir.appendingPathComponent("forms/templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try "Cabinet Exemple : {{reference}}, {{date}}\n".write(
            to: templates.appendingPathComponent("bordereau-de-pieces.mustache"), atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("dossier")
        let result = try await CLI.run(
            ["build", Self.caseFile, "--out", out.path, "--forms", dir.appendingPathComponent("forms").path])
        #expect(result.status == 0, "\(result)")
        let bordereau = try String(
            contentsOf: out.appendingPathComponent("03-bordereau-de-pieces.txt"), encoding: .utf8)
        #expect(bordereau == "Cabinet Exemple : 2026-0042, 23 novembre 2026\n")
        let letter = try String(
            contentsOf: out.appendingPathComponent("04-lettre-au-commissaire-de-justice.txt"), encoding: .utf8)
        #expect(letter.contains("Maître"))
    }
}
