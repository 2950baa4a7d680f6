import Foundation
import GRDB
import RecouvreModel

/// A reminder's columns exactly as stored (text), the input of its chain entry.
struct ReminderFields: Sendable, Equatable {
    var caseReference: String
    var creditorName: String
    var creditorSiren: String?
    var debtorName: String
    var debtorSiren: String?
    var amountDue: String
    var sent: String
    var step: String
    var channel: String
    var profile: String?
    var fileName: String
    var fileSHA256: String
}

extension ArchiveStore {
    /// Archives the reminders of one `remind --record --archive` run in one transaction: all of them
    /// or none. A reminder already archived (same case, step and day) is refused, naming it.
    @discardableResult
    public func add(reminders submissions: [ReminderSubmission]) throws -> [ReminderRecord] {
        for submission in submissions { try Self.validate(submission) }
        return try write { db in try submissions.map { try self.append($0, db) } }
    }

    /// One reminder, with its file's bytes.
    public func reminder(id: Int64) throws -> ReminderRecord {
        try read { db in
            guard try self.hasReminders(db),
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT \(Self.reminderColumns), f.data FROM reminder
                        LEFT JOIN reminder_file f ON f.sha256 = reminder.file_sha256 WHERE reminder.id = ?
                        """, arguments: [id])
            else {
                throw ArchiveError(
                    "\(self.path) : pas de relance #\(id) dans l'archive (voir recouvre archive list)")
            }
            var record = try self.reminder(from: row)
            record.data = row[Self.reminderColumnCount] as Data?
            return record
        }
    }

    /// The reminders matching `filter` (debtor, SIREN, dates; `status` concerns notices only), by ID,
    /// without their files. An archive of schema 2 read as it is has none.
    public func reminders(_ filter: ArchiveFilter) throws -> [ReminderRecord] {
        let (whereClause, arguments) = Self.sentFilter(filter)
        return try read { db in
            guard try self.hasReminders(db) else { return [] }
            var records = [ReminderRecord]()
            let rows = try Row.fetchCursor(
                db, sql: "SELECT \(Self.reminderColumns) FROM reminder \(whereClause) ORDER BY id",
                arguments: arguments)
            while let row = try rows.next() {
                let record = try self.reminder(from: row)
                if let debtor = filter.debtor,
                    record.debtor.name.range(of: debtor, options: [.caseInsensitive, .diacriticInsensitive]) == nil
                {
                    continue
                }
                records.append(record)
            }
            return records
        }
    }

    /// Whether the archive has the reminders' table (schema 3; a schema 2 archive opened read-only
    /// has not).
    func hasReminders(_ db: Database) throws -> Bool { try db.tableExists("reminder") }

    static let reminderColumns = """
        reminder.id, reminder.seq, case_reference, creditor_name, creditor_siren, debtor_name, debtor_siren, \
        amount_due, sent, step, channel, profile, file_name, file_sha256, previous_hash, hash
        """
    static let reminderColumnCount = 16

    /// The stored columns of a reminder row, as text (what its chain entry hashes).
    static func reminderFields(_ row: Row) -> ReminderFields {
        ReminderFields(
            caseReference: row.text(2) ?? "", creditorName: row.text(3) ?? "", creditorSiren: row.text(4),
            debtorName: row.text(5) ?? "", debtorSiren: row.text(6), amountDue: row.text(7) ?? "",
            sent: row.text(8) ?? "", step: row.text(9) ?? "", channel: row.text(10) ?? "", profile: row.text(11),
            fileName: row.text(12) ?? "", fileSHA256: row.text(13) ?? "")
    }

    /// Decodes `reminderColumns`; a value that no longer decodes was changed outside recouvre.
    func reminder(from row: Row) throws -> ReminderRecord {
        guard let id = row.integer(0), let seq = row.integer(1), let caseReference = row.text(2),
            let creditorName = row.text(3), let debtorName = row.text(5), let amount = row.text(7),
            let sent = row.text(8).flatMap(Day.init(iso:)), let step = row.text(9),
            let channel = row.text(10).flatMap(ReminderChannel.init(rawValue:)), let fileName = row.text(12),
            let fileSHA = row.text(13), let previous = row.text(14), let hash = row.text(15)
        else {
            throw ArchiveError(
                .chainBroken,
                "\(path) : relance #\(row.text(0) ?? "?") contient des valeurs que recouvre n'écrit jamais "
                    + "(la base a été modifiée hors de recouvre : lancez recouvre archive verify)")
        }
        return ReminderRecord(
            id: id, seq: seq, caseReference: caseReference,
            creditor: ArchivedParty(name: creditorName, siren: row.text(4)),
            debtor: ArchivedParty(name: debtorName, siren: row.text(6)), amountDue: amount, sent: sent, step: step,
            channel: channel, profile: row.text(11), fileName: fileName, fileSHA256: fileSHA,
            previousHash: previous, hash: hash, data: nil)
    }

    private static func validate(_ submission: ReminderSubmission) throws {
        if submission.data.isEmpty {
            throw ArchiveError("relance \(submission.fileName) : le fichier est vide, rien n'a été archivé")
        }
        if submission.step.isEmpty || submission.caseReference.isEmpty {
            throw ArchiveError("relance \(submission.fileName) : dossier ou étape manquant, rien n'a été archivé")
        }
    }

    private func append(_ submission: ReminderSubmission, _ db: Database) throws -> ReminderRecord {
        guard try hasReminders(db) else {
            throw ArchiveError("\(path) : l'archive n'a pas encore de table des relances (schéma 3)")
        }
        if let existing = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT id FROM reminder WHERE case_reference = ? AND step = ? AND sent = ?"),
            arguments: [submission.caseReference, submission.step, submission.sent.iso])
        {
            throw ArchiveError(
                "relance \(submission.step) du \(submission.sent.iso) du dossier \(submission.caseReference) déjà "
                    + "archivée sous le n° \(existing) : rien n'a été archivé ni écrit")
        }
        let secret = try secret()
        let head = try ChainHead.fetch(db)
        let id = try Self.nextID(table: "reminder", db)
        let sha = SHA256Hex.of(submission.data)
        let fields = ReminderFields(
            caseReference: submission.caseReference, creditorName: submission.creditor.name,
            creditorSiren: submission.creditor.siren, debtorName: submission.debtor.name,
            debtorSiren: submission.debtor.siren, amountDue: Money.plain(submission.amountDue),
            sent: submission.sent.iso, step: submission.step, channel: submission.channel.rawValue,
            profile: submission.profile, fileName: submission.fileName, fileSHA256: sha)
        let entry = ChainEntry.reminder(
            seq: try Self.successor(head.seq), id: id, previousHash: head.hash, fields: fields)
        let hash = entry.hash(secret)
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO reminder_file (sha256, data) VALUES (?, ?)")
            .execute(arguments: [sha, submission.data])
        try db.cachedStatement(
            sql: """
                INSERT INTO reminder (id, seq, case_reference, creditor_name, creditor_siren, debtor_name, debtor_siren,
                    amount_due, sent, step, channel, profile, file_name, file_sha256, previous_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            id, entry.seq, fields.caseReference, fields.creditorName, fields.creditorSiren, fields.debtorName,
            fields.debtorSiren, fields.amountDue, fields.sent, fields.step, fields.channel, fields.profile,
            fields.fileName, fields.fileSHA256, head.hash, hash,
        ])
        return ReminderRecord(
            id: id, seq: entry.seq, caseReference: fields.caseReference, creditor: submission.creditor,
            debtor: submission.debtor, amountDue: fields.amountDue, sent: submission.sent, step: submission.step,
            channel: submission.channel, profile: submission.profile, fileName: submission.fileName,
            fileSHA256: sha, previousHash: head.hash, hash: hash, data: submission.data)
    }
}
