/// The request to a commissaire de justice under the procédure simplifiée de recouvrement des
/// petites créances (CPCE L125-1, R125-1 ff.): he must be established in the ressort of the cour
/// d'appel of the debtor's domicile (R125-1).
public struct RequetePetitesCreancesView: Sendable {
    public var place: String
    public var date: String
    public var reference: String
    public var courDAppel: String?
    public var creditor: PartyView
    public var debtor: PartyView
    public var claim: ClaimView
    public var basis: String
    public var rates: String?
    public var exhibits: [ExhibitView]
    public var signatory: String
    /// amicable (issue 16): the steps taken before the request.
    public var amicable: AmicableStepsView?
    /// Invoices paid in full but late.
    public var lateInvoices: [LateInvoiceView]
    public var unpaidInvoices: [InvoiceView]
    /// The interest that keeps running after the date of the décompte.
    public var runningInterest: [String]
    public var feeLine: Bool
    public var firm: FirmView?
    public var signatureLine: String?
    public var interestFrom: String?

    init(_ facts: DossierFacts) {
        place = facts.place
        date = facts.date
        reference = facts.theCase.reference
        courDAppel = facts.route.courDAppel.map(CourtWords.common)
        creditor = facts.creditor
        debtor = facts.debtor
        claim = facts.claim
        basis = facts.basis
        rates = facts.rates
        exhibits = facts.exhibitViews
        signatory = facts.signatory
        amicable = AmicableStepsView.some(facts.input.amicableSteps)
        lateInvoices = facts.lateInvoices
        unpaidInvoices = facts.unpaidInvoices
        runningInterest = facts.runningInterest
        feeLine = facts.feeLine
        firm = facts.firmView
        signatureLine = facts.firmView?.signatureLine
        interestFrom = facts.interestFrom
    }
}
