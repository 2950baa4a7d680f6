import Foundation
import RecouvreModel

/// The regime-level decisions of a statement, one function per rule, each citing its article.
enum StatementRules {
    /// C. civ. 1343-1: a partial payment goes first to interest — for civil interest (civil, consumer,
    /// lease, consumer credit). B2B and public penalties are kept apart: payments go to principal and
    /// the penalties remain due (domain.md §2.6), as the statement says.
    static func interestFirst(_ regime: Regime) -> Bool {
        switch regime {
        case .b2b, .publicProcurement: return false
        case .civil, .consumer, .residentialLease, .consumerCredit: return true
        }
    }

    /// Which rate rule applies (domain.md §1), or nil when no interest is computed.
    /// `tables` and `asOf` give the statutory figures the warnings print (statutory.yaml).
    static func ratePolicy(
        for claim: Case, tables: RateTables, asOf: Day, notes: inout Notes
    ) throws(RateTableError) -> RatePolicy? {
        let clause = claim.contract.penaltyRate
        switch claim.regime {
        case .b2b:
            // C. com. L441-10 II: the contract's rate (floored), else ECB + 10.
            return clause.map(RatePolicy.b2bClause) ?? .b2bDefault
        case .publicProcurement:
            // C. commande publique R2192-31 sets the rate; a contract cannot lower it.
            if clause != nil {
                let margin = try tables.statutory.value(.publicProcurementMargin, on: asOf)
                notes.warn(.publicClauseIgnored(margin: StatementWords.number(margin.value)))
            }
            return .publicProcurement
        case .civil, .consumer:
            // C. civ. 1231-6: taux légal of the creditor's category; a contractual clause may replace it.
            return clause.map(RatePolicy.clause) ?? .legal(claim.creditor.legalRateCategory)
        case .residentialLease:
            // Loi 89-462 art. 4 i: a clause imposing penalties on the tenant is deemed unwritten.
            if clause != nil {
                notes.warn(.leaseClauseUnwritten)
            }
            return .legal(claim.creditor.legalRateCategory)
        case .consumerCredit:
            // C. consom. L312-39: after default, interest at the loan's own rate, only if the case gives it.
            guard let clause else {
                notes.warn(.consumerCreditNoRate)
                return nil
            }
            notes.warn(.consumerCreditRate)
            return .clause(clause)
        }
    }

    /// C. com. L622-28, L631-14, L641-3: the opening judgment of collective proceedings stops interest
    /// and penalties. The judgment takes effect from the first hour of its day, so its day is not counted
    /// (the conservative reading). Returns the last day counted, or nil when none can be computed (the
    /// opening date is unknown).
    static func lastCountedDay(_ claim: Case, asOf: Day, notes: inout Notes) -> Day? {
        switch claim.contract.collectiveProceedings {
        case nil:
            return asOf
        case .openedUnknownDate:
            notes.warn(.proceedingsUnknownDate)
            return nil
        case .opened(let day):
            notes.warn(.proceedingsOpened(date: day.iso))
            return min(asOf, day.adding(days: -1))
        }
    }

    /// C. civ. 1231-6, 1344-1: civil interest runs from the formal notice; we count from the day after its
    /// receipt (the avis de réception). Returns the formal notices received on or before the as-of date,
    /// earliest receipt first; `delayStart` picks, for each invoice, the first one that can cover it.
    static func civilNotices(_ claim: Case, asOf: Day, notes: inout Notes) -> [Event] {
        guard !StatementRules.automatic(claim.regime) else { return [] }
        let received = claim.events
            .compactMap { event -> (received: Day, event: Event)? in
                guard event.type == .formalNotice, let day = event.received, day <= asOf else { return nil }
                return (day, event)
            }
            .sorted { ($0.received, $0.event.date) < ($1.received, $1.event.date) }
            .map(\.event)
        if received.isEmpty {
            notes.warn(.noNoticeReceived(date: asOf.iso))
        }
        return received
    }

    /// B2B (C. com. L441-10 II) and public (R2192-31) penalties run without notice.
    static func automatic(_ regime: Regime) -> Bool {
        regime == .b2b || regime == .publicProcurement
    }

    /// The first day of delay: the day after the due date (B2B, public), or the day after receipt of a
    /// formal notice that covers the invoice. A mise en demeure puts the debtor in default only for a debt
    /// already exigible when it is made (C. civ. 1344: "sommation" to perform an obligation that is due;
    /// 1231-6: interest "à compter de la mise en demeure"): a notice sent before the invoice's due date —
    /// including a rent or an instalment that fell due after it — does not make interest run on that
    /// invoice. Conservative reading: the notice covers the invoices due on or before the day it was sent;
    /// for the others, no interest until a new notice, with a warning (nil is returned).
    static func delayStart(_ invoice: Invoice, regime: Regime, notices: [Event]) -> Day? {
        let afterDue = invoice.due.adding(days: 1)
        if automatic(regime) { return afterDue }
        guard let notice = notices.first(where: { $0.date >= invoice.due }), let received = notice.received else {
            return nil
        }
        return max(received.adding(days: 1), afterDue)
    }

    /// C. mon. fin. L313-3: the first day at taux légal + 5 points, when a judgment is in the case and
    /// the interest is at the taux légal.
    static func judgmentIncrease(
        _ claim: Case, policy: RatePolicy?, tables: RateTables,
        notes: inout Notes
    ) throws(RateTableError) -> Day? {
        guard let judgment = claim.judgment else { return nil }
        guard case .legal = policy else {
            let points = try tables.statutory.value(.judgmentIncrease, on: judgment.served ?? judgment.date)
            notes.warn(.increaseLegalOnly(date: judgment.date.iso, points: StatementWords.number(points.value)))
            return nil
        }
        let increase = try LatePaymentRules.judgmentIncreaseStart(judgment, tables: tables)
        if let warning = increase.warning { notes.warn(warning) }
        return increase.day
    }

    /// The 40 € fee: B2B and public only; `flat_fee: false` honoured. Under collective proceedings it is
    /// lost only for sums whose payment at their due date the proceedings forbid (C. com. L441-10 II, last
    /// sentence): see `flatFeeAllowed(_:for:)`, decided per invoice.
    static func flatFeeAllowed(_ claim: Case, notes: inout Notes) -> Bool {
        guard automatic(claim.regime) else { return false }
        return claim.contract.flatFee
    }

    /// C. com. L441-10 II, last sentence, with L622-7 (the opening judgment forbids paying a prior debt
    /// from its day): an invoice that fell due before the opening judgment could be paid at its due date,
    /// so its fee is kept (and declared, L622-24); one falling due on or after the opening day gets none.
    /// Opening date unknown: no fee at all (nothing can be checked; the statement says so).
    static func flatFeeAllowed(_ claim: Case, for invoice: Invoice) -> Bool {
        switch claim.contract.collectiveProceedings {
        case nil: return true
        case .openedUnknownDate: return false
        case .opened(let day): return invoice.due < day
        }
    }

    /// C. com. L441-10 II: recovery costs above the flat fee, on proof; B2B and public only, and not
    /// under collective proceedings.
    static func extraRecoveryCosts(_ claim: Case, notes: inout Notes) -> Decimal {
        guard let costs = claim.contract.extraRecoveryCosts, costs > 0 else { return 0 }
        guard automatic(claim.regime), claim.contract.collectiveProceedings == nil else {
            notes.warn(.extraCostsRefused(amount: Money.french(costs)))
            return 0
        }
        notes.warn(.extraCostsAdded(amount: Money.french(costs)))
        return costs
    }

    /// The convention, in one French sentence printed on every statement (domain.md §2), and the
    /// capitalisation of interest when the case asks for it (C. civ. 1343-2: never silent).
    static func convention(
        regime: Regime, dayBasis: DayBasis, interestFirst: Bool, asOf: Day,
        capitalisation: CapitalisationBasis?, messages: MessageCatalogue
    ) -> String {
        let start: StatementReason = automatic(regime) ? .conventionStartAutomatic : .conventionStartNotice
        let basis: StatementReason = dayBasis == .d365 ? .conventionBasis365 : .conventionBasisActual
        let imputation: StatementReason = interestFirst ? .conventionInterestFirst : .conventionPrincipal
        var text = messages.text(
            StatementReason.convention(
                start: messages.text(start), date: asOf, basis: messages.text(basis),
                imputation: messages.text(imputation)))
        switch capitalisation {
        case .contract:
            text += " " + messages.text(StatementReason.capitalisationContract(date: asOf))
        case .requested:
            text += " " + messages.text(StatementReason.capitalisationRequested(date: asOf))
        case nil: break
        }
        return text
    }
}
