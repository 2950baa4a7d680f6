import Foundation
import RecouvreLaw
import RecouvreModel

extension Draft {
    /// Residential lease (loi 89-462): what the route says besides the court. Interest at the taux légal
    /// from the notice, no penalties nor 40 € fee (art. 4 i; C. com. L441-10 II is B2B); the deposit
    /// deducted once the lease ended (art. 22); provisions for charges claimed without their annual
    /// regularisation (art. 23) warned; sums after the clause résolutoire are indemnités d'occupation
    /// (art. 24), whose amount the injonction de payer can only take from the lease (CPC 1405).
    mutating func leaseNotes() {
        guard claim.nature == .residentialLease else { return }
        explain(lease(.routeInterest))
        if let deposit = statement.payments.first(where: { $0.kind == .deposit }) {
            explain(lease(.routeDeposit(amount: Money.french(deposit.amount), date: frenchDate(deposit.date))))
        }
        let terms = claim.contract.lease
        // Lines of kind `invoice` in a lease are rent and charges together: they may hold provisions.
        let charges = statement.invoices.contains { $0.kind != .rent && $0.outstanding > 0 }
        if charges {
            switch terms.chargesRegularised {
            case true?: explain(lease(.routeChargesRegularised))
            case false?: warn(lease(.routeChargesNotRegularised))
            case nil:
                if statement.invoices.contains(where: { $0.kind == .charges && $0.outstanding > 0 }) {
                    warn(lease(.routeChargesUnknown))
                }
            }
        }
        if let acquired = terms.resolutoryClauseAcquired {
            let after = statement.invoices.filter { $0.due > acquired && $0.outstanding > 0 }
            if !after.isEmpty {
                explain(lease(.routeOccupation(date: frenchDate(acquired), count: "\(after.count)")))
                warn(lease(.routeOccupationAmount))
            }
        }
    }

    func lease(_ reason: LeaseReason) -> String { messages.text(reason) }

    mutating func explain(_ text: String) { route.explanation.append(text) }
}
