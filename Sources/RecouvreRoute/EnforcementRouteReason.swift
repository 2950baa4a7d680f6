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
    // A title in the other situations (Router+TitleElsewhere.swift).
    case titleEuropean(country: String)
    case titleEuropeanDenmark
    case askCertificateEuropean(kind: String, court: String)
    case enforceInMemberState(kind: String, country: String)
    case titleExequatur(country: String)
    case titleLugano(country: String)
    case askCertificateLugano(kind: String, court: String)
    case exequaturAdvice(country: String)
    case titleAbroadDossier
    case titlePublicBody
    case titleMandatement
    case titleMandatementFrom(served: String, from: String)
    case notifyPublicBody(kind: String, date: String)
    case askMandatement(from: String, department: String)
    case titleForceOfResJudicata(kind: String)
    case titleCollective
    case titleDeclared(kind: String)
    case titleDeclaredAmount(kind: String)
    case titleDeclaredTotal(date: String, title: String, rest: String, total: String)
    case labelUncovered(invoices: String, amount: String)
    case labelUncoveredRoute(procedure: String, court: String)
}
