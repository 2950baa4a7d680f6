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
        let statement = facts.statement
        reference = statement.reference
        asOf = FrenchFormat.date(statement.asOf)
        creditor = facts.creditor
        debtor = facts.debtor
        regime = Self.regimeLabel(statement.regime)
        dayBasis =
            statement.dayBasis == .d365
            ? "365 jours, y compris les années bissextiles" : "jours réels (366 les années bissextiles)"
        accounts = statement.invoices.map { invoice in
            Account(
                number: invoice.number, heading: LeaseWording.capitalised(facts.lineLabel(invoice)),
                taxed: !facts.isLease, issued: FrenchFormat.shortDate(invoice.issued),
                due: FrenchFormat.shortDate(invoice.due), amount: FrenchFormat.amount(invoice.amount),
                paid: FrenchFormat.amount(invoice.paid), credited: FrenchFormat.amount(invoice.credited),
                outstanding: FrenchFormat.amount(invoice.outstanding),
                periods: invoice.periods.map { period in
                    Period(
                        from: FrenchFormat.shortDate(period.from), to: FrenchFormat.shortDate(period.to),
                        days: String(period.days), base: FrenchFormat.amount(period.base),
                        rate: FrenchFormat.rate(period.rate), amount: FrenchFormat.amount(period.amount),
                        source: period.source)
                },
                penalties: FrenchFormat.amount(invoice.penalties), flatFee: FrenchFormat.amount(invoice.flatFee),
                paidLate: facts.paidOn(invoice).map(FrenchFormat.date))
        }
        settlements = statement.payments.map { payment in
            Settlement(
                label: payment.kind == .deposit
                    ? facts.lease(.settlementDeposit) : payment.kind == .payment ? "Paiement" : "Avoir",
                date: FrenchFormat.shortDate(payment.date),
                amount: FrenchFormat.amount(payment.amount), settlementReference: payment.reference,
                imputed: payment.imputed.map {
                    facts.isLease
                        ? facts.lease(.lineImputed(amount: FrenchFormat.amount($0.amount), number: $0.invoice))
                        : "\(FrenchFormat.amount($0.amount)) sur la facture \($0.invoice)"
                },
                unallocated: payment.unallocated > 0 ? FrenchFormat.amount(payment.unallocated) : nil)
        }
        claim = facts.claim
        convention = statement.convention
        accountsHeading = facts.isLease ? facts.lease(.accountsHeading) : "FACTURES"
        lease = facts.leaseStatementLines
    }

    static func regimeLabel(_ regime: Regime) -> String {
        switch regime {
        case .b2b: return "entre professionnels (C. com. L441-10)"
        case .publicProcurement: return "commande publique (C. commande publique R2192-31)"
        case .civil: return "civil (intérêt au taux légal, C. civ. 1231-6)"
        case .consumer: return "consommateur (intérêt au taux légal, C. civ. 1231-6)"
        case .residentialLease: return "bail d'habitation (intérêt au taux légal, C. civ. 1231-6)"
        case .consumerCredit: return "crédit à la consommation (C. consom. L312-39)"
        }
    }
}
