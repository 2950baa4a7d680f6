import RecouvreModel

/// The labels and sentences of the relevé de compte `recouvre statement` prints, worded in
/// `forms/messages/releve.yaml` (the rate sources, convention and warnings inside it are the statement
/// engine's, `StatementReason`).
public enum ReleveText: CatalogueReason, Hashable {
    public static let section = "releve"

    case heading(reference: String)
    case asOfLine(date: String, regime: String, basis: String)
    case regimeB2B
    case regimePublicProcurement
    case regimeCivil
    case regimeConsumer
    case regimeResidentialLease
    case regimeConsumerCredit
    case basis365
    case basisActual
    case invoiceLine(number: String, issued: String, due: String, amount: String)
    case leaseLine(kind: String, number: String, issued: String, due: String, amount: String)
    case kindRent
    case kindCharges
    case kindRentAndCharges
    case settled(paid: String, credited: String, outstanding: String)
    case settledWithInterest(paid: String, interest: String, credited: String, outstanding: String)
    case noPeriods
    case columnFrom
    case columnTo
    case columnDays
    case columnBase
    case columnRate
    case columnAmount
    case columnSource
    case invoiceTotals(penalties: String, flatFee: String)
    case paymentsHeading
    case paymentsNone
    case kindPayment
    case kindCreditNote
    case kindDeposit
    case paymentLine(what: String, amount: String)
    case imputed(invoice: String, amount: String)
    case imputedWithInterest(invoice: String, amount: String, interest: String)
    case unallocated(amount: String)
    case totalsHeading(date: String)
    case totalPrincipal
    case totalPenalties
    case totalFlatFees
    case totalExtraCosts
    case totalDue
    case convention(text: String)
    case rateTables(list: String)
    case rateTable(file: String, checked: String)
    case warningsHeading
}
