import Foundation
import RecouvreModel

/// When the rate tables stop: for each table, the day up to which it was checked, its unverified rows
/// and the first day no statement can be computed over (domain.md §1: past a table the engine refuses,
/// never extrapolates). `recouvre rates` prints it; `check` and `build` warn `warnDays` before that day.
public struct RateExpiry: Sendable, Hashable {
    public struct Table: Sendable, Hashable {
        public var name: String
        public var file: String
        public var checkedThrough: Day
        /// The first day a lookup in this table is refused.
        public var firstRefusedDay: Day
        public var unverified: [DatedRate]
    }

    public var tables: [Table]

    /// How long before the first refused day `check` and `build` warn.
    public static let warnDays = 30

    public init(_ rates: RateTables) {
        func table(_ series: RateSeries) -> Table {
            let last = series.covered?.upperBound ?? series.checkedThrough
            return Table(
                name: series.name, file: series.file, checkedThrough: series.checkedThrough,
                firstRefusedDay: last.adding(days: 1), unverified: series.values.filter(\.unverified))
        }
        tables =
            [table(rates.ecb), table(rates.legalParticulier), table(rates.legalAutresCas)]
            + [
                Table(
                    name: "statutory", file: rates.statutory.file, checkedThrough: rates.statutory.checkedThrough,
                    firstRefusedDay: rates.statutory.checkedThrough.adding(days: 1), unverified: [])
            ]
    }

    /// The first day any table refuses: from then on every statement reaching that day fails (exit 3).
    public var firstRefusedDay: Day { tables.map(\.firstRefusedDay).min()! }

    /// The warning owed on `today`, when the first refused day is less than `warnDays` away (or past).
    public func warning(today: Day, messages: MessageCatalogue) -> String? {
        let first = tables.min { $0.firstRefusedDay < $1.firstRefusedDay }!
        let left = first.firstRefusedDay - today
        guard left <= Self.warnDays else { return nil }
        if left <= 0 {
            return messages.text(
                StatementReason.ratesExpired(
                    file: "forms/\(first.file)", day: StatementWords.date(first.firstRefusedDay)))
        }
        return messages.text(
            StatementReason.ratesExpiring(
                file: "forms/\(first.file)", day: StatementWords.date(first.firstRefusedDay), days: String(left)))
    }

    /// `recouvre rates`: each table, checked through, first refused day, unverified rows.
    public func text(messages: MessageCatalogue) -> String {
        var lines: [String] = []
        for table in tables {
            lines.append(
                messages.text(
                    StatementReason.ratesTable(
                        name: table.name, file: "forms/\(table.file)",
                        checked: StatementWords.date(table.checkedThrough),
                        refused: StatementWords.date(table.firstRefusedDay))))
            for row in table.unverified {
                lines.append(
                    "  "
                        + messages.text(
                            StatementReason.ratesUnverifiedRow(
                                from: StatementWords.date(row.from), to: row.to.map(StatementWords.date) ?? "…",
                                rate: StatementWords.rate(row.rate))))
            }
        }
        lines.append(messages.text(StatementReason.ratesFirstRefused(day: StatementWords.date(firstRefusedDay))))
        return lines.joined(separator: "\n") + "\n"
    }
}
