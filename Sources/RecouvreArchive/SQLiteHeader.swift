import Foundation
import GRDB
import RecouvreBundleIO

/// The first 100 bytes of a SQLite file (sqlite.org/fileformat2.html §1.3): magic string,
/// `user_version` at offset 60, `application_id` at offset 68, both big-endian.
struct SQLiteHeader {
    enum Kind: Equatable {
        case empty
        case notSQLite
        case sqlite(applicationID: Int32, userVersion: Int32)
    }

    /// A new archive holds a few pages until its WAL is first checkpointed (SQLite's automatic
    /// checkpoint runs at 1000 pages, 4 MB): anything larger without our application ID is not ours.
    static let largestUnfinishedArchive = 8 * 1024 * 1024

    let path: String
    let size: Int
    let kind: Kind

    /// The file's size plus its WAL's, if any.
    var sizeWithWAL: Int {
        let wal = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        return size + wal
    }

    init(path: String) throws {
        self.path = path
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ArchiveError("\(path) : ne peut pas être lu (vérifiez le chemin et les droits)")
        }
        defer { try? handle.close() }
        let bytes: [UInt8]
        do {
            bytes = Array(try handle.read(upToCount: 100) ?? Data())
            size = Int(try handle.seekToEnd())
        } catch {
            throw ArchiveError("\(path) : ne peut pas être lu (\(FileSystemError.reason(of: error)))")
        }
        if size == 0 {
            kind = .empty
        } else if bytes.count < 100 || !bytes.starts(with: Array("SQLite format 3\u{0}".utf8)) {
            kind = .notSQLite
        } else {
            func integer(at offset: Int) -> Int32 {
                Int32(bitPattern: bytes[offset..<offset + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
            }
            kind = .sqlite(applicationID: integer(at: 68), userVersion: integer(at: 60))
        }
    }

    /// Application ID, user version and schema objects other than GRDB's bookkeeping, read from a
    /// temporary copy of the file (and of its WAL, if any) so that the original and its folder stay
    /// untouched.
    func identityOfCopy() throws -> (application: Int32, version: Int32, objects: Int) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "recouvre-inspect-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("copy.sqlite")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: path, toPath: copy.path)
            if FileManager.default.fileExists(atPath: path + "-wal") {
                try FileManager.default.copyItem(atPath: path + "-wal", toPath: copy.path + "-wal")
            }
        } catch {
            throw ArchiveError("\(path) : ne peut pas être examiné (\(FileSystemError.reason(of: error)))")
        }
        do {
            let queue = try DatabaseQueue(path: copy.path)
            defer { try? queue.close() }
            return try queue.read { db in
                (
                    try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
                    try Int32.fetchOne(db, sql: "PRAGMA user_version") ?? 0,
                    // GRDB creates its bookkeeping table just before the first migration's transaction.
                    try Int.fetchOne(
                        db,
                        sql: """
                            SELECT count(*) FROM sqlite_master
                            WHERE name NOT IN ('grdb_migrations', 'sqlite_autoindex_grdb_migrations_1')
                            """) ?? 0
                )
            }
        } catch let error as DatabaseError
            where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT
        {
            return (0, 0, Int.max)
        } catch let error as DatabaseError {
            throw ArchiveError.sqlite(error, path: path)
        }
    }
}
