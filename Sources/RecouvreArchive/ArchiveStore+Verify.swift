import Foundation
import GRDB

extension ArchiveStore {
    /// Recomputes the whole hash chain (see `ChainEntry` for the encoding: HMAC-SHA-256 with the
    /// archive's secret from `keyed_from`, the seal of the earlier entries), every stored text's and
    /// sent file's SHA-256, and checks the schema (append-only triggers present, no foreign table or
    /// trigger); reports the first problem. With `head`, also checks that this head, kept elsewhere
    /// (an e-mail, a printed register), is still in the chain: newest entries deleted together are
    /// found that way. Reads only.
    public func verify(head expectedHead: String? = nil) throws -> ChainVerification {
        let secret = try secret()
        return try read { db in
            let check = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            if check != ["ok"] {
                return ChainVerification(
                    notices: 0, receipts: 0, head: ChainEntry.genesis,
                    problem: ChainProblem(
                        seq: 0, subject: "database",
                        description: "\(self.path) : le fichier de l'archive est endommagé (SQLite integrity_check : "
                            + "\(check.prefix(3).joined(separator: "; ")))"))
            }
            // The chain first (it names the row), then the key record, then the schema.
            var result = try ChainVerifier(
                path: self.path, db: db, secret: secret, keyedFrom: self.keyedFrom,
                sealedHead: try String.fetchOne(db, sql: "SELECT sealed_head FROM archive_key")
            )
            .run()
            if result.problem == nil { result.problem = try self.keyProblem(db, secret: secret) }
            if result.problem == nil { result.problem = try self.schemaProblem(db) }
            if result.problem == nil, let expectedHead {
                let wanted = expectedHead.lowercased()
                if wanted != result.head, !(try self.chainContains(db, hash: wanted)) {
                    result.problem = ChainProblem(
                        seq: 0, subject: "head",
                        description: "\(self.path) : la tête \(wanted) gardée ailleurs n'est plus dans la chaîne : "
                            + "des entrées récentes ont été supprimées ou la chaîne a été réécrite (tête actuelle "
                            + "\(result.head))")
                }
            }
            return result
        }
    }

    /// The hash of the last entry (`archive head`), after a full verification.
    public func head() throws -> ChainVerification { try verify() }

    private func chainContains(_ db: Database, hash: String) throws -> Bool {
        let found =
            try Bool.fetchOne(
                db,
                sql: """
                    SELECT EXISTS (SELECT 1 FROM notice WHERE hash = ?) OR EXISTS (SELECT 1 FROM receipt WHERE hash = ?)
                    """, arguments: [hash, hash]) ?? false
        guard !found, try hasReminders(db) else { return found }
        return try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM reminder WHERE hash = ?)", arguments: [hash])
            ?? false
    }

    /// A missing trigger (the archive would accept an UPDATE) or an object recouvre never creates.
    private func schemaProblem(_ db: Database) throws -> ChainProblem? {
        let names = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master"))
        let version = try Int32.fetchOne(db, sql: "PRAGMA user_version") ?? ArchiveSchema.version
        let expected = ArchiveSchema.objects(version: version)
        let missing = expected.subtracting(names).sorted()
        if !missing.isEmpty {
            let triggers = missing.filter { $0.contains("append_only") }
            return ChainProblem(
                seq: 0, subject: "schema",
                description:
                    "\(path) : \(triggers.isEmpty ? "objets du schéma absents" : "déclencheurs « ajout seul » absents") "
                    + "(\(missing.joined(separator: ", "))) : l'archive a été modifiée hors de recouvre, des lignes ont pu "
                    + "être changées")
        }
        let foreign = names.filter { !expected.contains($0) && !ArchiveSchema.isBookkeeping($0) }.sorted()
        if !foreign.isEmpty {
            return ChainProblem(
                seq: 0, subject: "schema",
                description: "\(path) : objets étrangers dans l'archive (\(foreign.joined(separator: ", "))) : "
                    + "recouvre ne les crée pas, l'archive a été modifiée hors de recouvre")
        }
        return nil
    }

    /// The key record: one row, its seal made with this secret.
    private func keyProblem(_ db: Database, secret: ArchiveSecret) throws -> ChainProblem? {
        let rows = try Row.fetchAll(db, sql: "SELECT archive_id, keyed_from, sealed_head, seal FROM archive_key")
        guard rows.count == 1, let row = rows.first, let id = row.text(0), let from = row.integer(1),
            let head = row.text(2), let seal = row.text(3), from >= 1
        else {
            return ChainProblem(
                seq: 0, subject: "archive_key",
                description: "\(path) : l'enregistrement de la clé (archive_key) a été modifié")
        }
        guard seal == secret.seal(archiveID: id, seq: from - 1, head: head) else {
            return ChainProblem(
                seq: from - 1, subject: "archive_key",
                description: "\(path) : le sceau de la chaîne ne correspond pas à son secret : "
                    + "l'enregistrement de la clé a été réécrit")
        }
        return nil
    }
}

/// One pass over the chain in `seq` order.
struct ChainVerifier {
    struct Stored {
        var entry: ChainEntry
        var subject: String
        var storedHash: String?
        var storedPrevious: String?
        var noticeSHA256: String?
        /// A reminder's letter or e-mail (schema 3).
        var reminderFileSHA256: String? = nil
    }

    let path: String
    let db: Database
    /// Nil for an archive of schema 1 (checked before `archive migrate` seals it).
    let secret: ArchiveSecret?
    /// Entries from this `seq` on are keyed.
    let keyedFrom: Int64
    /// The hash of entry `keyedFrom - 1` sealed by the migration.
    var sealedHead: String? = nil

    func run() throws -> ChainVerification {
        let keyedColumns = secret != nil
        var documents = [String: Bool]()  // sha256 → the text still hashes to it
        let documentRows = try Row.fetchCursor(db, sql: "SELECT sha256, text FROM notice_document")
        while let row = try documentRows.next() {
            guard let key = row.text(0) else { continue }
            documents[key] = row.text(1).map { SHA256Hex.of($0) == key } ?? false
        }

        var stored = [Stored]()
        var noticeIDs = Set<Int64>()
        var receiptIDs = Set<Int64>()
        let notices = try Row.fetchCursor(
            db,
            sql: "SELECT \(ArchiveStore.noticeColumns)"
                + (keyedColumns ? ", sent_file_name, sent_file_sha256" : "") + " FROM notice")
        while let row = try notices.next() {
            let id = row.integer(0) ?? -1
            noticeIDs.insert(id)
            let fields = NoticeBundleFields(
                caseReference: row.text(2) ?? "", creditorName: row.text(3) ?? "", creditorSiren: row.text(4),
                debtorName: row.text(5) ?? "", debtorSiren: row.text(6), amountClaimed: row.text(7) ?? "",
                asOf: row.text(8), noticeFile: row.text(9) ?? "", noticeSHA256: row.text(10) ?? "",
                manifestSHA256: row.text(11) ?? "", sent: row.text(12) ?? "", channel: row.text(13) ?? "",
                tracking: row.text(14) ?? "", sentFileName: keyedColumns ? row.text(17) : nil,
                sentFileSHA256: keyedColumns ? row.text(18) : nil)
            let seq = row.integer(1) ?? -1
            let entry = ChainEntry.notice(
                seq: seq, id: id, previousHash: row.text(15) ?? "",
                bundle: fields, keyed: seq >= keyedFrom)
            stored.append(
                Stored(
                    entry: entry, subject: "notification #\(id)", storedHash: row.text(16),
                    storedPrevious: row.text(15), noticeSHA256: row.text(10)))
        }
        let receipts = try Row.fetchCursor(
            db,
            sql: "SELECT id, seq, notice_id, received, previous_hash, hash"
                + (keyedColumns ? ", outcome" : "") + " FROM receipt")
        while let row = try receipts.next() {
            let id = row.integer(0) ?? -1
            receiptIDs.insert(id)
            let noticeID = row.integer(2) ?? -1
            let seq = row.integer(1) ?? -1
            let entry = ChainEntry.receipt(
                seq: seq, id: id, previousHash: row.text(4) ?? "",
                noticeID: noticeID, received: row.text(3) ?? "",
                outcome: keyedColumns ? row.text(6) ?? "" : "delivered",
                keyed: seq >= keyedFrom)
            stored.append(
                Stored(
                    entry: entry, subject: "accusé #\(id) (notification #\(noticeID))", storedHash: row.text(5),
                    storedPrevious: row.text(4), noticeSHA256: nil))
        }
        // Schema 3: the reminders and their files.
        var reminderIDs = Set<Int64>()
        var reminderFiles = [String: Bool]()  // sha256 → the bytes still hash to it
        let hasReminders = try db.tableExists("reminder")
        if hasReminders {
            let files = try Row.fetchCursor(db, sql: "SELECT sha256, data FROM reminder_file")
            while let row = try files.next() {
                guard let key = row.text(0) else { continue }
                reminderFiles[key] = (row[1] as Data?).map { SHA256Hex.of($0) == key } ?? false
            }
            let reminders = try Row.fetchCursor(db, sql: "SELECT \(ArchiveStore.reminderColumns) FROM reminder")
            while let row = try reminders.next() {
                let id = row.integer(0) ?? -1
                reminderIDs.insert(id)
                let fields = ArchiveStore.reminderFields(row)
                let entry = ChainEntry.reminder(
                    seq: row.integer(1) ?? -1, id: id, previousHash: row.text(14) ?? "", fields: fields)
                stored.append(
                    Stored(
                        entry: entry, subject: "relance #\(id)", storedHash: row.text(15),
                        storedPrevious: row.text(14), noticeSHA256: nil, reminderFileSHA256: fields.fileSHA256))
            }
        }
        stored.sort { $0.entry.seq < $1.entry.seq }

        let missingNotices = try missing(noticeIDs, table: "notice", label: "notification")
        let missingReceipts =
            try missing(receiptIDs, table: "receipt", label: "accusé")
            + (hasReminders ? try missing(reminderIDs, table: "reminder", label: "relance") : [])
        let missingNote =
            (missingNotices + missingReceipts).isEmpty
            ? "" : " (manquent : \((missingNotices + missingReceipts).joined(separator: ", ")))"

        var result = ChainVerification(notices: noticeIDs.count, receipts: receiptIDs.count, head: ChainEntry.genesis)
        result.reminders = reminderIDs.count
        func fail(_ seq: Int64, _ subject: String, _ what: String) -> ChainVerification {
            var failed = result
            failed.problem = ChainProblem(seq: seq, subject: subject, description: "\(path) : \(what)")
            return failed
        }

        var expected: Int64 = 1
        var previous = ChainEntry.genesis
        var previousSubject = "le début de la chaîne"
        for item in stored {
            let seq = item.entry.seq
            if seq < expected {
                return fail(
                    seq, item.subject,
                    "\(item.subject) se dit entrée \(seq), déjà prise par \(previousSubject) : "
                        + "des entrées ont été réordonnées ou copiées")
            }
            if seq > expected {
                let gap =
                    seq == expected + 1 ? "entrée \(expected) supprimée" : "entrées \(expected)–\(seq - 1) supprimées"
                return fail(
                    expected, missingNotices.first ?? missingReceipts.first ?? "entrée \(expected)",
                    "\(gap)\(missingNote) : la chaîne saute de \(previousSubject) à \(item.subject) (entrée \(seq))")
            }
            if item.storedHash != item.entry.hash(secret) {
                return fail(
                    seq, item.subject,
                    "\(item.subject) (entrée \(seq)) a été modifiée : son contenu ne correspond plus "
                        + "à l'empreinte enregistrée lors de l'archivage")
            }
            if item.storedPrevious != previous {
                return fail(
                    seq - 1, previousSubject,
                    "\(previousSubject) (entrée \(seq - 1)) a été modifiée ou remplacée : "
                        + "\(item.subject) (entrée \(seq)) en enregistre une autre empreinte")
            }
            if let sha = item.noticeSHA256 {
                switch documents[sha] {
                case .some(true): break
                case .some(false):
                    return fail(
                        seq, item.subject,
                        "le texte de la mise en demeure de \(item.subject) a été modifié "
                            + "(son SHA-256 ne correspond plus à celui archivé)")
                case .none:
                    return fail(seq, item.subject, "le texte de la mise en demeure de \(item.subject) a été supprimé")
                }
            }
            if let sha = item.reminderFileSHA256 {
                switch reminderFiles[sha] {
                case .some(true): break
                case .some(false):
                    return fail(
                        seq, item.subject,
                        "la lettre ou le courriel de \(item.subject) a été modifié "
                            + "(son SHA-256 ne correspond plus à celui archivé)")
                case .none:
                    return fail(seq, item.subject, "la lettre ou le courriel de \(item.subject) a été supprimé")
                }
            }
            if seq == keyedFrom - 1, let sealedHead, item.storedHash != sealedHead {
                return fail(
                    seq, item.subject,
                    "\(item.subject) (entrée \(seq)) n'est pas l'entrée scellée lors de la "
                        + "migration : les entrées antérieures ont été réécrites")
            }
            previous = item.storedHash ?? ""
            previousSubject = item.subject
            expected += 1
        }
        if secret != nil, keyedFrom > 1, expected <= keyedFrom - 1 {
            return fail(
                expected, "entrée \(expected)",
                "entrées \(expected)–\(keyedFrom - 1), scellées lors de la "
                    + "migration, supprimées")
        }
        result.head = previous
        if let first = missingNotices.first ?? missingReceipts.first {
            return fail(
                expected, first,
                "\(first) supprimée\(missingNote) : le compteur de SQLite montre qu'elle a été "
                    + "archivée, la chaîne ne la contient plus")
        }
        return result
    }

    /// IDs given once (up to SQLite's AUTOINCREMENT counter) that are no longer in the table.
    private func missing(_ present: Set<Int64>, table: String, label: String) throws -> [String] {
        let counter =
            try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = ?", arguments: [table]) ?? 0
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
