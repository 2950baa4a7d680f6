import Foundation
import RecouvreModel

/// A payment received after the judgment, imputed on the title: interest first, then principal
/// (C. civ. 1343-1), then costs and article 700.
public struct TitlePayment: Sendable, Hashable {
    public var date: Day
    public var amount: Decimal
    public var reference: String?
    public var toInterest: Decimal
    public var toPrincipal: Decimal
    public var toCosts: Decimal

    public init(
        date: Day, amount: Decimal, reference: String?, toInterest: Decimal, toPrincipal: Decimal, toCosts: Decimal
    ) {
        self.date = date
        self.amount = amount
        self.reference = reference
        self.toInterest = toInterest
        self.toPrincipal = toPrincipal
        self.toCosts = toCosts
    }
}

/// The décompte of what an enforceable title awards, as of a date (CPCE L111-2, L111-3): the principal,
/// the interest the title orders from the day it says (taux légal, a formula such as "ECB + 10", or a
/// fixed rate), split per half-year and at the +5-point switch of C. mon. fin. L313-3, the costs
/// (dépens) and the article 700 CPC sum, less the payments received since.
public struct TitleStatement: Sendable, Hashable {
    public var kind: JudgmentKind
    /// The day the decision became enforceable (`judgment.date`).
    public var date: Day
    public var court: String?
    public var served: Day?
    /// The invoices the title covers.
    public var invoices: [String]
    /// What the title awards in principal.
    public var principal: Decimal
    public var rate: AwardedRate?
    /// First day of interest (nil: no interest computed).
    public var interestFrom: Day?
    /// First day at taux légal + 5 points (C. mon. fin. L313-3), when it applies.
    public var increaseFrom: Day?
    public var periods: [PenaltyPeriod]
    /// The interest lines, summed (before payments).
    public var interest: Decimal
    public var payments: [TitlePayment]
    /// Interest and principal still due after the payments.
    public var interestDue: Decimal
    public var principalDue: Decimal
    public var costs: Decimal
    public var article700: Decimal
    /// Costs and article 700 still due after the payments.
    public var costsDue: Decimal
    public var total: Decimal
    public var asOf: Day
    public var warnings: [String]
    public var rateTables: [RateTableUse]
}

extension StatementEngine {
    /// The décompte of the latest judgment of `claim` as of `asOf`, or nil without a judgment.
    ///
    /// - Principal: `awarded.principal`; without it, the covered invoices less what was paid or credited
    ///   on them (or paid without naming an invoice) by the judgment's date, with a warning (check it
    ///   against the title).
    /// - Interest: as the title orders (`awarded.interest`), from its `from` day (else the judgment's day,
    ///   C. civ. 1231-7, with a warning). Without `awarded.interest`, none is computed (the conservative
    ///   reading: only what the case shows the title to order), with a warning.
    /// - C. mon. fin. L313-3: at the taux légal only, +5 points from the day after the two months counted
    ///   from service (`LatePaymentRules.judgmentIncreaseStart`). Not served: no majoration (a title is
    ///   enforced only once served, CPC 503), with a warning.
    /// - Payments after the judgment's day that name a covered invoice (or any, when the title covers all
    ///   invoices): interest first (C. civ. 1343-1), then principal, then costs and article 700.
    public func title(for claim: Case, asOf: Day, dayBasis: DayBasis = .d365) throws -> TitleStatement? {
        guard let judgment = claim.judgment, let coveredList = claim.invoicesCoveredByTitle else { return nil }
        let covered = Set(coveredList)
        var notes = Notes(messages: messages)
        let award = judgment.awarded ?? Award()
        let principal: Decimal
        if let awarded = award.principal {
            principal = awarded
        } else {
            let invoiced = claim.invoices.filter { covered.contains($0.number) }.reduce(Decimal(0)) { $0 + $1.amount }
            // Payments naming no invoice are deducted too: the conservative reading (a lower principal).
            let settled =
                claim.payments.filter { $0.date <= judgment.date && $0.invoice.map(covered.contains) != false }
                .reduce(Decimal(0)) { $0 + $1.amount }
                + claim.creditNotes.filter { $0.date <= judgment.date && $0.invoice.map(covered.contains) == true }
                .reduce(Decimal(0)) { $0 + $1.amount }
            principal = max(0, invoiced - settled)
            notes.warn(
                text: messages.text(
                    TitleReason.titlePrincipalFromInvoices(
                        date: judgment.date.iso, amount: Money.french(principal))))
        }
        if judgment.served == nil {
            notes.warn(text: messages.text(TitleReason.titleNotServed(date: judgment.date.iso)))
        }
        // CPC 1411: an order for payment not served within six months of its date is void.
        if judgment.judgmentKind == .order, judgment.served == nil, asOf > judgment.date.adding(months: 6) {
            notes.warn(
                text: messages.text(
                    TitleReason.titleOrderLapsed(
                        date: judgment.date.iso, until: judgment.date.adding(months: 6).iso)))
        }
        // CPC 1416: one month from service to oppose; enforcement only once it has run without opposition.
        if judgment.judgmentKind == .order, let served = judgment.served, asOf <= served.adding(months: 1) {
            notes.warn(
                text: messages.text(
                    TitleReason.titleOppositionRunning(served: served.iso, until: served.adding(months: 1).iso)))
        }

        var policy: RatePolicy?
        var start: Day?
        var increase: Day?
        if let interest = award.interest {
            switch interest.rate {
            case .legal: policy = .legal(claim.creditor.legalRateCategory)
            case .clause(let clause): policy = .clause(clause)
            }
            if let from = interest.from {
                start = from
            } else {
                // C. civ. 1231-7: unless the judge decides otherwise, interest runs from the judgment.
                start = judgment.date
                notes.warn(text: messages.text(TitleReason.titleInterestFromJudgment(date: judgment.date.iso)))
            }
            if judgment.served != nil {
                if case .legal = interest.rate {
                    increase = try LatePaymentRules.judgmentIncreaseStart(judgment, tables: tables).day
                } else {
                    notes.warn(text: messages.text(TitleReason.titleIncreaseNotLegal(date: judgment.date.iso)))
                }
            }
        } else {
            notes.warn(text: messages.text(TitleReason.titleNoInterest(date: judgment.date.iso)))
        }

        var rates = RateContext(
            policy: policy ?? .legal(claim.creditor.legalRateCategory), tables: tables, dayBasis: dayBasis,
            increaseFrom: increase, messages: messages)
        let base = Invoice(
            number: "titre", issued: judgment.date, due: (start ?? asOf).adding(days: -1), amount: principal)
        var account = InvoiceAccount(
            invoice: base, start: policy == nil ? nil : start, lastDay: asOf, capitalisation: false)
        var costsDue = (award.costs ?? 0) + (award.article700 ?? 0)
        var payments: [TitlePayment] = []
        for payment in claim.payments.sorted(by: { $0.date < $1.date })
        where payment.date <= asOf && payment.amount > 0
            && claim.paysTitle(payment, judgment: judgment, covered: covered)
        {
            let used = try account.pay(payment.amount, on: payment.date, interestFirst: true, rates: &rates)
            let toCosts = min(payment.amount - used.used, costsDue)
            costsDue -= toCosts
            let beyond = payment.amount - used.used - toCosts
            if beyond > 0 {
                notes.warn(
                    text: messages.text(
                        TitleReason.titlePaymentBeyond(date: payment.date.iso, amount: Money.french(beyond))))
            }
            payments.append(
                TitlePayment(
                    date: payment.date, amount: payment.amount, reference: payment.reference,
                    toInterest: used.interest, toPrincipal: used.used - used.interest, toCosts: toCosts))
        }
        try account.advance(to: asOf, rates: &rates)
        let interest = account.periods.reduce(Decimal(0)) { $0 + $1.amount }
        let interestDue = interest - account.interestPaid
        let series = [tables.ecb, tables.legalParticulier, tables.legalAutresCas].filter {
            rates.usedTables.contains($0.id)
        }
        return TitleStatement(
            kind: judgment.judgmentKind ?? .judgment, date: judgment.date, court: judgment.court,
            served: judgment.served, invoices: coveredList, principal: principal, rate: award.interest?.rate,
            interestFrom: policy == nil ? nil : start, increaseFrom: increase, periods: account.periods,
            interest: interest, payments: payments, interestDue: interestDue, principalDue: account.principal,
            costs: award.costs ?? 0, article700: award.article700 ?? 0, costsDue: costsDue,
            total: account.principal + interestDue + costsDue, asOf: asOf,
            warnings: rates.warnings + notes.warnings, rateTables: series.map(\.use))
    }
}
