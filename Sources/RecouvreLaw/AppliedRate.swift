import Foundation
import RecouvreModel

/// The rate that applies to a day, with the words a lawyer needs to check it.
public struct AppliedRate: Sendable, Hashable {
    /// Percent per year.
    public var rate: Decimal
    /// Why this rate: `taux BCE de 3,15 % en vigueur au 1er janvier 2025 + 10 points (C. com. L441-10 II)`
    /// once worded by the catalogue (`forms/messages/statement.yaml`).
    public var reason: StatementReason
    /// Warnings the use of this rate calls for (unverified table value, clause raised to the floor).
    public var warnings: [StatementReason]
    /// The reason in words, filled by the statement engine from its catalogue.
    public var source: String

    public init(rate: Decimal, reason: StatementReason, warnings: [StatementReason] = [], source: String = "") {
        self.rate = rate
        self.reason = reason
        self.warnings = warnings
        self.source = source
    }
}

extension DatedRate {
    /// The warning owed on every statement that uses an unverified value.
    func unverifiedWarning(_ series: RateSeries, _ halfYear: HalfYear) -> [StatementReason] {
        guard unverified else { return [] }
        return [
            .unverifiedRate(
                series: series.name, period: halfYear, rate: StatementWords.rate(rate), file: series.file)
        ]
    }
}
