import Foundation
import RecouvreBundleIO
import RecouvreModel

/// A formal notice as archived, with its receipts in the order they were recorded.
public struct NoticeRecord: Sendable, Hashable {
    public var id: Int64
    /// Position in the hash chain.
    public var seq: Int64
    public var caseReference: String
    public var creditor: ArchivedParty
    public var debtor: ArchivedParty
    /// Decimal text, as stored (`"1220.00"`).
    public var amountClaimed: String
    public var asOf: Day?
    public var noticeFile: String
    public var noticeSHA256: String
    public var manifestSHA256: String
    public var sent: Day
    public var channel: NoticeChannel
    public var tracking: String
    public var previousHash: String
    public var hash: String
    public var receipts: [ReceiptRecord]
    /// The text of the mise en demeure (loaded by `notice(id:)` and `export()`, not by `list`).
    public var text: String?
    /// The file actually sent (`archive add --file`), its name and SHA-256; its bytes through
    /// `ArchiveStore.sentFile(noticeID:)`.
    public var sentFileName: String? = nil
    public var sentFileSHA256: String? = nil

    /// The date on the avis de réception: the latest receipt recorded (a later receipt corrects an
    /// earlier one without erasing it); for a pli avisé non réclamé, the day it was presented.
    public var received: Day? { receipts.last?.received }

    /// How the latest receipt ended.
    public var outcome: ReceiptOutcome? { receipts.last?.outcome }

    public func status(asOf: Day) -> NoticeStatus {
        NoticeStatus(sent: sent, received: received, outcome: outcome, asOf: asOf)
    }
}

/// How a registered letter ended.
public enum ReceiptOutcome: String, Sendable, Hashable, CaseIterable {
    /// Handed over: the avis de réception bears the day.
    case delivered
    /// Pli avisé non réclamé: presented, an avis de passage left, not collected at the post office.
    /// The Cour de cassation holds a mise en demeure (C. civ. 1344) sent by registered letter
    /// effective although the addressee did not collect it: it counts as delivered on the day of
    /// presentation (issue 17; shared domain notes give no decision number, so none is cited here).
    /// Conservative reading: recorded only with the presentation date the post office stamped
    /// (`archive receipt ID --presented DATE --not-collected`), never inferred from silence.
    case notCollected = "not_collected"
}

/// The file actually sent for a notice (issue 15: the signed scan, or the PDF recouvre built), as
/// the archive keeps it; the court stage produces it as the notice's exhibit.
public struct SentNoticeFile: Sendable, Hashable {
    /// The file's name when archived (`mise-en-demeure-signee.pdf`).
    public var name: String
    public var data: Data
    public var sha256: String

    public init(name: String, data: Data) {
        self.name = name
        self.data = data
        self.sha256 = SHA256Hex.of(data)
    }

    /// Reads a regular file (no link, no FIFO, at most `BundleLimits.fileBytes`).
    public static func read(path: String) throws -> SentNoticeFile {
        do {
            let data = try FileSystem.readRegularFile(path, limit: BundleLimits.fileBytes)
            guard !data.isEmpty else { throw ArchiveError("--file \(path) : le fichier est vide") }
            return SentNoticeFile(name: URL(fileURLWithPath: path).lastPathComponent, data: data)
        } catch let error as FileSystemError {
            throw ArchiveError("--file \(path) : \(error.reason)")
        }
    }
}

/// An avis de réception recorded for a notice: an event of the chain, never an overwrite.
public struct ReceiptRecord: Sendable, Hashable {
    public var id: Int64
    public var seq: Int64
    public var noticeID: Int64
    public var received: Day
    public var previousHash: String
    public var hash: String
    public var outcome: ReceiptOutcome = .delivered
}

/// Where a notice stands as of a day.
public enum NoticeStatus: String, Sendable, Hashable, CaseIterable {
    /// Sent; no receipt recorded yet.
    case sent
    /// A receipt is recorded.
    case received
    /// Sent at least `NoticeStatus.receiptWait` days ago and still no receipt recorded.
    case noReceipt = "no-receipt"
    /// Pli avisé non réclamé: presented and not collected, counted as delivered on presentation.
    case notCollected = "not-collected"

    /// Days after sending without a receipt before a notice is flagged. 15 days is the period the
    /// post office keeps an unclaimed registered letter before returning it (avis de passage), so
    /// after it a missing receipt means the letter was not collected or the receipt was lost.
    public static let receiptWait = 15

    public init(sent: Day, received: Day?, outcome: ReceiptOutcome? = nil, asOf: Day) {
        if received != nil, outcome == .notCollected {
            self = .notCollected
        } else if received != nil {
            self = .received
        } else if asOf - sent >= Self.receiptWait {
            self = .noReceipt
        } else {
            self = .sent
        }
    }
}

/// The archive's answer to `latestFormalNotice(caseReference:)` (API contract with the statement
/// and build commands): the last notice sent for a case and its receipt date, if any.
public struct ArchivedNotice: Sendable, Hashable {
    public var id: Int64
    public var sent: Day
    public var received: Day?
    public var channel: NoticeChannel
    public var tracking: String
    /// How the receipt ended (`notCollected`: `received` is the day of presentation).
    public var outcome: ReceiptOutcome?
    /// The SHA-256 of the file actually sent, when archived with `--file` (bytes: `ArchiveStore.sentFile`).
    public var sentFileSHA256: String?

    public init(
        id: Int64, sent: Day, received: Day?, channel: NoticeChannel, tracking: String, outcome: ReceiptOutcome? = nil,
        sentFileSHA256: String? = nil
    ) {
        self.id = id
        self.sent = sent
        self.received = received
        self.channel = channel
        self.tracking = tracking
        self.outcome = outcome
        self.sentFileSHA256 = sentFileSHA256
    }
}

/// A request to archive a notice: the bundle and how it was sent.
public struct NoticeSubmission: Sendable, Hashable {
    public var bundle: NoticeBundle
    public var sent: Day
    public var channel: NoticeChannel
    public var tracking: String
    /// The file actually sent, kept with the notice.
    public var sentFile: SentNoticeFile?
    /// Today, to refuse a sending date in the future (nil: not checked).
    public var today: Day?

    public init(bundle: NoticeBundle, sent: Day, channel: NoticeChannel, tracking: String) {
        self.bundle = bundle
        self.sent = sent
        self.channel = channel
        self.tracking = tracking
    }
}

/// The filters of `archive list`; all optional and combined with AND.
public struct ArchiveFilter: Sendable, Hashable {
    /// Part of the debtor's name, case-insensitive.
    public var debtor: String?
    /// A SIREN of either party (the firm's archive holds several creditors).
    public var siren: String?
    /// Sent on or after.
    public var from: Day?
    /// Sent on or before.
    public var to: Day?
    public var status: NoticeStatus?
    /// The day `status` is judged on.
    public var asOf: Day

    public init(
        debtor: String? = nil, siren: String? = nil, from: Day? = nil, to: Day? = nil,
        status: NoticeStatus? = nil, asOf: Day
    ) {
        self.debtor = debtor
        self.siren = siren
        self.from = from
        self.to = to
        self.status = status
        self.asOf = asOf
    }
}
