import Foundation
import GRDB
import RecouvreTestSupport
import Testing

@testable import RecouvreArchive

/// Edits the database behind recouvre's back with raw SQL (GRDB over the sqlite3 library), the way
/// someone with the file would, and checks that `verify` names the first entry touched.
@Suite("Tampering with the archive")
struct TamperingTests {
    let path: String
    /// Entries: 1 notice #1, 2 receipt #1 (notice #1), 3 notice #2, 4 notice #3.
    init() throws {
        _ = testSecretInstalled
        let folder = try TestPaths.temporaryFolder("archive-tamper")
        path = folder.appendingPathComponent("archive.sqlite").path
        let bundle = try SyntheticBundle().read(in: folder.appendingPathComponent("b"))
        let store = try ArchiveStore(path: path, creating: true)
        try store.add(
            NoticeSubmission(bundle: bundle, sent: .of("2026-11-24"), channel: .registeredLetter, tracking: "A"))
        try store.recordReceipt(noticeID: 1, received: .of("2026-11-27"))
        try store.add(NoticeSubmission(bundle: bundle, sent: .of("2026-11-25"), channel: .email, tracking: "B"))
        try store.add(NoticeSubmission(bundle: bundle, sent: .of("2026-11-26"), channel: .bailiff, tracking: "C"))
        #expect(try store.verify().isIntact)
    }

    func raw(_ sql: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { try $0.execute(sql: sql) }
        try queue.close()
    }

    func problem() throws -> ChainProblem? { try ArchiveStore(path: path).verify().problem }

    @Test(
        "the triggers refuse UPDATE and DELETE, keeping SQLite's code and message",
        arguments: [
            "UPDATE notice SET amount_claimed = '1.00' WHERE id = 2",
            "DELETE FROM notice WHERE id = 3",
            "UPDATE receipt SET received = '2026-11-30'",
            "DELETE FROM receipt",
            "UPDATE notice_document SET text = 'x'",
            "DELETE FROM notice_document",
        ])
    func triggersRefuse(sql: String) throws {
        let error = #expect(throws: DatabaseError.self) { try raw(sql) }
        #expect(error?.extendedResultCode == .SQLITE_CONSTRAINT_TRIGGER)
        #expect(error?.message?.contains("the recouvre archive is append-only") == true)
        #expect(try problem() == nil)
    }

    @Test("an edited row is named")
    func editedRow() throws {
        try raw("DROP TRIGGER notice_append_only_update; UPDATE notice SET amount_claimed = '12.20' WHERE id = 2")
        let found = try #require(try problem())
        #expect(found.subject == "notification #2")
        #expect(found.seq == 3)
        #expect(
            found.description == "\(path) : notification #2 (entrée 3) a été modifiée : son contenu ne correspond "
                + "plus à l'empreinte enregistrée lors de l'archivage")
    }

    @Test("an edited receipt date is named")
    func editedReceipt() throws {
        try raw("DROP TRIGGER receipt_append_only_update; UPDATE receipt SET received = '2026-11-25' WHERE id = 1")
        #expect(try problem()?.subject == "accusé #1 (notification #1)")
    }

    @Test("an edit whose SHA-256 was recomputed, as a forger without the secret can, is named: the chain is keyed")
    func rehashedRow() throws {
        // Recompute notice #2's hash as a careful forger would; entry 4 still holds the old one.
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "DROP TRIGGER notice_append_only_update")
            try db.execute(sql: "UPDATE notice SET tracking = 'forged' WHERE id = 2")
            let row = try #require(
                try Row.fetchOne(db, sql: "SELECT \(ArchiveStore.noticeColumns) FROM notice WHERE id = 2"))
            let entry = ChainEntry.notice(
                seq: 3, id: 2, previousHash: row.text(15) ?? "",
                bundle: NoticeBundleFields(
                    caseReference: row.text(2) ?? "", creditorName: row.text(3) ?? "", creditorSiren: row.text(4),
                    debtorName: row.text(5) ?? "", debtorSiren: row.text(6), amountClaimed: row.text(7) ?? "",
                    asOf: row.text(8), noticeFile: row.text(9) ?? "", noticeSHA256: row.text(10) ?? "",
                    manifestSHA256: row.text(11) ?? "", sent: row.text(12) ?? "", channel: row.text(13) ?? "",
                    tracking: row.text(14) ?? ""))
            try db.execute(sql: "UPDATE notice SET hash = ? WHERE id = 2", arguments: [entry.hash])
        }
        try queue.close()
        let found = try #require(try problem())
        #expect(found.subject == "notification #2")
        #expect(
            found.description.contains("notification #2 (entrée 3) a été modifiée : son contenu ne correspond plus"))
    }

    @Test("a deleted row in the middle is named")
    func deletedMiddle() throws {
        try raw("DROP TRIGGER notice_append_only_delete; DELETE FROM notice WHERE id = 2")
        let found = try #require(try problem())
        #expect(found.subject == "notification #2")
        #expect(
            found.description == "\(path) : entrée 3 supprimée (manquent : notification #2) : la chaîne saute de "
                + "accusé #1 (notification #1) à notification #3 (entrée 4)")
    }

    @Test("the newest row deleted is named through SQLite's AUTOINCREMENT counter")
    func deletedLast() throws {
        try raw("DROP TRIGGER notice_append_only_delete; DELETE FROM notice WHERE id = 3")
        let found = try #require(try problem())
        #expect(found.subject == "notification #3")
    }

    @Test("reordered rows are named")
    func reordered() throws {
        try raw(
            """
            DROP TRIGGER notice_append_only_update;
            UPDATE notice SET seq = 100 WHERE id = 2;
            UPDATE notice SET seq = 3 WHERE id = 3;
            UPDATE notice SET seq = 4 WHERE id = 2;
            """)
        let found = try #require(try problem())
        #expect(found.subject == "notification #3")
        #expect(found.seq == 3)
    }

    @Test("an edited text of a mise en demeure is named")
    func editedText() throws {
        try raw("DROP TRIGGER notice_document_append_only_update; UPDATE notice_document SET text = text || ' '")
        let found = try #require(try problem())
        #expect(found.subject == "notification #1")
        #expect(found.description.contains("le texte de la mise en demeure de notification #1 a été modifié"))
    }

    @Test("a value recouvre never writes (NULL, wrong type) does not crash the queries")
    func wrongTypes() throws {
        try raw("DROP TRIGGER notice_append_only_update; UPDATE notice SET seq = 'x', sent = 20261124 WHERE id = 1")
        let error = #expect(throws: ArchiveError.self) { try ArchiveStore(path: path).notice(id: 1) }
        #expect(error?.kind == .chainBroken)
        #expect(try problem()?.subject != nil)
    }

    @Test(
        "list names the row holding a value recouvre never writes, in a column it prints",
        arguments: [
            (
                "DROP TRIGGER notice_append_only_update; UPDATE notice SET sent = 20261125 WHERE id = 2",
                "notification #2"
            ),
            (
                "DROP TRIGGER notice_append_only_update; UPDATE notice SET tracking = X'42' WHERE id = 3",
                "notification #3"
            ),
            (
                "DROP TRIGGER notice_append_only_update; UPDATE notice SET debtor_name = X'00' WHERE id = 1",
                "notification #1"
            ),
            (
                "DROP TRIGGER receipt_append_only_update; UPDATE receipt SET received = '2026-02-30' WHERE id = 1",
                "accusé #1"
            ),
        ])
    func listWrongTypes(sql: String, subject: String) throws {
        try raw(sql)
        let error = #expect(throws: ArchiveError.self) {
            try ArchiveStore(path: path).list(ArchiveFilter(asOf: .of("2026-12-31")))
        }
        #expect(error?.kind == .chainBroken)
        #expect(error?.description.contains("\(subject) contient des valeurs que recouvre n'écrit jamais") == true)
    }

    @Test("list reads an integer stored where recouvre writes text as its digits, like show")
    func listIntegerAsText() throws {
        try raw("DROP TRIGGER notice_append_only_update; UPDATE notice SET tracking = 42 WHERE id = 2")
        let listing = try ArchiveStore(path: path).list(ArchiveFilter(asOf: .of("2026-12-31")))
        #expect(listing.map(\.tracking) == ["A", "42", "C"])
        #expect(listing.map(\.received) == [.of("2026-11-27"), nil, nil])
    }
}
