import RecouvreModel

/// Where a déclaration de créance stands against its deadlines (C. com. R622-24, L622-26), decided
/// once by the router and read by the documents: a late declaration never says it is on time.
public enum DeclarationDeadline: Sendable, Hashable {
    /// The case gives no BODACC publication date: the deadline cannot be checked.
    case unknown
    /// Within the months of R622-24 from the BODACC publication (the last day included, CPC 641).
    case inTime(until: Day)
    /// The declaration time has run; relief (relevé de forclusion) can still be asked of the
    /// juge-commissaire until `reliefUntil` (L622-26: six months from the publication).
    case late(deadline: Day, reliefUntil: Day)
    /// Past the six months of L622-26 as well: relief is no longer possible.
    case foreclosed(deadline: Day, reliefUntil: Day)

    /// C. com. R622-24 (two months, four for a creditor outside metropolitan France, from the BODACC
    /// publication of the opening judgment) and L622-26 (the action for relief within six months of the
    /// publication). A time in months ends on the day of the last month bearing the same number (CPC 641).
    public static func status(bodacc: Day?, asOf: Day, months: Int, reliefMonths: Int) -> DeclarationDeadline {
        guard let bodacc else { return .unknown }
        let deadline = bodacc.adding(months: months)
        let relief = bodacc.adding(months: reliefMonths)
        if asOf <= deadline { return .inTime(until: deadline) }
        if asOf <= relief { return .late(deadline: deadline, reliefUntil: relief) }
        return .foreclosed(deadline: deadline, reliefUntil: relief)
    }

    /// Whether the declaration time has run (the letter must not say it is on time).
    public var isLate: Bool {
        switch self {
        case .late, .foreclosed: return true
        case .unknown, .inTime: return false
        }
    }
}
