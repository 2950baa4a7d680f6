import RecouvreModel

/// Every note and sentence the amicable stage words itself (the ladder's notes, the reminder writer's
/// notes, the rates a letter states, the planned instalments of a plan's projection), worded in
/// `forms/messages/amicable.yaml`: the case name is the key, the labelled values fill its placeholders
/// (a `Day` is written out with the catalogue's calendar, `1er janvier 2026`). See `CatalogueReason`.
public enum AmicableReason: CatalogueReason, Hashable {
    public static let section = "amicable"

    // The ladder's notes (LadderEngine.decide, domain.md §6).
    /// Nothing unpaid on the as-of day.
    case nothingUnpaid(date: Day)
    /// C. com. L622-21, L622-24: no reminder under collective proceedings; the claim is declared.
    case collectiveProceedingsOpened(date: Day)
    case collectiveProceedings
    /// The formal notice's time runs from its receipt (C. civ. 1344): the receipt is to be recorded.
    case noticeWithoutReceipt(date: Day, days: Int)
    /// A recorded reminder names a step the ladder does not have.
    case unknownStep(date: Day, step: String, ladder: String)
    case planHonoured(date: Day)
    case planBroken(date: Day, missed: Day, amount: String, graceDays: Int)
    case promiseRunning(date: Day, until: Day)
    case promiseBroken(date: Day, until: Day)

    // The reminder writer's notes: an e-mail step sent as a letter.
    case noDebtorEmail(step: String)
    case noCreditorEmail(step: String)

    // The penalties' rates a letter states (`{{penalties.rates}}` of the templates).
    case singleRate(rate: String)
    /// `rates`: the earlier rates, joined by `rateSeparator`.
    case successiveRates(rates: String, last: String)
    case rateSeparator

    /// The reference of a planned instalment in the plan's projection (a payment the statement engine
    /// counts at the end of the plan; never written in the user's case).
    case plannedInstalment(number: Int, count: Int)
}

extension MessageCatalogue {
    /// The notes in words, in order.
    public func texts(_ reasons: [AmicableReason]) -> [String] { reasons.map { text($0) } }
}
