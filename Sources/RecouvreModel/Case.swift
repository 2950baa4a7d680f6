import Foundation

/// A whole case: who is owed what by whom, and what happened so far (case-format.md, version 1).
public struct Case: Sendable, Hashable, Codable {
    public var version: Int
    /// The firm's own reference for the dossier.
    public var reference: String
    /// Date of the computation; `nil` means today.
    public var asOf: Day?
    public var creditor: Party
    public var debtor: Party
    public var contract: Contract
    public var invoices: [Invoice]
    public var payments: [Payment]
    public var creditNotes: [CreditNote]
    public var events: [Event]
    public var exhibits: [Exhibit]

    public init(
        version: Int = 1, reference: String, asOf: Day? = nil, creditor: Party, debtor: Party,
        contract: Contract = Contract(), invoices: [Invoice], payments: [Payment] = [],
        creditNotes: [CreditNote] = [], events: [Event] = [], exhibits: [Exhibit] = []
    ) {
        self.version = version
        self.reference = reference
        self.asOf = asOf
        self.creditor = creditor
        self.debtor = debtor
        self.contract = contract
        self.invoices = invoices
        self.payments = payments
        self.creditNotes = creditNotes
        self.events = events
        self.exhibits = exhibits
    }

    /// The nature given by the contract, or derived from the parties (case-format.md, "Meaning").
    public var nature: Nature { contract.nature ?? derivedNature }

    /// Both acting professionally and the debtor a merchant → commercial; a professional creditor and
    /// a non-professional individual debtor → consumer; a public-body debtor → public procurement;
    /// otherwise civil.
    public var derivedNature: Nature {
        if debtor.kind == .publicBody { return .publicProcurement }
        if creditor.actsProfessionally && debtor.actsProfessionally && debtor.isMerchant { return .commercial }
        if creditor.actsProfessionally && debtor.kind == .individual && !debtor.actsProfessionally { return .consumer }
        return .civil
    }

    /// The interest regime (domain.md §1): B2B when both parties act as professionals
    /// (nature commercial, or civil between professionals).
    public var regime: Regime {
        switch nature {
        case .commercial: return .b2b
        case .civil:
            return creditor.actsProfessionally && debtor.actsProfessionally ? .b2b : .civil
        case .consumer: return .consumer
        case .publicProcurement: return .publicProcurement
        case .residentialLease: return .residentialLease
        case .consumerCredit: return .consumerCredit
        }
    }

    /// The latest formal notice sent, if any (of two on the same day, the first listed).
    public var formalNotice: Event? { latest(.formalNotice) }

    /// The latest judgment, if any (of two on the same day, the first listed).
    public var judgment: Event? { latest(.judgment) }

    /// Whether the case records a formal notice sent (`formalNotice != nil`, without copying it).
    public var hasFormalNotice: Bool { events.contains { $0.type == .formalNotice } }

    /// The latest event of `type`: what `events.filter { $0.type == type }.max { $0.date < $1.date }`
    /// gives (the first of the latest), found in one pass, copying only that event. A dossier asks
    /// for the formal notice a dozen times: the filtered copies of every event were ≈ 35,000
    /// instructions a dossier (callgrind, session 11).
    func latest(_ type: Event.Kind) -> Event? {
        var found: Int?
        for index in events.indices where events[index].type == type {
            if let best = found, !(events[best].date < events[index].date) { continue }
            found = index
        }
        return found.map { events[$0] }
    }

    public var totalInvoiced: Decimal { invoices.reduce(0) { $0 + $1.amount } }
    public var totalPaid: Decimal { payments.reduce(0) { $0 + $1.amount } }
    public var totalCredited: Decimal { creditNotes.reduce(0) { $0 + $1.amount } }
}
