import Foundation
import RecouvreModel

/// Wording choices that are not law, in `forms/templates/settings.yaml` (a firm may override them).
public struct DocumentSettings: Sendable, Hashable, Decodable {
    /// Days given to pay in the mise en demeure, per regime. C. civ. 1344 requires a demand but sets
    /// no minimum time; 8 days between professionals and 15 days otherwise are the usual practice.
    public var formalNoticeDays: [String: Int]

    enum CodingKeys: String, CodingKey { case formalNoticeDays = "formal_notice_days" }

    public static let path = "templates/settings.yaml"

    public init(formalNoticeDays: [String: Int]) {
        self.formalNoticeDays = formalNoticeDays
    }

    /// Problems with the values (checked by the law-book loader): a regime without a time, or a time
    /// outside 1–90 days (C. civ. 1344 wants a reasonable time; a typo must not print 9 223 372 036 854 775 807 days).
    public func problems() -> [String] {
        var problems: [String] = []
        for regime in Regime.allCases {
            guard let days = formalNoticeDays[regime.rawValue] else {
                problems.append("formal_notice_days has no value for \(regime.rawValue)")
                continue
            }
            if !(Self.formalNoticeDayRange).contains(days) {
                problems.append(
                    "formal_notice_days.\(regime.rawValue): \(days) is outside \(Self.formalNoticeDayRange.lowerBound)–\(Self.formalNoticeDayRange.upperBound) days"
                )
            }
        }
        for key in formalNoticeDays.keys.sorted() where Regime(rawValue: key) == nil {
            problems.append(
                "formal_notice_days.\(key): unknown regime (expected one of \(Regime.allCases.map(\.rawValue).joined(separator: ", ")))"
            )
        }
        return problems
    }

    /// The time a formal notice may give, in days.
    public static let formalNoticeDayRange = 1...90

    public func formalNoticeDays(for regime: Regime) -> Int { formalNoticeDays[regime.rawValue] ?? 15 }
}
