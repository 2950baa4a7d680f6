import Foundation
import RecouvreDocuments
import RecouvreModel

/// The amicable attempts as the documents print them (the mise en demeure mentions the earlier
/// reminders; the requête and the bordereau show the amicable attempts): one French line per step,
/// in date order, worded by `forms/templates/relance-chronologie.mustache`.
public enum AmicableChronology {
    /// The lines for `history` up to `asOf` (a step after the document's date is not shown).
    /// `ladder` names the steps (`relance ferme`); `payments` tell whether promises and plans were kept.
    public static func lines(
        history: AmicableHistory, ladder: Ladder, payments: [Payment], asOf: Day,
        forms: AmicableForms
    ) throws(AmicableError) -> [String] {
        var items: [(day: Day, order: Int, model: [String: Any])] = []
        for reminder in history.reminders where reminder.date <= asOf {
            var model: [String: Any] = [
                "reminder": true, "date": FrenchFormat.date(reminder.date),
                "channel": LetterModel.channelWords(reminder.channel),
            ]
            if let id = reminder.step, let step = ladder.step(id) { model["label"] = step.label }
            items.append((reminder.date, 0, model))
        }
        for promise in history.promises where promise.date <= asOf {
            var model: [String: Any] = [
                "promise": true, "date": FrenchFormat.date(promise.date), "until": FrenchFormat.date(promise.until),
            ]
            if let amount = promise.amount { model["amount"] = Money.french(amount) }
            if promise.until < asOf {
                let paid = payments.filter { $0.date >= promise.date && $0.date <= promise.until }.reduce(Decimal(0)) {
                    $0 + $1.amount
                }
                if let amount = promise.amount { model[paid >= amount ? "kept" : "broken"] = true }
            }
            items.append((promise.date, 1, model))
        }
        for plan in history.plans where plan.date <= asOf {
            var model: [String: Any] = [
                "plan": true, "date": FrenchFormat.date(plan.date), "count": plan.instalments.count,
                "plural": plan.instalments.count > 1, "total": Money.french(plan.total),
            ]
            if let first = plan.instalments.first, let last = plan.instalments.last {
                model["first"] = FrenchFormat.date(first.date)
                model["last"] = FrenchFormat.date(last.date)
            }
            switch PlanStatus.evaluate(plan, payments: payments, asOf: asOf, graceDays: ladder.planGraceDays) {
            case .broken(let missed, _):
                model["broken"] = ["date": FrenchFormat.date(missed.date), "amount": Money.french(missed.amount)]
            case .completed: model["completed"] = true
            case .honoured: model["honoured"] = true
            }
            items.append((plan.date, 2, model))
        }
        items.sort { ($0.day, $0.order) < ($1.day, $1.order) }
        var lines: [String] = []
        for item in items {
            let text = try forms.render(AmicableForms.chronologyTemplate, item.model, width: Int.max)
            lines.append(contentsOf: text.split(separator: "\n").map(String.init).filter { !$0.isEmpty })
        }
        return lines
    }
}
