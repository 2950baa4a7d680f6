import Foundation
import GRDB
import RecouvreBundleIO

#if canImport(Glibc)
    import Glibc
#endif

/// The archive of formal notices: one SQLite file (WAL mode) holding an append-only, hash-chained
/// register of the mises en demeure sent and of their avis de réception.
///
/// Opening never modifies a file that is not ours: an existing file is first inspected through a
/// read-only connection (`PRAGMA application_id`, `PRAGMA user_version`), and refused if it belongs
/// to another application or to a newer recouvre. Concurrent writers wait for each other (busy
/// timeout) and every write is one immediate transaction, so a process killed in the middle of an
/// `add` leaves the previous state intact.
public final class ArchiveStore: Sendable {
    /// How an archive is opened.
    public enum Mode: Sendable, Hashable {
        /// Reading only (`list`, `show`, `verify`, `export`, `head`, `build --archive`): the file is
        /// opened read-only, so a read-only disk or file works; nothing is migrated or created.
        case readOnly
        /// Reading and appending to an existing archive.
        case readWrite
        /// Reading and appending, creating the archive (and its secret) when absent.
        case create
        /// `archive migrate`: an archive of schema 1 gets its secret and becomes schema 3; one of
        /// schema 2 gains the reminders' tables (schema 3).
        case migrate
    }

    /// The database file.
    public let path: String
    let queue: DatabaseQueue
    /// The archive's identity (`archive_key.archive_id`).
    public let archiveID: String
    /// The first chain entry keyed with the secret (1 for an archive created keyed).
    let keyedFrom: Int64
    /// The secret, or why it could not be loaded (a read-only store may list without it).
    let secretResult: Result<ArchiveSecret, ArchiveError>

    /// How long a writer waits for another process holding the database.
    static let busyTimeout: TimeInterval = 30

    /// Opens an existing archive for reading and appending.
    public convenience init(path: String) throws {
        try self.init(path: path, mode: .readWrite)
    }

    /// Opens the archive at `path`, creating it (and its folder) when `creating` and it is absent.
    public convenience init(path: String, creating: Bool) throws {
        try self.init(path: path, mode: creating ? .create : .readWrite)
    }

    /// Opens the archive at `path`. `secret` names the secret's file (else `RECOUVRE_ARCHIVE_SECRET`,
    /// else the configuration folder, see `ArchiveSecret`).
    public init(
        path: String, mode: Mode, secret: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        self.path = path
        let explicitSecret = secret ?? environment["RECOUVRE_ARCHIVE_SECRET"].flatMap { $0.isEmpty ? nil : $0 }
        switch PathKind.of(path, follow: true) {
        case .directory:
            throw ArchiveError(
                .notAnArchive,
                "\(path) : c'est un dossier, pas un fichier d'archive ; donnez --db DOSSIER/archive.sqlite")
        case .special(let what):
            throw ArchiveError(
                .notAnArchive, "\(path) : c'est \(what), pas un fichier d'archive ; il n'a pas été touché")
        case .regular, .symlink:
            try Self.inspect(path: path)
        case .missing:
            guard mode == .create else {
                throw ArchiveError("\(path) : pas d'archive ici (recouvre archive add la crée ; vérifiez --db)")
            }
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw ArchiveError(
                    "\(path) : le dossier \(folder.path) ne peut pas être créé (\(FileSystemError.reason(of: error)))")
            }
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.foreignKeysEnabled = true
        // WAL is set only once the file is known to be an archive this version may write (setting it
        // changes the file's header; an archive of schema 1 to refuse must stay byte for byte).
        configuration.readonly = mode == .readOnly
        let database =
            try mode == .readOnly
            ? Self.openReadOnly(path: path, configuration: configuration)
            : ArchiveError.mapping(path: path) { try DatabaseQueue(path: path, configuration: configuration) }
        // The header may lag behind a WAL not yet checkpointed: ask SQLite before migrating anything.
        let version = try ArchiveError.mapping(path: path) {
            try database.read { try Int32.fetchOne($0, sql: "PRAGMA user_version") ?? 0 }
        }
        if version > ArchiveSchema.version { throw Self.newerSchema(path: path, version: version) }
        let mayWrite = try mode != .readOnly && (version != 1 || mode == .migrate || Self.isEmpty(database, path: path))
        if mayWrite {
            // Another process creating the archive may hold the lock the mode change needs: retry.
            var attempt = 0
            while true {
                do {
                    try database.writeWithoutTransaction { db in
                        if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                            try db.execute(sql: "PRAGMA journal_mode = WAL")
                        }
                    }
                    break
                } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && attempt < 50 {
                    attempt += 1
                    Thread.sleep(forTimeInterval: 0.02)
                } catch let error as DatabaseError {
                    throw ArchiveError.sqlite(error, path: path)
                }
            }
        }
        switch (version, mode) {
        case (ArchiveSchema.version, .migrate):
            throw ArchiveError(
                "\(path) : l'archive est déjà au format \(ArchiveSchema.version) (chaîne chiffrée par clé, relances)")
        case (ArchiveSchema.version, _):
            break
        case (2, .readOnly):
            break  // read as it is: no reminder yet; the first write adds their tables (schema 3)
        case (2, _):
            try Self.addReminderTables(queue: database, path: path)
        case (1, .migrate):
            try Self.migrateUnkeyed(
                queue: database, path: path, explicitSecret: explicitSecret, environment: environment)
        case (1, .readWrite), (1, .create):
            // Schema 1 without any entry: an archive another process is creating right now (its two
            // migrations are two transactions), or one never used; keying it weakens nothing.
            guard try Self.isEmpty(database, path: path) else { throw Self.oldSchema(path: path) }
            try Self.createKeyed(queue: database, path: path, explicitSecret: explicitSecret, environment: environment)
        case (1, _):
            throw Self.oldSchema(path: path)
        case (_, .readOnly), (_, .migrate):
            throw ArchiveError("\(path) : l'archive est vide (aucune entrée) ; recouvre archive add la crée")
        default:
            try Self.createKeyed(queue: database, path: path, explicitSecret: explicitSecret, environment: environment)
        }
        let row = try ArchiveError.mapping(path: path) {
            try database.read { db in
                try Row.fetchOne(db, sql: "SELECT archive_id, key_check, keyed_from FROM archive_key WHERE id = 1")
            }
        }
        guard let row, let archiveID = row.text(0), let check = row.text(1), let keyedFrom = row.integer(2),
            keyedFrom >= 1
        else {
            throw ArchiveError(
                .chainBroken,
                "\(path) : l'enregistrement de la clé (table archive_key) a été supprimé ou modifié hors de recouvre")
        }
        queue = database
        self.archiveID = archiveID
        self.keyedFrom = keyedFrom
        let location = ArchiveSecret.location(archiveID: archiveID, explicit: explicitSecret, environment: environment)
        do {
            let secret = try ArchiveSecret.load(path: location, archive: path)
            guard secret.check(archiveID: archiveID) == check else {
                throw ArchiveError(
                    .secretMissing,
                    "\(path) : le secret \(location) n'est pas celui de cette archive (ou son enregistrement a été "
                        + "modifié) ; donnez le bon avec --secret FICHIER")
            }
            secretResult = .success(secret)
        } catch let error as ArchiveError {
            secretResult = .failure(error)
        }
        if mode != .readOnly { _ = try self.secret() }
    }

    /// The archive's secret; throws when it is missing or is not this archive's.
    func secret() throws -> ArchiveSecret { try secretResult.get() }

    /// Where the secret is (for `archive migrate` and messages).
    public var secretPath: String? { try? secretResult.get().path }

    /// A new archive: schema 1 then 2, with a new secret. Two processes creating the same archive at
    /// once may both try: each migration is one transaction, so the loser's fails as a whole, it
    /// removes the secret it made and uses the winner's.
    private static func createKeyed(
        queue: DatabaseQueue, path: String, explicitSecret: String?, environment: [String: String]
    ) throws {
        let archiveID = UUID().uuidString.lowercased()
        let location = ArchiveSecret.location(archiveID: archiveID, explicit: explicitSecret, environment: environment)
        var created = false
        let secret: ArchiveSecret
        if explicitSecret != nil, case .regular = PathKind.of(location, follow: true) {
            // A secret named explicitly may key several archives (its check binds it to each).
            secret = try ArchiveSecret.load(path: location, archive: path)
        } else {
            do {
                secret = try ArchiveSecret.create(path: location, archive: path)
                created = true
            } catch  where explicitSecret != nil && PathKind.of(location, follow: true) != .missing {
                secret = try ArchiveSecret.load(path: location, archive: path)  // made meanwhile by another process
            }
        }
        let migrator = ArchiveSchema.migrator(secret: secret, archiveID: archiveID)
        var attempt = 0
        while true {
            do {
                try migrator.migrate(queue)
                let mine = try? queue.read { try String.fetchOne($0, sql: "SELECT archive_id FROM archive_key") }
                // Only a secret of our own archive ID is ours to remove; a file named explicitly is
                // the user's and may already key the archive another process created.
                if created && explicitSecret == nil && mine != archiveID { unlink(location) }
                return
            } catch let error as DatabaseError {
                attempt += 1
                let done = (try? queue.read { try migrator.hasCompletedMigrations($0) }) ?? false
                if done || attempt >= 5 {
                    if created && explicitSecret == nil { unlink(location) }
                    if done { return }
                    throw ArchiveError.sqlite(error, path: path)
                }
            }
        }
    }

    private static func isEmpty(_ queue: DatabaseQueue, path: String) throws -> Bool {
        try ArchiveError.mapping(path: path) {
            try queue.read { db in
                (try Int.fetchOne(db, sql: "SELECT (SELECT count(*) FROM notice) + (SELECT count(*) FROM receipt)") ?? 0)
                    == 0
            }
        }
    }

    /// Schema 2 → 3: the reminders' tables, in one transaction (the old rows, their hashes and the
    /// seal are not touched, so the chain verifies as before). Two processes upgrading at once: the
    /// loser's transaction fails as a whole and finds the migration done.
    private static func addReminderTables(queue: DatabaseQueue, path: String) throws {
        let migrator = ArchiveSchema.migrator(secret: nil, archiveID: "")
        do {
            try migrator.migrate(queue)
        } catch let error as DatabaseError {
            let done = (try? queue.read { try migrator.hasCompletedMigrations($0) }) ?? false
            if !done { throw ArchiveError.sqlite(error, path: path) }
        }
    }

    /// `archive migrate`: checks the unkeyed chain, creates the secret, seals the chain's head.
    private static func migrateUnkeyed(
        queue: DatabaseQueue, path: String, explicitSecret: String?, environment: [String: String]
    ) throws {
        let check = try ArchiveError.mapping(path: path) {
            try queue.read { db in try ChainVerifier(path: path, db: db, secret: nil, keyedFrom: Int64.max).run() }
        }
        if let problem = check.problem {
            throw ArchiveError(
                .chainBroken,
                "\(problem.description)\nla chaîne ne se vérifie pas : recouvre ne la scelle pas (rien n'a été modifié)"
            )
        }
        try createKeyed(queue: queue, path: path, explicitSecret: explicitSecret, environment: environment)
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
            throw ArchiveError(
                .notAnArchive,
                "\(path) : pas une archive recouvre (le fichier n'est pas une base SQLite) ; il n'a pas été modifié : "
                    + "donnez un autre --db")
        case .sqlite(let application, let version) where application != 0:
            identity = (application, version, 1)
        case .empty, .sqlite:
            guard header.sizeWithWAL <= SQLiteHeader.largestUnfinishedArchive else {
                throw ArchiveError(
                    .notAnArchive,
                    "\(path) : une base SQLite qui n'est pas une archive recouvre (application_id 0) ; "
                        + "elle n'a pas été modifiée : donnez un autre --db")
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
            try checkOwnSchema(path: path, version: identity.version)
        } else if identity.application != 0 || identity.objects > 0 {
            throw ArchiveError(
                .notAnArchive,
                "\(path) : une base SQLite qui n'est pas une archive recouvre (application_id \(identity.application)) ; "
                    + "elle n'a pas été modifiée : donnez un autre --db")
        }
    }

    /// A file with recouvre's application ID must also hold recouvre's tables, read through a
    /// read-only connection before anything could migrate (and so modify) it.
    private static func checkOwnSchema(path: String, version: Int32) throws {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(busyTimeout)
        let names: Set<String>
        do {
            let queue = try openReadOnly(path: path, configuration: configuration)
            defer { try? queue.close() }
            names = Set(try queue.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master") })
        } catch let error as DatabaseError {
            throw ArchiveError.sqlite(error, path: path)
        }
        var required: Set<String> = ["notice", "receipt", "notice_document", "grdb_migrations"]
        if version >= 2 { required.insert("archive_key") }
        if version >= 3 { required.formUnion(["reminder", "reminder_file"]) }
        let missing = required.subtracting(names)
        if version >= 1 && !missing.isEmpty {
            throw ArchiveError(
                .notAnArchive,
                "\(path) : porte l'identifiant d'une archive recouvre mais pas son schéma (il manque "
                    + "\(missing.sorted().joined(separator: ", "))) ; le fichier n'a pas été modifié : donnez un autre --db"
            )
        }
    }

    /// A read-only connection. On a read-only file system SQLite cannot create the `-shm` file a
    /// WAL database needs: the file is then opened as immutable (nobody can write it there either),
    /// so that list, show, verify and export still work.
    static func openReadOnly(path: String, configuration: Configuration) throws -> DatabaseQueue {
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            _ = try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master") }
            return queue
        } catch let error as DatabaseError
            where [.SQLITE_CANTOPEN, .SQLITE_READONLY].contains(error.resultCode)
            && access(URL(fileURLWithPath: path).deletingLastPathComponent().path, W_OK) != 0
        {
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
            let encoded = absolute.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? absolute
            do {
                let queue = try DatabaseQueue(path: "file:\(encoded)?immutable=1", configuration: configuration)
                _ = try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master") }
                return queue
            } catch let second as DatabaseError {
                throw ArchiveError.sqlite(second, path: path)
            }
        } catch let error as DatabaseError {
            throw ArchiveError.sqlite(error, path: path)
        }
    }

    static func oldSchema(path: String) -> ArchiveError {
        ArchiveError(
            .oldSchema,
            "\(path) : archive au format 1, dont la chaîne n'est pas chiffrée par une clé secrète : elle pourrait "
                + "être réécrite sans que verify le voie. Lancez d'abord `recouvre archive migrate --db \(path)` "
                + "(vérifie la chaîne, crée son secret et la scelle) ; rien n'a été modifié")
    }

    static func newerSchema(path: String, version: Int32) -> ArchiveError {
        ArchiveError(
            .newerSchema,
            "\(path) : écrite par un recouvre plus récent (schéma d'archive \(version), celui-ci lit jusqu'au "
                + "\(ArchiveSchema.version)) ; elle n'a pas été modifiée : mettez recouvre à jour")
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
                guard let result else { throw ArchiveError("\(path) : la transaction s'est terminée sans résultat") }
                return result
            }
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try ArchiveError.mapping(path: path) { try queue.read(body) }
    }
}
