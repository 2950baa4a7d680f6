import RecouvreModel
import RecouvreRoute

/// The requête en relevé de forclusion to the juge-commissaire (C. com. L622-26, R622-25): the
/// declaration time of R622-24 has run; within six months of the BODACC publication the creditor asks
/// to be relieved, showing that its failure is not its own or is due to the debtor's omission from
/// the list of creditors (L622-6). The grounds are the creditor's to state: the template leaves them
/// to complete.
public struct ReleveDeForclusionView: Sendable {
    public var place: String
    public var date: String
    public var reference: String
    public var creditor: PartyView
    public var debtor: PartyView
    public var openingJudgment: String?
    /// `redressement judiciaire`-style flags, the court, the BODACC date, the mandataire (the case's map).
    public var sauvegarde: Bool
    public var redressement: Bool
    public var liquidation: Bool
    public var court: String?
    public var bodacc: String?
    public var mandataireName: String?
    public var mandataireAddressLines: [String]
    /// The declaration deadline that passed (R622-24) and the last day of the relief action (L622-26).
    public var lateSince: String
    public var reliefUntil: String
    public var claim: ClaimView
    public var exhibits: [ExhibitView]
    public var signatory: String

    init(_ facts: DossierFacts) {
        let dates = facts.dates
        place = facts.place
        date = facts.date
        reference = facts.theCase.reference
        creditor = facts.creditor
        debtor = facts.debtor
        if case .opened(let day) = facts.theCase.contract.collectiveProceedings {
            openingJudgment = dates.long(day)
        } else {
            openingJudgment = nil
        }
        let proceedings = ProceedingsView(
            facts.theCase.contract.proceedingsDetails, deadline: facts.route.declarationDeadline, dates: dates,
            messages: facts.messages)
        sauvegarde = proceedings.sauvegarde
        redressement = proceedings.redressement
        liquidation = proceedings.liquidation
        court = proceedings.court
        bodacc = proceedings.bodacc
        mandataireName = proceedings.mandataireName
        mandataireAddressLines = proceedings.mandataireAddressLines
        lateSince = proceedings.lateSince ?? "______________________"
        reliefUntil = proceedings.reliefUntil ?? "______________________"
        claim = facts.claim
        exhibits = facts.exhibitViews
        signatory = facts.signatory
    }
}
