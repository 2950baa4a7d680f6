import Foundation
import RecouvreModel

extension StatementRules {
    /// Loi 89-462 art. 22: the dépôt de garantie is returned after the tenant leaves, "déduction faite …
    /// des sommes restant dues au bailleur". Once the lease has ended (on or before the as-of date) it is
    /// set off against the arrears (C. civ. 1347) and imputed by the rules of payments (C. civ. 1347-4:
    /// 1342-10, oldest debt first; 1343-1, interest first). We set it off on the day the lease ended — the
    /// conservative reading: the landlord may keep it up to one or two months (art. 22), but interest stops
    /// on the part it covers from that day. While the lease runs the deposit is never imputed on the rent.
    /// Returns the day and the amount to set off, or nil.
    static func depositSetOff(_ claim: Case, asOf: Day, notes: inout Notes) -> (date: Day, amount: Decimal)? {
        guard claim.nature == .residentialLease else { return nil }
        let lease = claim.contract.lease
        switch (lease.deposit, lease.ended) {
        case (let deposit?, let ended?) where deposit > 0 && ended <= asOf:
            notes.warn(
                text: notes.messages.text(LeaseReason.depositDeducted(amount: Money.french(deposit), date: ended.iso)))
            return (ended, deposit)
        case (let deposit?, _) where deposit > 0:
            notes.warn(
                text: notes.messages.text(LeaseReason.depositNotEnded(amount: Money.french(deposit), asOf: asOf.iso)))
            return nil
        case (nil, let ended?) where ended <= asOf:
            notes.warn(text: notes.messages.text(LeaseReason.depositMissing(date: ended.iso)))
            return nil
        default:
            return nil
        }
    }
}
