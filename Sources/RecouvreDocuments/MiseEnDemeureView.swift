import RecouvreModel

/// The mise en demeure (C. civ. 1344): parties, invoices and amounts, a time to pay, the penalties
/// or interest and their basis, the next step, date and signature; sent by registered letter.
public struct MiseEnDemeureView: Sendable {
    public var place: String
    public var date: String
    public var reference: String
    public var creditor: PartyView
    public var debtor: PartyView
    public var contractReference: String?
    public var invoices: [InvoiceView]
    /// Invoices still (partly) unpaid, and those paid in full but late (penalties and fee still due).
    public var unpaidInvoices: [InvoiceView]
    public var lateInvoices: [InvoiceView]
    public var hasUnpaid: Bool { !unpaidInvoices.isEmpty }
    public var hasLate: Bool { !lateInvoices.isEmpty }
    /// The creditor's médiateur de la consommation, when a professional writes to a consumer.
    public var mediator: Mediator?
    public var mediatorMissing: Bool
    public var firm: FirmView?
    /// `Pour Atelier Lumière, par …` when a mandataire signs.
    public var signatureLine: String?
    public var claim: ClaimView
    public var professional: Bool
    public var publicBuyer: Bool
    public var legalInterest: Bool
    public var rates: String?
    public var flatFeeClaimed: Bool
    /// `huit (8)`.
    public var timeLimit: String
    public var nextStep: String
    public var previousNotice: String?
    public var iban: String?
    public var signatory: String

    init(_ facts: DossierFacts) {
        place = facts.place
        date = facts.date
        reference = facts.theCase.reference
        creditor = facts.creditor
        debtor = facts.debtor
        contractReference = facts.contractReference
        invoices = facts.invoices
        unpaidInvoices = facts.unpaidInvoices
        lateInvoices = facts.lateInvoices
        mediator = facts.mediator
        mediatorMissing = facts.statement.regime == .consumer && facts.theCase.creditor.actsProfessionally
            && facts.theCase.creditor.mediator == nil
        firm = facts.firmView
        signatureLine = facts.firmView?.signatureLine
        claim = facts.claim
        professional = facts.professional
        publicBuyer = facts.publicBuyer
        legalInterest = facts.legalInterest
        rates = facts.rates
        flatFeeClaimed = facts.flatFeeClaimed
        timeLimit = FrenchFormat.days(facts.formalNoticeDays)
        nextStep = facts.nextStep
        previousNotice = facts.previousNotice
        iban = facts.theCase.creditor.iban
        signatory = facts.signatory
    }
}
