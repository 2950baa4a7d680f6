import Foundation
import GRDB
import RecouvreBundleIO
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
    /// `outcome` `.notCollected` is a pli avisé non réclamé: `received` is then the day the letter
    /// was presented, on which it counts as delivered. A date after `today` is refused.
    @discardableResult
    public func recordReceipt(
        noticeID: Int64, received: Day, outcome: ReceiptOutcome = .delivered, today: Day? = nil
    ) throws -> ReceiptRecord {
        let secret = try secret()
        let what = outcome == .delivered ? "l'accusé de réception" : "la présentation du pli"
        if let today, received > today {
            throw ArchiveError(
                "\(what) daté du \(received.iso) pour la notification #\(noticeID) est dans le futur "
                    + "(aujourd'hui : \(today.iso)) : vérifiez la date")
        }
        return try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT sent FROM notice WHERE id = ?", arguments: [noticeID]),
                let sent = row.text(0).flatMap(Day.init(iso:))
            else {
                throw ArchiveError(
                    "\(self.path) : pas de notification #\(noticeID) dans l'archive (voir recouvre archive list)")
            }
            guard received >= sent else {
                throw ArchiveError(
                    "\(what) daté du \(received.iso) pour la notification #\(noticeID) est antérieur à "
                        + "son envoi le \(sent.iso) : vérifiez la date portée sur l'avis")
            }
            let latest = try Row.fetchOne(
                db,
                sql: """
                    SELECT received, outcome FROM receipt WHERE notice_id = ? ORDER BY seq DESC LIMIT 1
                    """, arguments: [noticeID])
            if let latest, latest.text(0) == received.iso, latest.text(1) == outcome.rawValue {
                throw ArchiveError("notification #\(noticeID) : \(what) du \(received.iso) est déjà enregistré")
            }
            let head = try ChainHead.fetch(db)
            let id = try Self.nextID(table: "receipt", db)
            let entry = ChainEntry.receipt(
                seq: try Self.successor(head.seq), id: id, previousHash: head.hash,
                noticeID: noticeID, received: received.iso, outcome: outcome.rawValue,
                keyed: true)
            let hash = entry.hash(secret)
            try db.execute(
                sql: """
                    INSERT INTO receipt (id, seq, notice_id, received, previous_hash, hash, outcome) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [id, entry.seq, noticeID, received.iso, head.hash, hash, outcome.rawValue])
            return ReceiptRecord(
                id: id, seq: entry.seq, noticeID: noticeID, received: received,
                previousHash: head.hash, hash: hash, outcome: outcome)
        }
    }

    /// The longest `--tracking` kept.
    static let trackingLimit = 200

    private static func validate(_ submission: NoticeSubmission) throws {
        let tracking = submission.tracking
        if tracking.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ArchiveError(
                "--tracking est vide : donnez le numéro de la lettre recommandée, la référence de l'acte "
                    + "du commissaire de justice ou l'identifiant du courriel")
        }
        if let bad = tracking.unicodeScalars.first(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
            throw ArchiveError(
                "--tracking contient un caractère de contrôle (U+\(String(format: "%04X", bad.value))) : "
                    + "recopiez le numéro tel qu'il est imprimé")
        }
        if tracking.count > trackingLimit {
            throw ArchiveError("--tracking dépasse \(trackingLimit) caractères")
        }
        if let asOf = submission.bundle.asOf, submission.sent < asOf {
            throw ArchiveError(
                "envoi le \(submission.sent.iso) antérieur au calcul du dossier (as_of \(asOf.iso)) : une "
                    + "mise en demeure ne part pas avant d'être calculée (vérifiez --sent, ou reconstruisez le dossier à la "
                    + "date où il a été préparé)")
        }
        if let today = submission.today, submission.sent > today {
            throw ArchiveError(
                "envoi le \(submission.sent.iso) dans le futur (aujourd'hui : \(today.iso)) : vérifiez --sent")
        }
    }

    /// `value + 1`, or an error when the archive already holds the largest number SQLite can
    /// (a file edited outside recouvre): never a trap.
    static func successor(_ value: Int64) throws -> Int64 {
        let (next, overflow) = value.addingReportingOverflow(1)
        guard !overflow else {
            throw ArchiveError(
                .chainBroken,
                "l'archive contient déjà le plus grand numéro possible (\(value)) : "
                    + "elle a été modifiée hors de recouvre (lancez recouvre archive verify)")
        }
        return next
    }

    private func append(_ submission: NoticeSubmission, _ db: Database) throws -> NoticeRecord {
        let bundle = submission.bundle
        if let existing = try Int64.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT id FROM notice WHERE manifest_sha256 = ? AND sent = ? AND channel = ? AND tracking = ?
                    """),
            arguments: [bundle.manifestSHA256, submission.sent.iso, submission.channel.rawValue, submission.tracking])
        {
            throw ArchiveError(
                "cette notification est déjà archivée sous le n° \(existing) (même dossier, date, mode "
                    + "d'envoi et numéro)")
        }
        let secret = try secret()
        let head = try ChainHead.fetch(db)
        let id = try Self.nextID(table: "notice", db)
        let sentFile = submission.sentFile
        let fields = NoticeBundleFields(
            caseReference: bundle.caseReference, creditorName: bundle.creditor.name,
            creditorSiren: bundle.creditor.siren,
            debtorName: bundle.debtor.name, debtorSiren: bundle.debtor.siren,
            amountClaimed: Money.plain(bundle.amountClaimed), asOf: bundle.asOf?.iso, noticeFile: bundle.noticeFile,
            noticeSHA256: bundle.noticeSHA256, manifestSHA256: bundle.manifestSHA256, sent: submission.sent.iso,
            channel: submission.channel.rawValue, tracking: submission.tracking, sentFileName: sentFile?.name,
            sentFileSHA256: sentFile?.sha256)
        let entry = ChainEntry.notice(
            seq: try Self.successor(head.seq), id: id, previousHash: head.hash, bundle: fields,
            keyed: true)
        let hash = entry.hash(secret)
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO notice_document (sha256, text) VALUES (?, ?)")
            .execute(arguments: [bundle.noticeSHA256, bundle.noticeText])
        if let sentFile {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO sent_file (sha256, data) VALUES (?, ?)")
                .execute(arguments: [sentFile.sha256, sentFile.data])
        }
        try db.cachedStatement(
            sql: """
                INSERT INTO notice (id, seq, case_reference, creditor_name, creditor_siren, debtor_name, debtor_siren,
                    amount_claimed, as_of, notice_file, notice_sha256, manifest_sha256, sent, channel, tracking,
                    previous_hash, hash, sent_file_name, sent_file_sha256)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            id, entry.seq, fields.caseReference, fields.creditorName, fields.creditorSiren, fields.debtorName,
            fields.debtorSiren, fields.amountClaimed, fields.asOf, fields.noticeFile, fields.noticeSHA256,
            fields.manifestSHA256, fields.sent, fields.channel, fields.tracking, head.hash, hash,
            fields.sentFileName, fields.sentFileSHA256,
        ])
        return NoticeRecord(
            id: id, seq: entry.seq, caseReference: bundle.caseReference, creditor: bundle.creditor,
            debtor: bundle.debtor,
            amountClaimed: fields.amountClaimed, asOf: bundle.asOf, noticeFile: bundle.noticeFile,
            noticeSHA256: bundle.noticeSHA256, manifestSHA256: bundle.manifestSHA256, sent: submission.sent,
            channel: submission.channel, tracking: submission.tracking, previousHash: head.hash, hash: hash,
            receipts: [], text: bundle.noticeText, sentFileName: sentFile?.name, sentFileSHA256: sentFile?.sha256)
    }

    /// The next ID, never reusing one (AUTOINCREMENT keeps the highest ever given in
    /// `sqlite_sequence`, which `verify` also uses to notice the newest rows deleted).
    static func nextID(table: String, _ db: Database) throws -> Int64 {
        let counter =
            try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT seq FROM sqlite_sequence WHERE name = ?"),
                arguments: [table]) ?? 0
        let highest = try Int64.fetchOne(db.cachedStatement(sql: "SELECT max(id) FROM \(table)")) ?? 0
        return try successor(max(counter, highest))
    }
}

/// The last entry of the chain: its position and hash (`seq` 0 and the genesis hash when empty).
struct ChainHead {
    var seq: Int64
    var hash: String

    static func fetch(_ db: Database) throws -> ChainHead {
        var table = ""
        var seq: Int64 = 0
        // The reminders' table exists from schema 3 (this runs in the migration to schema 2 too).
        for name in ["notice", "receipt"] + (try db.tableExists("reminder") ? ["reminder"] : []) {
            let last = try Int64.fetchOne(db.cachedStatement(sql: "SELECT max(seq) FROM \(name)")) ?? 0
            if last > seq { (table, seq) = (name, last) }
        }
        if seq == 0 { return ChainHead(seq: 0, hash: ChainEntry.genesis) }
        let hash =
            try String.fetchOne(db.cachedStatement(sql: "SELECT hash FROM \(table) WHERE seq = ?"), arguments: [seq])
            ?? ChainEntry.genesis
        return ChainHead(seq: seq, hash: hash)
    }
}

extension ArchiveStore {
    /// Reads the bundle at `path` (folder or .zip), verifies it whole (with `verifier`: the CLI's
    /// checks dossier.xml against the schema too) and archives its mise en demeure; `sentFile` is
    /// the file actually sent (a signed scan, recouvre's PDF), kept byte for byte with its SHA-256.
    @discardableResult
    public func add(
        bundleAt path: String, sent: Day, channel: NoticeChannel, tracking: String, sentFile: String? = nil,
        verifier: BundleVerifier = .structural, today: Day? = nil
    ) throws -> NoticeRecord {
        var submission = NoticeSubmission(
            bundle: try NoticeBundle.read(path: path, verifier: verifier), sent: sent, channel: channel,
            tracking: tracking)
        submission.sentFile = try sentFile.map { try SentNoticeFile.read(path: $0) }
        submission.today = today
        return try add(submission)
    }
}
