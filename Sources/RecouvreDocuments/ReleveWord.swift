import RecouvreModel

/// The words of the relevé de compte and of the décompte of a title that are not sentences of the
/// template (the regime, the day basis, a settlement's label), worded in `forms/messages/documents.yaml`.
public enum ReleveWord: CatalogueReason, Hashable {
    public static let section = "documents"

    case regimeB2B
    case regimePublicProcurement
    case regimeCivil
    case regimeConsumer
    case regimeResidentialLease
    case regimeConsumerCredit
    case dayBasis365
    case dayBasisActual
    case settlementPayment
    case settlementCreditNote
    case imputedOnInvoice(amount: String, number: String)
    case accountsHeadingInvoices
    case clauseECBPlus(points: String)
    case clauseLegalTimes(multiple: String)
}
