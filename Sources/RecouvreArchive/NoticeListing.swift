import RecouvreModel

/// One line of `archive list`: only the columns it prints, so that listing a large archive does not
/// decode hashes, creditors and file names it never shows (`NoticeRecord` carries those).
public struct NoticeListing: Sendable, Hashable {
    public var id: Int64
    public var sent: Day
    public var channel: NoticeChannel
    public var tracking: String
    public var caseReference: String
    /// Decimal text, as stored (`"1220.00"`).
    public var amountClaimed: String
    public var debtorName: String
    /// The latest receipt recorded, as in `NoticeRecord.received`.
    public var received: Day?
    /// How the latest receipt ended.
    public var outcome: ReceiptOutcome? = nil

    public func status(asOf: Day) -> NoticeStatus {
        NoticeStatus(sent: sent, received: received, outcome: outcome, asOf: asOf)
    }
}
