import RecouvreModel

/// The prescription notices, worded in `forms/messages/prescription.yaml` (see `CatalogueReason`):
/// `what` is one of the `what…` reasons, `source` the article of `forms/rates/prescription.yaml`.
public enum PrescriptionReason: CatalogueReason, Hashable {
    public static let section = "prescription"

    case expired(what: String, since: String, source: String)
    case near(what: String, day: String, source: String, left: String)
    case whatJudgment(date: String)
    case whatForclusion(due: String)
    case whatInvoice(number: String)
}
