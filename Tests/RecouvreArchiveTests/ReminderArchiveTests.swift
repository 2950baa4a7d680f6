import Foundation
import GRDB
import RecouvreModel
import RecouvreTestSupport
import Testing

@testable import RecouvreArchive

/// Issue 16: the reminders sent are archived like the notices (schema 3): entries of the same keyed
/// chain, their letters and e-mails kept byte for byte; an archive of schema 1 or 2 migrates with
/// its rows and hashes untouched; an edited or deleted reminder is named by verify.
@Suite("Reminders in the archive (schema 3)")
struct ReminderArchiveTests {
    let folder: URL
    let path: String

    init() throws {
        _ = testSecretInstalled
        folder = try TestPaths.temporaryFolder("archive-reminders")
        path = folder.appendingPathComponent("archive.sqlite").path
    }

    func raw(_ sql: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { try $0.execute(sql: sql) }
        try queue.close()
    }

    static func submission(
        step: String = "j1", sent: String = "2026-04-01", text: String = "Relance\r\n"
    )
        -> ReminderSubmission
    {
        ReminderSubmission(
            caseReference: "2026-0042", creditor: ArchivedParty(name: "Atelier Lumière", siren: "123456782"),
            debtor: ArchivedParty(name: "Bâtiments Durand", siren: "552100554"), amountDue: Decimal(string: "1200")!,
            sent: .of(sent), step: step, channel: step == "j15" ? .letter : .email, profile: "standard",
            fileName: "2026-0042-\(step)-\(sent).eml", data: Data(text.utf8))
    }

    /// Entries: 1 notice #1, 2 reminder #1 (j1), 3 receipt #1, 4 reminder #2 (j15).
    func populated() throws -> ArchiveStore {
        let store = try ArchiveStore(path: path, creating: true)
        let bundle = try SyntheticBundle().read(in: folder.appendingPathComponent("b"))
        try store.add(
            NoticeSubmission(bundle: bundle, sent: .of("2026-11-24"), channel: .registeredLetter, tracking: "A"))
        try store.add(reminders: [Self.submission()])
        try store.recordReceipt(noticeID: 1, received: .of("2026-11-27"))
        try store.add(reminders: [Self.submission(step: "j15", sent: "2026-04-15", text: "Relance ferme\n")])
        return store
    }

    @Test("a reminder is a chain entry: stored byte for byte, listed, shown, verified, never twice")
    func archiveReminders() throws {
        let store = try populated()
        let result = try store.verify()
        #expect(result.isIntact, "\(String(describing: result.problem))")
        #expect(result.notices == 1 && result.receipts == 1 && result.reminders == 2 && result.entries == 4)
        #expect(
            ArchiveFormatter.verification(result, path: path)
                == "\(path) : chaîne intacte, 4 entrées (1 notification, 1 accusé, 2 relances) ; tête \(result.head)")
        let first = try store.reminder(id: 1)
        #expect(first.seq == 2)
        #expect(first.data == Data("Relance\r\n".utf8))
        #expect(first.amountDue == "1200.00")
        #expect(first.fileSHA256 == SHA256Hex.of(Data("Relance\r\n".utf8)))
        let second = try store.reminder(id: 2)
        #expect(second.seq == 4)
        #expect(second.previousHash == (try store.notice(id: 1).receipts.first?.hash))
        #expect(result.head == second.hash)
        let all = try store.reminders(ArchiveFilter(asOf: .of("2026-12-01")))
        #expect(all.map(\.step) == ["j1", "j15"])
        #expect(try store.reminders(ArchiveFilter(from: .of("2026-04-10"), asOf: .of("2026-12-01"))).map(\.id) == [2])
        #expect(try store.reminders(ArchiveFilter(debtor: "durand", asOf: .of("2026-12-01"))).count == 2)
        #expect(try store.reminders(ArchiveFilter(debtor: "Martin", asOf: .of("2026-12-01"))).isEmpty)
        let listing = ArchiveFormatter.reminderList(all)
        #expect(listing.hasPrefix("N°  DATE        ÉTAPE  MODE    DOSSIER    RESTE DÛ  FICHIER"), "\(listing)")
        #expect(listing.contains("2026-04-15  j15    letter  2026-0042  1200.00   2026-0042-j15-2026-04-15.eml"))
        let shown = ArchiveFormatter.showReminder(first)
        #expect(shown.hasPrefix("relance n° 1 (entrée 2 de la chaîne)\n"))
        #expect(shown.contains("reste dû :           1200.00 EUR en principal au 2026-04-01\n"))

        // Never twice (same case, step, day): the whole batch is refused, nothing added.
        let error = #expect(throws: ArchiveError.self) {
            try store.add(reminders: [Self.submission(step: "j30", sent: "2026-04-30"), Self.submission()])
        }
        #expect(error?.message.contains("déjà archivée sous le n° 1") == true, "\(String(describing: error))")
        #expect(try store.verify().entries == 4)
        #expect(try store.reminders(ArchiveFilter(asOf: .of("2026-12-01"))).count == 2)
        #expect(throws: ArchiveError.self) { try store.reminder(id: 3) }
    }

    @Test(
        "the triggers refuse UPDATE and DELETE of a reminder or its file",
        arguments: [
            "UPDATE reminder SET step = 'j30'", "DELETE FROM reminder",
            "UPDATE reminder_file SET data = x'00'", "DELETE FROM reminder_file",
        ])
    func triggersRefuse(sql: String) throws {
        _ = try populated()
        let error = #expect(throws: DatabaseError.self) { try raw(sql) }
        #expect(error?.extendedResultCode == .SQLITE_CONSTRAINT_TRIGGER)
        #expect(try ArchiveStore(path: path).verify().isIntact)
    }

    @Test("an edited reminder row is named")
    func editedReminder() throws {
        _ = try populated()
        try raw("DROP TRIGGER reminder_append_only_update; UPDATE reminder SET amount_due = '12.00' WHERE id = 1")
        let problem = try #require(try ArchiveStore(path: path).verify().problem)
        #expect(problem.subject == "relance #1")
        #expect(problem.seq == 2)
        #expect(
            problem.description == "\(path) : relance #1 (entrée 2) a été modifiée : son contenu ne correspond "
                + "plus à l'empreinte enregistrée lors de l'archivage")
    }

    @Test("an edited reminder e-mail is named, even with its row intact")
    func editedFile() throws {
        _ = try populated()
        try raw(
            """
            DROP TRIGGER reminder_file_append_only_update;
            UPDATE reminder_file SET data = CAST('Relance modifiée' AS BLOB) WHERE sha256 = '\(SHA256Hex.of(Data("Relance\r\n".utf8)))'
            """)
        let problem = try #require(try ArchiveStore(path: path).verify().problem)
        #expect(problem.subject == "relance #1")
        #expect(problem.description.contains("la lettre ou le courriel de relance #1 a été modifié"), "\(problem)")
    }

    @Test("the newest reminder deleted is caught (SQLite's counter), a middle one breaks the chain")
    func deletedReminder() throws {
        _ = try populated()
        try raw("DROP TRIGGER reminder_append_only_delete; DELETE FROM reminder WHERE id = 2")
        let last = try #require(try ArchiveStore(path: path).verify().problem)
        #expect(last.description.contains("relance #2 supprimée"), "\(last)")
        try raw("DELETE FROM reminder WHERE id = 1")
        let middle = try #require(try ArchiveStore(path: path).verify().problem)
        #expect(middle.description.contains("entrée 2 supprimée"), "\(middle)")
    }

    @Test("a missing reminder trigger is reported")
    func missingTrigger() throws {
        _ = try populated()
        try raw("DROP TRIGGER reminder_append_only_delete")
        let problem = try #require(try ArchiveStore(path: path).verify().problem)
        #expect(problem.description.contains("reminder_append_only_delete"), "\(problem)")
    }

    /// The stored archive of schema 2 (Tests/Fixtures/archive-schema-2, written by the recouvre of
    /// ecbe286), copied; its secret by `--secret`.
    func schemaTwoCopy() throws -> (path: String, secret: String) {
        let source = TestPaths.root.appendingPathComponent("Tests/Fixtures/archive-schema-2")
        try FileManager.default.copyItem(
            at: source.appendingPathComponent("archive.sqlite"), to: URL(fileURLWithPath: path))
        let secret = folder.appendingPathComponent("secret.key")
        try FileManager.default.copyItem(at: source.appendingPathComponent("secret.key"), to: secret)
        return (path, secret.path)
    }

    static let schemaTwoNoticeHash = "e48cb80d5c90f80c68fa5c16f19e64c16132b709422e78095d60a16619dde836"
    static let schemaTwoHead = "35e1804a59bce5b337dc36ee679c0100236024487277ada4aa2ebf1173e9f3a1"

    func userVersion() throws -> Int32 {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { try Int32.fetchOne($0, sql: "PRAGMA user_version") ?? 0 }
    }

    @Test("an archive of schema 2 reads as it is (no reminder, file unchanged) and migrates on the first write")
    func schemaTwoMigration() throws {
        let (path, secret) = try schemaTwoCopy()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let reader = try ArchiveStore(path: path, mode: .readOnly, secret: secret)
        let old = try reader.verify()
        #expect(old.isIntact, "\(String(describing: old.problem))")
        #expect(old.entries == 2 && old.reminders == 0 && old.head == Self.schemaTwoHead)
        #expect(try reader.reminders(ArchiveFilter(asOf: .of("2026-12-01"))).isEmpty)
        #expect(throws: ArchiveError.self) { try reader.reminder(id: 1) }
        try? reader.queue.close()
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try userVersion() == 2)

        let store = try ArchiveStore(path: path, mode: .readWrite, secret: secret)
        #expect(try userVersion() == 3)
        // The old rows and their digests are untouched, the chain verifies as before.
        let migrated = try store.verify()
        #expect(migrated.isIntact, "\(String(describing: migrated.problem))")
        #expect(migrated.head == Self.schemaTwoHead)
        #expect(try store.notice(id: 1).hash == Self.schemaTwoNoticeHash)
        #expect(try store.notice(id: 1).receipts.map(\.hash) == [Self.schemaTwoHead])
        let added = try store.add(reminders: [Self.submission(sent: "2025-06-30")])
        #expect(added.first?.seq == 3)
        #expect(added.first?.previousHash == Self.schemaTwoHead)
        let after = try store.verify()
        #expect(after.isIntact && after.entries == 3 && after.reminders == 1)
        // Migrating again is refused, nothing changed.
        #expect(throws: ArchiveError.self) { try ArchiveStore(path: path, mode: .migrate, secret: secret) }
        // A forger without the secret cannot rewrite the old notice either.
        try raw("DROP TRIGGER notice_append_only_update; UPDATE notice SET tracking = 'X' WHERE id = 1")
        #expect(try store.verify().problem?.subject == "notification #1")
    }

    @Test("an archive of schema 2: archive migrate adds the reminders, nothing else")
    func schemaTwoExplicitMigrate() throws {
        let (path, secret) = try schemaTwoCopy()
        let store = try ArchiveStore(path: path, mode: .migrate, secret: secret)
        #expect(try userVersion() == 3)
        #expect(try store.verify().head == Self.schemaTwoHead)
    }

    @Test("an archive of schema 1: migrate keys it and adds the reminders (schema 3); the old entries stay")
    func schemaOneMigration() throws {
        // Schema 1 as the previous recouvre wrote it: one unkeyed notice.
        let queue = try DatabaseQueue(path: path)
        try ArchiveSchema.migratorV1.migrate(queue)
        let bundle = try SyntheticBundle().read(in: folder.appendingPathComponent("b"))
        let fields = NoticeBundleFields(
            caseReference: bundle.caseReference, creditorName: bundle.creditor.name,
            creditorSiren: bundle.creditor.siren, debtorName: bundle.debtor.name, debtorSiren: bundle.debtor.siren,
            amountClaimed: "1220.00", asOf: bundle.asOf?.iso, noticeFile: bundle.noticeFile,
            noticeSHA256: bundle.noticeSHA256, manifestSHA256: bundle.manifestSHA256, sent: "2026-11-24",
            channel: "email", tracking: "T1")
        let entry = ChainEntry.notice(seq: 1, id: 1, previousHash: ChainEntry.genesis, bundle: fields)
        try queue.write { db in
            try db.execute(
                sql: "INSERT INTO notice_document (sha256, text) VALUES (?, ?)",
                arguments: [bundle.noticeSHA256, bundle.noticeText])
            try db.execute(
                sql: """
                    INSERT INTO notice (id, seq, case_reference, creditor_name, creditor_siren, debtor_name, debtor_siren,
                        amount_claimed, as_of, notice_file, notice_sha256, manifest_sha256, sent, channel, tracking,
                        previous_hash, hash) VALUES (1, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    fields.caseReference, fields.creditorName, fields.creditorSiren, fields.debtorName,
                    fields.debtorSiren, fields.amountClaimed, fields.asOf, fields.noticeFile, fields.noticeSHA256,
                    fields.manifestSHA256, fields.sent, fields.channel, fields.tracking, ChainEntry.genesis, entry.hash,
                ])
        }
        try queue.close()
        let store = try ArchiveStore(path: path, mode: .migrate)
        #expect(try userVersion() == 3)
        #expect(try store.notice(id: 1).hash == entry.hash)
        try store.add(reminders: [Self.submission()])
        let result = try store.verify()
        #expect(
            result.isIntact && result.entries == 2 && result.reminders == 1, "\(String(describing: result.problem))")
    }
}
