import Foundation
import RecouvreModel

/// The rate rules of French late-payment law, one small function per rule, each citing its article.
/// Every number (margins, multiples, fees) comes from `forms/rates/`, never from this file.
public enum LatePaymentRules {
    /// C. com. L441-10 II: without a contractual rate, the ECB main refinancing rate in force on 1 January
    /// (for the days of January–June) or 1 July (July–December), plus 10 points. The statutory default is
    /// not subject to the 3 × taux légal floor: the floor bounds contractual rates only.
    public static func defaultB2BRate(for halfYear: HalfYear, tables: RateTables) throws(RateTableError) -> AppliedRate
    {
        let ecb = try tables.ecb.value(
            on: halfYear.start, what: .ecb(on: halfYear.start))
        let margin = try tables.statutory.value(.b2bDefaultMargin, on: halfYear.start)
        return AppliedRate(
            rate: ecb.rate + margin.value,
            reason: .sourceB2BDefault(
                rate: StatementWords.rate(ecb.rate), date: halfYear.start,
                margin: StatementWords.number(margin.value)))
    }

    /// C. com. L441-10 II: a contractual penalty rate may not be below 3 times the taux de l'intérêt
    /// légal; the category is "autres cas" (the creditor is a professional). Returns the floor of the
    /// half-year and its source words.
    public static func b2bFloor(
        for halfYear: HalfYear, tables: RateTables
    ) throws(RateTableError) -> (rate: Decimal, multiple: Decimal, legal: Decimal, warnings: [StatementReason]) {
        let series = tables.legalAutresCas
        let legal = try series.value(on: halfYear.start, what: .legal(particulier: false))
        let multiple = try tables.statutory.value(.b2bFloorMultiple, on: halfYear.start)
        return (multiple.value * legal.rate, multiple.value, legal.rate, legal.unverifiedWarning(series, halfYear))
    }

    /// A contractual clause evaluated for a half-year, before any floor: a fixed rate; "ECB + N" (the MRO
    /// rate on 1 January / 1 July plus N, the same reference date as L441-10 II); "N x legal" (N times the
    /// taux légal of the creditor's category "autres cas", as case-format.md defines it).
    public static func clauseRate(
        _ clause: PenaltyRateClause, for halfYear: HalfYear,
        tables: RateTables
    ) throws(RateTableError) -> AppliedRate {
        switch clause {
        case .fixed(let rate):
            return AppliedRate(rate: rate, reason: .sourceClauseFixed(rate: StatementWords.rate(rate)))
        case .ecbPlus(let points):
            let ecb = try tables.ecb.value(
                on: halfYear.start, what: .ecb(on: halfYear.start))
            return AppliedRate(
                rate: ecb.rate + points,
                reason: .sourceClauseECB(
                    rate: StatementWords.rate(ecb.rate), date: halfYear.start,
                    points: StatementWords.number(points)))
        case .legalTimes(let multiple):
            let series = tables.legalAutresCas
            let legal = try series.value(on: halfYear.start, what: .legal(particulier: false))
            return AppliedRate(
                rate: multiple * legal.rate,
                reason: .sourceClauseLegal(
                    multiple: StatementWords.number(multiple), period: halfYear,
                    rate: StatementWords.rate(legal.rate)),
                warnings: legal.unverifiedWarning(series, halfYear))
        }
    }

    /// C. com. L441-10 II: the contractual B2B rate, raised to 3 × taux légal "autres cas" of the
    /// half-year when the clause is lower, with a warning naming the clause and the floor.
    public static func contractualB2BRate(
        _ clause: PenaltyRateClause, for halfYear: HalfYear,
        tables: RateTables
    ) throws(RateTableError) -> AppliedRate {
        var applied = try clauseRate(clause, for: halfYear, tables: tables)
        let floor = try b2bFloor(for: halfYear, tables: tables)
        applied.warnings += floor.warnings
        if applied.rate < floor.rate {
            // Warning figures keep the plain notation of the tables (`15.21`): the user compares them with forms/rates.
            let floorWords = StatementWord.floor(
                multiple: plainNumber(floor.multiple), period: "\(halfYear)", rate: Money.plain(floor.legal))
            applied.warnings.append(
                .clauseBelowFloor(
                    clause: clauseWords(clause), rate: "\(Money.plain(applied.rate)) %", period: halfYear,
                    floor: floorWords, floorRate: "\(Money.plain(floor.rate)) %"))
            return AppliedRate(
                rate: floor.rate,
                reason: .sourceFloor(
                    multiple: StatementWords.number(floor.multiple), period: halfYear,
                    rate: StatementWords.rate(floor.rate), clause: clauseWords(clause)),
                warnings: applied.warnings)
        }
        // The source names the half-year's reference rate for a formula, so that a line never spans two
        // half-years (domain.md §2.2: a semiannual rate starts a new period on 1 January and 1 July).
        switch applied.reason {
        case .sourceClauseECB(let rate, let date, let points):
            applied.reason = .sourceClauseECBAboveFloor(rate: rate, date: date, points: points)
        case .sourceClauseLegal(let multiple, let period, let rate):
            applied.reason = .sourceClauseLegalAboveFloor(multiple: multiple, period: period, rate: rate)
        default:
            applied.reason = .sourceClauseAboveFloor(clause: clauseWords(clause))
        }
        return applied
    }

    /// C. commande publique R2192-31: the ECB main refinancing rate in force on the first day of the
    /// half-year in which interest starts to run, plus 8 points, fixed for the whole delay.
    public static func publicProcurementRate(
        interestStartingIn halfYear: HalfYear,
        tables: RateTables
    ) throws(RateTableError) -> AppliedRate {
        let ecb = try tables.ecb.value(
            on: halfYear.start, what: .ecb(on: halfYear.start))
        let margin = try tables.statutory.value(.publicProcurementMargin, on: halfYear.start)
        return AppliedRate(
            rate: ecb.rate + margin.value,
            reason: .sourcePublic(
                rate: StatementWords.rate(ecb.rate), date: halfYear.start,
                margin: StatementWords.number(margin.value)))
    }

    /// C. mon. fin. L313-2, D313-1-A: the taux de l'intérêt légal of the half-year for the creditor's
    /// category; L313-3: plus 5 points once two months have passed after the decision became enforceable.
    public static func legalRate(
        _ category: LegalRateCategory, for halfYear: HalfYear, increased: Bool,
        tables: RateTables
    ) throws(RateTableError) -> AppliedRate {
        let series = tables.legal(category)
        let legal = try series.value(on: halfYear.start, what: .legal(particulier: category == .particulier))
        // Before 2015 there is one yearly rate: name the year, not a half-year.
        let period =
            legal.from.month == 1 && legal.to?.month == 12
            ? StatementWord.periodYear(year: String(halfYear.year))
            : StatementWord.periodHalfYear(half: halfYear)
        let categoryText: StatementWord = category == .particulier ? .categoryParticulier : .categoryAutresCas
        var rate = legal.rate
        var reason: StatementReason
        if increased {
            let points = try tables.statutory.value(.judgmentIncrease, on: halfYear.start)
            rate += points.value
            let pointWords = StatementWords.number(points.value)
            // An unverified row's source is a note for the user, not a reference to print in an exhibit.
            reason =
                legal.unverified
                ? .sourceLegalUnverifiedIncreased(
                    category: categoryText, period: period, rate: StatementWords.rate(legal.rate), points: pointWords)
                : .sourceLegalIncreased(
                    category: categoryText, period: period, rate: StatementWords.rate(legal.rate), points: pointWords,
                    text: legal.source)
        } else {
            reason =
                legal.unverified
                ? .sourceLegalUnverified(category: categoryText, period: period, rate: StatementWords.rate(legal.rate))
                : .sourceLegal(
                    category: categoryText, period: period, rate: StatementWords.rate(legal.rate), text: legal.source)
        }
        return AppliedRate(rate: rate, reason: reason, warnings: legal.unverifiedWarning(series, halfYear))
    }

    /// C. mon. fin. L313-3: the 5 points apply "à l'expiration d'un délai de deux mois" after the
    /// decision became enforceable; case law counts from service. The two months end on the same date
    /// two months later (CPC 641) at midnight, so the first increased day is the day after. Without a
    /// service date, the enforceability date stands in, with a warning.
    public static func judgmentIncreaseStart(
        _ judgment: Event, tables: RateTables
    ) throws(RateTableError) -> (day: Day, warning: StatementReason?) {
        let from = judgment.served ?? judgment.date
        let months = try tables.statutory.value(.judgmentIncreaseMonths, on: from)
        let points = try tables.statutory.value(.judgmentIncrease, on: from)
        let day = from.adding(months: NSDecimalNumber(decimal: months.value).intValue).adding(days: 1)
        let warning: StatementReason? =
            judgment.served == nil
            ? .judgmentNotServed(
                date: judgment.date.iso, from: day.iso, points: StatementWords.number(points.value)) : nil
        return (day, warning)
    }

    /// C. com. L441-10 II and D441-5 (B2B), C. commande publique D2192-35 (public buyers): a flat fee
    /// of 40 € once per invoice paid late or still unpaid; never for consumers or other civil claims.
    public static func flatFee(
        regime: Regime, dueDayAfter day: Day, tables: RateTables
    ) throws(RateTableError) -> StatutoryValue? {
        switch regime {
        case .b2b: return try tables.statutory.value(.flatFeeB2B, on: day)
        case .publicProcurement: return try tables.statutory.value(.flatFeePublic, on: day)
        case .civil, .consumer, .residentialLease, .consumerCredit: return nil
        }
    }

    /// The clause in the words of the catalogue's `clause…` reasons (worded by the engine).
    static func clauseWords(_ clause: PenaltyRateClause) -> StatementWord {
        switch clause {
        case .fixed(let rate): return .clauseFixed(rate: StatementWords.rate(rate))
        case .ecbPlus(let points): return .clauseECB(points: StatementWords.number(points))
        case .legalTimes(let multiple): return .clauseLegal(multiple: StatementWords.number(multiple))
        }
    }

    /// `10`, `7.5`: a number as written in a clause, without trailing zeros.
    static func plainNumber(_ value: Decimal) -> String {
        trimmedNumber(Money.plain(value))
    }

    /// `text` without trailing zeros after a decimal point, nor the point left alone. Fast path for an
    /// ASCII text (what `Money.plain` writes): the same bytes as `trimmedNumberByCharacters`, because
    /// each ASCII byte is one `Character` (CR LF aside, which is neither a `0` nor a `.`) and
    /// Foundation's `contains(".")` finds an ASCII `.` exactly where its byte is.
    static func trimmedNumber(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return trimmedNumberByCharacters(text) }
        guard utf8.contains(UInt8(ascii: ".")) else { return text }
        var end = utf8.endIndex
        while end > utf8.startIndex, utf8[utf8.index(before: end)] == UInt8(ascii: "0") {
            end = utf8.index(before: end)
        }
        if end > utf8.startIndex, utf8[utf8.index(before: end)] == UInt8(ascii: ".") { end = utf8.index(before: end) }
        return String(text[..<end])
    }

    /// The reference `trimmedNumber`, by Foundation's search and `Character`s.
    static func trimmedNumberByCharacters(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var trimmed = text
        while trimmed.hasSuffix("0") { trimmed.removeLast() }
        if trimmed.hasSuffix(".") { trimmed.removeLast() }
        return trimmed
    }
}
