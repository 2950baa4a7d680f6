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
    public var invoices: [InvoiceView]
    public var claim: ClaimView
    public var basis: String
    public var rates: String?
    public var exhibits: [ExhibitView]
    public var signatory: String

    init(_ facts: DossierFacts) {
        place = facts.place
        date = facts.date
        reference = facts.theCase.reference
        courDAppel = facts.route.courDAppel
        creditor = facts.creditor
        debtor = facts.debtor
        invoices = facts.invoices
        claim = facts.claim
        basis = facts.basis
        rates = facts.rates
        exhibits = facts.exhibitViews
        signatory = facts.signatory
    }
}
