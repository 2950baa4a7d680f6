import RecouvreModel

/// The sentences the documents of a title's enforcement and of a public body's référé-provision build
/// outside their templates, worded in `forms/messages/situations.yaml`.
public enum SituationDocumentReason: CatalogueReason, Hashable {
    public static let section = "situations"

    case destinationEnforcement
    /// A title abroad or against a public person: the bordereau goes with the décompte.
    case destinationTitle
    /// The décompte's closing line, by the title's path.
    case decompteCostsEnforcement
    case decompteCostsAbroad
    case decompteCostsPublicBody
    case decompteCostsCollective
    case declaredTitleRate(rate: String, from: String, to: String)
    case declaredTitleNoInterest
    case addresseeRefere(court: String)
    case destinationRefereProvision(court: String)
    case kindJudgment
    case kindOrder
    case titleLabel(kind: String, date: String, court: String)
    case titleLabelNoCourt(kind: String, date: String)
    case exhibitTitle(title: String)
    case exhibitService(date: String)
    case titleToProduce(kind: String, index: String)
    case serviceToProduce(index: String)
    case rateLegal
    case rateLegalIncreased
    case rateClause(rate: String)
    case increaseFrom(served: String, from: String)
    case increaseNotServed
    case increaseNotLegal
    case exhibitClaim(date: String)
    case exhibitClaimReceipt(date: String)
    case exhibitRejection(date: String)
    case claimFilesMissing(index: String)
    case claimWaiting(received: String, rejected: String, from: String)
    case claimNotReceived
    case rejectionImplicit(received: String, rejected: String)
    case rejectionExpress(date: String)
    case recourseUntil(until: String)
    case recourseNotRunningExpress
    case recourseNotRunningImplicit
}
