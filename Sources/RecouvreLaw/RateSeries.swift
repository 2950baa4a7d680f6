import Foundation
import RecouvreModel

/// One dated rate value with its legal source.
public struct DatedRate: Sendable, Hashable {
    public var from: Day
    /// Last day covered; `nil` for a step series (ECB), where a value runs until the next one.
    public var to: Day?
    /// Percent per year.
    public var rate: Decimal
    public var source: String
    /// The official text was not read: every statement using it carries a warning.
    public var unverified: Bool

    public init(from: Day, to: Day?, rate: Decimal, source: String, unverified: Bool = false) {
        self.from = from
        self.to = to
        self.rate = rate
        self.source = source
        self.unverified = unverified
    }
}

/// A rate series read from `forms/rates/<id>.yaml`: dated values, each with its source, and the
/// day up to which the file was checked. Lookups outside the covered days throw: never extrapolate.
public struct RateSeries: Sendable, Hashable {
    public var id: String
    public var name: String
    /// Relative to forms/: `rates/ecb-mro.yaml`.
    public var file: String
    public var source: String
    public var checkedThrough: Day
    /// Sorted by `from`.
    public var values: [DatedRate]

    public init(id: String, name: String, file: String, source: String, checkedThrough: Day, values: [DatedRate]) {
        self.id = id
        self.name = name
        self.file = file
        self.source = source
        self.checkedThrough = checkedThrough
        self.values = values.sorted { $0.from < $1.from }
    }

    /// The last day a value covers: `to` for a period series, else the day before the next value,
    /// the last one running until `checkedThrough`.
    public func lastDay(ofValueAt index: Int) -> Day {
        if let to = values[index].to { return min(to, checkedThrough) }
        if index + 1 < values.count { return values[index + 1].from.adding(days: -1) }
        return checkedThrough
    }

    /// The days the series covers, or nil when it has no value.
    public var covered: ClosedRange<Day>? {
        guard let first = values.first, first.from <= lastDay(ofValueAt: values.count - 1) else { return nil }
        return first.from...lastDay(ofValueAt: values.count - 1)
    }

    /// The value in force on `day`.
    public func value(on day: Day, what: RateTableError.Series) throws(RateTableError) -> DatedRate {
        // Binary search for the last value starting on or before `day`.
        var low = 0
        var high = values.count - 1
        var found = -1
        while low <= high {
            let mid = (low + high) / 2
            if values[mid].from <= day {
                found = mid
                low = mid + 1
            } else {
                high = mid - 1
            }
        }
        guard found >= 0, day <= lastDay(ofValueAt: found) else {
            throw .notCovered(file: file, day: day, halfYear: day.halfYear, covered: covered, what: what)
        }
        return values[found]
    }

    /// Problems with the series: gaps or overlaps between consecutive period values, a value ending
    /// before it starts. Empty when the series is sound (a test walks every shipped series).
    public func continuityProblems() -> [String] {
        var problems: [String] = []
        for (index, value) in values.enumerated() {
            if let to = value.to, to < value.from {
                problems.append("\(value.from.iso): ends (\(to.iso)) before it starts")
            }
            guard index + 1 < values.count else { continue }
            let next = values[index + 1]
            if next.from == value.from { problems.append("\(value.from.iso): two values start the same day") }
            if let to = value.to {
                if next.from <= to { problems.append("\(value.from.iso)..\(to.iso) overlaps \(next.from.iso)") }
                if next.from > to.adding(days: 1) {
                    problems.append("gap from \(to.adding(days: 1).iso) to \(next.from.adding(days: -1).iso)")
                }
            }
        }
        return problems
    }

    /// What the statement records about this table.
    public var use: RateTableUse {
        RateTableUse(id: id, name: name, file: file, source: source, checkedThrough: checkedThrough)
    }
}
