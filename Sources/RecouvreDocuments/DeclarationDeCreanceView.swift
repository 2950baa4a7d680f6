import RecouvreModel

/// The déclaration de créance to the mandataire judiciaire (C. com. L622-24, L622-25, R622-23):
/// the amount due at the opening judgment, how interest was computed, the exhibits; within two
/// months of the judgment's publication at the BODACC (R622-24).
public struct DeclarationDeCreanceView: Sendable {
    public var place: String
    public var date: String
    public var reference: String
    public var creditor: PartyView
    public var debtor: PartyView
    /// `30 juin 2025`, or nil when the case only says proceedings are open.
    public var openingJudgment: String?
    public var invoices: [InvoiceView]
    public var claim: ClaimView
    public var rates: String?
    public var exhibits: [ExhibitView]
    public var signatory: String

    init(_ facts: DossierFacts) {
        place = facts.place
        date = facts.date
        reference = facts.theCase.reference
        creditor = facts.creditor
        debtor = facts.debtor
        if case .opened(let day) = facts.theCase.contract.collectiveProceedings {
            openingJudgment = FrenchFormat.date(day)
        } else {
            openingJudgment = nil
        }
        invoices = facts.invoices
        claim = facts.claim
        rates = facts.rates
        exhibits = facts.exhibitViews
        signatory = facts.signatory
    }
}
