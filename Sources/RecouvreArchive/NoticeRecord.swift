import Foundation
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

    /// The date on the avis de réception: the latest receipt recorded (a later receipt corrects an
    /// earlier one without erasing it).
    public var received: Day? { receipts.last?.received }

    public func status(asOf: Day) -> NoticeStatus {
        NoticeStatus(sent: sent, received: received, asOf: asOf)
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
}

/// Where a notice stands as of a day.
public enum NoticeStatus: String, Sendable, Hashable, CaseIterable {
    /// Sent; no receipt recorded yet.
    case sent
    /// A receipt is recorded.
    case received
    /// Sent at least `NoticeStatus.receiptWait` days ago and still no receipt recorded.
    case noReceipt = "no-receipt"

    /// Days after sending without a receipt before a notice is flagged. 15 days is the period the
    /// post office keeps an unclaimed registered letter before returning it (avis de passage), so
    /// after it a missing receipt means the letter was not collected or the receipt was lost.
    public static let receiptWait = 15

    public init(sent: Day, received: Day?, asOf: Day) {
        if received != nil {
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

    public init(id: Int64, sent: Day, received: Day?, channel: NoticeChannel, tracking: String) {
        self.id = id
        self.sent = sent
        self.received = received
        self.channel = channel
        self.tracking = tracking
    }
}

/// A request to archive a notice: the bundle and how it was sent.
public struct NoticeSubmission: Sendable, Hashable {
    public var bundle: NoticeBundle
    public var sent: Day
    public var channel: NoticeChannel
    public var tracking: String

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

    public init(debtor: String? = nil, siren: String? = nil, from: Day? = nil, to: Day? = nil,
                status: NoticeStatus? = nil, asOf: Day) {
        self.debtor = debtor
        self.siren = siren
        self.from = from
        self.to = to
        self.status = status
        self.asOf = asOf
    }
}
