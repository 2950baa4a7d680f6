import RecouvreModel

/// The words of the aged balance as text (`recouvre aged`), worded in `forms/messages/aged.yaml`. The
/// CSV and JSON outputs use machine keys, not these words.
public enum AgedReason: CatalogueReason, Hashable {
    public static let section = "aged"

    /// `Balance âgée au 20/11/2026 — 3 débiteurs`.
    case title(date: String, count: Int)
    case titleSingular(date: String, count: Int)
    case debtorHeader, totalHeader, averageHeader, nextStepHeader
    /// The buckets' column headers, in `AgedBalance.Bucket` order.
    case notDue, upTo30, upTo60, upTo90, over90
    case totalRow, shareRow
    /// The unit after an average number of days (`40,0 j`).
    case dayUnit
    case averageNote
    case formalNoticeList, courtList
    /// The next step of a row (its last column).
    case formalNotice, court
}

/// The aged balance's words, worded once per table (not once per row).
struct AgedWords: Sendable {
    let headers: [String]
    let totalRow: String
    let shareRow: String
    let dayUnit: String
    let formalNotice: String
    let court: String

    init(_ messages: MessageCatalogue) {
        let buckets: [AgedReason] = [.notDue, .upTo30, .upTo60, .upTo90, .over90]
        headers =
            [messages.text(AgedReason.debtorHeader)] + buckets.map { messages.text($0) }
            + [
                messages.text(AgedReason.totalHeader), messages.text(AgedReason.averageHeader),
                messages.text(AgedReason.nextStepHeader),
            ]
        totalRow = messages.text(AgedReason.totalRow)
        shareRow = messages.text(AgedReason.shareRow)
        dayUnit = messages.text(AgedReason.dayUnit)
        formalNotice = messages.text(AgedReason.formalNotice)
        court = messages.text(AgedReason.court)
    }
}
