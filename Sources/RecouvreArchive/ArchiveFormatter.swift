import Foundation
import RecouvreJSON
import RecouvreModel

/// The archive's outputs: `list` and `show` as text, `export` as JSON or CSV. All deterministic:
/// the same archive gives the same bytes (records by ID, receipts by chain order, sorted keys).
public enum ArchiveFormatter {
    /// One line per notice, columns aligned, after a header; the debtor's name comes last, unpadded.
    /// Widths count Unicode scalars (names in precomposed form align), and the cells are written
    /// straight into one byte buffer without building a line or a list of cells: 100,000 notices
    /// list in well under a second.
    public static func list(_ listings: [NoticeListing], asOf: Day) -> String {
        let header = ["N°", "ENVOI", "MODE", "SUIVI", "DOSSIER", "MONTANT", "RÉCEPTION", "STATUT", "DÉBITEUR"]
        var widths = header.map(\.unicodeScalars.count)
        func widen(_ column: Int, _ width: Int) {
            if width > widths[column] { widths[column] = width }
        }
        for listing in listings {
            widen(0, String(listing.id).utf8.count)
            widen(1, 10)
            widen(2, listing.channel.rawValue.utf8.count)
            widen(3, scalarCount(listing.tracking))
            widen(4, scalarCount(listing.caseReference))
            widen(5, scalarCount(listing.amountClaimed))
            widen(6, listing.received == nil ? 1 : 10)
            widen(7, listing.status(asOf: asOf).rawValue.utf8.count)
        }
        var out = [UInt8]()
        out.reserveCapacity((listings.count + 1) * (widths.dropLast().reduce(0, +) + 2 * widths.count + 32))
        func cell(_ text: String, _ column: Int, ascii: Bool = false) {
            out.append(contentsOf: text.utf8)
            let count = ascii ? text.utf8.count : scalarCount(text)
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: widths[column] - count + 2))
        }
        for (column, title) in header.enumerated().dropLast() { cell(title, column) }
        out.append(contentsOf: header[header.count - 1].utf8)
        out.append(UInt8(ascii: "\n"))
        for listing in listings {
            cell(String(listing.id), 0, ascii: true)
            cell(listing.sent.iso, 1, ascii: true)
            cell(listing.channel.rawValue, 2, ascii: true)
            cell(listing.tracking, 3)
            cell(listing.caseReference, 4)
            cell(listing.amountClaimed, 5)
            cell(listing.received?.iso ?? "-", 6, ascii: true)
            cell(listing.status(asOf: asOf).rawValue, 7, ascii: true)
            out.append(contentsOf: listing.debtorName.utf8)
            out.append(UInt8(ascii: "\n"))
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The number of Unicode scalars of `text`, counted on its UTF-8 bytes (every byte that does not
    /// continue a multi-byte sequence starts a scalar): the same as `unicodeScalars.count`, without
    /// walking the scalars one index at a time.
    static func scalarCount(_ text: String) -> Int {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
            return count
        } ?? text.unicodeScalars.count
    }

    /// Every field of one notice and its receipts.
    public static func show(_ record: NoticeRecord, asOf: Day) -> String {
        func party(_ party: ArchivedParty) -> String {
            party.siren.map { "\(party.name) (SIREN \($0))" } ?? party.name
        }
        var lines = [
            "mise en demeure n° \(record.id) (entrée \(record.seq) de la chaîne)",
            "dossier :            \(record.caseReference)",
            "créancier :          \(party(record.creditor))",
            "débiteur :           \(party(record.debtor))",
            "montant réclamé :    \(record.amountClaimed) EUR" + (record.asOf.map { " au \($0.iso)" } ?? ""),
            "envoi :              \(record.sent.iso) par \(record.channel.rawValue), suivi \(record.tracking)",
        ]
        if record.receipts.isEmpty {
            lines.append("réception :          aucun accusé enregistré")
        } else {
            for (index, receipt) in record.receipts.enumerated() {
                let superseded = index < record.receipts.count - 1 ? " (remplacé par un accusé ultérieur)" : ""
                let how = receipt.outcome == .notCollected ? " présenté, non retiré (pli avisé non réclamé)" : ""
                lines.append(
                    "réception :          \(receipt.received.iso)\(how) (accusé n° \(receipt.id), entrée \(receipt.seq))"
                        + superseded)
            }
        }
        lines += [
            "statut :             \(record.status(asOf: asOf).rawValue) au \(asOf.iso)",
            "mise en demeure :    \(record.noticeFile), SHA-256 \(record.noticeSHA256)",
            "manifeste :          SHA-256 \(record.manifestSHA256)",
            "fichier envoyé :     "
                + (record.sentFileSHA256.map { "\(record.sentFileName ?? ""), SHA-256 \($0)" } ?? "aucun archivé"),
            "empreinte :          \(record.hash)",
            "empreinte préc. :    \(record.previousHash)",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// `recouvre.archive-export/1`: every notice with its receipts, text and hashes; sorted keys,
    /// 2-space indentation, trailing newline.
    public static func json(_ records: [NoticeRecord]) -> String {
        JSONValue.sortedObject([
            "schema": .string("recouvre.archive-export/1"), "notices": .array(records.map(\.exportJSON)),
        ]).rendered()
    }

    static let csvColumns = [
        "id", "seq", "case", "creditor_name", "creditor_siren", "debtor_name", "debtor_siren", "amount_claimed",
        "as_of",
        "sent", "channel", "tracking", "received", "receipts", "formal_notice_file", "formal_notice_sha256",
        "manifest_sha256", "previous_hash", "hash", "outcome", "sent_file_name", "sent_file_sha256",
    ]

    /// One row per notice (RFC 4180: CRLF line ends, fields quoted when needed); `received` is the
    /// effective receipt date, `receipts` every receipt date recorded, in order, separated by `;`.
    /// The texts of the notices are in the JSON export only.
    public static func csv(_ records: [NoticeRecord]) -> String {
        var out = csvColumns.joined(separator: ",") + "\r\n"
        for record in records {
            let fields: [String] = [
                String(record.id), String(record.seq), record.caseReference, record.creditor.name,
                record.creditor.siren ?? "", record.debtor.name, record.debtor.siren ?? "", record.amountClaimed,
                record.asOf?.iso ?? "", record.sent.iso, record.channel.rawValue, record.tracking,
                record.received?.iso ?? "", record.receipts.map(\.received.iso).joined(separator: ";"),
                record.noticeFile, record.noticeSHA256, record.manifestSHA256, record.previousHash, record.hash,
                record.outcome?.rawValue ?? "", record.sentFileName ?? "", record.sentFileSHA256 ?? "",
            ]
            out += fields.map(csvField).joined(separator: ",") + "\r\n"
        }
        return out
    }

    static func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

    static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The one-line verdict of `archive verify`.
    public static func verification(_ result: ChainVerification, path: String) -> String {
        if let problem = result.problem { return problem.description }
        let reminders = result.reminders > 0 ? ", \(plural(result.reminders, "relance"))" : ""
        return
            "\(path) : chaîne intacte, \(plural(result.entries, "entrée")) (\(plural(result.notices, "notification")), "
            + "\(plural(result.receipts, "accusé"))\(reminders)) ; tête \(result.head)"
    }

    /// The reminders of `archive list`, one line each after a header, as the notices are listed;
    /// the debtor's name comes last, unpadded.
    public static func reminderList(_ records: [ReminderRecord]) -> String {
        let header = ["N°", "DATE", "ÉTAPE", "MODE", "DOSSIER", "RESTE DÛ", "FICHIER", "DÉBITEUR"]
        let rows = records.map { record in
            [
                String(record.id), record.sent.iso, record.step, record.channel.rawValue, record.caseReference,
                record.amountDue, record.fileName, record.debtor.name,
            ]
        }
        var widths = header.map(scalarCount)
        for row in rows {
            for (column, cell) in row.enumerated() { widths[column] = max(widths[column], scalarCount(cell)) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                column == cells.count - 1
                    ? cell : cell + String(repeating: " ", count: widths[column] - scalarCount(cell) + 2)
            }.joined() + "\n"
        }
        return ([header] + rows).map(line).joined()
    }

    /// Every field of one archived reminder.
    public static func showReminder(_ record: ReminderRecord) -> String {
        func party(_ party: ArchivedParty) -> String {
            party.siren.map { "\(party.name) (SIREN \($0))" } ?? party.name
        }
        let lines = [
            "relance n° \(record.id) (entrée \(record.seq) de la chaîne)",
            "dossier :            \(record.caseReference)",
            "créancier :          \(party(record.creditor))",
            "débiteur :           \(party(record.debtor))",
            "reste dû :           \(record.amountDue) EUR en principal au \(record.sent.iso)",
            "étape :              \(record.step)" + (record.profile.map { " (profil \($0))" } ?? ""),
            "envoi :              \(record.sent.iso) par \(record.channel.rawValue)",
            "fichier :            \(record.fileName), SHA-256 \(record.fileSHA256)",
            "empreinte :          \(record.hash)",
            "empreinte préc. :    \(record.previousHash)",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}

extension NoticeRecord {
    /// The notice in `recouvre.archive-export/1`; absent values are `null`, so every notice has the same keys.
    var exportJSON: JSONValue {
        func party(_ party: ArchivedParty) -> JSONValue {
            .sortedObject(["name": .string(party.name), "siren": .optional(party.siren)])
        }
        return .sortedObject([
            "id": .integer(id), "seq": .integer(seq), "case": .string(caseReference),
            "creditor": party(creditor), "debtor": party(debtor), "amount_claimed": .string(amountClaimed),
            "as_of": .optional(asOf?.iso),
            "formal_notice": .sortedObject([
                "file": .string(noticeFile), "sha256": .string(noticeSHA256), "text": .optional(text),
            ]),
            "manifest_sha256": .string(manifestSHA256), "sent": .string(sent.iso), "channel": .string(channel.rawValue),
            "tracking": .string(tracking), "received": .optional(received?.iso),
            "receipts": .array(
                receipts.map {
                    .sortedObject([
                        "id": .integer($0.id), "seq": .integer($0.seq), "received": .string($0.received.iso),
                        "outcome": .string($0.outcome.rawValue),
                        "previous_hash": .string($0.previousHash), "hash": .string($0.hash),
                    ])
                }),
            "sent_file": sentFileSHA256.map {
                .sortedObject(["name": .optional(sentFileName), "sha256": .string($0)])
            } ?? .null,
            "previous_hash": .string(previousHash), "hash": .string(hash),
        ])
    }
}
