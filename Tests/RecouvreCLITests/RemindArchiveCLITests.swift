import Foundation
import RecouvreTestSupport
import Testing

/// A case file: a 1 200,00 € B2B invoice due 31 March 2026, both parties with an e-mail.
private func reminderCase(_ name: String, in folder: URL) throws -> URL {
    let file = folder.appendingPathComponent("\(name)/case.yaml")
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    let yaml = """
        version: 1
        reference: "\(name.uppercased())"
        creditor:
          kind: company
          name: "Atelier Lumière"
          legal_form: SARL
          siren: "123456782"
          address: { lines: ["12 rue des Lilas"], postcode: "69003", city: "Lyon" }
          email: "compta@atelier-lumiere.fr"
        debtor:
          kind: company
          name: "Bâtiments Durand"
          legal_form: SAS
          siren: "552100554"
          address: { lines: ["4 avenue Jean Jaurès"], postcode: "21000", city: "Dijon" }
          email: "compta@durand.fr"
        invoices:
          - { number: "F1", issued: 2026-03-01, due: 2026-03-31, amount: 1200.00 }

        """
    try yaml.write(to: file, atomically: true, encoding: .utf8)
    return file
}

/// Every path under `folder`, relative, sorted (what a failed run must leave as it was).
private func tree(_ folder: URL) -> [String] {
    (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).sorted()
}

/// Issue 16: `remind --record --archive DB` records the reminder in the journal and archives the
/// letter or e-mail, byte for byte, in the archive's chain (schema 3); `archive list/show/verify`
/// show it in French; any failure leaves nothing written.
@Suite("recouvre remind --record --archive")
struct RemindArchiveCLITests {
    let folder: URL
    let db: String
    let environment: [String: String]

    init() throws {
        folder = try TestPaths.temporaryFolder("remind-archive")
        db = folder.appendingPathComponent("archive.sqlite").path
        // The archive's secret in the test's own configuration folder (never the user's).
        environment = ["XDG_CONFIG_HOME": folder.appendingPathComponent("config").path, "RECOUVRE_ARCHIVE_SECRET": ""]
    }

    func run(_ arguments: [String], environment extra: [String: String] = [:]) async throws -> CLIResult {
        try await CLI.run(arguments, environment: environment.merging(extra) { $1 })
    }

    @Test("the e-mail archived byte for byte; list, show and verify show the reminder; never proposed twice")
    func recordAndArchive() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let cases = folder.appendingPathComponent("cases")
        let file = try reminderCase("a", in: cases)
        let remind = try await run(["remind", file.path, "--as-of", "2026-04-01", "--record", "--archive", db])
        #expect(remind.status == 0, "\(remind)")
        #expect(remind.stdout.contains("  Archivée : relance n° 1, entrée 1 de la chaîne (\(db))"), "\(remind)")
        let eml = cases.appendingPathComponent("a/relances/A-j1-2026-04-01.eml")
        let sent = try Data(contentsOf: eml)
        let journal = try String(contentsOf: cases.appendingPathComponent("a/case.reminders.yaml"), encoding: .utf8)
        #expect(journal.contains("step: \"j1\""))

        let list = try await run(["archive", "list", "--db", db, "--as-of", "2026-04-02"])
        #expect(list.status == 0, "\(list)")
        #expect(
            list.stdout.contains("\nRelances archivées :\nN°  DATE        ÉTAPE  MODE   DOSSIER  RESTE DÛ"), "\(list)")
        #expect(
            list.stdout.contains(
                "1   2026-04-01  j1     email  A        1200.00   A-j1-2026-04-01.eml  Bâtiments Durand\n"))
        let noticesOnly = try await run(["archive", "list", "--db", db, "--status", "sent", "--as-of", "2026-04-02"])
        #expect(!noticesOnly.stdout.contains("Relances"), "\(noticesOnly)")
        let show = try await run(["archive", "show", "1", "--reminder", "--db", db])
        #expect(show.status == 0, "\(show)")
        #expect(show.stdout.hasPrefix("relance n° 1 (entrée 1 de la chaîne)\ndossier :            A\n"), "\(show)")
        #expect(show.stdout.contains("étape :              j1 (profil standard)\n"))
        let text = try await run(["archive", "show", "1", "--reminder", "--text", "--db", db])
        #expect(Data(text.stdout.utf8) == sent)
        let verify = try await run(["archive", "verify", "--db", db])
        #expect(verify.status == 0, "\(verify)")
        #expect(
            verify.stdout.hasPrefix("\(db) : chaîne intacte, 1 entrée (0 notifications, 0 accusés, 1 relance) ; tête "))

        // The journal says j1 was sent: nothing is proposed, nothing archived twice.
        let again = try await run(["remind", file.path, "--as-of", "2026-04-03", "--record", "--archive", db])
        #expect(again.status == 0, "\(again)")
        #expect(again.stdout.contains("Rien à envoyer aujourd'hui."))
        #expect(!again.stdout.contains("Archivée"))
        // The firm reminder, a letter, archived as entry 2.
        let firm = try await run(["remind", file.path, "--as-of", "2026-04-15", "--record", "--archive", db])
        #expect(firm.stdout.contains("  Archivée : relance n° 2, entrée 2 de la chaîne"), "\(firm)")
        let both = try String(contentsOf: cases.appendingPathComponent("a/case.reminders.yaml"), encoding: .utf8)
        #expect(both.contains("step: \"j1\"") && both.contains("step: \"j15\""), "\(both)")
        let letter = try Data(contentsOf: cases.appendingPathComponent("a/relances/A-j15-2026-04-15.txt"))
        let shown = try await run(["archive", "show", "2", "--reminder", "--text", "--db", db])
        #expect(Data(shown.stdout.utf8) == letter)
    }

    @Test("a second remind --record replaces the journal with both steps (it was lost on Linux before)")
    func secondRecordKeepsTheJournal() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try reminderCase("a", in: folder)
        let journal = folder.appendingPathComponent("a/case.reminders.yaml")
        let first = try await run(["remind", file.path, "--as-of", "2026-04-01", "--record"])
        #expect(first.status == 0, "\(first)")
        let second = try await run(["remind", file.path, "--as-of", "2026-04-15", "--record"])
        #expect(second.status == 0, "\(second)")
        let text = try String(contentsOf: journal, encoding: .utf8)
        #expect(text.contains("step: \"j1\"") && text.contains("step: \"j15\""), "\(text)")
        // No temporary file left beside it.
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("a").path)
        #expect(!names.contains { $0.hasSuffix(".tmp") }, "\(names)")
    }

    @Test("--archive without --record is a usage error")
    func archiveNeedsRecord() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try reminderCase("a", in: folder)
        let result = try await run(["remind", file.path, "--as-of", "2026-04-01", "--archive", db])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("--archive s'emploie avec --record"))
    }

    @Test("a reminder that cannot be archived: nothing written for any case, the archive unchanged")
    func nothingHalfWritten() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let cases = folder.appendingPathComponent("cases")
        _ = try reminderCase("a", in: cases)
        let b = try reminderCase("b", in: cases)
        // b's j1 is archived, then its journal and e-mail are lost: the next run proposes j1 again.
        let first = try await run(["remind", b.path, "--as-of", "2026-04-01", "--record", "--archive", db])
        #expect(first.status == 0, "\(first)")
        try FileManager.default.removeItem(at: cases.appendingPathComponent("b/case.reminders.yaml"))
        try FileManager.default.removeItem(at: cases.appendingPathComponent("b/relances"))
        let before = tree(cases)
        let archiveBefore = try Data(contentsOf: URL(fileURLWithPath: db))

        let failed = try await run(["remind", cases.path, "--as-of", "2026-04-01", "--record", "--archive", db])
        #expect(failed.status == 1, "\(failed)")
        #expect(failed.stderr.contains("déjà archivée sous le n° 1"), "\(failed)")
        #expect(tree(cases) == before, "\(tree(cases))")  // no e-mail, no journal, no relances/ for a or b
        let verify = try await run(["archive", "verify", "--db", db])
        #expect(verify.stdout.contains("1 entrée (0 notifications, 0 accusés, 1 relance)"), "\(verify)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)).count == archiveBefore.count)

        // The archive's secret missing: refused before anything is written.
        let noSecret = try await run(
            ["remind", cases.path, "--as-of", "2026-04-01", "--record", "--archive", db],
            environment: ["XDG_CONFIG_HOME": folder.appendingPathComponent("elsewhere").path])
        #expect(noSecret.status == 1, "\(noSecret)")
        #expect(tree(cases) == before)
    }

    @Test("the stored archive of schema 2 migrates on the first reminder; its entries and head are kept")
    func schemaTwoArchive() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = TestPaths.root.appendingPathComponent("Tests/Fixtures/archive-schema-2")
        try FileManager.default.copyItem(
            at: source.appendingPathComponent("archive.sqlite"), to: URL(fileURLWithPath: db))
        let secret = ["RECOUVRE_ARCHIVE_SECRET": source.appendingPathComponent("secret.key").path]
        let oldHead = "35e1804a59bce5b337dc36ee679c0100236024487277ada4aa2ebf1173e9f3a1"
        let old = try await run(["archive", "verify", "--db", db], environment: secret)
        #expect(
            old.stdout == "\(db) : chaîne intacte, 2 entrées (1 notification, 1 accusé) ; tête \(oldHead)\n", "\(old)")
        let file = try reminderCase("a", in: folder)
        let remind = try await run(
            ["remind", file.path, "--as-of", "2026-04-01", "--record", "--archive", db], environment: secret)
        #expect(remind.status == 0, "\(remind)")
        #expect(remind.stdout.contains("Archivée : relance n° 1, entrée 3 de la chaîne"), "\(remind)")
        let verify = try await run(["archive", "verify", "--db", db, "--head", oldHead], environment: secret)
        #expect(verify.status == 0, "\(verify)")
        #expect(verify.stdout.contains("3 entrées (1 notification, 1 accusé, 1 relance)"), "\(verify)")
        let show = try await run(["archive", "show", "1", "--db", db, "--as-of", "2026-04-02"], environment: secret)
        #expect(
            show.stdout.contains(
                "empreinte :          e48cb80d5c90f80c68fa5c16f19e64c16132b709422e78095d60a16619dde836"))
    }
}
