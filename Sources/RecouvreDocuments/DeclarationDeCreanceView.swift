import RecouvreLaw
import RecouvreModel
import RecouvreRoute

/// The déclaration de créance to the mandataire judiciaire (C. com. L622-24, L622-25, R622-23):
/// the claim as of the opening judgment (principal, penalties to the day before it, the 40 € fee of
/// every invoice that fell due before it, L441-10 II), the court that opened the proceedings, the
/// mandataire, the exhibits; on time only within two months of the BODACC publication (R622-24) —
/// a late declaration never says it is on time and comes with the requête en relevé de forclusion.
public struct DeclarationDeCreanceView: Sendable {
    public var place: String
    public var date: String
    public var reference: String
    public var creditor: PartyView
    public var debtor: PartyView
    /// `30 juin 2025`, or nil when the case only says proceedings are open.
    public var openingJudgment: String?
    public var proceedings: ProceedingsView
    public var invoices: [DeclaredInvoiceView]
    public var claim: ClaimView
    public var rates: String?
    /// B2B or public: the fee of L441-10 II / D2192-35 is a head of claim.
    public var professional: Bool
    /// Some invoice carries its 40 € fee (fell due before the opening judgment).
    public var feeDeclared: Bool
    /// The invoices falling due on or after the opening day, which carry no fee: `TM-1, TM-2`.
    public var feesDropped: String?
    public var exhibits: [ExhibitView]
    public var signatory: String
    /// pdf (issue 17): the mandataire's letterhead, its box (`mandataire`) and `Pour X, par …` above
    /// the signature, as on the other letters, when a firm profile is given.
    public var firm: FirmView?
    public var signatureLine: String?
    public var mandataire: [String]?
    /// A title given before the opening judgment (C. com. L622-24, R622-23): declared as it fixes the
    /// sums, stopped the day before the opening (L622-28), beside the invoices it does not cover.
    public var title: DeclaredTitleView?
    /// Some invoice is declared on its own (not covered by the title).
    public var hasInvoices: Bool
    /// The invoices' total plus the title's.
    public var declaredTotal: String

    init(_ facts: DossierFacts) {
        let dates = facts.dates
        place = facts.place
        date = facts.date
        reference = facts.theCase.reference
        creditor = facts.creditor
        debtor = facts.debtor
        var opened: Day?
        if case .opened(let day) = facts.theCase.contract.collectiveProceedings {
            opened = day
            openingJudgment = dates.long(day)
        } else {
            openingJudgment = nil
        }
        proceedings = ProceedingsView(
            facts.theCase.contract.proceedingsDetails, deadline: facts.route.declarationDeadline, dates: dates,
            messages: facts.messages)
        invoices = facts.statement.invoices.map { DeclaredInvoiceView($0, opened: opened, dates: dates) }
        claim = facts.claim
        rates = facts.rates
        professional = facts.professional || facts.publicBuyer
        feeDeclared = facts.statement.totals.flatFees > 0
        let dropped = opened.map { day in facts.statement.invoices.filter { $0.due >= day }.map(\.number) } ?? []
        feesDropped = dropped.isEmpty ? nil : dropped.joined(separator: ", ")
        exhibits = facts.exhibitViews
        signatory = facts.signatory
        firm = facts.firmView
        signatureLine = facts.firmView?.signatureLine
        mandataire = facts.firmView?.agentLines
        hasInvoices = !facts.statement.invoices.isEmpty
        if facts.route.titlePath == .collectiveProceedings, let title = facts.statement.title,
            let judgment = facts.theCase.judgment
        {
            self.title = DeclaredTitleView(title, judgment: judgment, facts: facts)
            declaredTotal = FrenchFormat.amount(facts.statement.totals.total + title.total)
        } else {
            self.title = nil
            declaredTotal = facts.claim.total
        }
    }
}

/// The claim of a title, as declared: the decision, its service, its sums as of the day before the
/// opening judgment (its décompte is joined).
public struct DeclaredTitleView: Sendable {
    public var label: String
    public var served: String?
    public var principalDue: String
    public var interest: String
    public var interestDue: String
    public var costsDue: String
    public var total: String
    public var asOf: String

    init(_ title: TitleStatement, judgment: Event, facts: DossierFacts) {
        label = TitleWords(messages: facts.messages).label(judgment)
        served = title.served.map { facts.dates.long($0) }
        principalDue = FrenchFormat.amount(title.principalDue)
        let rate: String?
        switch title.rate {
        case .legal?: rate = facts.messages.text(SituationDocumentReason.rateLegal)
        case .clause(let clause)?:
            rate = facts.messages.text(
                SituationDocumentReason.rateClause(rate: DecompteDuTitreView.words(clause, messages: facts.messages)))
        case nil: rate = nil
        }
        if let rate, let from = title.interestFrom, from <= title.asOf {
            interest = facts.messages.text(
                SituationDocumentReason.declaredTitleRate(
                    rate: rate, from: facts.dates.long(from), to: facts.dates.long(title.asOf)))
        } else {
            interest = facts.messages.text(SituationDocumentReason.declaredTitleNoInterest)
        }
        interestDue = FrenchFormat.amount(title.interestDue)
        costsDue = FrenchFormat.amount(title.costsDue)
        total = FrenchFormat.amount(title.total)
        asOf = facts.dates.long(title.asOf)
    }
}

/// One invoice as declared: due before the opening judgment (échue) or after it (à échoir), with its fee.
public struct DeclaredInvoiceView: Sendable {
    public var number: String
    public var issued: String
    public var due: String
    public var amount: String
    public var outstanding: String
    /// Fell due before the opening judgment (or the opening date is unknown).
    public var dueBeforeOpening: Bool
    /// `40,00 €`, when the invoice's fee is declared.
    public var flatFee: String?

    init(_ invoice: InvoiceStatement, opened: Day?, dates: FrenchDates) {
        number = invoice.number
        issued = dates.long(invoice.issued)
        due = dates.long(invoice.due)
        amount = FrenchFormat.amount(invoice.amount)
        outstanding = FrenchFormat.amount(invoice.outstanding)
        dueBeforeOpening = opened.map { invoice.due < $0 } ?? true
        flatFee = invoice.flatFee > 0 ? FrenchFormat.amount(invoice.flatFee) : nil
    }
}

/// The proceedings as the case describes them (map form of `collective_proceedings`), and where the
/// declaration stands against its deadline (decided by the router).
public struct ProceedingsView: Sendable {
    public var sauvegarde: Bool
    public var redressement: Bool
    public var liquidation: Bool
    /// The court that opened the proceedings (R622-23: the declaration names it).
    public var court: String?
    public var bodacc: String?
    public var mandataireName: String?
    public var mandataireAddressLines: [String]
    /// The last day to declare, when the declaration is on time.
    public var inTimeUntil: String?
    /// The declaration time has run: the deadline that passed.
    public var lateSince: String?
    /// Relief can still be asked until that day (L622-26).
    public var reliefUntil: String?
    /// Past the six months of L622-26 too.
    public var foreclosed: Bool
    /// No BODACC date: the deadline cannot be checked.
    public var deadlineUnknown: Bool

    init(
        _ details: ProceedingsDetails?, deadline: DeclarationDeadline?, dates: FrenchDates, messages: MessageCatalogue
    ) {
        sauvegarde = details?.kind == .sauvegarde
        redressement = details?.kind == .redressement
        liquidation = details?.kind == .liquidation
        court = details?.court
        bodacc = details?.bodacc.map { dates.long($0) }
        mandataireName = details?.mandataire?.name
        mandataireAddressLines = details?.mandataire?.address.map { PartyView.lines(of: $0, messages: messages) } ?? []
        inTimeUntil = nil
        lateSince = nil
        reliefUntil = nil
        foreclosed = false
        deadlineUnknown = false
        switch deadline {
        case .inTime(let until)?: inTimeUntil = dates.long(until)
        case .late(let passed, let relief)?:
            lateSince = dates.long(passed)
            reliefUntil = dates.long(relief)
        case .foreclosed(let passed, let relief)?:
            lateSince = dates.long(passed)
            reliefUntil = dates.long(relief)
            foreclosed = true
        case .unknown?, nil: deadlineUnknown = true
        }
    }
}

extension DeclaredTitleView: TemplateView {}
