import Foundation
import RecouvreLaw
import RecouvreModel

/// How a residential lease is worded in every document (loi 89-462): rents are "loyers", charges are
/// "provisions pour charges", sums falling due after the clause résolutoire was acquired are "indemnités
/// d'occupation" (art. 24); no "facture", no "TTC" (rents carry no VAT, CGI 261 D). The sentences are in
/// `forms/messages/lease.yaml` (`LeaseReason`).
enum LeaseWording {
    /// `loyer, …` → `Loyer, …`.
    static func capitalised(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}

extension DossierFacts {
    /// The claim is a residential lease: its documents name rents, charges and indemnités d'occupation.
    var isLease: Bool { statement.regime == .residentialLease }

    func lease(_ reason: LeaseReason) -> String { messages.text(reason) }

    /// The case's line for a statement line (same number).
    func caseLine(_ invoice: InvoiceStatement) -> Invoice? {
        theCase.invoices.first { $0.number == invoice.number }
    }

    /// Loi 89-462 art. 24: once the clause résolutoire is acquired the lease is resolved; what falls due
    /// after that day is an indemnité d'occupation, not a rent.
    func isOccupation(_ invoice: InvoiceStatement) -> Bool {
        guard isLease, let acquired = theCase.contract.lease.resolutoryClauseAcquired else { return false }
        return invoice.due > acquired
    }

    /// The label every line has outside a lease (`facture`); nil for a lease, whose lines differ.
    var sharedLineLabel: String? { isLease ? nil : lease(.lineInvoice) }

    /// What a line is, before its number: `facture`; for a lease `loyer, avis d'échéance`, `provision
    /// pour charges, …`, `indemnité d'occupation, …`; a lease line of kind `invoice` (rent and charges
    /// together) is `loyer et provision pour charges, …`.
    func lineLabel(_ invoice: InvoiceStatement) -> String {
        if let shared = sharedLineLabel { return shared }
        if isOccupation(invoice) {
            return invoice.kind == .charges ? lease(.lineOccupationCharges) : lease(.lineOccupation)
        }
        switch invoice.kind {
        case .rent: return lease(.lineRent)
        case .charges: return lease(.lineCharges)
        case .invoice: return lease(.lineRentAndCharges)
        }
    }

    func invoiceView(_ invoice: InvoiceStatement) -> InvoiceView {
        InvoiceView(invoice, label: lineLabel(invoice), taxed: !isLease, dates: dates)
    }

    /// Loi 89-462 art. 22: the requête says the principal is stated after the deposit was deducted.
    var depositLines: [String] {
        guard isLease, let deposit = statement.payments.first(where: { $0.kind == .deposit }) else { return [] }
        return [
            lease(
                .requeteDeposit(amount: FrenchFormat.amount(deposit.amount), date: dates.long(deposit.date)))
        ]
    }

    /// A line of the requête's box "sommes demandées" for a lease.
    func leaseLine(_ line: InvoiceStatement, _ view: InvoiceView) -> String {
        let label = LeaseWording.capitalised(view.label)
        if let paid = paidOn(line) {
            return lease(
                .leaseLinePaidLate(
                    label: label, number: view.number, issued: view.issued, amount: view.amount, due: view.due,
                    paid: dates.long(paid)))
        }
        return lease(
            .leaseLine(
                label: label, number: view.number, issued: view.issued, amount: view.amount, due: view.due,
                outstanding: view.outstanding))
    }

    /// The basis of the claim, line by line, for a lease.
    func leaseBasis(_ invoice: InvoiceStatement) -> [String] {
        let label = lineLabel(invoice)
        let issued = dates.long(invoice.issued)
        let due = dates.long(invoice.due)
        if invoice.outstanding > 0 {
            return [
                lease(
                    .basisLease(
                        label: label, number: invoice.number, issued: issued, due: due,
                        outstanding: FrenchFormat.amount(invoice.outstanding)))
            ]
        }
        if let paid = paidOn(invoice) {
            return [
                lease(
                    .basisLeasePaidLate(
                        label: label, number: invoice.number, issued: issued, due: due, paid: dates.long(paid)))
            ]
        }
        return []
    }

    /// The lease paragraphs of the relevé: the regime (no penalties, no 40 € fee), the deposit and its
    /// arithmetic, the regularisation of charges, the indemnités d'occupation.
    var leaseStatementLines: LeaseStatementView? {
        guard isLease else { return nil }
        let terms = theCase.contract.lease
        var view = LeaseStatementView(
            regimeNote: lease(.regimeNote), depositHeading: lease(.depositHeading), hasDeposit: false, deposit: [],
            notes: [])
        if let deposit = statement.payments.first(where: { $0.kind == .deposit }) {
            // Hand-checkable: the principal before the deduction is the principal now plus the part of the
            // deposit imputed on principal.
            let interest = deposit.imputed.reduce(Decimal(0)) { $0 + $1.interest }
            let onPrincipal = deposit.amount - deposit.unallocated - interest
            let after = statement.totals.principal
            view.deposit.append(
                lease(
                    .depositStated(
                        amount: FrenchFormat.amount(deposit.amount), ended: dates.long(deposit.date))))
            if interest > 0 {
                view.deposit.append(
                    lease(
                        .depositInterest(amount: FrenchFormat.amount(interest), date: dates.long(deposit.date))))
            }
            view.deposit.append(
                lease(
                    .depositArithmetic(
                        before: FrenchFormat.amount(after + onPrincipal), deposit: FrenchFormat.amount(onPrincipal),
                        after: FrenchFormat.amount(after))))
            view.deposit.append(lease(.depositConvention(date: dates.long(deposit.date))))
        } else if let amount = terms.deposit, amount > 0 {
            view.deposit.append(
                lease(
                    .depositNotDeducted(amount: FrenchFormat.amount(amount), date: dates.long(statement.asOf))))
        }
        view.hasDeposit = !view.deposit.isEmpty
        let chargesClaimed = statement.invoices.contains { $0.kind != .rent }
        if chargesClaimed {
            switch terms.chargesRegularised {
            case true?: view.notes.append(lease(.chargesRegularised))
            case false?: view.notes.append(lease(.chargesNotRegularised))
            case nil: view.notes.append(lease(.chargesUnknown))
            }
        }
        if let acquired = terms.resolutoryClauseAcquired {
            view.notes.append(lease(.occupationFrom(date: dates.long(acquired))))
        }
        return view
    }
}

/// The relevé's paragraphs for a lease.
public struct LeaseStatementView: Sendable {
    public var regimeNote: String
    public var depositHeading: String
    public var hasDeposit: Bool
    /// Empty when no deposit is given; otherwise what was deducted and how.
    public var deposit: [String]
    public var notes: [String]
}
