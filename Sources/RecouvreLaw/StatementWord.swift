import RecouvreModel

/// The words the statement engine puts inside its sentences (a creditor's category, a period, a
/// clause), worded in `forms/messages/statement.yaml` like the sentences themselves: a reason's
/// parameter may be one of these, and the catalogue words it first (`MessageCatalogue.text`).
public enum StatementWord: CatalogueReason, Hashable {
    public static let section = "statement"

    case categoryParticulier
    case categoryAutresCas
    case periodYear(year: String)
    case periodHalfYear(half: HalfYear)
    case clauseFixed(rate: String)
    case clauseECB(points: String)
    case clauseLegal(multiple: String)
    case floor(multiple: String, period: String, rate: String)
}
