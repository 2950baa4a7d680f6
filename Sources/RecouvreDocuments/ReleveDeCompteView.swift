import Foundation
import RecouvreLaw
import RecouvreModel

/// The relevé de compte: the statement's figures as a document (domain.md §5): every invoice, the
/// payments and credit notes with their imputation, the penalty lines with their rate source, fees,
/// totals, the convention and the as-of date.
public struct ReleveDeCompteView: Sendable {
    public var reference: String
    public var asOf: String
    public var creditor: PartyView
    public var debtor: PartyView
    public var regime: String
    public var dayBasis: String
    public var accounts: [Account]
    public var settlements: [Settlement]
    public var claim: ClaimView
    public var convention: String
    /// `FACTURES`, or the lease's heading (loyers, provisions pour charges, indemnités d'occupation).
    public var accountsHeading: String
    /// A residential lease: regime note, deposit arithmetic, charges, indemnités d'occupation.
    public var lease: LeaseStatementView?

    public struct Account: Sendable {
        public var number: String
        /// `Facture n° FA-1`, `Loyer, avis d'échéance n° L-1`.
        public var heading: String
        /// The amount is TTC (an invoice; not a rent, CGI 261 D).
        public var taxed: Bool
        public var issued: String
        public var due: String
        public var amount: String
        public var paid: String
        public var credited: String
        public var outstanding: String
        public var periods: [Period]
        public var penalties: String
        public var flatFee: String
        /// Paid in full but late: "réglée avec retard le …", penalties and fee still due.
        public var paidLate: String?
    }

    public struct Period: Sendable {
        public var from: String
        public var to: String
        public var days: String
        public var base: String
        public var rate: String
        public var amount: String
        public var source: String
    }

    public struct Settlement: Sendable {
        /// `Paiement` or `Avoir`.
        public var label: String
        public var date: String
        public var amount: String
        public var settlementReference: String?
        public var imputed: [String]
        public var unallocated: String?
    }

    init(_ facts: DossierFacts) {
        let dates = facts.dates
        let statement = facts.statement
        reference = statement.reference
        asOf = dates.long(statement.asOf)
        creditor = facts.creditor
        debtor = facts.debtor
        regime = facts.messages.text(Self.regimeLabel(statement.regime))
        dayBasis = facts.messages.text(statement.dayBasis == .d365 ? ReleveWord.dayBasis365 : .dayBasisActual)
        // large engineer (issue 12): the words every line or settlement shares are looked up once, not
        // once per invoice or payment (a catalogue lookup each; a large case has 100,000 of them).
        let sharedHeading = facts.sharedLineLabel.map(LeaseWording.capitalised)
        // A case has a few rates (one a half-year) over many lines, and a line's base is often the one of
        // the line before: both printed once (equal values print the same, `Money.plain` rounds them).
        var rates = FormattedValues(FrenchFormat.rate)
        var bases = FormattedValues(FrenchFormat.amount, keeping: 1)
        // Most invoices have no credit note and the same flat fee (40 €).
        var fees = FormattedValues(FrenchFormat.amount, keeping: 2)
        var credits = FormattedValues(FrenchFormat.amount, keeping: 1)
        accounts = statement.invoices.map { invoice in
            Account(
                number: invoice.number,
                heading: sharedHeading ?? LeaseWording.capitalised(facts.lineLabel(invoice)),
                taxed: !facts.isLease, issued: FrenchFormat.shortDate(invoice.issued),
                due: FrenchFormat.shortDate(invoice.due), amount: FrenchFormat.amount(invoice.amount),
                paid: FrenchFormat.amount(invoice.paid), credited: credits.text(invoice.credited),
                outstanding: FrenchFormat.amount(invoice.outstanding),
                periods: invoice.periods.map { period in
                    Period(
                        from: FrenchFormat.shortDate(period.from), to: FrenchFormat.shortDate(period.to),
                        days: String(period.days), base: bases.text(period.base),
                        rate: rates.text(period.rate), amount: FrenchFormat.amount(period.amount),
                        source: period.source)
                },
                penalties: FrenchFormat.amount(invoice.penalties), flatFee: fees.text(invoice.flatFee),
                paidLate: facts.paidOn(invoice).map { dates.long($0) })
        }
        let depositLabel = facts.lease(.settlementDeposit)
        let paymentLabel = facts.messages.text(ReleveWord.settlementPayment)
        let creditNoteLabel = facts.messages.text(ReleveWord.settlementCreditNote)
        settlements = statement.payments.map { payment in
            Settlement(
                label: payment.kind == .deposit
                    ? depositLabel : payment.kind == .payment ? paymentLabel : creditNoteLabel,
                date: FrenchFormat.shortDate(payment.date),
                amount: FrenchFormat.amount(payment.amount), settlementReference: payment.reference,
                imputed: payment.imputed.map {
                    facts.isLease
                        ? facts.lease(.lineImputed(amount: FrenchFormat.amount($0.amount), number: $0.invoice))
                        : facts.messages.text(
                            ReleveWord.imputedOnInvoice(amount: FrenchFormat.amount($0.amount), number: $0.invoice))
                },
                unallocated: payment.unallocated > 0 ? FrenchFormat.amount(payment.unallocated) : nil)
        }
        claim = facts.claim
        convention = statement.convention
        accountsHeading =
            facts.isLease ? facts.lease(.accountsHeading) : facts.messages.text(ReleveWord.accountsHeadingInvoices)
        lease = facts.leaseStatementLines
    }

    static func regimeLabel(_ regime: Regime) -> ReleveWord {
        switch regime {
        case .b2b: return .regimeB2B
        case .publicProcurement: return .regimePublicProcurement
        case .civil: return .regimeCivil
        case .consumer: return .regimeConsumer
        case .residentialLease: return .regimeResidentialLease
        case .consumerCredit: return .regimeConsumerCredit
        }
    }
}

/// The last few values printed by `format`, with their text: a value already printed is not formatted
/// again (large engineer, issue 12: a 100,000-invoice relevé prints 660,000 rates, a handful of values).
public struct FormattedValues {
    let format: (Decimal) -> String
    let keeping: Int
    private var recent: [(value: Decimal, text: String)] = []

    public init(_ format: @escaping (Decimal) -> String, keeping: Int = 8) {
        self.format = format
        self.keeping = keeping
    }

    public mutating func text(_ value: Decimal) -> String {
        if let known = recent.first(where: { Money.equal($0.value, value) }) { return known.text }
        let text = format(value)
        if recent.count == keeping { recent.removeFirst() }
        recent.append((value, text))
        return text
    }
}
