import Foundation
import RecouvreModel

/// A reminder already sent (case-file event `reminder`, with the ladder step it was when recorded).
public struct RecordedReminder: Sendable, Hashable {
    public var date: Day
    /// The ladder step id (`reminder.step`); nil for a reminder recorded without one.
    public var step: String?
    public var channel: Channel?
    /// The letter or e-mail as sent, relative to the case file's folder.
    public var file: String?
    /// The payer profile the reminder was written for (journal only).
    public var profile: String?

    public init(date: Day, step: String? = nil, channel: Channel? = nil, file: String? = nil, profile: String? = nil) {
        self.date = date
        self.step = step
        self.channel = channel
        self.file = file
        self.profile = profile
    }
}

/// The debtor promised, on `date`, to pay by `until` (`amount`, or the whole balance): the ladder
/// pauses until then.
public struct PaymentPromise: Sendable, Hashable {
    public var date: Day
    public var until: Day
    public var amount: Decimal?

    public init(date: Day, until: Day, amount: Decimal? = nil) {
        self.date = date
        self.until = until
        self.amount = amount
    }
}

/// A payment plan the debtor accepted on `date`: the ladder is on hold while each instalment is paid by its date.
public struct AcceptedPlan: Sendable, Hashable {
    public var date: Day
    public var instalments: [Instalment]

    public init(date: Day, instalments: [Instalment]) {
        self.date = date
        self.instalments = instalments
    }

    public var total: Decimal { instalments.reduce(0) { $0 + $1.amount } }
}

/// A formal notice sent (C. civ. 1344) and, when known, the day the debtor received it.
public struct SentNotice: Sendable, Hashable {
    public var date: Day
    /// The avis de réception's date, or the presentation day of a pli avisé non réclamé.
    public var received: Day?
    public var channel: Channel?
    /// A pli avisé non réclamé (`outcome: not_collected`): `received` is the day it was presented.
    public var notCollected: Bool

    public init(date: Day, received: Day? = nil, channel: Channel? = nil, notCollected: Bool = false) {
        self.date = date
        self.received = received
        self.channel = channel
        self.notCollected = notCollected
    }
}

/// Everything amicable that happened to a claim, from the case file and its journal: the ladder's input.
public struct AmicableHistory: Sendable, Hashable {
    public var reminders: [RecordedReminder]
    public var promises: [PaymentPromise]
    public var plans: [AcceptedPlan]
    public var notices: [SentNotice]
    /// The profile recorded in the journal, if any.
    public var profile: String?

    public init(
        reminders: [RecordedReminder] = [], promises: [PaymentPromise] = [], plans: [AcceptedPlan] = [],
        notices: [SentNotice] = [], profile: String? = nil
    ) {
        self.reminders = reminders.sorted { $0.date < $1.date }
        self.promises = promises.sorted { $0.date < $1.date }
        self.plans = plans.sorted { $0.date < $1.date }
        self.notices = notices.sorted { $0.date < $1.date }
        self.profile = profile
    }

    /// The history of `claim` — its `reminder` (with `step`), `formal_notice`, `promise` and `plan`
    /// events — plus the steps recorded in its journal (`case.reminders.yaml`); the same step in both
    /// counts once. `Instalment` is the case model's.
    public init(case claim: Case, journal: AmicableJournal? = nil) {
        var reminders: [RecordedReminder] = []
        var notices: [SentNotice] = []
        var promises: [PaymentPromise] = []
        var plans: [AcceptedPlan] = []
        for event in claim.events {
            switch event.type {
            case .reminder:
                reminders.append(
                    RecordedReminder(date: event.date, step: event.step, channel: event.channel, file: event.file))
            case .formalNotice:
                // A pli avisé non réclamé counts as received on its presentation (effectiveReceipt).
                notices.append(
                    SentNotice(
                        date: event.date, received: event.effectiveReceipt, channel: event.channel,
                        notCollected: event.received == nil && event.outcome == .notCollected))
            case .promise:
                if let until = event.until {
                    promises.append(PaymentPromise(date: event.date, until: until, amount: event.amount))
                }
            case .plan:
                if !event.instalments.isEmpty {
                    plans.append(AcceptedPlan(date: event.date, instalments: event.instalments))
                }
            default:
                break
            }
        }
        for entry in journal?.entries ?? [] {
            switch entry {
            case .reminder(let reminder):
                // The same reminder copied into the case file (same day, same step or none) counts once.
                if let index = reminders.firstIndex(where: {
                    $0.date == reminder.date && ($0.step == nil || $0.step == reminder.step)
                }) {
                    var merged = reminder
                    merged.file = reminder.file ?? reminders[index].file
                    merged.channel = reminder.channel ?? reminders[index].channel
                    reminders[index] = merged
                } else {
                    reminders.append(reminder)
                }
            case .promise(let promise): if !promises.contains(promise) { promises.append(promise) }
            case .plan(let plan): if !plans.contains(plan) { plans.append(plan) }
            }
        }
        self.init(
            reminders: reminders, promises: promises, plans: plans, notices: notices,
            profile: journal?.profile
                ?? reminders.sorted { $0.date < $1.date }.last(where: { $0.profile != nil })?.profile)
    }
}
