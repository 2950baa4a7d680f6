import Foundation
import RecouvreModel

extension Draft {
    /// Form A (Reg. 1896/2006 art. 7(2)(a); Reg. 861/2007 art. 4(1)): the court seised must be named.
    /// The tool's directory holds French courts only, so for a debtor's state it leaves rubric 1 blank
    /// and says where to find the court (the Member States' information under art. 29(1)(a) of 1896/2006
    /// and art. 25(1)(a) of 861/2007, on the e-Justice portal). The nature of the claim (rubric 6) is
    /// coded from the case when it can be (a lease, a loan); otherwise "other" with the contract, to check.
    mutating func europeanFormNotes(country: String) {
        if route.court?.kind == .foreign, route.court?.address == nil {
            // The note marks the court as not named: form A leaves rubric 1 blank.
            route.court?.addressNote = messages.text(EuropeanReason.routeCourtUnknown)
            explain(messages.text(EuropeanReason.routeCourtBlank(country: country)))
        }
        if claim.nature != .residentialLease && claim.nature != .consumerCredit {
            warn(messages.text(EuropeanReason.routeNatureToCheck))
        }
    }
}
