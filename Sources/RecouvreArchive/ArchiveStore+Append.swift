import Foundation
import GRDB
import RecouvreModel

extension ArchiveStore {
    /// Archives one notice in its own transaction and returns it as stored.
    @discardableResult
    public func add(_ submission: NoticeSubmission) throws -> NoticeRecord {
        try Self.validate(submission)
        return try write { db in try self.append(submission, db) }
    }

    /// Archives several notices in one transaction: all of them or none.
    @discardableResult
    public func add(contentsOf submissions: [NoticeSubmission]) throws -> [NoticeRecord] {
        for submission in submissions { try Self.validate(submission) }
        return try write { db in try submissions.map { try self.append($0, db) } }
    }

    /// Records the date on the avis de réception of notice `noticeID`, as a new chain entry.
    @discardableResult
    public func recordReceipt(noticeID: Int64, received: Day) throws -> ReceiptRecord {
        try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT sent FROM notice WHERE id = ?", arguments: [noticeID]),
                  let sent = row.text(0).flatMap(Day.init(iso:))
            else {
                throw ArchiveError("\(self.path): no notice #\(noticeID) in the archive (see recouvre archive list)")
            }
            guard received >= sent else {
                throw ArchiveError("receipt \(received.iso) for notice #\(noticeID) is before it was sent on \(sent.iso): "
                    + "check --received (the date stamped on the avis de réception)")
            }
            let latest = try String.fetchOne(db, sql: "SELECT received FROM receipt WHERE notice_id = ? ORDER BY seq DESC LIMIT 1",
                                             arguments: [noticeID])
            if latest == received.iso {
                throw ArchiveError("notice #\(noticeID): a receipt dated \(received.iso) is already recorded")
            }
            let head = try ChainHead.fetch(db)
            let id = try Self.nextID(table: "receipt", db)
            let entry = ChainEntry.receipt(seq: head.seq + 1, id: id, previousHash: head.hash, noticeID: noticeID,
                                           received: received.iso)
            let hash = entry.hash
            try db.execute(sql: """
                INSERT INTO receipt (id, seq, notice_id, received, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [id, entry.seq, noticeID, received.iso, head.hash, hash])
            return ReceiptRecord(id: id, seq: entry.seq, noticeID: noticeID, received: received,
                                 previousHash: head.hash, hash: hash)
        }
    }

    private static func validate(_ submission: NoticeSubmission) throws {
        if submission.tracking.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ArchiveError("--tracking is empty: give the registered letter's number, the bailiff's act "
                + "reference or the e-mail's message ID")
        }
        if let asOf = submission.bundle.asOf, submission.sent < asOf {
            throw ArchiveError("sent \(submission.sent.iso) is before the bundle's as_of \(asOf.iso): a notice cannot be "
                + "sent before it was computed (check --sent, or rebuild the bundle as of the day it was prepared)")
        }
    }

    private func append(_ submission: NoticeSubmission, _ db: Database) throws -> NoticeRecord {
        let bundle = submission.bundle
        if let existing = try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT id FROM notice WHERE manifest_sha256 = ? AND sent = ? AND channel = ? AND tracking = ?
            """), arguments: [bundle.manifestSHA256, submission.sent.iso, submission.channel.rawValue, submission.tracking])
        {
            throw ArchiveError("this notice is already archived as #\(existing) (same bundle, date, channel and tracking)")
        }
        let head = try ChainHead.fetch(db)
        let id = try Self.nextID(table: "notice", db)
        let fields = NoticeBundleFields(
            caseReference: bundle.caseReference, creditorName: bundle.creditor.name, creditorSiren: bundle.creditor.siren,
            debtorName: bundle.debtor.name, debtorSiren: bundle.debtor.siren,
            amountClaimed: Money.plain(bundle.amountClaimed), asOf: bundle.asOf?.iso, noticeFile: bundle.noticeFile,
            noticeSHA256: bundle.noticeSHA256, manifestSHA256: bundle.manifestSHA256, sent: submission.sent.iso,
            channel: submission.channel.rawValue, tracking: submission.tracking)
        let entry = ChainEntry.notice(seq: head.seq + 1, id: id, previousHash: head.hash, bundle: fields)
        let hash = entry.hash
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO notice_document (sha256, text) VALUES (?, ?)")
            .execute(arguments: [bundle.noticeSHA256, bundle.noticeText])
        try db.cachedStatement(sql: """
            INSERT INTO notice (id, seq, case_reference, creditor_name, creditor_siren, debtor_name, debtor_siren,
                amount_claimed, as_of, notice_file, notice_sha256, manifest_sha256, sent, channel, tracking,
                previous_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                id, entry.seq, fields.caseReference, fields.creditorName, fields.creditorSiren, fields.debtorName,
                fields.debtorSiren, fields.amountClaimed, fields.asOf, fields.noticeFile, fields.noticeSHA256,
                fields.manifestSHA256, fields.sent, fields.channel, fields.tracking, head.hash, hash,
            ])
        return NoticeRecord(
            id: id, seq: entry.seq, caseReference: bundle.caseReference, creditor: bundle.creditor, debtor: bundle.debtor,
            amountClaimed: fields.amountClaimed, asOf: bundle.asOf, noticeFile: bundle.noticeFile,
            noticeSHA256: bundle.noticeSHA256, manifestSHA256: bundle.manifestSHA256, sent: submission.sent,
            channel: submission.channel, tracking: submission.tracking, previousHash: head.hash, hash: hash,
            receipts: [], text: bundle.noticeText)
    }

    /// The next ID, never reusing one (AUTOINCREMENT keeps the highest ever given in
    /// `sqlite_sequence`, which `verify` also uses to notice the newest rows deleted).
    static func nextID(table: String, _ db: Database) throws -> Int64 {
        let counter = try Int64.fetchOne(db.cachedStatement(sql: "SELECT seq FROM sqlite_sequence WHERE name = ?"),
                                         arguments: [table]) ?? 0
        let highest = try Int64.fetchOne(db.cachedStatement(sql: "SELECT max(id) FROM \(table)")) ?? 0
        return max(counter, highest) + 1
    }
}

/// The last entry of the chain: its position and hash (`seq` 0 and the genesis hash when empty).
struct ChainHead {
    var seq: Int64
    var hash: String

    static func fetch(_ db: Database) throws -> ChainHead {
        let notice = try Int64.fetchOne(db.cachedStatement(sql: "SELECT max(seq) FROM notice")) ?? 0
        let receipt = try Int64.fetchOne(db.cachedStatement(sql: "SELECT max(seq) FROM receipt")) ?? 0
        if notice == 0 && receipt == 0 { return ChainHead(seq: 0, hash: ChainEntry.genesis) }
        let table = notice > receipt ? "notice" : "receipt"
        let seq = max(notice, receipt)
        let hash = try String.fetchOne(db.cachedStatement(sql: "SELECT hash FROM \(table) WHERE seq = ?"), arguments: [seq])
            ?? ChainEntry.genesis
        return ChainHead(seq: seq, hash: hash)
    }
}

extension ArchiveStore {
    /// Reads the bundle at `path` (folder or .zip) and archives its mise en demeure.
    @discardableResult
    public func add(bundleAt path: String, sent: Day, channel: NoticeChannel, tracking: String) throws -> NoticeRecord {
        try add(NoticeSubmission(bundle: try NoticeBundle.read(path: path), sent: sent, channel: channel,
                                 tracking: tracking))
    }
}
