/// The cover letter to the commissaire de justice who will serve the order: what to serve and the
/// calendar of CPC 1411 (serve within six months), 1416 (one month to oppose) and 1422 (the order
/// bears the executory formula since décret 2021-1322).
public struct LettreAuCommissaireView: Sendable {
    public var place: String
    public var date: String
    public var reference: String
    public var creditor: PartyView
    public var debtor: PartyView
    /// `au tribunal de commerce de Dijon`.
    public var atCourt: String?
    public var firm: FirmView?
    public var signatureLine: String?
    /// The interest that keeps running, as claimed in the requête.
    public var runningInterest: [String]
    public var exhibitCount: String
    public var claim: ClaimView
    /// The latest day to serve an order dated the day of filing, as a worked example.
    public var serveBy: String
    public var signatory: String

    init(_ facts: DossierFacts) {
        let dates = facts.dates
        place = facts.place
        date = facts.date
        reference = facts.theCase.reference
        creditor = facts.creditor
        debtor = facts.debtor
        atCourt = facts.route.court.map { CourtWords.dative($0.name, facts.messages) }
        firm = facts.firmView
        signatureLine = facts.firmView?.signatureLine
        runningInterest = facts.runningInterest
        exhibitCount = String(facts.exhibits.count)
        claim = facts.claim
        serveBy = dates.long(facts.statement.asOf.adding(months: 6))
        signatory = facts.signatory
    }
}
