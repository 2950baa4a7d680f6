import Foundation
import RecouvreModel

/// A prescription (or forclusion) deadline close or past (domain.md §3).
public struct PrescriptionNotice: Sendable, Hashable {
    /// The invoice concerned (nil for the judgment).
    public var invoice: String?
    public var expired: Bool
    /// The last day the action can be brought.
    public var runsOut: Day
    public var message: String

    public init(invoice: String?, expired: Bool, runsOut: Day, message: String) {
        self.invoice = invoice
        self.expired = expired
        self.runsOut = runsOut
        self.message = message
    }
}

/// Prescription periods, as parsed from `forms/rates/prescription.yaml` by the law-book loader.
public struct PrescriptionRules: Sendable, Hashable {
    public struct Period: Sendable, Hashable {
        public var years: Int
        public var source: String

        public init(years: Int, source: String) {
            self.years = years
            self.source = source
        }
    }

    public enum Key: String, Sendable, CaseIterable {
        case commercial, civil, consumer
        case residentialLease = "residential_lease"
        case consumerCredit = "consumer_credit"
        case publicProcurement = "public_procurement"
        case judgment
    }

    public var warnDays: Int
    public var periods: [Key: Period]

    public init(warnDays: Int, periods: [Key: Period]) {
        self.warnDays = warnDays
        self.periods = periods
    }
}

/// Prescription warnings (domain.md §3): one notice per claim whose deadline is past or less than
/// `warn_days` away. Never silent: the documents print them, and a court dossier is refused when one
/// has expired unless forced.
public enum Prescription {
    /// Checks every invoice still (at least partly) unpaid against the prescription of its regime,
    /// with the rules of the loaded law book (`forms/rates/prescription.yaml` or a firm's override).
    /// The notices are worded by `messages` (`forms/messages/prescription.yaml`, `PrescriptionReason`).
    public static func check(
        case claim: Case, asOf: Day, rules: PrescriptionRules,
        messages: MessageCatalogue = MessageCatalogue(entries: [:])
    ) -> [PrescriptionNotice] {
        var notices: [PrescriptionNotice] = []
        // CPCE L111-4: once a judgment is given, its execution is what can be prescribed.
        if let judgment = claim.judgment, let period = rules.periods[.judgment] {
            let runsOut = judgment.date.adding(years: period.years)
            if let notice = notice(
                invoice: nil, runsOut: runsOut, asOf: asOf, warnDays: rules.warnDays,
                what: messages.text(PrescriptionReason.whatJudgment(date: judgment.date.iso)), source: period.source,
                messages: messages)
            {
                notices.append(notice)
            }
            return notices
        }
        let key = regimeKey(claim)
        guard let period = rules.periods[key] else { return [] }
        let settled = settledByNamedDocuments(claim)
        let unpaid = claim.invoices.filter { (settled[$0.number] ?? 0) < $0.amount }
        if key == .consumerCredit {
            // R312-35: forclusion two years after the first unregularised missed payment.
            guard let first = unpaid.min(by: { $0.due < $1.due }) else { return [] }
            let runsOut = first.due.adding(years: period.years)
            return [
                notice(
                    invoice: first.number, runsOut: runsOut, asOf: asOf, warnDays: rules.warnDays,
                    what: messages.text(PrescriptionReason.whatForclusion(due: first.due.iso)),
                    source: period.source, messages: messages)
            ].compactMap { $0 }
        }
        var acknowledged: [String: Day] = [:]
        for payment in claim.payments {
            if let number = payment.invoice {
                acknowledged[number] = max(acknowledged[number] ?? payment.date, payment.date)
            }
        }
        for invoice in unpaid {
            let runsOut = runsOutDay(
                invoice: invoice, key: key, years: period.years, acknowledged: acknowledged[invoice.number])
            if let notice = notice(
                invoice: invoice.number, runsOut: runsOut, asOf: asOf, warnDays: rules.warnDays,
                what: messages.text(PrescriptionReason.whatInvoice(number: invoice.number)), source: period.source,
                messages: messages)
            {
                notices.append(notice)
            }
        }
        return notices
    }

    /// The prescription key of the claim's regime and nature.
    static func regimeKey(_ claim: Case) -> PrescriptionRules.Key {
        switch claim.regime {
        case .b2b: return claim.nature == .commercial ? .commercial : .civil
        case .publicProcurement: return .publicProcurement
        case .civil: return .civil
        case .consumer: return .consumer
        case .residentialLease: return .residentialLease
        case .consumerCredit: return .consumerCredit
        }
    }

    /// The last day to act. Starts at the issue date (the earliest plausible start: cautious), restarted
    /// by the latest payment naming the invoice (C. civ. 2240: a payment acknowledges the debt).
    /// Public debts (loi 68-1250 art. 1): four years from 1 January after the year the debt arose.
    static func runsOutDay(invoice: Invoice, key: PrescriptionRules.Key, years: Int, acknowledged: Day?) -> Day {
        let start = max(invoice.issued, acknowledged ?? invoice.issued)
        if key == .publicProcurement {
            return Day(year: start.year + years, month: 12, day: 31)!
        }
        // C. civ. 2228-2229: the first day is not counted; prescription is acquired at the end of the
        // last day of the term, the same date `years` later.
        return start.adding(years: years)
    }

    static func settledByNamedDocuments(_ claim: Case) -> [String: Decimal] {
        var settled: [String: Decimal] = [:]
        for payment in claim.payments {
            if let number = payment.invoice { settled[number, default: 0] += payment.amount }
        }
        for note in claim.creditNotes { if let number = note.invoice { settled[number, default: 0] += note.amount } }
        return settled
    }

    static func notice(
        invoice: String?, runsOut: Day, asOf: Day, warnDays: Int, what: String,
        source: String, messages: MessageCatalogue
    ) -> PrescriptionNotice? {
        let left = runsOut - asOf
        if left < 0 {
            return PrescriptionNotice(
                invoice: invoice, expired: true, runsOut: runsOut,
                message: messages.text(
                    PrescriptionReason.expired(what: what, since: runsOut.adding(days: 1).iso, source: source)))
        }
        if left < warnDays {
            return PrescriptionNotice(
                invoice: invoice, expired: false, runsOut: runsOut,
                message: messages.text(
                    PrescriptionReason.near(what: what, day: runsOut.iso, source: source, left: String(left))))
        }
        return nil
    }
}
