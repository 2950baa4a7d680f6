import Foundation
import RecouvreLaw
import RecouvreModel

extension Draft {
    /// After the mémoire en réclamation: while it has not been received, send it; received and
    /// unanswered for two months, it is implicitly rejected (CRPA L231-4; CJA R421-2) and the next
    /// document is the requête to the tribunal administratif, a référé-provision (CJA R541-1), not a
    /// second claim letter; an express rejection does the same. The two months to bring the recours run
    /// only against an express rejection notified with the remedies and their time limits (CJA R421-1,
    /// R421-5); the route says which.
    mutating func administrativeStage() {
        let received = claim.events.filter { $0.type == .claimReceived }.map(\.date).max()
        let rejection = claim.events.filter { $0.type == .rejection }.max { $0.date < $1.date }
        let status = AdministrativeClaimStatus.status(
            received: received, rejection: rejection, asOf: asOf, silenceMonths: rules.administrativeSilenceMonths,
            recourseMonths: rules.administrativeRecourseMonths)
        route.administrativeClaim = status
        if claim.debtor.office == nil { warn(.noOffice) }
        switch status {
        case .notReceived:
            step(.sendAdministrativeClaim)
        case .waiting(let received, let rejected, let filingFrom):
            explain(.claimReceived(date: frenchDate(received)))
            warn(.noSecondClaim(received: frenchDate(received)))
            step(
                .waitingForRejection(
                    received: frenchDate(received), rejected: frenchDate(rejected), from: frenchDate(filingFrom)))
        case .implicitlyRejected(let received, let rejected):
            route.procedure = .refereProvision
            explain(.implicitRejection(received: frenchDate(received), rejected: frenchDate(rejected)))
            explain(.recourseNotRunningImplicit)
        case .expresslyRejected(let date, let deadline):
            route.procedure = .refereProvision
            explain(.expressRejection(date: frenchDate(date)))
            if let deadline {
                warn(.recourseDeadline(date: frenchDate(date), until: frenchDate(deadline)))
            } else {
                explain(.recourseNotRunningExpress(date: frenchDate(date)))
            }
        }
        if route.procedure == .refereProvision {
            if let form = try? rules.form("refere_provision") {
                route.form = Form(cerfa: form.form.cerfa, title: form.form.title, source: form.source)
            }
            explain(
                .refereProvision(court: route.court.map { lowerInitial($0.name) } ?? text(.administrativeCourtUnnamed)))
            step(.fileRequete)
        }
    }

    func text(_ reason: AdministrativeReason) -> String { messages.text(reason) }
    mutating func explain(_ reason: AdministrativeReason) { route.explanation.append(text(reason)) }
    mutating func step(_ reason: AdministrativeReason) { route.priorSteps.append(text(reason)) }
    mutating func warn(_ reason: AdministrativeReason) { warn(text(reason)) }
}
