import Foundation
import RecouvreLaw
import RecouvreModel

/// An invoice as the letters list it.
public struct InvoiceView: Sendable, Hashable {
    public var number: String
    public var issued: String
    public var due: String
    public var amount: String
    public var outstanding: String
    /// `facture`, `loyer, avis d'échéance` (before the number; a lease names no invoice: `LeaseWording`).
    public var label: String
    /// The amount is TTC (an invoice); rents and charges carry no VAT (CGI 261 D).
    public var taxed: Bool

    init(_ invoice: InvoiceStatement, label: String, taxed: Bool, dates: FrenchDates) {
        number = invoice.number
        issued = dates.long(invoice.issued)
        due = dates.long(invoice.due)
        amount = FrenchFormat.amount(invoice.amount)
        outstanding = FrenchFormat.amount(invoice.outstanding)
        self.label = label
        self.taxed = taxed
    }
}

/// An invoice paid in full but late: "réglée avec retard", with the penalties (and, B2B, the fee)
/// still due on it (domain.md §5).
public struct LateInvoiceView: Sendable, Hashable {
    public var number: String
    public var issued: String
    public var due: String
    public var amount: String
    public var paidOn: String
    public var penalties: String
    public var flatFee: String?
    /// As `InvoiceView.label` / `taxed`.
    public var label: String
    public var taxed: Bool

    init(_ invoice: InvoiceStatement, paidOn: Day, label: String, taxed: Bool, dates: FrenchDates) {
        self.label = label
        self.taxed = taxed
        number = invoice.number
        issued = dates.long(invoice.issued)
        due = dates.long(invoice.due)
        amount = FrenchFormat.amount(invoice.amount)
        self.paidOn = dates.long(paidOn)
        penalties = FrenchFormat.amount(invoice.penalties)
        flatFee = invoice.flatFee > 0 ? FrenchFormat.amount(invoice.flatFee) : nil
    }
}

/// The claim broken down as CPC 1407 asks: principal, interest or penalties, fees, total.
public struct ClaimView: Sendable, Hashable {
    public var principal: String
    public var penalties: String
    public var flatFees: String
    /// Recovery costs above the flat fee (L441-10 II), when claimed.
    public var extraCosts: String?
    public var total: String
    /// The as-of date of the figures.
    public var asOf: String

    init(_ statement: Statement, dates: FrenchDates) {
        principal = FrenchFormat.amount(statement.totals.principal)
        penalties = FrenchFormat.amount(statement.totals.penalties)
        flatFees = FrenchFormat.amount(statement.totals.flatFees)
        extraCosts =
            statement.totals.extraRecoveryCosts > 0
            ? FrenchFormat.amount(statement.totals.extraRecoveryCosts) : nil
        total = FrenchFormat.amount(statement.totals.total)
        asOf = dates.long(statement.asOf)
    }
}

/// A numbered pièce of the bordereau.
public struct ExhibitView: Sendable, Hashable {
    public var number: String
    public var title: String
    /// Where the copy sits in the bundle (`pieces/01-devis.pdf`), when there is a file.
    public var file: String?
    /// "à produire" on the bordereau.
    public var toProduce: Bool

    public init(number: Int, title: String, file: String?, toProduce: Bool = false) {
        self.number = String(number)
        self.title = title
        self.file = file
        self.toProduce = toProduce
    }
}
