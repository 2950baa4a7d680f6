import Foundation
import RecouvreTestSupport
import Testing

/// A real bundle: the b2b-lyon-dijon fixture (case 2026-0042, Bâtiments Durand, 2 618,68 € as of
/// 2026-11-23) built by `recouvre build`, so that `archive add` verifies it like any user's.
private func writeBundle(in folder: URL, name: String = "dossier") async throws -> URL {
    let bundle = folder.appendingPathComponent(name)
    if FileManager.default.fileExists(atPath: bundle.path) { return bundle }
    // The notice stage writes the mise en demeure that the archive records (the court stage has none).
    let built = try await CLI.run([
        "build", "fixtures/b2b-lyon-dijon/case.yaml", "--out", bundle.path, "--stage", "notice",
    ])
    #expect(built.status == 0, "\(built)")
    return bundle
}

/// The environment of every archive command in these tests: the archive's secret goes to the
/// test's own configuration folder, never the user's.
private func archiveEnvironment(_ folder: URL) -> [String: String] {
    // RECOUVRE_ARCHIVE_SECRET emptied: the archive unit tests set it in this same test process.
    ["XDG_CONFIG_HOME": folder.appendingPathComponent("config").path, "RECOUVRE_ARCHIVE_SECRET": ""]
}

@Suite("recouvre archive")
struct ArchiveCLITests {
    let folder: URL
    let db: String

    init() throws {
        folder = try TestPaths.temporaryFolder("archive-cli")
        db = folder.appendingPathComponent("archive.sqlite").path
    }

    func archive(_ arguments: [String]) async throws -> CLIResult {
        try await CLI.run(["archive"] + arguments + ["--db", db], environment: archiveEnvironment(folder))
    }

    @Test("add, receipt, list, show, export and verify, as a user runs them")
    func everyCommand() async throws {
        let bundle = try await writeBundle(in: folder)
        let added = try await archive([
            "add", bundle.path, "--sent", "2026-11-24", "--channel", "registered_letter",
            "--tracking", "1A 123 456 7890 1",
        ])
        #expect(added.status == 0, "\(added)")
        #expect(
            added.stdout.hasPrefix(
                "mise en demeure archivée n° 1 (dossier 2026-0042, envoyée le 2026-11-24 par registered_letter) ; entrée 1, empreinte "
            ))
        // The secret was created with the archive, in the configuration folder, mode 0600.
        let keys = folder.appendingPathComponent("config/recouvre/archive-keys")
        let secrets = try FileManager.default.contentsOfDirectory(atPath: keys.path)
        #expect(secrets.count == 1 && secrets[0].hasSuffix(".key"))
        let mode = try FileManager.default.attributesOfItem(atPath: keys.appendingPathComponent(secrets[0]).path)[
            .posixPermissions]
        #expect((mode as? NSNumber)?.intValue == 0o600)
        let second = try await archive([
            "add", bundle.path, "--sent", "2026-11-25", "--channel", "email", "--tracking", "m-2",
        ])
        #expect(second.stdout.hasPrefix("mise en demeure archivée n° 2"), "\(second)")

        let receipt = try await archive(["receipt", "1", "--received", "2026-11-27"])
        #expect(receipt.status == 0)
        #expect(
            receipt.stdout.hasPrefix(
                "accusé enregistré n° 1 : mise en demeure n° 1 reçue le 2026-11-27 ; entrée 3, empreinte "))

        // Notice #2 sent 11-25 without receipt: 12-10 − 11-25 = 15 days → no-receipt.
        let late = try await archive(["list", "--status", "no-receipt", "--as-of", "2026-12-10"])
        #expect(late.status == 0)
        #expect(
            late.stdout == """
                N°  ENVOI       MODE   SUIVI  DOSSIER    MONTANT  RÉCEPTION  STATUT      DÉBITEUR
                2   2026-11-25  email  m-2    2026-0042  2618.68  -          no-receipt  Bâtiments Durand

                """)
        let all = try await archive(["list", "--debtor", "durand", "--from", "2026-11-24", "--as-of", "2026-12-10"])
        #expect(all.stdout.split(separator: "\n").count == 3)

        let show = try await archive(["show", "1", "--as-of", "2026-12-10"])
        #expect(show.stdout.contains("réception :          2026-11-27 (accusé n° 1, entrée 3)"), "\(show)")
        let text = try await archive(["show", "1", "--text"])
        #expect(
            Data(text.stdout.utf8) == (try Data(contentsOf: bundle.appendingPathComponent("01-mise-en-demeure.txt"))))

        let json = try await archive(["export", "--format", "json"])
        let parsed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(parsed?["schema"] as? String == "recouvre.archive-export/1")
        #expect((parsed?["notices"] as? [Any])?.count == 2)
        #expect(json.stdout == (try await archive(["export", "--format", "json"])).stdout)
        let csv = try await archive(["export", "--format", "csv"])
        #expect(csv.stdout.hasPrefix("id,seq,case,creditor_name,"))
        #expect(csv.stdout.components(separatedBy: "\r\n").count == 4)  // header, 2 rows, final empty piece

        let verify = try await archive(["verify"])
        #expect(verify.status == 0)
        #expect(verify.stdout.hasPrefix("\(db) : chaîne intacte, 3 entrées (2 notifications, 1 accusé) ; tête "))
        let head = try await archive(["head"])
        #expect(head.status == 0)
        #expect(verify.stdout.hasSuffix("tête \(head.stdout)"), "\(head)")
        let kept = try await archive(["verify", "--head", head.stdout.trimmingCharacters(in: .whitespacesAndNewlines)])
        #expect(kept.status == 0, "\(kept)")
        let forged = try await archive(["verify", "--head", String(repeating: "ab", count: 32)])
        #expect(forged.status == 1)
        #expect(forged.stderr.contains("n'est plus dans la chaîne"), "\(forged)")
    }

    @Test(
        "usage errors exit 2",
        arguments: [
            ["add", "x", "--sent", "2026-11-24", "--channel", "fax", "--tracking", "1"],
            ["add", "x", "--sent", "2026-02-30", "--channel", "email", "--tracking", "1"],
            ["receipt", "1", "--received", "27/11/2026"],
            ["list", "--from", "2026-12-01", "--to", "2026-11-01"],
            ["list", "--status", "lost"],
            ["export", "--format", "xml"],
        ])
    func usageErrors(arguments: [String]) async throws {
        let result = try await archive(arguments)
        #expect(result.status == 2, "\(result)")
    }

    @Test("input errors exit 1 with the reason")
    func inputErrors() async throws {
        let missing = try await archive(["list"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "\(db) : pas d'archive ici (recouvre archive add la crée ; vérifiez --db)\n")

        let bundle = try await writeBundle(in: folder)
        _ = try await archive([
            "add", bundle.path, "--sent", "2026-11-24", "--channel", "bailiff", "--tracking", "acte 1",
        ])
        let early = try await archive(["receipt", "1", "--received", "2026-11-20"])
        #expect(early.status == 1)
        #expect(early.stderr.contains("est antérieur à son envoi le 2026-11-24"), "\(early)")
        let unknown = try await archive(["show", "7"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("pas de notification #7"))

        try Data("Mise en demeure modifiée\n".utf8).write(to: bundle.appendingPathComponent("01-mise-en-demeure.txt"))
        let altered = try await archive([
            "add", bundle.path, "--sent", "2026-11-25", "--channel", "email", "--tracking", "m",
        ])
        #expect(altered.status == 1)
        #expect(altered.stderr.contains("le dossier a été modifié depuis sa construction"), "\(altered)")
        #expect(altered.stderr.contains("modifié : 01-mise-en-demeure.txt"), "\(altered)")
    }

    @Test("a file that is not an archive is refused and left as it was")
    func foreignFile() async throws {
        let text = Data("not a database\n".utf8)
        try text.write(to: URL(fileURLWithPath: db))
        let result = try await archive(["verify"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("pas une archive recouvre"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == text)
    }

    @Test(
        "verify names the row edited with the sqlite3 tool",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3")))
    func tampered() async throws {
        let bundle = try await writeBundle(in: folder)
        for (day, tracking) in [("2026-11-24", "A"), ("2026-11-25", "B"), ("2026-11-26", "C")] {
            _ = try await archive(["add", bundle.path, "--sent", day, "--channel", "email", "--tracking", tracking])
        }
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        sqlite.arguments = [
            db, "DROP TRIGGER notice_append_only_update; UPDATE notice SET sent = '2026-11-20' WHERE id = 2;",
        ]
        try sqlite.run()
        let sqliteStatus = ChildExit.status(sqlite)
        #expect(sqliteStatus == 0)
        let result = try await archive(["verify"])
        #expect(result.status == 1)
        #expect(
            result.stderr == "\(db) : notification #2 (entrée 2) a été modifiée : son contenu ne correspond plus "
                + "à l'empreinte enregistrée lors de l'archivage\n")
    }

    @Test("without --db the archive lives in $XDG_DATA_HOME/recouvre")
    func defaultLocation() async throws {
        let bundle = try await writeBundle(in: folder)
        let data = folder.appendingPathComponent("xdg")
        let result = try await CLI.run(
            ["archive", "add", bundle.path, "--sent", "2026-11-24", "--channel", "email", "--tracking", "m"],
            environment: ["XDG_DATA_HOME": data.path].merging(archiveEnvironment(folder)) { $1 })
        #expect(result.status == 0, "\(result)")
        #expect(FileManager.default.fileExists(atPath: data.appendingPathComponent("recouvre/archive.sqlite").path))
    }

    @Test("two processes adding at once both succeed")
    func concurrentAdds() async throws {
        let bundle = try await writeBundle(in: folder)
        let statuses = try await withThrowingTaskGroup(of: [Int32].self) { group in
            for lane in ["A", "B"] {
                group.addTask {
                    var statuses = [Int32]()
                    for index in 0..<5 {
                        let result = try await CLI.run(
                            [
                                "archive", "add", bundle.path, "--sent", "2026-11-24",
                                "--channel", "email", "--tracking", "\(lane)\(index)",
                                "--db", db,
                            ], environment: archiveEnvironment(folder))
                        statuses.append(result.status)
                    }
                    return statuses
                }
            }
            return try await group.reduce(into: [Int32]()) { $0 += $1 }
        }
        #expect(statuses == Array(repeating: 0, count: 10))
        let verify = try await archive(["verify"])
        #expect(verify.stdout.contains("chaîne intacte, 10 entrées (10 notifications, 0 accusés)"), "\(verify)")
    }
}

@Suite("recouvre statement --archive")
struct StatementArchiveCLITests {
    /// A consumer case with no formal notice, and an archive holding one sent on 2026-11-24 and received
    /// on 2026-11-26 for the same case reference.
    func caseAndArchive(_ label: String) async throws -> (folder: URL, caseFile: URL, db: String) {
        let folder = try TestPaths.temporaryFolder(label)
        let db = folder.appendingPathComponent("archive.sqlite").path
        let caseFile = folder.appendingPathComponent("case.yaml")
        try Data(
            """
            version: 1
            reference: "2026-0042"
            as_of: 2026-12-31
            creditor:
              kind: company
              name: "SAS Lumière Conseil"
              siren: "552100554"
              address: { lines: ["140 avenue de la Somme"], postcode: "33700", city: "Mérignac" }
            debtor:
              kind: individual
              name: "Julien Lefèvre"
              professional: false
              address: { lines: ["9 rue Sainte-Catherine"], postcode: "33000", city: "Bordeaux" }
            invoices:
              - number: "F1"
                issued: 2025-11-14
                due: 2025-11-14
                amount: 1000.00

            """.utf8
        ).write(to: caseFile)
        let bundle = try await writeBundle(in: folder)
        let env = archiveEnvironment(folder)
        let added = try await CLI.run(
            [
                "archive", "add", bundle.path, "--sent", "2026-11-24", "--channel", "registered_letter",
                "--tracking", "1A", "--db", db,
            ], environment: env)
        #expect(added.status == 0, "\(added)")
        let received = try await CLI.run(
            ["archive", "receipt", "1", "--received", "2026-11-26", "--db", db], environment: env)
        #expect(received.status == 0, "\(received)")

        return (folder, caseFile, db)
    }

    @Test("a consumer case without a formal notice takes it and its receipt date from the archive, and says so")
    func statementFromArchive() async throws {
        let (folder, caseFile, db) = try await caseAndArchive("statement-archive")

        let without = try await CLI.run(["statement", caseFile.path, "--format", "json"])
        #expect(without.status == 0, "\(without)")
        #expect(!without.stdout.contains("\"from\": \"2026-11-27\""))

        let with = try await CLI.run(
            ["statement", caseFile.path, "--format", "json", "--archive", db],
            environment: archiveEnvironment(folder))
        #expect(with.status == 0, "\(with)")
        #expect(
            with.stderr == "warning: mise en demeure prise de l'archive : notification #1 envoyée le 2026-11-24 "
                + "(registered_letter), reçue le 2026-11-26\n")
        // Civil interest runs from the day after the receipt (C. civ. 1231-6): 2026-11-27.
        #expect(with.stdout.contains("\"from\": \"2026-11-27\""), "\(with.stdout)")
    }

    @Test("build --archive computes the dossier with the archived notice's receipt date, and says so")
    func buildFromArchive() async throws {
        let (folder, caseFile, db) = try await caseAndArchive("build-archive")

        let out = folder.appendingPathComponent("built").path
        // The notice stage: the archived notice is known, but its sent file is not yet a case exhibit.
        let built = try await CLI.run(
            ["build", caseFile.path, "--out", out, "--archive", db, "--stage", "notice"],
            environment: archiveEnvironment(folder))
        #expect(built.status == 0, "\(built)")
        #expect(
            built.stderr.contains("warning: mise en demeure prise de l'archive : notification #1 envoyée le 2026-11-24")
        )
        let xml = try String(contentsOfFile: out + "/dossier.xml", encoding: .utf8)
        // Civil interest runs from the day after the receipt (C. civ. 1231-6): 2026-11-27.
        #expect(xml.contains("<from>2026-11-27</from>"), "\(xml)")
    }
}
