import Foundation
import RecouvreModel

/// Which rate rule a case's interest follows (domain.md §1), decided once per statement.
enum RatePolicy: Sendable {
    /// C. com. L441-10 II default.
    case b2bDefault
    /// C. com. L441-10 II contractual rate, floored.
    case b2bClause(PenaltyRateClause)
    /// C. commande publique R2192-31.
    case publicProcurement
    /// C. mon. fin. L313-2 (and L313-3 after a judgment).
    case legal(LegalRateCategory)
    /// A contractual rate outside B2B (civil, consumer, consumer credit): not floored.
    case clause(PenaltyRateClause)
}

/// Answers "which rate on this day", caching per half-year, and records the tables and warnings used.
struct RateContext {
    let policy: RatePolicy
    let tables: RateTables
    let dayBasis: DayBasis
    /// First day at taux légal + 5 (C. mon. fin. L313-3), if a judgment calls for it.
    let increaseFrom: Day?
    /// Words the rate sources and warnings (`forms/messages/statement.yaml`).
    let messages: MessageCatalogue
    private var cache: [CacheKey: AppliedRate] = [:]
    private(set) var warnings: [String] = []
    private var warned: Set<String> = []
    private(set) var usedTables: Set<String> = []

    struct CacheKey: Hashable {
        var halfYear: HalfYear
        var increased: Bool
    }

    init(policy: RatePolicy, tables: RateTables, dayBasis: DayBasis, increaseFrom: Day?, messages: MessageCatalogue) {
        self.messages = messages
        self.policy = policy
        self.tables = tables
        self.dayBasis = dayBasis
        self.increaseFrom = increaseFrom
    }

    mutating func rate(on day: Day, interestStart: Day) throws(RateTableError) -> AppliedRate {
        let key: CacheKey
        switch policy {
        case .publicProcurement: key = CacheKey(halfYear: interestStart.halfYear, increased: false)
        case .legal: key = CacheKey(halfYear: day.halfYear, increased: increaseFrom.map { day >= $0 } ?? false)
        default: key = CacheKey(halfYear: day.halfYear, increased: false)
        }
        if let cached = cache[key] { return cached }
        var applied: AppliedRate
        switch policy {
        case .b2bDefault:
            applied = try LatePaymentRules.defaultB2BRate(for: key.halfYear, tables: tables)
            usedTables.insert(tables.ecb.id)
        case .b2bClause(let clause):
            applied = try LatePaymentRules.contractualB2BRate(clause, for: key.halfYear, tables: tables)
            usedTables.insert(tables.legalAutresCas.id)
            if case .ecbPlus = clause { usedTables.insert(tables.ecb.id) }
        case .publicProcurement:
            applied = try LatePaymentRules.publicProcurementRate(interestStartingIn: key.halfYear, tables: tables)
            usedTables.insert(tables.ecb.id)
        case .legal(let category):
            applied = try LatePaymentRules.legalRate(
                category, for: key.halfYear, increased: key.increased, tables: tables)
            usedTables.insert(tables.legal(category).id)
        case .clause(let clause):
            applied = try LatePaymentRules.clauseRate(clause, for: key.halfYear, tables: tables)
            switch clause {
            case .fixed: break
            case .ecbPlus: usedTables.insert(tables.ecb.id)
            case .legalTimes: usedTables.insert(tables.legalAutresCas.id)
            }
        }
        applied.source = messages.text(applied.reason)
        for reason in applied.warnings {
            let warning = messages.text(reason)
            if warned.insert(warning).inserted { warnings.append(warning) }
        }
        cache[key] = applied
        return applied
    }
}
