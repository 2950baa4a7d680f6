import Foundation
import RecouvreModel

/// How days are turned into a fraction of a year (domain.md §2.4).
public enum DayBasis: String, Sendable, Codable, CaseIterable {
    /// 365 even in leap years (service-public F783): the default.
    case d365 = "365"
    /// Days in a leap year over 366, split at 31 December.
    case actual
}

/// The account statement (relevé de compte) as of a date: what `statement` prints and what the
/// documents and the XML dossier are built from. JSON: `recouvre.statement/1` (interfaces.md).
public struct Statement: Sendable, Hashable {
    public var reference: String
    public var asOf: Day
    public var regime: Regime
    public var dayBasis: DayBasis
    public var invoices: [InvoiceStatement]
    /// Payments and credit notes, in date order, with where each went.
    public var payments: [PaymentImputation]
    public var totals: Totals
    public var warnings: [String]
    /// The convention used, in one French sentence, printed on every statement.
    public var convention: String
    /// The rate tables the computation read (name, file, last checked), for the dossier's record.
    public var rateTables: [RateTableUse]

    public init(
        reference: String, asOf: Day, regime: Regime, dayBasis: DayBasis, invoices: [InvoiceStatement],
        payments: [PaymentImputation], totals: Totals, warnings: [String], convention: String,
        rateTables: [RateTableUse]
    ) {
        self.reference = reference
        self.asOf = asOf
        self.regime = regime
        self.dayBasis = dayBasis
        self.invoices = invoices
        self.payments = payments
        self.totals = totals
        self.warnings = warnings
        self.convention = convention
        self.rateTables = rateTables
    }
}

/// One invoice in the statement.
public struct InvoiceStatement: Sendable, Hashable {
    public var number: String
    public var issued: Day
    public var due: Day
    public var amount: Decimal
    public var paid: Decimal
    public var credited: Decimal
    public var outstanding: Decimal
    public var periods: [PenaltyPeriod]
    /// Sum of the rounded period amounts.
    public var penalties: Decimal
    /// 40.00 or 0.
    public var flatFee: Decimal
    /// Part of `paid` that went to interest (civil interest first, C. civ. 1343-1); 0 for B2B.
    public var interestPaid: Decimal
    /// An invoice, a rent or a provision for charges (a lease: the documents name it so).
    public var kind: InvoiceKind

    public init(
        number: String, issued: Day, due: Day, amount: Decimal, paid: Decimal, credited: Decimal,
        outstanding: Decimal, periods: [PenaltyPeriod], penalties: Decimal, flatFee: Decimal,
        interestPaid: Decimal = 0, kind: InvoiceKind = .invoice
    ) {
        self.interestPaid = interestPaid
        self.kind = kind
        self.number = number
        self.issued = issued
        self.due = due
        self.amount = amount
        self.paid = paid
        self.credited = credited
        self.outstanding = outstanding
        self.periods = periods
        self.penalties = penalties
        self.flatFee = flatFee
    }
}

/// A maximal run of days with a constant base and rate. `from` and `to` are both counted.
public struct PenaltyPeriod: Sendable, Hashable {
    public var from: Day
    public var to: Day
    public var days: Int
    public var base: Decimal
    /// Annual rate in percent.
    public var rate: Decimal
    /// base × rate / 100 × days / basis, rounded half-up to the cent.
    public var amount: Decimal
    /// Where the rate comes from: `ECB MRO 3.15 on 2025-01-01 + 10 (C. com. L441-10)`.
    public var source: String

    public init(from: Day, to: Day, days: Int, base: Decimal, rate: Decimal, amount: Decimal, source: String) {
        self.from = from
        self.to = to
        self.days = days
        self.base = base
        self.rate = rate
        self.amount = amount
        self.source = source
    }
}

/// A payment or a credit note and the invoices it settled.
public struct PaymentImputation: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case payment
        case creditNote = "credit_note"
        /// The dépôt de garantie set off against the arrears once the lease ended (loi 89-462 art. 22;
        /// C. civ. 1347, 1347-4).
        case deposit
    }
    public var kind: Kind
    public var date: Day
    public var amount: Decimal
    /// Payment reference or credit note number.
    public var reference: String?
    public var imputed: [Imputed]
    /// Part of the amount that settled nothing (overpayment).
    public var unallocated: Decimal

    public struct Imputed: Sendable, Hashable {
        public var invoice: String
        public var amount: Decimal
        /// Part of `amount` that went to interest (C. civ. 1343-1).
        public var interest: Decimal
        public init(invoice: String, amount: Decimal, interest: Decimal = 0) {
            self.invoice = invoice
            self.amount = amount
            self.interest = interest
        }
    }

    public init(kind: Kind, date: Day, amount: Decimal, reference: String?, imputed: [Imputed], unallocated: Decimal) {
        self.kind = kind
        self.date = date
        self.amount = amount
        self.reference = reference
        self.imputed = imputed
        self.unallocated = unallocated
    }
}

/// Totals; `total = principal + penalties + flatFees + extraRecoveryCosts`.
public struct Totals: Sendable, Hashable {
    /// Outstanding principal.
    public var principal: Decimal
    public var penalties: Decimal
    public var flatFees: Decimal
    /// Recovery costs above the flat fee, claimed on proof (L441-10 II); 0 when none.
    public var extraRecoveryCosts: Decimal
    public var total: Decimal

    public init(
        principal: Decimal, penalties: Decimal, flatFees: Decimal, extraRecoveryCosts: Decimal = 0, total: Decimal
    ) {
        self.principal = principal
        self.penalties = penalties
        self.flatFees = flatFees
        self.extraRecoveryCosts = extraRecoveryCosts
        self.total = total
    }
}

/// A rate table read for a statement, recorded in the dossier.
public struct RateTableUse: Sendable, Hashable {
    /// `ecb-mro`, `legal-particulier`, `legal-autres-cas`.
    public var id: String
    public var name: String
    /// Path relative to forms/ (`rates/ecb-mro.yaml`).
    public var file: String
    public var source: String
    /// The date up to which the table was checked against the official source.
    public var checkedThrough: Day

    public init(id: String, name: String, file: String, source: String, checkedThrough: Day) {
        self.id = id
        self.name = name
        self.file = file
        self.source = source
        self.checkedThrough = checkedThrough
    }
}
