import Foundation
import RecouvreDocuments
import RecouvreModel

/// The amicable attempts as the documents print them (the mise en demeure mentions the earlier
/// reminders; the requête, the bordereau, the PSPC request and the European form show every step
/// before the court): one French line per step, in date order, worded by
/// `forms/templates/relance-chronologie.mustache`.
public enum AmicableChronology {
    /// The steps of `history` up to `asOf` (a step after the document's date is not shown): reminders,
    /// payment promises, accepted plans and formal notices. `ladder` names the steps (`relance ferme`);
    /// `payments` tell whether promises and plans were kept.
    public static func steps(
        history: AmicableHistory, ladder: Ladder, payments: [Payment], asOf: Day,
        forms: AmicableForms
    ) throws(AmicableError) -> [AmicableStep] {
        var items: [(day: Day, kind: AmicableStep.Kind, model: [String: Any])] = []
        for reminder in history.reminders where reminder.date <= asOf {
            var model: [String: Any] = [
                "reminder": true, "date": forms.date(reminder.date),
                "channel": LetterModel.channelWords(reminder.channel),
            ]
            if let id = reminder.step, let step = ladder.step(id) { model["label"] = step.label }
            items.append((reminder.date, .reminder, model))
        }
        for promise in history.promises where promise.date <= asOf {
            var model: [String: Any] = [
                "promise": true, "date": forms.date(promise.date), "until": forms.date(promise.until),
            ]
            if let amount = promise.amount { model["amount"] = Money.french(amount) }
            if promise.until < asOf {
                let paid = payments.filter { $0.date >= promise.date && $0.date <= promise.until }.reduce(Decimal(0)) {
                    $0 + $1.amount
                }
                if let amount = promise.amount { model[paid >= amount ? "kept" : "broken"] = true }
            }
            items.append((promise.date, .promise, model))
        }
        for plan in history.plans where plan.date <= asOf {
            var model: [String: Any] = [
                "plan": true, "date": forms.date(plan.date), "count": plan.instalments.count,
                "plural": plan.instalments.count > 1, "total": Money.french(plan.total),
            ]
            if let first = plan.instalments.first, let last = plan.instalments.last {
                model["first"] = forms.date(first.date)
                model["last"] = forms.date(last.date)
            }
            switch PlanStatus.evaluate(plan, payments: payments, asOf: asOf, graceDays: ladder.planGraceDays) {
            case .broken(let missed, _):
                model["broken"] = ["date": forms.date(missed.date), "amount": Money.french(missed.amount)]
            case .completed: model["completed"] = true
            case .honoured: model["honoured"] = true
            }
            items.append((plan.date, .plan, model))
        }
        for notice in history.notices where notice.date <= asOf {
            var model: [String: Any] = [
                "notice": true, "date": forms.date(notice.date),
                "channel": LetterModel.channelWords(notice.channel),
            ]
            // A receipt after the document's date is not known to it yet.
            if let received = notice.received, received <= asOf {
                model[notice.notCollected ? "presented" : "received"] = forms.date(received)
            } else {
                model["noReceipt"] = true
            }
            items.append((notice.date, .formalNotice, model))
        }
        let order: [AmicableStep.Kind] = [.reminder, .promise, .plan, .formalNotice]
        items.sort {
            ($0.day, order.firstIndex(of: $0.kind) ?? 0) < ($1.day, order.firstIndex(of: $1.kind) ?? 0)
        }
        var steps: [AmicableStep] = []
        for item in items {
            for line in try forms.lines(AmicableForms.chronologyTemplate, item.model) {
                steps.append(AmicableStep(day: item.day, kind: item.kind, text: line))
            }
        }
        return steps
    }

    /// The lines of `steps`, the formal notices left out (what the mise en demeure recalls).
    public static func lines(
        history: AmicableHistory, ladder: Ladder, payments: [Payment], asOf: Day,
        forms: AmicableForms
    ) throws(AmicableError) -> [String] {
        try steps(history: history, ladder: ladder, payments: payments, asOf: asOf, forms: forms)
            .filter { $0.kind != .formalNotice }.map(\.text)
    }

    /// The steps of `claim` (its events and its journal) a dossier dated `asOf` recalls.
    public static func steps(
        case claim: Case, journal: AmicableJournal? = nil, asOf: Day, forms: AmicableForms
    ) throws(AmicableError) -> [AmicableStep] {
        try steps(
            history: AmicableHistory(case: claim, journal: journal), ladder: forms.ladder, payments: claim.payments,
            asOf: asOf, forms: forms)
    }
}
