import Foundation
import GRDB
import RecouvreModel
import RecouvreTestSupport
import Testing

@testable import RecouvreArchive

/// Issue 12 "the archive's chain resists a rewrite", issue 17 "pli avisé non réclamé", issue 15
/// "the PDF actually sent": each with the hostile database or input it defends against.
@Suite("Keyed chain, migration, secret, sent file, not collected")
struct KeyedChainTests {
    let folder: URL
    let path: String

    init() throws {
        _ = testSecretInstalled
        folder = try TestPaths.temporaryFolder("archive-keyed")
        path = folder.appendingPathComponent("archive.sqlite").path
    }

    func bundle(_ name: String = "b") throws -> NoticeBundle {
        try SyntheticBundle().read(in: folder.appendingPathComponent(name))
    }

    func raw(_ sql: String, arguments: StatementArguments = []) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { try $0.execute(sql: sql, arguments: arguments) }
        try queue.close()
    }

    func populated(secret: String? = nil) throws -> ArchiveStore {
        let store = try ArchiveStore(path: path, mode: .create, secret: secret)
        let read = try bundle()
        try store.add(
            NoticeSubmission(bundle: read, sent: .of("2026-11-24"), channel: .registeredLetter, tracking: "A"))
        try store.add(NoticeSubmission(bundle: read, sent: .of("2026-11-25"), channel: .email, tracking: "B"))
        try store.add(NoticeSubmission(bundle: read, sent: .of("2026-11-26"), channel: .email, tracking: "C"))
        return store
    }

    @Test("rewriting a row and recomputing every later link with SHA-256 (no secret) is caught")
    func fullRewrite() throws {
        let store = try populated()
        // The forger rewrites notice #2 and recomputes #2's and #3's hashes and links, as the old
        // unkeyed chain allowed.
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "DROP TRIGGER notice_append_only_update")
            try db.execute(sql: "UPDATE notice SET amount_claimed = '99999.99' WHERE id = 2")
            var previous = try String.fetchOne(db, sql: "SELECT hash FROM notice WHERE id = 1") ?? ""
            for id in [2, 3] as [Int64] {
                let row = try #require(
                    try Row.fetchOne(
                        db, sql: "SELECT \(ArchiveStore.noticeColumns) FROM notice WHERE id = ?",
                        arguments: [id]))
                let entry = ChainEntry.notice(
                    seq: id, id: id, previousHash: previous,
                    bundle: NoticeBundleFields(
                        caseReference: row.text(2) ?? "", creditorName: row.text(3) ?? "", creditorSiren: row.text(4),
                        debtorName: row.text(5) ?? "", debtorSiren: row.text(6), amountClaimed: row.text(7) ?? "",
                        asOf: row.text(8), noticeFile: row.text(9) ?? "", noticeSHA256: row.text(10) ?? "",
                        manifestSHA256: row.text(11) ?? "", sent: row.text(12) ?? "", channel: row.text(13) ?? "",
                        tracking: row.text(14) ?? ""), keyed: true)
                // Without the secret the forger can only use SHA-256.
                try db.execute(
                    sql: "UPDATE notice SET previous_hash = ?, hash = ? WHERE id = ?",
                    arguments: [previous, entry.hash, id])
                previous = entry.hash
            }
            try db.execute(
                sql: """
                    CREATE TRIGGER notice_append_only_update BEFORE UPDATE ON notice
                    BEGIN SELECT RAISE(ABORT, 'the recouvre archive is append-only: a notice cannot be changed'); END
                    """)
        }
        try queue.close()
        let problem = try #require(try store.verify().problem)
        #expect(problem.subject == "notification #2", "\(problem)")
        #expect(problem.description.contains("a été modifiée"))
    }

    @Test("the newest rows deleted together are caught by a head kept elsewhere")
    func headKeptElsewhere() throws {
        let store = try populated()
        let kept = try store.head().head
        #expect(try store.verify(head: kept).isIntact)
        // Deleting notice #3 and resetting SQLite's counter hides it from the counter check…
        try raw(
            """
            DROP TRIGGER notice_append_only_delete; DELETE FROM notice WHERE id = 3;
            UPDATE sqlite_sequence SET seq = 2 WHERE name = 'notice';
            CREATE TRIGGER notice_append_only_delete BEFORE DELETE ON notice
            BEGIN SELECT RAISE(ABORT, 'the recouvre archive is append-only: a notice cannot be deleted'); END;
            """)
        #expect(try store.verify().isIntact)
        // …but not from the head printed before.
        let problem = try #require(try store.verify(head: kept).problem)
        #expect(problem.description.contains("n'est plus dans la chaîne"), "\(problem)")
        // An older head is still in the chain: later entries were only added.
        let store2 = try ArchiveStore(path: path)
        try store2.add(
            NoticeSubmission(bundle: try bundle("c"), sent: .of("2026-11-28"), channel: .email, tracking: "D"))
        let first = try store2.notice(id: 1).hash
        #expect(try store2.verify(head: first).isIntact)
    }

    @Test("a missing append-only trigger and a foreign table are reported even when every row is intact")
    func schemaChecks() throws {
        let store = try populated()
        try raw("DROP TRIGGER receipt_append_only_delete")
        #expect(try store.verify().problem?.description.contains("receipt_append_only_delete") == true)
        try raw(
            """
            CREATE TRIGGER receipt_append_only_delete BEFORE DELETE ON receipt
            BEGIN SELECT RAISE(ABORT, 'the recouvre archive is append-only: a receipt cannot be deleted'); END;
            CREATE TABLE shadow (x TEXT);
            """)
        let problem = try #require(try store.verify().problem)
        #expect(problem.description.contains("objets étrangers dans l'archive (shadow)"), "\(problem)")
    }

    @Test("the secret: created 0600 beside nothing else, required to write and verify, refused when another")
    func secretRules() throws {
        let secretPath = folder.appendingPathComponent("keys/mine.key").path
        _ = try populated(secret: secretPath)
        let mode = try FileManager.default.attributesOfItem(atPath: secretPath)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        #expect(try Data(contentsOf: URL(fileURLWithPath: secretPath)).count == 65)

        let other = folder.appendingPathComponent("keys/other.key").path
        _ = try ArchiveSecret.create(path: other, archive: "test")
        let wrong = #expect(throws: ArchiveError.self) { try ArchiveStore(path: path, mode: .readWrite, secret: other) }
        #expect(wrong?.kind == .secretMissing)
        #expect(wrong?.message.contains("n'est pas celui de cette archive") == true)

        let absent = folder.appendingPathComponent("keys/absent.key").path
        let missing = #expect(throws: ArchiveError.self) {
            try ArchiveStore(path: path, mode: .readWrite, secret: absent)
        }
        #expect(missing?.message.contains("le secret de l'archive est introuvable") == true)
        // Listing needs no secret: a read-only store lists, and refuses to verify.
        let reader = try ArchiveStore(path: path, mode: .readOnly, secret: absent)
        #expect(try reader.list(ArchiveFilter(asOf: .of("2026-12-31"))).count == 3)
        #expect(throws: ArchiveError.self) { try reader.verify() }
        #expect(try ArchiveStore(path: path, mode: .readOnly, secret: secretPath).verify().isIntact)
    }

    @Test("the key record rewritten (another seal) is caught")
    func keyRecordRewritten() throws {
        let store = try populated()
        try raw(
            """
            DROP TRIGGER archive_key_append_only_update;
            UPDATE archive_key SET seal = '00', keyed_from = 1;
            """)
        let problem = try #require(try store.verify().problem)
        #expect(problem.description.contains("le sceau de la chaîne ne correspond pas"), "\(problem)")
    }

    /// An archive of schema 1, as the previous recouvre wrote it: two unkeyed entries.
    func schemaOneArchive() throws {
        let queue = try DatabaseQueue(path: path)
        try ArchiveSchema.migratorV1.migrate(queue)
        let read = try bundle()
        try queue.write { db in
            var previous = ChainEntry.genesis
            for (id, sent) in [(Int64(1), "2026-11-24"), (Int64(2), "2026-11-25")] {
                let fields = NoticeBundleFields(
                    caseReference: read.caseReference, creditorName: read.creditor.name,
                    creditorSiren: read.creditor.siren,
                    debtorName: read.debtor.name, debtorSiren: read.debtor.siren, amountClaimed: "1220.00",
                    asOf: read.asOf?.iso, noticeFile: read.noticeFile, noticeSHA256: read.noticeSHA256,
                    manifestSHA256: read.manifestSHA256, sent: sent, channel: "email", tracking: "T\(id)")
                let entry = ChainEntry.notice(seq: id, id: id, previousHash: previous, bundle: fields)
                try db.execute(
                    sql: "INSERT OR IGNORE INTO notice_document (sha256, text) VALUES (?, ?)",
                    arguments: [read.noticeSHA256, read.noticeText])
                try db.execute(
                    sql: """
                        INSERT INTO notice (id, seq, case_reference, creditor_name, creditor_siren, debtor_name, debtor_siren,
                            amount_claimed, as_of, notice_file, notice_sha256, manifest_sha256, sent, channel, tracking,
                            previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        id, id, fields.caseReference, fields.creditorName, fields.creditorSiren,
                        fields.debtorName, fields.debtorSiren, fields.amountClaimed, fields.asOf,
                        fields.noticeFile, fields.noticeSHA256, fields.manifestSHA256, fields.sent,
                        fields.channel, fields.tracking, previous, entry.hash,
                    ])
                previous = entry.hash
            }
        }
        try queue.close()
    }

    @Test("an old unkeyed archive is refused until migrated explicitly; migrate seals it, later entries are keyed")
    func migration() throws {
        try schemaOneArchive()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        for mode in [ArchiveStore.Mode.readOnly, .readWrite, .create] {
            let error = #expect(throws: ArchiveError.self) { try ArchiveStore(path: path, mode: mode) }
            #expect(error?.kind == .oldSchema)
            #expect(error?.message.contains("recouvre archive migrate") == true)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)

        let migrated = try ArchiveStore(path: path, mode: .migrate)
        #expect(try migrated.verify().isIntact)
        #expect(try migrated.verify().entries == 2)
        let record = try migrated.add(
            NoticeSubmission(
                bundle: try bundle("c"), sent: .of("2026-11-26"), channel: .email,
                tracking: "T3"))
        #expect(record.seq == 3)
        #expect(try migrated.verify().isIntact)
        // The sealed, unkeyed entries cannot be rewritten either: the seal holds their head.
        try raw(
            """
            DROP TRIGGER notice_append_only_update; UPDATE notice SET tracking = 'X' WHERE id = 1;
            """)
        #expect(try migrated.verify().problem != nil)
        #expect(throws: ArchiveError.self) { try ArchiveStore(path: path, mode: .migrate) }
    }

    @Test("a broken unkeyed chain is not sealed by migrate")
    func migrationRefusesBrokenChain() throws {
        try schemaOneArchive()
        try raw("DROP TRIGGER notice_append_only_update; UPDATE notice SET tracking = 'X' WHERE id = 1")
        let error = #expect(throws: ArchiveError.self) { try ArchiveStore(path: path, mode: .migrate) }
        #expect(error?.message.contains("recouvre ne la scelle pas") == true, "\(String(describing: error))")
    }

    @Test("a file with recouvre's application id but a foreign schema is refused and left unmodified")
    func foreignSchemaWithOurID() throws {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            try db.execute(
                sql: """
                    CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');
                    PRAGMA application_id = 1380144722; PRAGMA user_version = 1;
                    """)
        }
        try queue.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let error = #expect(throws: ArchiveError.self) { try ArchiveStore(path: path, mode: .create) }
        #expect(error?.kind == .notAnArchive)
        #expect(error?.message.contains("porte l'identifiant d'une archive recouvre mais pas son schéma") == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test("extreme IDs in an edited database give an error, not an overflow trap")
    func extremeIDs() throws {
        let store = try populated()
        try raw("UPDATE sqlite_sequence SET seq = 9223372036854775807 WHERE name = 'notice'")
        let error = #expect(throws: ArchiveError.self) {
            try store.add(
                NoticeSubmission(bundle: try bundle("c"), sent: .of("2026-11-28"), channel: .email, tracking: "Z"))
        }
        #expect(error?.message.contains("plus grand numéro possible") == true, "\(String(describing: error))")
        #expect(throws: ArchiveError.self) { try store.recordReceipt(noticeID: .max, received: .of("2026-11-28")) }
        #expect(throws: ArchiveError.self) { try store.notice(id: .min) }
    }

    @Test("pli avisé non réclamé: status not-collected, counted as received on the day presented")
    func notCollected() throws {
        let store = try populated()
        try store.recordReceipt(
            noticeID: 1, received: .of("2026-11-26"), outcome: .notCollected, today: .of("2026-12-01"))
        let record = try store.notice(id: 1)
        #expect(record.received == .of("2026-11-26"))
        #expect(record.status(asOf: .of("2026-12-15")) == .notCollected)
        #expect(try store.list(ArchiveFilter(status: .notCollected, asOf: .of("2026-12-15"))).map(\.id) == [1])
        let archived = try #require(try store.latestFormalNotice(caseReference: "2026-0042"))
        #expect(archived.id == 3)
        #expect(throws: ArchiveError.self) {
            try store.recordReceipt(noticeID: 2, received: .of("2026-12-02"), today: .of("2026-12-01"))
        }
        #expect(try store.verify().isIntact)
    }

    @Test("the file actually sent is kept byte for byte and given back to the court stage")
    func sentFile() throws {
        let store = try ArchiveStore(path: path, mode: .create)
        let pdf = folder.appendingPathComponent("envoyee.pdf")
        let bytes = Data("%PDF-1.7\n".utf8) + Data((0...255).map { UInt8($0) })
        try bytes.write(to: pdf)
        var submission = NoticeSubmission(
            bundle: try bundle(), sent: .of("2026-11-24"), channel: .registeredLetter,
            tracking: "1A")
        submission.sentFile = try SentNoticeFile.read(path: pdf.path)
        let record = try store.add(submission)
        #expect(record.sentFileSHA256 == SHA256Hex.of(bytes))
        let back = try #require(try store.sentFile(noticeID: record.id))
        #expect(back.data == bytes && back.name == "envoyee.pdf")
        #expect(try store.latestFormalNotice(caseReference: "2026-0042")?.sentFileSHA256 == SHA256Hex.of(bytes))
        #expect(try store.verify().isIntact)
        // Swapping the stored bytes is caught by the chain and by the read itself.
        try raw("DROP TRIGGER sent_file_append_only_update; UPDATE sent_file SET data = x'00'")
        #expect(throws: ArchiveError.self) { try store.sentFile(noticeID: record.id) }
        let link = folder.appendingPathComponent("lien.pdf")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: pdf.path)
        #expect(throws: ArchiveError.self) { try SentNoticeFile.read(path: link.path) }
    }

    @Test("build --archive: a broken chain, or a receipt after the as-of day, is refused")
    func completionChecks() throws {
        let store = try populated()
        try store.recordReceipt(noticeID: 3, received: .of("2026-11-30"))
        let address = Address(lines: ["9 rue Sainte-Catherine"], postcode: "33000", city: "Bordeaux")
        var claim = Case(
            reference: "2026-0042",
            creditor: Party(kind: .company, name: "SAS Lumière Conseil", address: address),
            debtor: Party(kind: .individual, name: "Julien Lefèvre", address: address),
            invoices: [Invoice(number: "F1", issued: .of("2025-11-14"), due: .of("2025-11-14"), amount: 1000)])
        claim.asOf = .of("2026-11-29")
        let late = #expect(throws: ArchiveError.self) { try claim.completingFormalNotice(from: store) }
        #expect(
            late?.message.contains("postérieur à la date du calcul (2026-11-29)") == true, "\(String(describing: late))"
        )
        claim.asOf = nil
        #expect(
            try claim.completingFormalNotice(from: store, today: .of("2026-12-01")).case.formalNotice?.received
                == .of("2026-11-30"))
        try raw("DROP TRIGGER notice_append_only_update; UPDATE notice SET sent = '2026-11-01' WHERE id = 3")
        let broken = #expect(throws: ArchiveError.self) { try claim.completingFormalNotice(from: store) }
        #expect(broken?.kind == .chainBroken)
    }
}
