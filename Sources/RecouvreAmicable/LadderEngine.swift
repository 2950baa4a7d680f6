import Foundation
import RecouvreDocuments
import RecouvreLaw
import RecouvreModel

/// What the ladder says for one debtor on one day: a pure function of the case, its statement, its
/// amicable history, the ladder and the profile, and the as-of day (no clock, no file).
public struct LadderDecision: Sendable, Hashable {
    public enum State: Sendable, Hashable {
        /// Nothing is owed any more: no reminder.
        case settled
        /// `dueStep` is to be sent today (or, for the formal notice, written with `recouvre build`).
        case due
        /// Nothing to send today; `next` says what comes and when.
        case waiting
        /// A promise to pay is running: the ladder resumes the day after its `until` if it is not kept.
        case paused(PaymentPromise)
        /// An accepted plan is honoured so far: the ladder is on hold; `next` is its next instalment.
        case onHold(AcceptedPlan)
        /// The formal notice was sent; the court comes once its time has run from its receipt.
        case noticeSent(SentNotice)
        /// The formal notice's time has run: the next step is the court (`recouvre route`, `recouvre build`).
        case court(SentNotice)
        /// The debtor is under collective proceedings: no reminder, the claim is declared (C. com. L622-21, L622-24).
        case collectiveProceedings
    }

    /// What follows, and from when.
    public enum Next: Sendable, Hashable {
        case step(LadderStep, Day)
        /// The court, from that day (nil: unknown until the avis de réception is recorded).
        case court(Day?)
        case instalment(Instalment)
        case none
    }

    public var state: State
    /// The ladder as the profile follows it.
    public var ladder: Ladder
    public var profile: PayerProfile
    /// The due date of the oldest unpaid invoice: day 0 of the ladder.
    public var anchor: Day?
    public var dueStep: LadderStep?
    public var next: Next
    /// Steps whose day passed without being sent (the ladder does not send them late: it sends the latest).
    public var passed: [LadderStep]
    /// The steps already recorded, with the step each reminder counts as.
    public var done: [(reminder: RecordedReminder, step: LadderStep?)]
    /// A promise whose date passed without the payment promised.
    public var brokenPromise: PaymentPromise?
    /// A plan broken by the instalment missed.
    public var brokenPlan: (plan: AcceptedPlan, missed: Instalment)?
    /// Explanations for the user, in the order they arise: reasons worded by the book's catalogue
    /// (`forms/messages/amicable.yaml`; `MessageCatalogue.texts(_:)`).
    public var notes: [AmicableReason]

    public static func == (lhs: LadderDecision, rhs: LadderDecision) -> Bool {
        lhs.state == rhs.state && lhs.ladder == rhs.ladder && lhs.profile == rhs.profile && lhs.anchor == rhs.anchor
            && lhs.dueStep == rhs.dueStep && lhs.next == rhs.next && lhs.passed == rhs.passed
            && lhs.done.map(\.reminder) == rhs.done.map(\.reminder) && lhs.done.map(\.step) == rhs.done.map(\.step)
            && lhs.brokenPromise == rhs.brokenPromise && lhs.brokenPlan?.plan == rhs.brokenPlan?.plan
            && lhs.brokenPlan?.missed == rhs.brokenPlan?.missed && lhs.notes == rhs.notes
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(anchor)
        hasher.combine(dueStep)
    }

    /// The next action is the formal notice (due today or the next step).
    public var formalNoticeNext: Bool {
        if dueStep?.kind == .formalNotice { return true }
        if case .step(let step, _) = next, step.kind == .formalNotice, dueStep == nil { return true }
        return false
    }

    /// The next action is the court.
    public var courtNext: Bool {
        if case .court = state { return true }
        return false
    }
}

/// The reminder ladder (domain.md §6: the reminders before the formal notice, their tone adapted to the payer).
public enum LadderEngine {
    /// Decides the step of the day.
    /// - Parameters:
    ///   - statement: the statement of `claim` as of `asOf` (RecouvreLaw's StatementEngine): what is unpaid.
    ///   - formalNoticeDays: the time the formal notice gives to pay, counted from its receipt
    ///     (`forms/templates/settings.yaml`, formal_notice_days).
    public static func decide(
        case claim: Case, statement: Statement, history: AmicableHistory, ladder base: Ladder,
        profile: PayerProfile, asOf: Day, formalNoticeDays: Int
    ) -> LadderDecision {
        let ladder = profile.applied(to: base)
        var decision = LadderDecision(
            state: .waiting, ladder: ladder, profile: profile, anchor: nil, dueStep: nil,
            next: .none, passed: [], done: [], brokenPromise: nil, brokenPlan: nil, notes: [])
        let open = statement.invoices.filter { $0.outstanding > 0 && $0.issued <= asOf }
        guard let anchor = open.map(\.due).min() else {
            decision.state = .settled
            decision.notes.append(.nothingUnpaid(date: asOf))
            return decision
        }
        decision.anchor = anchor

        // C. com. L622-21: the opening judgment stops individual proceedings, reminders included in
        // practice; the claim is declared to the mandataire within two months of the BODACC (L622-24, R622-24).
        if let proceedings = claim.contract.collectiveProceedings {
            var opened: Day?
            if case .opened(let day) = proceedings { opened = day }
            if opened.map({ $0 <= asOf }) ?? true {
                decision.state = .collectiveProceedings
                decision.notes.append(opened.map { .collectiveProceedingsOpened(date: $0) } ?? .collectiveProceedings)
                return decision
            }
        }

        // The formal notice ends the amicable ladder (C. civ. 1344): the court comes after its time.
        if let notice = history.notices.last(where: { $0.date <= asOf }) {
            if let received = notice.received {
                let from = received.adding(days: formalNoticeDays + 1)
                decision.next = .court(from)
                decision.state = asOf >= from ? .court(notice) : .noticeSent(notice)
            } else {
                decision.state = .noticeSent(notice)
                decision.next = .court(nil)
                decision.notes.append(.noticeWithoutReceipt(date: notice.date, days: formalNoticeDays))
            }
            decision.done = history.reminders.map { ($0, base.step($0.step ?? "")) }
            return decision
        }

        // The steps already sent: by their step id, else the latest step due on the day they were sent.
        var lastDone = Int.min
        for reminder in history.reminders where reminder.date <= asOf {
            var step: LadderStep?
            if let id = reminder.step {
                step = ladder.step(id) ?? base.step(id)
                if step == nil {
                    decision.notes.append(.unknownStep(date: reminder.date, step: id, ladder: ladder.id))
                }
            } else {
                let later = ladder.steps.filter { $0.days > lastDone && $0.kind == .reminder }
                step = later.last { anchor.adding(days: $0.days) <= reminder.date } ?? later.first
            }
            if let step { lastDone = max(lastDone, step.days) }
            decision.done.append((reminder, step))
        }
        let lastSent = history.reminders.last { $0.date <= asOf }?.date

        // Promises and plans: the latest one governs.
        var resume: Day?
        var forceNotice = false
        let promise = history.promises.last { $0.date <= asOf }
        let plan = history.plans.last { $0.date <= asOf }
        if let plan, promise.map({ plan.date >= $0.date }) ?? true {
            switch PlanStatus.evaluate(plan, payments: claim.payments, asOf: asOf, graceDays: ladder.planGraceDays) {
            case .honoured(let nextInstalment):
                decision.state = .onHold(plan)
                decision.next = .instalment(nextInstalment)
                decision.notes.append(.planHonoured(date: plan.date))
                return decision
            case .completed(let last):
                resume = last.adding(days: 1)
            case .broken(let missed, let from):
                decision.brokenPlan = (plan, missed)
                resume = from
                forceNotice = true
                decision.notes.append(
                    .planBroken(
                        date: plan.date, missed: missed.date, amount: Money.french(missed.amount),
                        graceDays: ladder.planGraceDays))
            }
        } else if let promise {
            if asOf <= promise.until {
                decision.state = .paused(promise)
                decision.notes.append(.promiseRunning(date: promise.date, until: promise.until))
                let candidates = ladder.steps.filter { $0.days > lastDone }
                if let first = candidates.first {
                    decision.next = .step(
                        first,
                        max(
                            anchor.adding(days: first.days), promise.until.adding(days: 1),
                            lastSent.map { $0.adding(days: ladder.minimumGapDays) } ?? anchor.adding(days: first.days)))
                }
                return decision
            }
            let paid = claim.payments.filter { $0.date >= promise.date && $0.date <= promise.until }.reduce(Decimal(0))
            { $0 + $1.amount }
            if paid < (promise.amount ?? statement.totals.principal + paid) {
                decision.brokenPromise = promise
                decision.notes.append(.promiseBroken(date: promise.date, until: promise.until))
            }
            resume = promise.until.adding(days: 1)
        }

        // The step of the day: the latest step not yet sent whose day has come.
        let floor = [lastSent.map { $0.adding(days: ladder.minimumGapDays) }, resume].compactMap { $0 }.max()
        func day(_ step: LadderStep) -> Day {
            max(anchor.adding(days: step.days), floor ?? anchor.adding(days: step.days))
        }
        var candidates = ladder.steps.filter { $0.days > lastDone }
        if forceNotice { candidates = candidates.filter { $0.kind == .formalNotice } }
        if let index = candidates.lastIndex(where: { day($0) <= asOf }) {
            let step = candidates[index]
            decision.state = .due
            decision.dueStep = step
            decision.passed = Array(candidates[..<index])
            if index + 1 < candidates.count {
                let following = candidates[index + 1]
                decision.next = .step(
                    following, max(anchor.adding(days: following.days), asOf.adding(days: ladder.minimumGapDays)))
            } else {
                decision.next = .court(nil)
            }
        } else if let first = candidates.first {
            decision.next = .step(first, day(first))
        }
        return decision
    }
}

/// Whether an accepted plan is honoured: each instalment paid (cumulatively, by payments made since the
/// plan was accepted) by its date plus the grace days.
public enum PlanStatus: Sendable, Hashable {
    case honoured(next: Instalment)
    case completed(last: Day)
    /// The instalment missed, and the day the plan counts as broken.
    case broken(missed: Instalment, from: Day)

    public static func evaluate(_ plan: AcceptedPlan, payments: [Payment], asOf: Day, graceDays: Int) -> PlanStatus {
        var due: Decimal = 0
        for instalment in plan.instalments {
            due += instalment.amount
            let deadline = instalment.date.adding(days: graceDays)
            guard deadline < asOf else { return .honoured(next: instalment) }
            let paid = payments.filter { $0.date >= plan.date && $0.date <= deadline }.reduce(Decimal(0)) {
                $0 + $1.amount
            }
            if paid < due { return .broken(missed: instalment, from: deadline.adding(days: 1)) }
        }
        return .completed(last: plan.instalments.last.map { $0.date.adding(days: graceDays) } ?? plan.date)
    }
}
