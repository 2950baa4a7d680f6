import Foundation
import RecouvreModel

extension Case {
    /// The numbers of the invoices the latest judgment covers (`judgment.invoices`, default all), or
    /// nil without a judgment.
    public var invoicesCoveredByTitle: [String]? {
        guard let judgment else { return nil }
        let all = invoices.map(\.number)
        guard let listed = judgment.invoices else { return all }
        return all.filter { listed.contains($0) }
    }

    /// Whether a payment made after the judgment goes to the title: it names a covered invoice, or it
    /// names none and the title covers every invoice.
    func paysTitle(_ payment: Payment, judgment: Event, covered: Set<String>) -> Bool {
        guard payment.date > judgment.date else { return false }
        if let named = payment.invoice { return covered.contains(named) }
        return covered.count == invoices.count
    }

    /// The case without what the title decided (C. civ. 1355, CPC 1409: the sums a judgment covers cannot
    /// be claimed again): the invoices the judgment does not cover, the payments and credit notes that do
    /// not go to the title, no judgment event. Nil when there is no judgment or every invoice is covered.
    public var withoutTitle: Case? {
        guard let judgment, let coveredList = invoicesCoveredByTitle else { return nil }
        let covered = Set(coveredList)
        guard covered.count < invoices.count else { return nil }
        var rest = self
        rest.invoices = invoices.filter { !covered.contains($0.number) }
        rest.payments = payments.filter { payment in
            if let named = payment.invoice { return !covered.contains(named) }
            return !paysTitle(payment, judgment: judgment, covered: covered)
        }
        rest.creditNotes = creditNotes.filter { note in note.invoice.map { !covered.contains($0) } ?? true }
        rest.events = events.filter { $0.type != .judgment }
        return rest
    }
}
