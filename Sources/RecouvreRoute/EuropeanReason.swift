import Foundation
import RecouvreModel

/// The sentences of the European forms A — order for payment (Reg. (CE) 1896/2006, art. 7 and Annex I,
/// as replaced by Reg. (UE) 2017/1260) and small claims (Reg. (CE) 861/2007, art. 4 and Annex I, as
/// replaced by Reg. (UE) 2017/1259) — and of the route that offers them, worded in
/// `forms/messages/european.yaml`. Codes are those of the Annex I forms.
public enum EuropeanReason: CatalogueReason, Hashable {
    public static let section = "european"

    // Route.
    case routeCourtBlank(country: String)
    case routeCourtUnknown
    case routeNatureToCheck

    // Rubric 1: the court.
    case courtBlank(country: String)

    // Rubric 2 (order for payment): the party codes.
    case partyCreditor
    case partyDebtor
    case partyRepresentative
    case partyLegalRepresentative
    case partyDebtorLegalRepresentative

    // The form's note: what was checked against the official Annex I text, what the user must check.
    case verificationOrder
    case verificationSmallClaims

    // Rubric 3 (order) / 4 (small claims): grounds of jurisdiction.
    case jurisdictionDomicile(source: String)
    case sourceDomicile
    case jurisdictionConsumer

    // Rubric 6 (order): the nature of each claim.
    case natureLease
    case natureLoan
    case natureOther(contract: String)
    case claimLine(id: String, code: String, date: String, amount: String, label: String, number: String)

    // Rubric 7 (order): interest, rate type code, rate, period.
    case rateLegal
    case rateContractual
    case rateCapitalisation
    case rateLoan
    case rateAboveECB(points: String)
    case interestLine(id: String, code: String, rate: String, above: String, base: String, from: String, to: String)
    case interestRunning(code: String, rate: String, base: String, from: String)
    case interestNone

    // Rubric 9 (order) / 7 (small claims): costs.
    case costsCourt

    // Small claims: the value of the claim (art. 2(1)).
    case smallClaimsValue(principal: String, threshold: String, source: String)
}
