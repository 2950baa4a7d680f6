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
    /// Invoices still (partly) unpaid, and those paid in full but late (penalties and fee still due).
    public var unpaidInvoices: [InvoiceView]
    public var lateInvoices: [LateInvoiceView]
    /// The salutation: "Monsieur," / "Madame," to a named person when the case says so.
    public var salutationMonsieur: Bool
    public var salutationMadame: Bool
    public var salutationNeutral: Bool
    public var hasUnpaid: Bool
    public var hasLate: Bool
    /// The creditor's médiateur de la consommation, when a professional writes to a consumer.
    public var mediator: Mediator?
    public var firm: FirmView?
    /// `Pour Atelier Lumière, par …` when a mandataire signs.
    public var signatureLine: String?
    public var claim: ClaimView
    public var professional: Bool
    public var publicBuyer: Bool
    public var legalInterest: Bool
    public var rates: String?
    /// The flat fee per invoice, from the statement (`40 €`); nil when none is charged.
    public var flatFee: String?
    public var flatFeeClaimed: Bool
    /// `huit (8)`.
    public var timeLimit: String
    public var nextStep: String
    public var previousNotice: String?
    public var iban: String?
    public var signatory: String
    /// amicable (issue 16): the earlier reminders, promises and plans; nil when none is recorded.
    public var amicable: AmicableStepsView?
    /// A residential lease: rents and charges, not invoices (loi 89-462).
    public var lease: Bool

    init(_ facts: DossierFacts) {
        place = facts.place
        date = facts.date
        reference = facts.theCase.reference
        creditor = facts.creditor
        debtor = facts.debtor
        contractReference = facts.contractReference
        unpaidInvoices = facts.unpaidInvoices
        lateInvoices = facts.lateInvoices
        lease = facts.isLease
        let debtor = facts.theCase.debtor
        salutationMonsieur = debtor.kind == .individual && debtor.civility == .monsieur
        salutationMadame = debtor.kind == .individual && debtor.civility == .madame
        salutationNeutral = !salutationMonsieur && !salutationMadame
        hasUnpaid = !unpaidInvoices.isEmpty
        hasLate = !lateInvoices.isEmpty
        mediator = facts.mediator
        firm = facts.firmView
        signatureLine = facts.firmView?.signatureLine
        claim = facts.claim
        professional = facts.professional
        publicBuyer = facts.publicBuyer
        legalInterest = facts.legalInterest
        rates = facts.rates
        flatFee = facts.flatFee
        flatFeeClaimed = facts.flatFeeClaimed
        timeLimit = FrenchFormat.days(facts.formalNoticeDays, messages: facts.messages)
        nextStep = facts.nextStep
        previousNotice = facts.previousNotice
        iban = facts.theCase.creditor.iban
        signatory = facts.signatory
        amicable = AmicableStepsView.beforeNotice(facts.input.amicableSteps)
    }
}
