/// The reasoned claim (mémoire en réclamation) to a public buyer: the contract, the invoices, the
/// moratorium interest (C. commande publique R2192-31) and the 40 € fee (D2192-35); without payment,
/// the tribunal administratif, référé-provision (CJA R541-1). No injonction de payer lies against a
/// public person.
public struct MemoireEnReclamationView: Sendable {
    public var place: String
    public var date: String
    public var reference: String
    public var creditor: PartyView
    public var debtor: PartyView
    public var contractReference: String?
    public var invoices: [InvoiceView]
    public var claim: ClaimView
    public var rates: String?
    /// The flat fee per invoice, from the statement (`40 €`); nil when none is charged.
    public var flatFee: String?
    public var interestFrom: String?
    public var courtName: String?
    public var iban: String?
    public var signatory: String
    /// pdf (issue 17): the mandataire's letterhead, its box (`mandataire`) and `Pour X, par …` above
    /// the signature, as on the other letters, when a firm profile is given.
    public var firm: FirmView?
    public var signatureLine: String?
    public var mandataire: [String]?

    init(_ facts: DossierFacts) {
        place = facts.place
        date = facts.date
        reference = facts.theCase.reference
        creditor = facts.creditor
        debtor = facts.debtor
        contractReference = facts.contractReference
        invoices = facts.invoices
        claim = facts.claim
        rates = facts.rates
        flatFee = facts.flatFee
        interestFrom = facts.interestFrom
        courtName = facts.courtName
        iban = facts.theCase.creditor.iban
        signatory = facts.signatory
        firm = facts.firmView
        signatureLine = facts.firmView?.signatureLine
        mandataire = facts.firmView?.agentLines
    }
}
