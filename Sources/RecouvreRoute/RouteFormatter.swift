import Foundation
import RecouvreJSON
import RecouvreModel

/// Renders a `Route`: French text for a memo, or the `recouvre.route/1` JSON of interfaces.md.
public enum RouteFormatter {
    /// A few French paragraphs: the decision, why this court and this form, what to do first; the
    /// labels come from `forms/messages/route.yaml`.
    public static func text(_ route: Route, messages: MessageCatalogue) -> String {
        func say(_ reason: RouteReason) -> String { messages.text(reason) }
        var out: [String] = []
        let title =
            route.reference.isEmpty ? say(.labelTitle) : say(.labelTitleWithReference(reference: route.reference))
        out.append(say(.labelTitleAsOf(title: title, date: messages.dates.long(route.asOf))))
        out.append(say(.labelProcedure(procedure: procedureLabel(route.procedure, messages))))
        if let court = route.court {
            out.append(say(.labelCourt(court: court.name)))
            if let address = court.address {
                let place = ([address.postcode, address.city].compactMap { $0 }).joined(separator: " ")
                out.append(
                    "  " + (address.lines + [place]).joined(separator: ", ")
                        + (court.addressNote.map { " (\($0))" } ?? ""))
            } else if let note = court.addressNote {
                out.append("  (\(note))")
            }
        }
        if let form = route.form {
            out.append(say(.labelForm(form: form.cerfa.isEmpty ? form.title : "\(form.cerfa) — \(form.title)")))
        }
        if let courDAppel = route.courDAppel {
            out.append(say(.labelCourDAppel(courDAppel: courDAppel)))
        }
        section(say(.labelWhy), route.explanation, into: &out)
        section(
            say(.labelAlternatives),
            route.alternatives.map {
                say(.labelAlternative(procedure: procedureLabel($0.procedure, messages), why: $0.why))
            }, into: &out)
        if let status = route.administrativeClaim {
            out.append("")
            out.append(messages.text(AdministrativeReason.labelStatus(status: statusText(status, messages))))
        }
        for (index, uncovered) in route.uncovered.enumerated() {
            let invoices = index == 0 ? route.uncoveredInvoices.joined(separator: ", ") : ""
            out.append("")
            out.append(
                messages.text(
                    EnforcementRouteReason.labelUncovered(invoices: invoices, amount: Money.french(uncovered.amount))))
            out.append(
                "- "
                    + messages.text(
                        EnforcementRouteReason.labelUncoveredRoute(
                            procedure: procedureLabel(uncovered.procedure, messages),
                            court: uncovered.court?.name ?? "—")))
        }
        section(say(.labelFirstSteps), route.priorSteps, into: &out)
        section(say(.labelWarnings), route.warnings, into: &out)
        section(say(.labelSources), route.sources, into: &out)
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
            (
                "form",
                route.form.map { form in
                    .object([
                        ("cerfa", form.cerfa.isEmpty ? .null : .string(form.cerfa)), ("title", .string(form.title)),
                    ])
                } ?? .null
            ),
            (
                "alternatives",
                .array(
                    route.alternatives.map {
                        .object([("procedure", .string($0.procedure.rawValue)), ("why", .string($0.why))])
                    })
            ),
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
            ("title_path", .optional(route.titlePath?.rawValue)),
            ("administrative_claim", route.administrativeClaim.map(administrativeJSON) ?? .null),
            (
                "uncovered",
                .array(
                    route.uncovered.map { uncovered in
                        .object([
                            ("invoices", .array(route.uncoveredInvoices.map(JSONValue.string))),
                            ("amount", .string(Money.plain(uncovered.amount))),
                            ("procedure", .string(uncovered.procedure.rawValue)),
                            ("court", uncovered.court.map(courtJSON) ?? .null),
                            (
                                "form",
                                uncovered.form.map { form in
                                    .object([
                                        ("cerfa", form.cerfa.isEmpty ? .null : .string(form.cerfa)),
                                        ("title", .string(form.title)),
                                    ])
                                } ?? .null
                            ),
                            (
                                "alternatives",
                                .array(uncovered.alternatives.map { .string($0.procedure.rawValue) })
                            ),
                            ("warnings", .array(uncovered.warnings.map(JSONValue.string))),
                        ])
                    })
            ),
        ]
        return JSONValue.object(object).rendered()
    }

    /// Where a public body's mémoire en réclamation stands (CJA R421-1, R421-2): `status` and its dates.
    static func administrativeJSON(_ status: AdministrativeClaimStatus) -> JSONValue {
        func day(_ value: Day?) -> JSONValue { .optional(value?.iso) }
        switch status {
        case .notReceived:
            return .object([("status", .string("not_received"))])
        case .waiting(let received, let rejected, let filingFrom):
            return .object([
                ("status", .string("waiting")), ("received", day(received)), ("rejected", day(rejected)),
                ("filing_from", day(filingFrom)),
            ])
        case .implicitlyRejected(let received, let rejected):
            return .object([
                ("status", .string("implicitly_rejected")), ("received", day(received)), ("rejected", day(rejected)),
            ])
        case .expresslyRejected(let date, let deadline):
            return .object([
                ("status", .string("expressly_rejected")), ("rejected", day(date)), ("deadline", day(deadline)),
            ])
        }
    }

    /// The status line of `recouvre route` text (`forms/messages/administrative.yaml`).
    static func statusText(_ status: AdministrativeClaimStatus, _ messages: MessageCatalogue) -> String {
        let frenchDate = messages.dates.long
        switch status {
        case .notReceived: return messages.text(AdministrativeReason.statusNotReceived)
        case .waiting(let received, let rejected, let filingFrom):
            return messages.text(
                AdministrativeReason.statusWaiting(
                    received: frenchDate(received), rejected: frenchDate(rejected), from: frenchDate(filingFrom)))
        case .implicitlyRejected(let received, let rejected):
            return messages.text(
                AdministrativeReason.statusImplicit(received: frenchDate(received), rejected: frenchDate(rejected)))
        case .expresslyRejected(let date, let deadline?):
            return messages.text(
                AdministrativeReason.statusExpressDeadline(date: frenchDate(date), until: frenchDate(deadline)))
        case .expresslyRejected(let date, nil):
            return messages.text(AdministrativeReason.statusExpress(date: frenchDate(date)))
        }
    }

    static func courtJSON(_ court: Court) -> JSONValue {
        let address: JSONValue =
            court.address.map { address in
                .object([
                    ("lines", .array(address.lines.map(JSONValue.string))),
                    ("postcode", .optional(address.postcode)),
                    ("city", .string(address.city)),
                ])
            } ?? .null
        return .object([("kind", .string(court.kind.rawValue)), ("name", .string(court.name)), ("address", address)])
    }

    /// The procedure in words (`forms/messages/route.yaml`).
    public static func procedureLabel(_ procedure: Procedure, _ messages: MessageCatalogue) -> String {
        switch procedure {
        case .injonctionDePayer: return messages.text(RouteReason.procedureInjonction)
        case .pspc: return messages.text(RouteReason.procedurePSPC)
        case .europeanOrderForPayment: return messages.text(RouteReason.procedureEuropeanOrder)
        case .europeanSmallClaims: return messages.text(RouteReason.procedureEuropeanSmallClaims)
        case .administrativeClaim: return messages.text(RouteReason.procedureAdministrativeClaim)
        case .declarationDeCreance: return messages.text(RouteReason.procedureDeclaration)
        case .enforcement: return messages.text(EnforcementRouteReason.procedureEnforcement)
        case .refereProvision: return messages.text(AdministrativeReason.procedureRefereProvision)
        case .none: return messages.text(RouteReason.procedureNone)
        }
    }

    static func section(_ title: String, _ lines: [String], into out: inout [String]) {
        guard !lines.isEmpty else { return }
        out.append("")
        out.append(title)
        out += lines.map { "- \($0)" }
    }
}
