import Foundation
import GRDB
import RecouvreTestSupport
import Testing

@testable import RecouvreArchive

@Suite("Files that are not ours, or newer, are refused and left untouched")
struct ArchiveFileIdentityTests {
    let folder: URL

    init() throws {
        _ = testSecretInstalled
        folder = try TestPaths.temporaryFolder("archive-identity")
    }

    /// The file's bytes and the names in its folder, to prove nothing was written.
    func snapshot(_ url: URL) throws -> (Data, [String]) {
        (
            try Data(contentsOf: url),
            try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path).sorted()
        )
    }

    @Test("a text file")
    func textFile() throws {
        let url = folder.appendingPathComponent("notes.sqlite")
        try Data(String(repeating: "Liste des relances à faire.\n", count: 20).utf8).write(to: url)
        let before = try snapshot(url)
        let error = #expect(throws: ArchiveError.self) { try ArchiveStore(path: url.path, creating: true) }
        #expect(error?.kind == .notAnArchive)
        #expect(
            error?.message.contains("pas une archive recouvre (le fichier n'est pas une base SQLite)") == true,
            "\(String(describing: error))")
        let after = try snapshot(url)
        #expect(after.0 == before.0 && after.1 == before.1)
    }

    @Test("another application's SQLite database")
    func foreignDatabase() throws {
        let url = folder.appendingPathComponent("other.sqlite")
        let queue = try DatabaseQueue(path: url.path)
        try queue.write { try $0.execute(sql: "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x')") }
        try queue.close()
        let before = try snapshot(url)
        let error = #expect(throws: ArchiveError.self) { try ArchiveStore(path: url.path, creating: true) }
        #expect(error?.kind == .notAnArchive)
        #expect(error?.message.contains("une base SQLite qui n'est pas une archive recouvre") == true)
        let after = try snapshot(url)
        #expect(after.0 == before.0 && after.1 == before.1)
    }

    @Test("an archive from a newer recouvre")
    func newerSchema() throws {
        let url = folder.appendingPathComponent("archive.sqlite")
        do {
            let store = try ArchiveStore(path: url.path, creating: true)
            let bundle = try SyntheticBundle().read(in: folder.appendingPathComponent("b"))
            try store.add(NoticeSubmission(bundle: bundle, sent: .of("2026-11-24"), channel: .email, tracking: "m"))
        }
        let queue = try DatabaseQueue(path: url.path)
        try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA user_version = 7") }
        try queue.close()
        let before = try snapshot(url)
        let error = #expect(throws: ArchiveError.self) { try ArchiveStore(path: url.path) }
        #expect(error?.kind == .newerSchema)
        #expect(error?.message.contains("schéma d'archive 7, celui-ci lit jusqu'au 3") == true)
        let after = try snapshot(url)
        #expect(after.0 == before.0 && after.1 == before.1)
    }

    @Test("a new archive is ours: application_id, user_version, WAL")
    func identityOfNewArchive() throws {
        let url = folder.appendingPathComponent("new/archive.sqlite")
        _ = try ArchiveStore(path: url.path, creating: true)
        let queue = try DatabaseQueue(path: url.path)
        let identity = try queue.read { db in
            (
                try Int32.fetchOne(db, sql: "PRAGMA application_id"),
                try Int32.fetchOne(db, sql: "PRAGMA user_version"),
                try String.fetchOne(db, sql: "PRAGMA journal_mode")
            )
        }
        #expect(identity.0 == ArchiveSchema.applicationID)
        #expect(identity.1 == ArchiveSchema.version)
        #expect(identity.2 == "wal")
        try queue.close()
        // Opening it again changes nothing and is accepted.
        _ = try ArchiveStore(path: url.path)
    }

    @Test("reading a missing archive does not create it")
    func missingArchive() {
        let path = folder.appendingPathComponent("absent.sqlite").path
        let error = #expect(throws: ArchiveError.self) { try ArchiveStore(path: path) }
        #expect(error?.message.contains("pas d'archive ici") == true)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("SQLite's errors keep its code and message")
    func sqliteError() throws {
        let store = try ArchiveStore(path: folder.appendingPathComponent("a.sqlite").path, creating: true)
        let bundle = try SyntheticBundle().read(in: folder.appendingPathComponent("b"))
        try store.add(NoticeSubmission(bundle: bundle, sent: .of("2026-11-24"), channel: .email, tracking: "m"))
        // The append-only trigger's refusal, through the store's own error mapping.
        let error = #expect(throws: ArchiveError.self) {
            try store.write { db in try db.execute(sql: "DELETE FROM notice") }
        }
        // SQLITE_CONSTRAINT_TRIGGER = 1811 = 19 | (7 << 8).
        #expect(error?.kind == .sqlite(code: 1811))
        #expect(error?.message.hasPrefix("\(store.path) : l'archive refuse cette écriture") == true)
        #expect(
            error?.message.contains("the recouvre archive is append-only: a notice cannot be deleted") == true,
            "\(String(describing: error))")
    }

    @Test("a folder given as the archive is refused")
    func folderInsteadOfFile() throws {
        let error = #expect(throws: ArchiveError.self) { try ArchiveStore(path: folder.path) }
        #expect(
            error?.message.hasPrefix("\(folder.path) : c'est un dossier, pas un fichier d'archive") == true,
            "\(String(describing: error))")
    }

    @Test("an archive whose creation was interrupted is finished, not refused")
    func interruptedCreation() throws {
        // What a process killed between GRDB's bookkeeping table and the first migration leaves.
        let url = folder.appendingPathComponent("half.sqlite")
        let queue = try DatabaseQueue(path: url.path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
        }
        try queue.close()
        let store = try ArchiveStore(path: url.path)
        #expect(
            try store.verify() == ChainVerification(notices: 0, receipts: 0, head: ChainEntry.genesis, problem: nil))
    }
}
