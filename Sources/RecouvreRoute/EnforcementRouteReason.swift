import RecouvreModel

/// What the router says when the case records a title (a judgment or an order), worded in
/// `forms/messages/enforcement.yaml`.
public enum EnforcementRouteReason: CatalogueReason, Hashable {
    public static let section = "enforcement"

    case procedureEnforcement
    case kindJudgment
    case kindOrder
    case titleExists(kind: String, date: String, court: String, invoices: String)
    case titleNoRequete
    case titleEnforcement
    case titleAmount(date: String, amount: String)
    case titleOfficer(commune: String)
    case titleOfficerName
    case titleServed(date: String)
    case titleIncrease(served: String, from: String)
    case titleNoIncreaseNotServed
    case serveTitleFirst(kind: String, date: String)
    case titleFileMissing(kind: String)
    case uncoveredInvoices(invoices: String, amount: String, procedure: String, option: String)
}
