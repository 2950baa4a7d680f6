import Foundation
import RecouvreJSON
import RecouvreModel

extension TitleStatement {
    /// The décompte of the title in `recouvre statement --format json` (key `title`), with the same
    /// fields as `statement/title` of dossier.xml: money as "1234.50", dates as YYYY-MM-DD.
    public var jsonValue: JSONValue {
        func money(_ value: Decimal) -> JSONValue { .string(Money.plain(value)) }
        let rate: JSONValue
        switch self.rate {
        case .legal?: rate = .string("legal")
        case .clause(.fixed(let value))?: rate = money(value)
        case .clause(.ecbPlus(let points))?: rate = .string("ECB + \(Money.plain(points))")
        case .clause(.legalTimes(let multiple))?: rate = .string("\(Money.plain(multiple)) x legal")
        case nil: rate = .null
        }
        return .object([
            ("kind", .string(kind.rawValue)),
            ("date", .string(date.iso)),
            ("court", .optional(court)),
            ("served", .optional(served?.iso)),
            ("covers", .array(invoices.map(JSONValue.string))),
            ("principal", money(principal)),
            ("interest_rate", rate),
            ("interest_from", .optional(interestFrom?.iso)),
            ("increase_from", .optional(increaseFrom?.iso)),
            ("periods", .array(periods.map(\.jsonValue))),
            ("interest", money(interest)),
            (
                "payments",
                .array(
                    payments.map { payment in
                        .object([
                            ("date", .string(payment.date.iso)),
                            ("amount", money(payment.amount)),
                            ("reference", .optional(payment.reference)),
                            ("to_interest", money(payment.toInterest)),
                            ("to_principal", money(payment.toPrincipal)),
                            ("to_costs", money(payment.toCosts)),
                        ])
                    })
            ),
            ("principal_due", money(principalDue)),
            ("interest_due", money(interestDue)),
            ("costs", money(costs)),
            ("article_700", money(article700)),
            ("costs_due", money(costsDue)),
            ("total", money(total)),
        ])
    }
}

extension StatementFormatter {
    /// `recouvre.statement/1` of a titled case: the statement the dossier records (the title's totals,
    /// no invoice lines: `DossierPipeline.recorded`) with the décompte under `title`.
    public static func json(_ recorded: Statement, title: TitleStatement) -> String {
        guard case .object(var members) = jsonValue(recorded) else { return jsonValue(recorded).rendered() }
        members.append(("title", title.jsonValue))
        return JSONValue.object(members).rendered()
    }
}

extension PenaltyPeriod {
    /// A penalty or interest period in the JSON of `recouvre statement` (an invoice's account, a title's
    /// décompte): money as "1234.50", dates as YYYY-MM-DD.
    public var jsonValue: JSONValue {
        .object([
            ("from", .string(from.iso)),
            ("to", .string(to.iso)),
            ("days", .integer(Int64(days))),
            ("base", .string(Money.plain(base))),
            ("rate", .string(Money.plain(rate))),
            ("amount", .string(Money.plain(amount))),
            ("source", .string(source)),
        ])
    }
}
