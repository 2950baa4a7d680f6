import Foundation
import GRDB

/// The archive of formal notices: one SQLite file (WAL mode) holding an append-only, hash-chained
/// register of the mises en demeure sent and of their avis de réception.
///
/// Opening never modifies a file that is not ours: an existing file is first inspected through a
/// read-only connection (`PRAGMA application_id`, `PRAGMA user_version`), and refused if it belongs
/// to another application or to a newer recouvre. Concurrent writers wait for each other (busy
/// timeout) and every write is one immediate transaction, so a process killed in the middle of an
/// `add` leaves the previous state intact.
public final class ArchiveStore: Sendable {
    /// The database file.
    public let path: String
    let queue: DatabaseQueue

    /// How long a writer waits for another process holding the database.
    static let busyTimeout: TimeInterval = 30

    /// Opens an existing archive (API contract for `statement --archive`, `build --archive`).
    public convenience init(path: String) throws {
        try self.init(path: path, creating: false)
    }

    /// Opens the archive at `path`, creating it (and its folder) when `creating` and it is absent.
    public init(path: String, creating: Bool) throws {
        self.path = path
        if FileManager.default.fileExists(atPath: path) {
            try Self.inspect(path: path)
        } else if creating {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw ArchiveError("\(path): cannot create the folder \(folder.path) (\(error.localizedDescription))")
            }
        } else {
            throw ArchiveError("\(path): no archive here (recouvre archive add creates it; check --db)")
        }
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.foreignKeysEnabled = true
        queue = try ArchiveError.mapping(path: path) {
            try DatabaseQueue(path: path, configuration: configuration)
        }
        // The header may lag behind a WAL not yet checkpointed: ask SQLite before migrating anything.
        let version = try read { try Int32.fetchOne($0, sql: "PRAGMA user_version") ?? 0 }
        if version > ArchiveSchema.version { throw Self.newerSchema(path: path, version: version) }
        try migrate()
    }

    /// `$XDG_DATA_HOME/recouvre/archive.sqlite`, else `~/.local/share/recouvre/archive.sqlite`
    /// (XDG Base Directory specification).
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return URL(fileURLWithPath: data).appendingPathComponent("recouvre/archive.sqlite").path
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".local/share/recouvre/archive.sqlite").path
    }

    /// Decides from the file's header, without opening it with SQLite, whether it is ours: nothing
    /// is written to the file or beside it (a read-only SQLite connection on a WAL file would create
    /// its -wal and -shm files). A small file without our application ID may be an archive being
    /// created by another process (its first pages still in the WAL): that one is read from a
    /// temporary copy of the file and its WAL.
    private static func inspect(path: String, attempt: Int = 1) throws {
        let header = try SQLiteHeader(path: path)
        var identity: (application: Int32, version: Int32, objects: Int)
        switch header.kind {
        case .notSQLite:
            throw ArchiveError(.notAnArchive,
                "\(path): not a recouvre archive (the file is not a SQLite database); it was left untouched: "
                + "give another --db")
        case .sqlite(let application, let version) where application != 0:
            identity = (application, version, 1)
        case .empty, .sqlite:
            guard header.sizeWithWAL <= SQLiteHeader.largestUnfinishedArchive else {
                throw ArchiveError(.notAnArchive,
                    "\(path): a SQLite database that is not a recouvre archive (application_id 0); "
                    + "it was left untouched: give another --db")
            }
            identity = try header.identityOfCopy()
            // A copy taken while another process checkpoints can be torn: look again, a few times.
            if identity.objects == Int.max && attempt < 5 {
                Thread.sleep(forTimeInterval: 0.02 * Double(attempt))
                return try inspect(path: path, attempt: attempt + 1)
            }
        }
        if identity.application == ArchiveSchema.applicationID {
            if identity.version > ArchiveSchema.version { throw newerSchema(path: path, version: identity.version) }
        } else if identity.application != 0 || identity.objects > 0 {
            throw ArchiveError(.notAnArchive,
                "\(path): a SQLite database that is not a recouvre archive (application_id \(identity.application)); "
                + "it was left untouched: give another --db")
        }
    }

    static func newerSchema(path: String, version: Int32) -> ArchiveError {
        ArchiveError(.newerSchema,
            "\(path): written by a newer recouvre (archive schema version \(version), this one reads up to "
            + "\(ArchiveSchema.version)); it was left untouched: upgrade recouvre to use it")
    }

    /// Applies pending migrations. Two processes creating the same archive at once may both try:
    /// each migration is one transaction, so the loser's fails as a whole and it finds the work done.
    private func migrate() throws {
        let migrator = ArchiveSchema.migrator
        var attempt = 0
        while true {
            do {
                try migrator.migrate(queue)
                return
            } catch let error as DatabaseError {
                attempt += 1
                let done = (try? queue.read { try migrator.hasCompletedMigrations($0) }) ?? false
                if done { return }
                if attempt >= 5 { throw ArchiveError.sqlite(error, path: path) }
            }
        }
    }

    /// Runs `body` in one immediate transaction (the write lock is taken first, so concurrent
    /// writers queue on the busy timeout instead of failing on an upgrade from a read lock).
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try ArchiveError.mapping(path: path) {
            try queue.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                guard let result else { throw ArchiveError("\(path): the transaction ended without a result") }
                return result
            }
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try ArchiveError.mapping(path: path) { try queue.read(body) }
    }
}
