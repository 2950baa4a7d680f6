import Foundation
import RecouvreDocuments
import RecouvreLaw
import RecouvreModel

/// How often instalments fall.
public enum PlanFrequency: String, Sendable, CaseIterable {
    case month, week, quarter

    func day(from first: Day, index: Int) -> Day {
        switch self {
        // Counted from the first date, not from the previous one: 31 January, 28 February, 31 March
        // (a shorter month clamps, CPC 641's "de mois à mois").
        case .month: return first.adding(months: index)
        case .quarter: return first.adding(months: 3 * index)
        case .week: return first.adding(days: 7 * index)
        }
    }
}

/// A proposed payment plan (échéancier) and what it still carries.
public struct PlanProposal: Sendable, Hashable {
    public var instalments: [Instalment]
    /// What the instalments pay: the outstanding principal on the as-of day.
    public var claim: Decimal
    /// The statement on the as-of day, and at the last instalment with the planned payments made.
    public var now: Statement
    public var atEnd: Statement
    /// What the formal notice would claim if the first instalment were missed (statement the day the
    /// plan breaks, without any planned payment).
    public var ifFirstMissed: (day: Day, total: Decimal)
    public var graceDays: Int

    public static func == (lhs: PlanProposal, rhs: PlanProposal) -> Bool {
        lhs.instalments == rhs.instalments && lhs.claim == rhs.claim && lhs.now == rhs.now && lhs.atEnd == rhs.atEnd
            && lhs.ifFirstMissed.day == rhs.ifFirstMissed.day && lhs.ifFirstMissed.total == rhs.ifFirstMissed.total
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(instalments) }

    /// Penalties or interest still due at the end of the plan (accrued before and during it).
    public var penaltiesCarried: Decimal { atEnd.totals.penalties }
    /// Of which accrued while the plan runs.
    public var penaltiesDuringPlan: Decimal { atEnd.totals.penalties - now.totals.penalties }
    /// What is still owed once every instalment is paid: penalties, fees, and any principal the
    /// instalments did not reach (civil interest is paid first, C. civ. 1343-1).
    public var remainingAfterPlan: Decimal { atEnd.totals.total }

    /// The plan as an event to record once the debtor accepted it.
    public func accepted(on day: Day) -> AcceptedPlan { AcceptedPlan(date: day, instalments: instalments) }
}

public enum PaymentPlanner {
    /// Splits `claim` into `count` instalments in whole cents that add up to it exactly; the cents that
    /// do not divide evenly go on the FIRST instalment (the later ones are equal).
    public static func split(_ claim: Decimal, count: Int, first: Day, every frequency: PlanFrequency) -> [Instalment] {
        precondition(count > 0)
        let cents = NSDecimalNumber(decimal: Money.rounded(claim) * 100).int64Value
        let share = cents / Int64(count)
        let remainder = cents - share * Int64(count)
        return (0..<count).map { index in
            let amount = share + (index == 0 ? remainder : 0)
            return Instalment(date: frequency.day(from: first, index: index), amount: Decimal(amount) / 100)
        }
    }

    /// The plan for `claim` as of `asOf`: instalments of the outstanding principal, and the penalties or
    /// interest they still carry, computed by the statement engine on a copy of the case with the planned
    /// payments added (the user's case is not changed).
    public static func propose(
        case claim: Case, asOf: Day, count: Int, first: Day, every frequency: PlanFrequency,
        graceDays: Int, engine: StatementEngine
    ) throws -> PlanProposal {
        guard count >= 1 else { throw AmicableError("--instalments \(count) : au moins une échéance", exitCode: 2) }
        guard first >= asOf else {
            throw AmicableError(
                "--first \(first.iso) : la première échéance précède la date du plan (\(asOf.iso))", exitCode: 2)
        }
        let now = try engine.statement(for: claim, asOf: asOf)
        guard now.totals.principal > 0 else {
            throw AmicableError("\(claim.reference) : aucun principal restant dû au \(asOf.iso), pas d'échéancier")
        }
        let instalments = split(now.totals.principal, count: count, first: first, every: frequency)
        var planned = claim
        for (index, instalment) in instalments.enumerated() {
            planned.payments.append(
                Payment(
                    date: instalment.date, amount: instalment.amount,
                    reference: engine.messages.text(AmicableReason.plannedInstalment(number: index + 1, count: count))))
        }
        let end = instalments.last!.date
        let atEnd = try engine.statement(for: planned, asOf: end)
        let broken = first.adding(days: graceDays + 1)
        let missed = try engine.statement(for: claim, asOf: broken)
        return PlanProposal(
            instalments: instalments, claim: now.totals.principal, now: now, atEnd: atEnd,
            ifFirstMissed: (broken, missed.totals.total), graceDays: graceDays)
    }

    /// The letter proposing the plan (`forms/templates/plan-echeancier.mustache`).
    public static func letter(
        case claim: Case, proposal: PlanProposal, asOf: Day, tables: RateTables,
        forms: AmicableForms
    ) throws -> String {
        var model = try LetterModel.common(
            case: claim, statement: proposal.now, asOf: asOf, tables: tables, forms: forms)
        model["instalments"] = proposal.instalments.enumerated().map { index, instalment -> [String: Any] in
            [
                "number": index + 1, "date": forms.date(instalment.date),
                "amount": Money.french(instalment.amount),
            ]
        }
        model["count"] = proposal.instalments.count
        model["firstDate"] = forms.date(proposal.instalments[0].date)
        model["claim"] = Money.french(proposal.claim)
        model["endDate"] = forms.date(proposal.instalments.last!.date)
        model["graceDays"] = proposal.graceDays
        model["penaltiesCarried"] = Money.french(proposal.penaltiesCarried)
        model["carriesPenalties"] = proposal.penaltiesCarried > 0
        model["flatFeesAtEnd"] = Money.french(proposal.atEnd.totals.flatFees)
        model["remainingAfterPlan"] = Money.french(proposal.remainingAfterPlan)
        model["remainsAfterPlan"] = proposal.remainingAfterPlan > 0
        model["ifFirstMissed"] = [
            "date": forms.date(proposal.ifFirstMissed.day), "total": Money.french(proposal.ifFirstMissed.total),
        ]
        if let rates = LetterModel.rates(proposal.atEnd, messages: forms.messages) { model["ratesDuringPlan"] = rates }
        return try forms.render(AmicableForms.planTemplate, model)
    }
}
