/// The bordereau de pièces: the numbered list of exhibits communicated with the requête (CPC 1407),
/// the dossier's own evidential documents included.
public struct BordereauView: Sendable {
    public var reference: String
    public var creditorName: String
    public var debtorName: String
    public var destination: String
    public var exhibits: [ExhibitView]
    public var place: String
    public var date: String
    /// amicable (issue 16): the steps taken before the court.
    public var amicable: AmicableStepsView

    init(_ facts: DossierFacts, destination: String) {
        reference = facts.theCase.reference
        creditorName = facts.theCase.creditor.name
        debtorName = facts.theCase.debtor.name
        self.destination = destination
        exhibits = facts.exhibitViews
        place = facts.place
        date = facts.date
        amicable = AmicableStepsView(facts.input.amicableSteps)
    }
}
