import Foundation
import RecouvreJSON
import RecouvreModel

/// Renders a `Route`: French text for a memo, or the `recouvre.route/1` JSON of interfaces.md.
public enum RouteFormatter {
    /// A few French paragraphs: the decision, why this court and this form, what to do first.
    public static func text(_ route: Route) -> String {
        var out: [String] = []
        let title = route.reference.isEmpty ? "Orientation du dossier" : "Orientation du dossier \(route.reference)"
        out.append("\(title) au \(frenchDate(route.asOf))")
        out.append("Procédure : \(procedureLabel(route.procedure))")
        if let court = route.court {
            out.append("Juridiction : \(court.name)")
            if let address = court.address {
                let place = ([address.postcode, address.city].compactMap { $0 }).joined(separator: " ")
                out.append("  " + (address.lines + [place]).joined(separator: ", ")
                    + (court.addressNote.map { " (\($0))" } ?? ""))
            } else if let note = court.addressNote {
                out.append("  (\(note))")
            }
        }
        if let form = route.form {
            out.append("Formulaire : " + (form.cerfa.isEmpty ? form.title : "\(form.cerfa) — \(form.title)"))
        }
        if let courDAppel = route.courDAppel {
            out.append("Cour d'appel du domicile du débiteur : \(courDAppel)")
        }
        section("Pourquoi", route.explanation, into: &out)
        section("Alternatives", route.alternatives.map { "\(procedureLabel($0.procedure)) : \($0.why)" }, into: &out)
        section("À faire d'abord", route.priorSteps, into: &out)
        section("Points de vigilance", route.warnings, into: &out)
        section("Sources", route.sources, into: &out)
        return out.joined(separator: "\n") + "\n"
    }

    /// `recouvre.route/1`: the keys of interfaces.md in its order, then the extensions (`as_of`,
    /// `regime`, `cour_d_appel`, `commune`, `explanation`, `sources`). Money as "1234.50".
    public static func json(_ route: Route) -> String {
        var object: [(String, JSONValue)] = [
            ("schema", .string("recouvre.route/1")),
            ("nature", .string(route.nature.rawValue)),
            ("amount", .string(Money.plain(route.amount))),
            ("procedure", .string(route.procedure.rawValue)),
            ("court", route.court.map(courtJSON) ?? .null),
            ("form", route.form.map { form in
                .object([("cerfa", form.cerfa.isEmpty ? .null : .string(form.cerfa)), ("title", .string(form.title))])
            } ?? .null),
            ("alternatives", .array(route.alternatives.map {
                .object([("procedure", .string($0.procedure.rawValue)), ("why", .string($0.why))])
            })),
            ("prior_steps", .array(route.priorSteps.map(JSONValue.string))),
            ("warnings", .array(route.warnings.map(JSONValue.string))),
        ]
        object += [
            ("as_of", .string(route.asOf.iso)),
            ("regime", .string(route.regime.rawValue)),
            ("cour_d_appel", .optional(route.courDAppel)),
            ("commune", .optional(route.commune)),
            ("explanation", .array(route.explanation.map(JSONValue.string))),
            ("sources", .array(route.sources.map(JSONValue.string))),
        ]
        return JSONValue.object(object).rendered()
    }

    static func courtJSON(_ court: Court) -> JSONValue {
        let address: JSONValue = court.address.map { address in
            .object([
                ("lines", .array(address.lines.map(JSONValue.string))),
                ("postcode", .optional(address.postcode)),
                ("city", .string(address.city)),
            ])
        } ?? .null
        return .object([("kind", .string(court.kind.rawValue)), ("name", .string(court.name)), ("address", address)])
    }

    static func procedureLabel(_ procedure: Procedure) -> String {
        switch procedure {
        case .injonctionDePayer: return "injonction de payer"
        case .pspc: return "procédure simplifiée de recouvrement des petites créances (PSPC)"
        case .europeanOrderForPayment: return "injonction de payer européenne"
        case .europeanSmallClaims: return "règlement européen des petits litiges"
        case .administrativeClaim: return "réclamation préalable puis référé-provision (tribunal administratif)"
        case .declarationDeCreance: return "déclaration de créance"
        case .none: return "aucune procédure préparée"
        }
    }

    static func section(_ title: String, _ lines: [String], into out: inout [String]) {
        guard !lines.isEmpty else { return }
        out.append("")
        out.append("\(title) :")
        out += lines.map { "- \($0)" }
    }
}
