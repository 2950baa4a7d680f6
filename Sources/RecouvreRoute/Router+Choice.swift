import Foundation
import RecouvreModel

extension Router {
    /// The procedures `build --procedure` accepts for this route: the main one, then the alternatives.
    public func allowed(_ route: Route) -> [Procedure] {
        var procedures = [route.procedure]
        for alternative in route.alternatives where !procedures.contains(alternative.procedure) {
            procedures.append(alternative.procedure)
        }
        return procedures
    }

    /// The route with `procedure` chosen instead of its main one, or nil when the route does not allow it.
    /// PSPC (CPCE L125-1, R125-1): no court, a commissaire de justice in the ressort of the cour d'appel
    /// of the debtor's domicile; European small claims (Reg. 861/2007): its own form A.
    public func choosing(_ procedure: Procedure, in route: Route) throws -> Route? {
        guard procedure != route.procedure else { return route }
        guard allowed(route).contains(procedure) else { return nil }
        var chosen = route
        let main = route.procedure
        chosen.procedure = procedure
        chosen.alternatives = route.alternatives.filter { $0.procedure != procedure }
        switch procedure {
        case .pspc:
            chosen.court = nil
            let form = try rules.form("pspc")
            chosen.form = Form(cerfa: form.form.cerfa, title: form.form.title, source: form.source)
        case .europeanSmallClaims:
            let form = try rules.form("european_small_claims")
            chosen.form = Form(cerfa: form.form.cerfa, title: form.form.title, source: form.source)
        default:
            break
        }
        chosen.explanation.append(
            messages.text(
                RouteReason.chosenInstead(
                    procedure: label(procedure), main: label(main))))
        return chosen
    }

    /// What each choice implies, for `route`'s text (one sentence per procedure allowed).
    public func implications(_ route: Route) -> [String] {
        allowed(route).compactMap { procedure in
            switch procedure {
            case .injonctionDePayer: return messages.text(RouteReason.impliesInjonction)
            case .pspc: return messages.text(RouteReason.impliesPSPC(courDAppel: route.courDAppel ?? "?"))
            case .europeanOrderForPayment: return messages.text(RouteReason.impliesEuropeanOrder)
            case .europeanSmallClaims: return messages.text(RouteReason.impliesEuropeanSmallClaims)
            default: return nil
            }
        }
    }

    /// The option value of a procedure (`injonction`, `pspc`, `european-order`, `european-small-claims`).
    public static func optionName(_ procedure: Procedure) -> String {
        switch procedure {
        case .injonctionDePayer: return "injonction"
        case .pspc: return "pspc"
        case .europeanOrderForPayment: return "european-order"
        case .europeanSmallClaims: return "european-small-claims"
        case .administrativeClaim: return "administrative-claim"
        case .declarationDeCreance: return "declaration"
        case .enforcement: return "enforcement"
        case .refereProvision: return "refere-provision"
        case .none: return "none"
        }
    }

    func label(_ procedure: Procedure) -> String { RouteFormatter.procedureLabel(procedure, messages) }
}
