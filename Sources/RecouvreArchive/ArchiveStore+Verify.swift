import GRDB

extension ArchiveStore {
    /// Recomputes the whole hash chain (see `ChainEntry` for the encoding) and every stored text's
    /// SHA-256, and reports the first entry altered, deleted or reordered. Reads only.
    public func verify() throws -> ChainVerification {
        try read { db in
            let check = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            if check != ["ok"] {
                return ChainVerification(notices: 0, receipts: 0, head: ChainEntry.genesis, problem: ChainProblem(
                    seq: 0, subject: "database",
                    description: "\(self.path): the database file is damaged (SQLite integrity_check: "
                        + "\(check.prefix(3).joined(separator: "; ")))"))
            }
            return try ChainVerifier(path: self.path, db: db).run()
        }
    }
}

/// One pass over the chain in `seq` order.
private struct ChainVerifier {
    struct Stored {
        var entry: ChainEntry
        var subject: String
        var storedHash: String?
        var storedPrevious: String?
        var noticeSHA256: String?
    }

    let path: String
    let db: Database

    func run() throws -> ChainVerification {
        var documents = [String: Bool]()  // sha256 → the text still hashes to it
        let documentRows = try Row.fetchCursor(db, sql: "SELECT sha256, text FROM notice_document")
        while let row = try documentRows.next() {
            guard let key = row.text(0) else { continue }
            documents[key] = row.text(1).map { SHA256Hex.of($0) == key } ?? false
        }

        var stored = [Stored]()
        var noticeIDs = Set<Int64>(), receiptIDs = Set<Int64>()
        let notices = try Row.fetchCursor(db, sql: "SELECT \(ArchiveStore.noticeColumns) FROM notice")
        while let row = try notices.next() {
            let id = row.integer(0) ?? -1
            noticeIDs.insert(id)
            let fields = NoticeBundleFields(
                caseReference: row.text(2) ?? "", creditorName: row.text(3) ?? "", creditorSiren: row.text(4),
                debtorName: row.text(5) ?? "", debtorSiren: row.text(6), amountClaimed: row.text(7) ?? "",
                asOf: row.text(8), noticeFile: row.text(9) ?? "", noticeSHA256: row.text(10) ?? "",
                manifestSHA256: row.text(11) ?? "", sent: row.text(12) ?? "", channel: row.text(13) ?? "",
                tracking: row.text(14) ?? "")
            let entry = ChainEntry.notice(seq: row.integer(1) ?? -1, id: id, previousHash: row.text(15) ?? "",
                                          bundle: fields)
            stored.append(Stored(entry: entry, subject: "notice #\(id)", storedHash: row.text(16),
                                 storedPrevious: row.text(15), noticeSHA256: row.text(10)))
        }
        let receipts = try Row.fetchCursor(db, sql: "SELECT id, seq, notice_id, received, previous_hash, hash FROM receipt")
        while let row = try receipts.next() {
            let id = row.integer(0) ?? -1
            receiptIDs.insert(id)
            let noticeID = row.integer(2) ?? -1
            let entry = ChainEntry.receipt(seq: row.integer(1) ?? -1, id: id, previousHash: row.text(4) ?? "",
                                           noticeID: noticeID, received: row.text(3) ?? "")
            stored.append(Stored(entry: entry, subject: "receipt #\(id) (notice #\(noticeID))", storedHash: row.text(5),
                                 storedPrevious: row.text(4), noticeSHA256: nil))
        }
        stored.sort { $0.entry.seq < $1.entry.seq }

        let missingNotices = try missing(noticeIDs, table: "notice", label: "notice")
        let missingReceipts = try missing(receiptIDs, table: "receipt", label: "receipt")
        let missingNote = (missingNotices + missingReceipts).isEmpty
            ? "" : " (missing: \((missingNotices + missingReceipts).joined(separator: ", ")))"

        var result = ChainVerification(notices: noticeIDs.count, receipts: receiptIDs.count, head: ChainEntry.genesis)
        func fail(_ seq: Int64, _ subject: String, _ what: String) -> ChainVerification {
            var failed = result
            failed.problem = ChainProblem(seq: seq, subject: subject, description: "\(path): \(what)")
            return failed
        }

        var expected: Int64 = 1
        var previous = ChainEntry.genesis
        var previousSubject = "the start of the chain"
        for item in stored {
            let seq = item.entry.seq
            if seq < expected {
                return fail(seq, item.subject, "\(item.subject) claims entry \(seq), already taken by \(previousSubject): "
                    + "entries were reordered or copied")
            }
            if seq > expected {
                let gap = seq - expected == 1 ? "entry \(expected)" : "entries \(expected)–\(seq - 1)"
                return fail(expected, missingNotices.first ?? missingReceipts.first ?? "entry \(expected)",
                    "\(gap) deleted\(missingNote): the chain jumps from \(previousSubject) to \(item.subject) (entry \(seq))")
            }
            if item.storedHash != item.entry.hash {
                return fail(seq, item.subject, "\(item.subject) (entry \(seq)) was altered: its content no longer matches "
                    + "the hash recorded when it was archived")
            }
            if item.storedPrevious != previous {
                return fail(seq - 1, previousSubject, "\(previousSubject) (entry \(seq - 1)) was altered or replaced: "
                    + "\(item.subject) (entry \(seq)) records a different hash for it")
            }
            if let sha = item.noticeSHA256 {
                switch documents[sha] {
                case .some(true): break
                case .some(false):
                    return fail(seq, item.subject, "the text of the mise en demeure of \(item.subject) was altered "
                        + "(its SHA-256 no longer matches the one archived)")
                case .none:
                    return fail(seq, item.subject, "the text of the mise en demeure of \(item.subject) was deleted")
                }
            }
            previous = item.storedHash ?? ""
            previousSubject = item.subject
            expected += 1
        }
        result.head = previous
        if let first = missingNotices.first ?? missingReceipts.first {
            return fail(expected, first, "\(first) deleted\(missingNote): SQLite's own counter shows it was archived, "
                + "the chain no longer holds it")
        }
        return result
    }

    /// IDs given once (up to SQLite's AUTOINCREMENT counter) that are no longer in the table.
    private func missing(_ present: Set<Int64>, table: String, label: String) throws -> [String] {
        let counter = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = ?", arguments: [table]) ?? 0
        let highest = max(counter, present.max() ?? 0)
        guard highest > 0 else { return [] }
        var gone = [String]()
        for id in 1...highest where !present.contains(id) {
            gone.append("\(label) #\(id)")
            if gone.count == 5 { break }
        }
        return gone
    }
}
