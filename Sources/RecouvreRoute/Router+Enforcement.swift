import Foundation
import RecouvreLaw
import RecouvreModel

extension Draft {
    /// Whether the case is routed to the enforcement of its title: a judgment or an order exists, and the
    /// debtor is neither under collective proceedings (the déclaration de créance comes first, C. com.
    /// L622-21), nor abroad (recognition first), nor a public person (no enforcement against public assets).
    var enforcesTitle: Bool {
        statement.title != nil && claim.contract.collectiveProceedings == nil && claim.debtor.address.isFrance
            && claim.debtor.kind != .publicBody && claim.nature != .publicProcurement
    }

    /// A title already exists: the sums it covers cannot be claimed again by a requête (CPC 1409: the
    /// judge rejects it; C. civ. 1355, chose jugée); the creditor holding an enforceable title has it
    /// enforced by a commissaire de justice (CPCE L111-2, L111-3), once served (CPC 503). The claim is
    /// the title's décompte; the +5 points of C. mon. fin. L313-3 run from two months after service.
    mutating func enforceTitle(_ title: TitleStatement) throws {
        route.procedure = .enforcement
        route.titlePath = .enforcement
        route.amount = title.total
        let form = try rules.form("enforcement")
        route.form = Form(cerfa: form.form.cerfa, title: form.form.title, source: form.source)
        let kind = text(title.kind == .order ? .kindOrder : .kindJudgment)
        route.court = Court(
            kind: .commissaireDeJustice, name: text(.titleOfficerName), address: nil, source: "CPCE L122-1")
        explain(
            .titleExists(
                kind: kind, date: frenchDate(title.date), court: title.court ?? "—",
                invoices: title.invoices.joined(separator: ", ")))
        explain(.titleNoRequete)
        explain(.titleEnforcement)
        explain(.titleAmount(date: frenchDate(asOf), amount: Money.french(title.total)))
        if let commune = try? debtorCommune() {
            explain(.titleOfficer(commune: communeLabel(commune)))
        }
        if let served = title.served {
            explain(.titleServed(date: frenchDate(served)))
            if let increase = title.increaseFrom {
                explain(.titleIncrease(served: frenchDate(served), from: frenchDate(increase)))
            }
        } else {
            step(.serveTitleFirst(kind: kind, date: frenchDate(title.date)))
            if case .legal? = title.rate { explain(.titleNoIncreaseNotServed) }
        }
        if claim.judgment?.file == nil { warn(.titleFileMissing(kind: kind)) }
        for warning in title.warnings { warn(warning) }
    }

    func text(_ reason: EnforcementRouteReason) -> String { messages.text(reason) }
    mutating func explain(_ reason: EnforcementRouteReason) { route.explanation.append(text(reason)) }
    mutating func step(_ reason: EnforcementRouteReason) { route.priorSteps.append(text(reason)) }
    mutating func warn(_ reason: EnforcementRouteReason) { warn(text(reason)) }
}

extension Router {
    /// The enforcement route of a title with the route of the invoices it does not cover (computed on
    /// `Case.withoutTitle` and its own statement): those invoices follow the ordinary route, in a dossier
    /// of their own, chosen with `build --procedure` (docs/situations.md). Each procedure that route allows
    /// becomes an alternative of the enforcement route.
    public func adding(uncovered: Route, invoices: [String], to route: Route) -> Route {
        var route = route
        route.uncovered = [uncovered]
        route.uncoveredInvoices = invoices
        for procedure in allowed(uncovered) where procedure != .none {
            route.alternatives.append(
                Alternative(
                    procedure: procedure,
                    why: messages.text(
                        EnforcementRouteReason.uncoveredInvoices(
                            invoices: invoices.joined(separator: ", "), amount: Money.french(uncovered.amount),
                            procedure: label(procedure), option: Router.optionName(procedure)))))
        }
        return route
    }
}
