import Foundation
import GRDB
import RecouvreModel

extension ArchiveStore {
    /// The latest notice sent for a case (by sent date, then by ID) and its receipt date, if any.
    public func latestFormalNotice(caseReference: String) throws -> ArchivedNotice? {
        try read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT \(Self.noticeColumns) FROM notice WHERE case_reference = ? ORDER BY sent DESC, id DESC LIMIT 1
                        """, arguments: [caseReference])
            else { return nil }
            var record = try self.notice(from: row)
            record.receipts = try self.receipts(db, noticeID: record.id)
            let sentFile = try String.fetchOne(
                db, sql: "SELECT sent_file_sha256 FROM notice WHERE id = ?",
                arguments: [record.id])
            return ArchivedNotice(
                id: record.id, sent: record.sent, received: record.received,
                channel: record.channel, tracking: record.tracking, outcome: record.outcome,
                sentFileSHA256: sentFile)
        }
    }

    /// The file actually sent for notice `noticeID` (`archive add --file`), byte for byte, or nil
    /// when none was archived: the court stage produces it as the notice's exhibit (issue 15). Its
    /// SHA-256 is checked against the one the chain records.
    public func sentFile(noticeID: Int64) throws -> SentNoticeFile? {
        try read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT n.sent_file_name, n.sent_file_sha256, f.data FROM notice n
                        LEFT JOIN sent_file f ON f.sha256 = n.sent_file_sha256 WHERE n.id = ?
                        """, arguments: [noticeID])
            else {
                throw ArchiveError(
                    "\(self.path) : pas de notification #\(noticeID) dans l'archive (voir recouvre archive list)")
            }
            guard let name = row.text(0), let sha = row.text(1) else { return nil }
            guard let data = row[2] as Data?, SHA256Hex.of(data) == sha else {
                throw ArchiveError(
                    .chainBroken,
                    "\(self.path) : le fichier envoyé de la notification #\(noticeID) a été "
                        + "modifié ou supprimé (lancez recouvre archive verify)")
            }
            return SentNoticeFile(name: name, data: data)
        }
    }

    /// One notice, with its receipts and its text.
    public func notice(id: Int64) throws -> NoticeRecord {
        try read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT \(Self.noticeColumns) FROM notice WHERE id = ?",
                    arguments: [id])
            else {
                throw ArchiveError(
                    "\(self.path) : pas de notification #\(id) dans l'archive (voir recouvre archive list)")
            }
            var record = try self.notice(from: row)
            record.receipts = try self.receipts(db, noticeID: id)
            record.text = try String.fetchOne(
                db, sql: "SELECT text FROM notice_document WHERE sha256 = ?",
                arguments: [record.noticeSHA256])
            if let sent = try Row.fetchOne(
                db, sql: "SELECT sent_file_name, sent_file_sha256 FROM notice WHERE id = ?",
                arguments: [id])
            {
                record.sentFileName = sent.text(0)
                record.sentFileSHA256 = sent.text(1)
            }
            return record
        }
    }

    /// The SQL `WHERE` clause and its arguments of `filter`'s debtor or creditor SIREN and sending dates,
    /// which the notice and reminder tables share (`status` concerns notices only: applied on the rows).
    static func sentFilter(_ filter: ArchiveFilter) -> (String, StatementArguments) {
        var conditions = [String]()
        var arguments = StatementArguments()
        if let siren = filter.siren {
            conditions.append("(debtor_siren = ? OR creditor_siren = ?)")
            let digits = CompanyIdentifier.digits(siren)
            arguments += [digits, digits]
        }
        if let from = filter.from {
            conditions.append("sent >= ?")
            arguments += [from.iso]
        }
        if let to = filter.to {
            conditions.append("sent <= ?")
            arguments += [to.iso]
        }
        return (conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "), arguments)
    }

    /// The notices matching `filter`, by ID, as the lines of `archive list`: only the columns it
    /// prints and the latest receipt date, each checked as `notice(from:)` checks it.
    public func list(_ filter: ArchiveFilter) throws -> [NoticeListing] {
        let (whereClause, arguments) = Self.sentFilter(filter)
        return try read { db in
            let received = try self.latestReceipts(db)
            var listings = [NoticeListing]()
            let statement = try db.makeStatement(
                sql: """
                    SELECT id, sent, channel, tracking, case_reference, amount_claimed, debtor_name FROM notice \(whereClause)
                    ORDER BY id
                    """)
            let rows = try Row.fetchCursor(statement, arguments: arguments)
            let columns = StatementColumns(statement: statement)
            while try rows.next() != nil {
                guard let id = columns.integer(0), let sent = columns.text(1).flatMap(Day.init(iso:)),
                    let channel = columns.text(2).flatMap(NoticeChannel.init), let tracking = columns.text(3),
                    let caseReference = columns.text(4), let amount = columns.text(5), let debtorName = columns.text(6)
                else {
                    throw ArchiveError(
                        .chainBroken,
                        "\(self.path) : notification #\(columns.text(0) ?? "?") contient des "
                            + "valeurs que recouvre n'écrit jamais (la base a été modifiée hors de recouvre : lancez recouvre archive verify)"
                    )
                }
                if let debtor = filter.debtor,
                    debtorName.range(of: debtor, options: [.caseInsensitive, .diacriticInsensitive]) == nil
                {
                    continue
                }
                let listing = NoticeListing(
                    id: id, sent: sent, channel: channel, tracking: tracking,
                    caseReference: caseReference, amountClaimed: amount,
                    debtorName: debtorName, received: received[id]?.day,
                    outcome: received[id]?.outcome)
                if let status = filter.status, listing.status(asOf: filter.asOf) != status { continue }
                listings.append(listing)
            }
            return listings
        }
    }

    /// The effective receipt date of each notice that has one: the latest recorded (chain order).
    private func latestReceipts(_ db: Database) throws -> [Int64: (day: Day, outcome: ReceiptOutcome)] {
        var latest = [Int64: (day: Day, outcome: ReceiptOutcome)]()
        let statement = try db.makeStatement(sql: "SELECT id, notice_id, received, outcome FROM receipt ORDER BY seq")
        let rows = try Row.fetchCursor(statement)
        let columns = StatementColumns(statement: statement)
        while try rows.next() != nil {
            guard columns.integer(0) != nil, let noticeID = columns.integer(1),
                let received = columns.text(2).flatMap(Day.init(iso:)),
                let outcome = columns.text(3).flatMap(ReceiptOutcome.init(rawValue:))
            else {
                throw ArchiveError(
                    .chainBroken,
                    "\(path) : accusé #\(columns.text(0) ?? "?") contient des valeurs que recouvre "
                        + "n'écrit jamais (la base a été modifiée hors de recouvre : lancez recouvre archive verify)")
            }
            latest[noticeID] = (received, outcome)
        }
        return latest
    }

    /// Every notice with its receipts and text, by ID: the content of `archive export`.
    public func export() throws -> [NoticeRecord] {
        try read { db in
            var byNotice = [Int64: [ReceiptRecord]]()
            for receipt in try self.allReceipts(db) { byNotice[receipt.noticeID, default: []].append(receipt) }
            var records = [NoticeRecord]()
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT \(Self.noticeColumns), d.text, notice.sent_file_name, notice.sent_file_sha256
                    FROM notice LEFT JOIN notice_document d ON d.sha256 = notice_sha256
                    ORDER BY id
                    """)
            while let row = try rows.next() {
                var record = try self.notice(from: row)
                record.receipts = byNotice[record.id] ?? []
                record.text = row.text(17)
                record.sentFileName = row.text(18)
                record.sentFileSHA256 = row.text(19)
                records.append(record)
            }
            return records
        }
    }

    static let noticeColumns = """
        notice.id, notice.seq, case_reference, creditor_name, creditor_siren, debtor_name, debtor_siren, amount_claimed, \
        as_of, notice_file, notice_sha256, manifest_sha256, sent, channel, tracking, previous_hash, hash
        """

    /// Decodes `noticeColumns`; a value that no longer decodes was changed outside recouvre.
    func notice(from row: Row) throws -> NoticeRecord {
        let asOfText = row.text(8)
        guard let id = row.integer(0), let seq = row.integer(1), let caseReference = row.text(2),
            let creditorName = row.text(3), let debtorName = row.text(5), let amount = row.text(7),
            let noticeFile = row.text(9), let noticeSHA = row.text(10), let manifestSHA = row.text(11),
            let sent = row.text(12).flatMap(Day.init(iso:)), let channel = row.text(13).flatMap(NoticeChannel.init),
            let tracking = row.text(14), let previous = row.text(15), let hash = row.text(16),
            asOfText == nil || Day(iso: asOfText ?? "") != nil
        else {
            throw ArchiveError(
                .chainBroken,
                "\(path) : notification #\(row.text(0) ?? "?") contient des valeurs que recouvre n'écrit jamais "
                    + "(la base a été modifiée hors de recouvre : lancez recouvre archive verify)")
        }
        return NoticeRecord(
            id: id, seq: seq, caseReference: caseReference,
            creditor: ArchivedParty(name: creditorName, siren: row.text(4)),
            debtor: ArchivedParty(name: debtorName, siren: row.text(6)),
            amountClaimed: amount, asOf: asOfText.flatMap(Day.init(iso:)), noticeFile: noticeFile,
            noticeSHA256: noticeSHA, manifestSHA256: manifestSHA, sent: sent, channel: channel, tracking: tracking,
            previousHash: previous, hash: hash, receipts: [], text: nil)
    }

    func receipts(_ db: Database, noticeID: Int64) throws -> [ReceiptRecord] {
        try fetchReceipts(
            db,
            sql: """
                SELECT id, seq, notice_id, received, previous_hash, hash, outcome FROM receipt WHERE notice_id = ? ORDER BY seq
                """, arguments: [noticeID])
    }

    func allReceipts(_ db: Database) throws -> [ReceiptRecord] {
        try fetchReceipts(
            db, sql: "SELECT id, seq, notice_id, received, previous_hash, hash, outcome FROM receipt ORDER BY seq",
            arguments: [])
    }

    private func fetchReceipts(_ db: Database, sql: String, arguments: StatementArguments) throws -> [ReceiptRecord] {
        try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            guard let id = row.integer(0), let seq = row.integer(1), let noticeID = row.integer(2),
                let received = row.text(3).flatMap(Day.init(iso:)), let previous = row.text(4), let hash = row.text(5),
                let outcome = row.text(6).flatMap(ReceiptOutcome.init(rawValue:))
            else {
                throw ArchiveError(
                    .chainBroken,
                    "\(path) : accusé #\(row.text(0) ?? "?") contient des valeurs que recouvre n'écrit "
                        + "jamais (la base a été modifiée hors de recouvre : lancez recouvre archive verify)")
            }
            return ReceiptRecord(
                id: id, seq: seq, noticeID: noticeID, received: received, previousHash: previous,
                hash: hash, outcome: outcome)
        }
    }
}
