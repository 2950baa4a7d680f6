import RecouvreRoute

/// The content of form A of the European order for payment (Reg. (CE) 1896/2006, art. 7) or of the
/// European small claims procedure (Reg. (CE) 861/2007), section by section, in French.
public struct FormulaireEuropeenView: Sendable {
    public var formCode: String
    public var formTitle: String
    /// The European small claims procedure rather than the order for payment.
    public var smallClaims: Bool
    public var courtName: String?
    public var courtAddress: [String]
    public var creditor: PartyView
    public var debtor: PartyView
    public var creditorCountry: String
    public var debtorCountry: String
    public var iban: String?
    public var invoices: [InvoiceView]
    public var claim: ClaimView
    public var rates: String?
    public var interestFrom: String?
    public var exhibits: [ExhibitView]
    public var place: String
    public var date: String
    public var signatory: String
    /// amicable (issue 16): the steps taken before the request.
    public var amicable: AmicableStepsView?
    /// The interest that keeps running after the date of the figures (Reg. 1896/2006 art. 7(2)(c)).
    public var runningInterest: [String]
    public var signatureLine: String?

    init(_ facts: DossierFacts) {
        smallClaims = facts.route.procedure == .europeanSmallClaims
        formCode = facts.route.form?.cerfa ?? (smallClaims ? "ESCP-A" : "EPO-A")
        formTitle =
            facts.route.form?.title
            ?? (smallClaims
                ? "Formulaire A, formulaire de demande (règlement (CE) n° 861/2007)"
                : "Formulaire A, demande d'injonction de payer européenne (règlement (CE) n° 1896/2006)")
        courtName = facts.courtName
        courtAddress = facts.route.court?.address.map(PartyView.lines(of:)) ?? []
        creditor = facts.creditor
        debtor = facts.debtor
        creditorCountry = CountryNames.french(facts.theCase.creditor.address.country)
        debtorCountry = CountryNames.french(facts.theCase.debtor.address.country)
        iban = facts.theCase.creditor.iban
        invoices = facts.invoices
        claim = facts.claim
        rates = facts.rates
        interestFrom = facts.interestFrom
        exhibits = facts.exhibitViews
        place = facts.place
        date = facts.date
        signatory = facts.signatory
        amicable = AmicableStepsView.some(facts.input.amicableSteps)
        runningInterest = facts.runningInterest
        signatureLine = facts.firmView?.signatureLine
    }
}
