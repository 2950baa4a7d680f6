import Foundation
import RecouvreModel

/// When the rate tables stop: for each table, the day up to which it was checked, its unverified rows
/// and the first day it refuses (domain.md §1: past a table the engine refuses, never extrapolates).
/// `recouvre rates` prints it; `check` and `build` warn `warnDays` before that day.
///
/// Which day is refused depends on how the engine looks a table up:
/// - the ECB rate and the taux légal are read on the first day of each half-year only (C. com. L441-10
///   II: "le taux en vigueur au 1er janvier / au 1er juillet"; C. mon. fin. L313-2: the taux légal is set
///   per half-year), so a table checked through a day in a half-year still answers for every day of that
///   half-year: the first day refused is the next 1 January or 1 July after its last covered day;
/// - the statutory parameters are also read on the day a flat fee arises (the day after the due date,
///   D441-5) and on the day a judgment is served (L313-3): a fee or an increase arising after the day
///   they were checked through is refused from the next day, while the margins, read per half-year,
///   answer until the next half-year.
public struct RateExpiry: Sendable, Hashable {
    public struct Table: Sendable, Hashable {
        public var name: String
        public var file: String
        public var checkedThrough: Day
        /// The first day any lookup in this table is refused.
        public var firstRefusedDay: Day
        /// The first day every statement reaching it is refused (the half-year lookups stop).
        public var statementsRefusedFrom: Day
        /// True for the statutory parameters, read on any day (fees, judgment increases), besides the
        /// half-year margins.
        public var readOnAnyDay: Bool
        public var unverified: [DatedRate]
    }

    public var tables: [Table]

    /// How long before the first refused day `check` and `build` warn.
    public static let warnDays = 30

    /// The first 1 January or 1 July after `day`: the first half-year a table covering `day` no longer
    /// answers for.
    static func nextHalfYearStart(after day: Day) -> Day { day.halfYear.next.start }

    public init(_ rates: RateTables) {
        func table(_ series: RateSeries) -> Table {
            let last = series.covered?.upperBound ?? series.checkedThrough
            let refused = Self.nextHalfYearStart(after: last)
            return Table(
                name: series.name, file: series.file, checkedThrough: series.checkedThrough,
                firstRefusedDay: refused, statementsRefusedFrom: refused, readOnAnyDay: false,
                unverified: series.values.filter(\.unverified))
        }
        let statutory = rates.statutory.checkedThrough
        tables =
            [table(rates.ecb), table(rates.legalParticulier), table(rates.legalAutresCas)]
            + [
                Table(
                    name: "statutory", file: rates.statutory.file, checkedThrough: statutory,
                    firstRefusedDay: statutory.adding(days: 1),
                    statementsRefusedFrom: Self.nextHalfYearStart(after: statutory), readOnAnyDay: true,
                    unverified: [])
            ]
    }

    /// The first day from which every statement reaching it fails (exit 3).
    public var firstRefusedDay: Day { tables.map(\.statementsRefusedFrom).min()! }

    /// The warnings owed on `today`, earliest first: one for the statutory parameters when their first
    /// refused day is less than `warnDays` away (or past), one per day on which half-year tables stop,
    /// naming all the tables that stop that day.
    public func warnings(today: Day, messages: MessageCatalogue) -> [String] {
        let dates = messages.dates
        var found: [(day: Day, text: String)] = []
        for table in tables where table.readOnAnyDay {
            let left = table.firstRefusedDay - today
            guard left <= Self.warnDays else { continue }
            let file = "forms/\(table.file)"
            let (checked, day) = (dates.long(table.checkedThrough), dates.long(table.firstRefusedDay))
            let all = dates.long(table.statementsRefusedFrom)
            let reason =
                left <= 0
                ? StatementReason.parametersExpired(file: file, checked: checked, day: day, all: all)
                : StatementReason.parametersExpiring(
                    file: file, checked: checked, day: day, days: String(left), all: all)
            found.append((table.firstRefusedDay, messages.text(reason)))
        }
        let series = Dictionary(grouping: tables.filter { !$0.readOnAnyDay }, by: \.firstRefusedDay)
        for (refused, stopping) in series {
            let left = refused - today
            guard left <= Self.warnDays else { continue }
            let files = stopping.map { "forms/\($0.file)" }.sorted().joined(separator: ", ")
            let day = dates.long(refused)
            let reason =
                left <= 0
                ? StatementReason.ratesExpired(file: files, day: day)
                : StatementReason.ratesExpiring(file: files, day: day, days: String(left))
            found.append((refused, messages.text(reason)))
        }
        return found.sorted { ($0.day, $0.text) < ($1.day, $1.text) }.map(\.text)
    }

    /// `recouvre rates`: each table, checked through, first refused day, unverified rows.
    public func text(messages: MessageCatalogue) -> String {
        let dates = messages.dates
        var lines: [String] = []
        for table in tables {
            let checked = dates.long(table.checkedThrough)
            let refused = dates.long(table.firstRefusedDay)
            lines.append(
                messages.text(
                    table.readOnAnyDay
                        ? StatementReason.ratesParametersTable(
                            file: "forms/\(table.file)", checked: checked, refused: refused,
                            all: dates.long(table.statementsRefusedFrom))
                        : StatementReason.ratesTable(
                            name: table.name, file: "forms/\(table.file)", checked: checked, refused: refused)))
            for row in table.unverified {
                lines.append(
                    "  "
                        + messages.text(
                            StatementReason.ratesUnverifiedRow(
                                from: dates.long(row.from), to: row.to.map { dates.long($0) } ?? "…",
                                rate: StatementWords.rate(row.rate))))
            }
        }
        lines.append(messages.text(StatementReason.ratesFirstRefused(day: dates.long(firstRefusedDay))))
        return lines.joined(separator: "\n") + "\n"
    }
}
