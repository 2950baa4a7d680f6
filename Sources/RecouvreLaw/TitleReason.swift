import RecouvreModel

/// The warnings of the décompte of an enforceable title (a judgment or an order already given), worded
/// in `forms/messages/enforcement.yaml`.
public enum TitleReason: CatalogueReason, Hashable {
    public static let section = "enforcement"

    case titlePrincipalFromInvoices(date: String, amount: String)
    case titleNoInterest(date: String)
    case titleInterestFromJudgment(date: String)
    case titleNotServed(date: String)
    case titleIncreaseNotLegal(date: String)
    case titlePaymentBeyond(date: String, amount: String)
    case titleOrderLapsed(date: String, until: String)
    case titleOppositionRunning(served: String, until: String)
}
