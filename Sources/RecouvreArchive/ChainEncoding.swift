import Crypto

/// The canonical encoding that the archive's hash chain is computed over.
///
/// Every record (a notice) and every event (a receipt) is one *entry* of a single chain, numbered
/// `seq` = 1, 2, 3… in the order they were appended. An entry's hash is the lowercase hexadecimal
/// SHA-256 of these UTF-8 bytes:
///
/// ```
/// recouvre.archive.entry/1\n
/// seq=<decimal>\n
/// kind=notice|receipt\n
/// id=<decimal>\n                      the notice's or the receipt's own ID
/// previous=<64 hex digits>\n          the hash of entry seq − 1 (64 zeros for entry 1)
/// then each field in the fixed order below, as  <name>=<byte length>:<value>\n
/// or, for an absent value,                      <name>=-\n
/// ```
///
/// Notice fields: `case`, `creditor_name`, `creditor_siren`, `debtor_name`, `debtor_siren`,
/// `amount_claimed` (decimal text `1234.56`), `as_of`, `notice_file`, `notice_sha256` (which binds
/// the stored text of the mise en demeure), `manifest_sha256`, `sent`, `channel`, `tracking`.
/// Receipt fields: `notice_id`, `received`. Dates are `YYYY-MM-DD`.
///
/// The byte-length prefix makes the encoding unambiguous (no value can forge a field boundary),
/// and the sequence number and the previous hash in every entry make any edit, deletion or
/// reordering of an earlier entry change every later link. What it cannot prove on its own is that
/// the newest entries were not removed together: `verify` prints the head hash to keep elsewhere.
///
/// From archive schema 2 the chain is keyed: an entry at or after `keyed_from` starts with
/// `recouvre.archive.entry/2`, carries the notice's `sent_file_name` and `sent_file_sha256` (the
/// file actually sent) or the receipt's `outcome` (`delivered`, `not_collected`) after the fields
/// above, and its hash is the HMAC-SHA-256 of those bytes with the archive's secret (kept outside
/// the database): whoever holds only the file cannot recompute the hashes after a rewrite.
/// Entries before `keyed_from` (an archive of schema 1, migrated) keep their SHA-256, sealed by an
/// HMAC of their head (`archive_key.seal`).
///
/// From schema 3 the chain also holds the amicable reminders sent (`kind=reminder`, always keyed,
/// `recouvre.archive.entry/2`): `case`, `creditor_name`, `creditor_siren`, `debtor_name`,
/// `debtor_siren`, `amount_due` (the principal outstanding, decimal text), `sent`, `step` (the
/// ladder step id), `channel` (`email`, `letter`, `registered_letter`), `profile`, `file_name`,
/// `file_sha256` (which binds the stored letter or e-mail).
struct ChainEntry: Sendable, Equatable {
    enum Kind: String, Sendable {
        case notice, receipt, reminder
    }

    static let format = "recouvre.archive.entry/1"
    static let keyedFormat = "recouvre.archive.entry/2"
    static let genesis = String(repeating: "0", count: 64)

    /// Keyed (schema 2) or plain SHA-256 (schema 1).
    var keyed = false
    var seq: Int64
    var kind: Kind
    var id: Int64
    var previousHash: String
    var fields: [(name: String, value: String?)]

    static func == (lhs: ChainEntry, rhs: ChainEntry) -> Bool {
        lhs.canonicalBytes() == rhs.canonicalBytes()
    }

    func canonicalBytes() -> [UInt8] {
        var out =
            "\(keyed ? Self.keyedFormat : Self.format)\nseq=\(seq)\nkind=\(kind.rawValue)\nid=\(id)\nprevious=\(previousHash)\n"
        for field in fields {
            if let value = field.value {
                out += "\(field.name)=\(value.utf8.count):\(value)\n"
            } else {
                out += "\(field.name)=-\n"
            }
        }
        return Array(out.utf8)
    }

    /// SHA-256 of an unkeyed entry.
    var hash: String { SHA256Hex.of(canonicalBytes()) }

    /// The entry's hash: an HMAC with `secret` when keyed.
    func hash(_ secret: ArchiveSecret?) -> String {
        guard keyed, let secret else { return hash }
        return secret.mac(canonicalBytes())
    }

    static func notice(
        seq: Int64, id: Int64, previousHash: String, bundle: NoticeBundleFields, keyed: Bool = false
    )
        -> ChainEntry
    {
        var entry = ChainEntry(
            seq: seq, kind: .notice, id: id, previousHash: previousHash,
            fields: [
                ("case", bundle.caseReference),
                ("creditor_name", bundle.creditorName),
                ("creditor_siren", bundle.creditorSiren),
                ("debtor_name", bundle.debtorName),
                ("debtor_siren", bundle.debtorSiren),
                ("amount_claimed", bundle.amountClaimed),
                ("as_of", bundle.asOf),
                ("notice_file", bundle.noticeFile),
                ("notice_sha256", bundle.noticeSHA256),
                ("manifest_sha256", bundle.manifestSHA256),
                ("sent", bundle.sent),
                ("channel", bundle.channel),
                ("tracking", bundle.tracking),
            ])
        if keyed {
            entry.keyed = true
            entry.fields += [("sent_file_name", bundle.sentFileName), ("sent_file_sha256", bundle.sentFileSHA256)]
        }
        return entry
    }

    static func receipt(
        seq: Int64, id: Int64, previousHash: String, noticeID: Int64, received: String, outcome: String = "delivered",
        keyed: Bool = false
    ) -> ChainEntry {
        var entry = ChainEntry(
            seq: seq, kind: .receipt, id: id, previousHash: previousHash,
            fields: [
                ("notice_id", String(noticeID)),
                ("received", received),
            ])
        if keyed {
            entry.keyed = true
            entry.fields.append(("outcome", outcome))
        }
        return entry
    }
}

extension ChainEntry {
    /// A reminder's entry (schema 3): always keyed.
    static func reminder(seq: Int64, id: Int64, previousHash: String, fields: ReminderFields) -> ChainEntry {
        ChainEntry(
            keyed: true, seq: seq, kind: .reminder, id: id, previousHash: previousHash,
            fields: [
                ("case", fields.caseReference),
                ("creditor_name", fields.creditorName),
                ("creditor_siren", fields.creditorSiren),
                ("debtor_name", fields.debtorName),
                ("debtor_siren", fields.debtorSiren),
                ("amount_due", fields.amountDue),
                ("sent", fields.sent),
                ("step", fields.step),
                ("channel", fields.channel),
                ("profile", fields.profile),
                ("file_name", fields.fileName),
                ("file_sha256", fields.fileSHA256),
            ])
    }
}

/// A notice's columns exactly as stored (text), the input of its chain entry.
struct NoticeBundleFields: Sendable, Equatable {
    var caseReference: String
    var creditorName: String
    var creditorSiren: String?
    var debtorName: String
    var debtorSiren: String?
    var amountClaimed: String
    var asOf: String?
    var noticeFile: String
    var noticeSHA256: String
    var manifestSHA256: String
    var sent: String
    var channel: String
    var tracking: String
    var sentFileName: String? = nil
    var sentFileSHA256: String? = nil
}
