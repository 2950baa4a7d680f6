import Foundation
import RecouvreJSON
import RecouvreModel

/// The archive's outputs: `list` and `show` as text, `export` as JSON or CSV. All deterministic:
/// the same archive gives the same bytes (records by ID, receipts by chain order, sorted keys).
public enum ArchiveFormatter {
    /// One line per notice, columns aligned, after a header; the debtor's name comes last, unpadded.
    /// Widths count Unicode scalars (names in precomposed form align), and the lines are written
    /// straight into one byte buffer: 100,000 notices list in well under a second.
    public static func list(_ records: [NoticeRecord], asOf: Day) -> String {
        let header = ["ID", "SENT", "CHANNEL", "TRACKING", "CASE", "AMOUNT", "RECEIVED", "STATUS", "DEBTOR"]
        func cells(_ record: NoticeRecord) -> [String] {
            [String(record.id), record.sent.iso, record.channel.rawValue, record.tracking, record.caseReference,
             record.amountClaimed, record.received?.iso ?? "-", record.status(asOf: asOf).rawValue, record.debtor.name]
        }
        var widths = header.map(\.unicodeScalars.count)
        for record in records {
            let lengths = [
                String(record.id).utf8.count, 10, record.channel.rawValue.utf8.count, record.tracking.unicodeScalars.count,
                record.caseReference.unicodeScalars.count, record.amountClaimed.unicodeScalars.count,
                record.received == nil ? 1 : 10, record.status(asOf: asOf).rawValue.utf8.count,
            ]
            for index in lengths.indices where lengths[index] > widths[index] { widths[index] = lengths[index] }
        }
        var out = [UInt8]()
        out.reserveCapacity((records.count + 1) * (widths.dropLast().reduce(0, +) + 2 * widths.count + 32))
        func write(_ row: [String]) {
            for (index, cell) in row.enumerated() {
                out.append(contentsOf: cell.utf8)
                if index < row.count - 1 {
                    out.append(contentsOf: repeatElement(UInt8(ascii: " "),
                                                         count: widths[index] - cell.unicodeScalars.count + 2))
                }
            }
            out.append(UInt8(ascii: "\n"))
        }
        write(header)
        for record in records { write(cells(record)) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Every field of one notice and its receipts.
    public static func show(_ record: NoticeRecord, asOf: Day) -> String {
        func party(_ party: ArchivedParty) -> String {
            party.siren.map { "\(party.name) (SIREN \($0))" } ?? party.name
        }
        var lines = [
            "notice #\(record.id) (entry \(record.seq) of the chain)",
            "case:            \(record.caseReference)",
            "creditor:        \(party(record.creditor))",
            "debtor:          \(party(record.debtor))",
            "amount claimed:  \(record.amountClaimed) EUR" + (record.asOf.map { " as of \($0.iso)" } ?? ""),
            "sent:            \(record.sent.iso) by \(record.channel.rawValue), tracking \(record.tracking)",
        ]
        if record.receipts.isEmpty {
            lines.append("received:        no receipt recorded")
        } else {
            for (index, receipt) in record.receipts.enumerated() {
                let superseded = index < record.receipts.count - 1 ? " (superseded by a later receipt)" : ""
                lines.append("received:        \(receipt.received.iso) (receipt #\(receipt.id), entry \(receipt.seq))"
                    + superseded)
            }
        }
        lines += [
            "status:          \(record.status(asOf: asOf).rawValue) as of \(asOf.iso)",
            "formal notice:   \(record.noticeFile), SHA-256 \(record.noticeSHA256)",
            "manifest:        SHA-256 \(record.manifestSHA256)",
            "entry hash:      \(record.hash)",
            "previous hash:   \(record.previousHash)",
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
        "id", "seq", "case", "creditor_name", "creditor_siren", "debtor_name", "debtor_siren", "amount_claimed", "as_of",
        "sent", "channel", "tracking", "received", "receipts", "formal_notice_file", "formal_notice_sha256",
        "manifest_sha256", "previous_hash", "hash",
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
        return "\(path): chain intact, \(result.entries) \(result.entries == 1 ? "entry" : "entries") (\(plural(result.notices, "notice")), \(plural(result.receipts, "receipt"))); "
            + "head \(result.head)"
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
            "formal_notice": .sortedObject(["file": .string(noticeFile), "sha256": .string(noticeSHA256), "text": .optional(text)]),
            "manifest_sha256": .string(manifestSHA256), "sent": .string(sent.iso), "channel": .string(channel.rawValue),
            "tracking": .string(tracking), "received": .optional(received?.iso),
            "receipts": .array(receipts.map {
                .sortedObject(["id": .integer($0.id), "seq": .integer($0.seq), "received": .string($0.received.iso),
                         "previous_hash": .string($0.previousHash), "hash": .string($0.hash)])
            }),
            "previous_hash": .string(previousHash), "hash": .string(hash),
        ])
    }
}
