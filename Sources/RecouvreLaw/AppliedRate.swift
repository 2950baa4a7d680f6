import Foundation
import RecouvreModel

/// The rate that applies to a day, with the words a lawyer needs to check it.
public struct AppliedRate: Sendable, Hashable {
    /// Percent per year.
    public var rate: Decimal
    /// `ECB MRO 3.15 on 2025-01-01 + 10 (C. com. L441-10 II)`.
    public var source: String
    /// Warnings the use of this rate calls for (unverified table value, clause raised to the floor).
    public var warnings: [String]

    public init(rate: Decimal, source: String, warnings: [String] = []) {
        self.rate = rate
        self.source = source
        self.warnings = warnings
    }
}

extension DatedRate {
    /// The warning owed on every statement that uses an unverified value.
    func unverifiedWarning(_ series: RateSeries, _ halfYear: HalfYear) -> [String] {
        guard unverified else { return [] }
        return ["Le \(series.name) du \(halfYear.french) (\(Money.plain(rate)) %) n'a pas été vérifié sur l'arrêté publié au "
            + "JORF : vérifiez-le et retirez la marque `unverified` de forms/\(series.file) avant de produire ce relevé."]
    }
}
