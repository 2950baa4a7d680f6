import Foundation
import RecouvreTestSupport
import Testing

/// A folder with one case: a 1 200,00 € B2B invoice due 31 March 2026, both parties with an e-mail.
private func amicableCase(
    _ name: String = "case", in folder: URL? = nil, debtor: String = "Bâtiments Durand",
    siren: String = "552100554", due: String = "2026-03-31"
) throws -> URL {
    let dir = try folder ?? TestPaths.temporaryFolder("amicable-cli")
    let file = dir.appendingPathComponent("\(name).yaml")
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
          name: "\(debtor)"
          legal_form: SAS
          siren: "\(siren)"
          address: { lines: ["4 avenue Jean Jaurès"], postcode: "21000", city: "Dijon" }
          email: "compta@durand.fr"
        invoices:
          - { number: "F1", issued: 2026-03-01, due: \(due), amount: 1200.00 }

        """
    try yaml.write(to: file, atomically: true, encoding: .utf8)
    return file
}

@Suite("recouvre remind, plan, aged")
struct AmicableCLITests {
    @Test("remind --record writes the e-mail, records it beside the case, and never proposes it twice")
    func remindRecord() async throws {
        let file = try amicableCase()
        let folder = file.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = try Data(contentsOf: file)
        let first = try await CLI.run(["remind", file.path, "--as-of", "2026-04-01", "--record"])
        #expect(first.status == 0, "\(first)")
        #expect(first.stdout.contains("Étape du jour : J+1 première relance (courriel)"))
        let eml = folder.appendingPathComponent("relances/CASE-j1-2026-04-01.eml")
        let message = try String(contentsOf: eml, encoding: .utf8)
        #expect(message.contains("MIME-Version: 1.0\r\n"))
        #expect(message.contains("Content-Transfer-Encoding: quoted-printable\r\n"))
        let journal = try String(contentsOf: folder.appendingPathComponent("case.reminders.yaml"), encoding: .utf8)
        #expect(journal.contains("step: \"j1\""))
        #expect(journal.contains("file: \"relances/CASE-j1-2026-04-01.eml\""))
        // The user's case file is untouched.
        #expect(try Data(contentsOf: file) == original)
        let again = try await CLI.run(["remind", file.path, "--as-of", "2026-04-03"])
        #expect(again.status == 0, "\(again)")
        #expect(again.stdout.contains("Rien à envoyer aujourd'hui."))
        #expect(again.stdout.contains("Ensuite : J+15 relance ferme (courrier), à partir du 15/04/2026."))
    }

    @Test("a reminder recorded by remind --record appears in the mise en demeure recouvre build writes")
    func recordedReminderInTheNotice() async throws {
        let file = try amicableCase()
        let folder = file.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: folder) }
        let remind = try await CLI.run(["remind", file.path, "--as-of", "2026-04-01", "--record"])
        #expect(remind.status == 0, "\(remind)")
        let out = folder.appendingPathComponent("dossier")
        let build = try await CLI.run([
            "build", file.path, "--out", out.path, "--as-of", "2026-05-20", "--stage", "notice",
        ])
        #expect(build.status == 0, "\(build)")
        let notice = try String(contentsOf: out.appendingPathComponent("01-mise-en-demeure.txt"), encoding: .utf8)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(notice.contains("Nos démarches amiables sont restées sans effet :"))
        #expect(notice.contains("- Relance amiable du 1er avril 2026 (première relance), par courriel."))
    }

    @Test("remind: an unknown profile is a usage error (exit 2)")
    func unknownProfile() async throws {
        let file = try amicableCase()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let result = try await CLI.run(["remind", file.path, "--as-of", "2026-04-01", "--profile", "grincheux"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("profil inconnu"))
    }

    @Test("remind: a promise in the journal pauses the ladder")
    func promise() async throws {
        let file = try amicableCase()
        let folder = file.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
        version: 1
        case: "case.yaml"
        events:
          - { type: promise, date: 2026-04-02, until: 2026-04-30 }

        """.write(to: folder.appendingPathComponent("case.reminders.yaml"), atomically: true, encoding: .utf8)
        let result = try await CLI.run(["remind", file.path, "--as-of", "2026-04-15"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("En pause : promesse de paiement jusqu'au 30/04/2026."))
    }

    @Test("plan --record: the échéancier, the letter, and the ladder on hold")
    func plan() async throws {
        let file = try amicableCase()
        let folder = file.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try await CLI.run([
            "plan", file.path, "--instalments", "3", "--first", "2026-04-30", "--as-of", "2026-04-10",
            "--out", folder.path, "--record",
        ])
        #expect(result.status == 0, "\(result)")
        // 1 200,00 / 3 = 400,00 exactly.
        #expect(result.stdout.contains("400,00"))
        #expect(
            FileManager.default.fileExists(atPath: folder.appendingPathComponent("CASE-echeancier-2026-04-10.txt").path)
        )
        let remind = try await CLI.run(["remind", file.path, "--as-of", "2026-04-20"])
        #expect(remind.stdout.contains("En attente : échéancier accepté le 10/04/2026"), "\(remind)")
    }

    @Test("aged over a folder: text, csv, json")
    func aged() async throws {
        let folder = try TestPaths.temporaryFolder("amicable-aged")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try amicableCase("a", in: folder, due: "2026-03-31")
        _ = try amicableCase("b", in: folder, debtor: "Menuiserie Petit", siren: "732829320", due: "2026-04-20")
        let text = try await CLI.run(["aged", folder.path, "--as-of", "2026-05-10"])
        #expect(text.status == 0, "\(text)")
        #expect(text.stdout.contains("Balance âgée au 10/05/2026 — 2 débiteurs"))
        #expect(text.stdout.contains("À mettre en demeure"))
        let csv = try await CLI.run(["aged", folder.path, "--as-of", "2026-05-10", "--format", "csv"])
        // a: 40 days late (31–60); b: 20 days late (1–30).
        #expect(
            csv.stdout.contains("Bâtiments Durand,552100554,A,0.00,0.00,1200.00,0.00,0.00,1200.00,40.0,formal_notice,"))
        #expect(csv.stdout.contains("Menuiserie Petit,732829320,B,0.00,1200.00,0.00,0.00,0.00,1200.00,20.0,,"))
        #expect(csv.stdout.contains("TOTAL,,,0.00,1200.00,1200.00,0.00,0.00,2400.00,30.0,,"))
        let json = try await CLI.run(["aged", folder.path, "--as-of", "2026-05-10", "--format", "json"])
        #expect(json.stdout.contains("\"format\": \"recouvre.aged/1\""))
    }

    @Test("aged over a CSV ledger, through the importer")
    func agedLedger() async throws {
        let folder = try TestPaths.temporaryFolder("amicable-ledger")
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = folder.appendingPathComponent("grand-livre.csv")
        // Due 31/03 → 40 days late on 10/05 (31–60); due 20/04 → 20 days (1–30), 100,00 of it paid.
        try """
        N° facture;Date facture;Échéance;Montant TTC;Réglé;Code client;Raison sociale;SIREN;Forme juridique;Adresse;Code postal;Ville
        F1;01/03/2026;31/03/2026;1 200,00;0,00;C1;Bâtiments Durand;552100554;SAS;4 avenue Jean Jaurès;21000;Dijon
        F2;21/03/2026;20/04/2026;500,00;100,00;C1;Bâtiments Durand;552100554;SAS;4 avenue Jean Jaurès;21000;Dijon

        """.write(to: ledger, atomically: true, encoding: .utf8)
        let creditor = TestPaths.fixtures.appendingPathComponent("import/creancier.yaml").path
        let result = try await CLI.run([
            "aged", ledger.path, "--creditor", creditor, "--as-of", "2026-05-10", "--format", "csv",
        ])
        #expect(result.status == 0, "\(result)")
        // (1 200 × 40 + 400 × 20) / 1 600 = 56 000 / 1 600 = 35,0 days.
        #expect(result.stdout.contains(",0.00,400.00,1200.00,0.00,0.00,1600.00,35.0,"), "\(result)")
        let usage = try await CLI.run(["aged", ledger.path])
        #expect(usage.status == 2)
    }

    @Test("remind reads reminder.step and promise from the case file itself")
    func caseFileEvents() async throws {
        let file = try amicableCase()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let text =
            try String(contentsOf: file, encoding: .utf8) + """
                events:
                  - { type: reminder, date: 2026-04-01, step: j1, channel: email }
                  - { type: promise, date: 2026-04-10, until: 2026-04-30, amount: 600.00 }

                """
        try text.write(to: file, atomically: true, encoding: .utf8)
        let paused = try await CLI.run(["remind", file.path, "--as-of", "2026-04-20"])
        #expect(paused.status == 0, "\(paused)")
        #expect(paused.stdout.contains("En pause : promesse de paiement jusqu'au 30/04/2026."))
        let resumed = try await CLI.run([
            "remind", file.path, "--as-of", "2026-05-01", "--out", file.deletingLastPathComponent().path,
        ])
        #expect(resumed.stdout.contains("Étape du jour : J+30 dernière relance avant mise en demeure"), "\(resumed)")
        #expect(resumed.stdout.contains("Étapes passées sans envoi : J+15 relance ferme"))
        let letter = try String(
            contentsOf: file.deletingLastPathComponent().appendingPathComponent("CASE-j30-2026-05-01.txt"),
            encoding: .utf8)
        #expect(letter.contains("cette promesse n'a pas été tenue"))
    }
}
