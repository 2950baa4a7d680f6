import Foundation
import RecouvreDocuments
import RecouvreJSON
import RecouvreLaw
import RecouvreModel

/// The aged balance (balance âgée): what each debtor owes, by how late it is.
public struct AgedBalance: Sendable, Hashable {
    /// Not yet due, 1–30, 31–60, 61–90, over 90 days past the due date.
    public enum Bucket: Int, Sendable, CaseIterable, Hashable {
        case notDue, upTo30, upTo60, upTo90, over90

        /// The bucket of an invoice `daysLate` days past its due date (0 or less: not yet due).
        public static func of(daysLate: Int) -> Bucket {
            switch daysLate {
            case ...0: return .notDue
            case 1...30: return .upTo30
            case 31...60: return .upTo60
            case 61...90: return .upTo90
            default: return .over90
            }
        }

        public var key: String {
            switch self {
            case .notDue: return "not_due"
            case .upTo30: return "days_1_30"
            case .upTo60: return "days_31_60"
            case .upTo90: return "days_61_90"
            case .over90: return "over_90"
            }
        }
    }

    /// The next step for a debtor whose amicable stage is over.
    public enum Escalation: String, Sendable, Hashable {
        case formalNotice = "formal_notice"
        case court
    }

    public struct Row: Sendable, Hashable {
        public var debtor: String
        public var siren: String?
        public var references: [String]
        /// Outstanding principal per bucket.
        public var buckets: [Decimal]
        public var total: Decimal
        /// Σ(outstanding × days late) over the invoices past due, for the weighted average.
        public var weightedDays: Decimal
        public var overdue: Decimal
        public var escalation: Escalation?
        /// What the formal notice or the court would claim: the statement's total (principal,
        /// penalties or interest, fees) on the as-of day.
        public var claim: Decimal

        /// Days late weighted by the amounts past due (nil when nothing is past due).
        public var averageDaysLate: Decimal? { overdue > 0 ? Money.rounded(weightedDays / overdue, scale: 1) : nil }
    }

    public var asOf: Day
    public var rows: [Row]
    public var totals: [Decimal]
    public var total: Decimal
    public var weightedDays: Decimal
    public var overdue: Decimal

    /// Percent of the total in each bucket, to one decimal.
    public var percentages: [Decimal] {
        totals.map { total > 0 ? Money.rounded($0 * 100 / total, scale: 1) : 0 }
    }

    public var averageDaysLate: Decimal? { overdue > 0 ? Money.rounded(weightedDays / overdue, scale: 1) : nil }

    /// One debtor's figures from its statement and ladder decision (pure; no file, no clock).
    public static func row(case claim: Case, statement: Statement, decision: LadderDecision?) -> Row {
        var buckets = [Decimal](repeating: 0, count: Bucket.allCases.count)
        var weighted: Decimal = 0
        var overdue: Decimal = 0
        for invoice in statement.invoices where invoice.outstanding > 0 && invoice.issued <= statement.asOf {
            let late = statement.asOf - invoice.due
            buckets[Bucket.of(daysLate: late).rawValue] += invoice.outstanding
            if late > 0 {
                weighted += invoice.outstanding * Decimal(late)
                overdue += invoice.outstanding
            }
        }
        var escalation: Escalation?
        if let decision {
            if decision.courtNext {
                escalation = .court
            } else if decision.formalNoticeNext {
                escalation = .formalNotice
            }
        }
        return Row(
            debtor: claim.debtor.name, siren: claim.debtor.siren, references: [claim.reference], buckets: buckets,
            total: buckets.reduce(0, +), weightedDays: weighted, overdue: overdue, escalation: escalation,
            claim: escalation == nil ? 0 : statement.totals.total)
    }

    /// `CompanyIdentifier.digits(siren)`: the text without its white space; a text of printable ASCII
    /// (every SIREN a ledger gives) has none and is kept whole (no `Character` walk per debtor).
    static func withoutSpaces(_ siren: String) -> String {
        siren.utf8.allSatisfy { $0 > 0x20 && $0 < 0x80 } ? siren : CompanyIdentifier.digits(siren)
    }

    /// Rows of the same debtor (same SIREN, else same name) added together; debtors by total owed, largest first.
    public init(asOf: Day, rows input: some Sequence<Row>) {
        var rows: [Row] = []
        var index: [String: Int] = [:]
        for row in input {
            let key = row.siren.map { "siren:" + Self.withoutSpaces($0) } ?? "name:" + row.debtor.lowercased()
            if let at = index[key] {
                var merged = rows[at]
                merged.references += row.references
                for b in merged.buckets.indices { merged.buckets[b] += row.buckets[b] }
                merged.total += row.total
                merged.weightedDays += row.weightedDays
                merged.overdue += row.overdue
                if row.escalation == .court || merged.escalation == nil {
                    merged.escalation = row.escalation ?? merged.escalation
                }
                merged.claim += row.claim
                rows[at] = merged
            } else {
                index[key] = rows.count
                rows.append(row)
            }
        }
        // Sorted through indices over the keys alone (a row is a large value, moved once; no row is
        // copied by a comparison): the largest total first, then the name.
        let keys = rows.map(\.total)
        let names = rows.map(\.debtor)
        let order = rows.indices.sorted { a, b in
            if keys[b] < keys[a] { return true }
            if keys[a] < keys[b] { return false }
            return names[a] < names[b]
        }
        rows = order.map { rows[$0] }
        self.asOf = asOf
        self.rows = rows
        totals = Bucket.allCases.map { b in rows.reduce(Decimal(0)) { $0 + $1.buckets[b.rawValue] } }
        total = totals.reduce(0, +)
        weightedDays = rows.reduce(0) { $0 + $1.weightedDays }
        overdue = rows.reduce(0) { $0 + $1.overdue }
    }
}

/// Computes `body(0)`, `body(1)`, … `body(count - 1)` and returns them in that order, however it spreads
/// the work (the CLI's worker pool; a test compares it with `SequentialMapper`).
public protocol IndexMapper: Sendable {
    func map<T>(_ count: Int, _ body: (Int) -> T) -> [T]
}

/// `(0..<count).map(body)` on the calling thread.
public struct SequentialMapper: IndexMapper {
    public init() {}

    public func map<T>(_ count: Int, _ body: (Int) -> T) -> [T] { (0..<count).map(body) }
}

/// The aged balance as text, CSV or JSON (`recouvre.aged/1`).
public enum AgedFormatter {
    /// The cells of one line of the text table, and their widths in Unicode scalars (each accented
    /// letter and no-break space is one), counted once per cell.
    public struct Cells: Sendable {
        public var texts: [String]
        public var widths: [Int]
        /// A debtor at the formal notice or the court: its line in that list.
        public var escalation: String?

        init(_ texts: [String], escalation: String? = nil) {
            self.texts = texts
            widths = texts.map(\.unicodeScalars.count)
            self.escalation = escalation
        }
    }

    /// A debtor's line of the text table: name, buckets, total, average days late, next step.
    static func cells(_ row: AgedBalance.Row, _ words: AgedWords) -> Cells {
        var texts = [row.debtor]
        texts.reserveCapacity(9)
        for bucket in row.buckets { texts.append(Money.french(bucket)) }
        texts.append(Money.french(row.total))
        texts.append(days(row.averageDaysLate, words))
        texts.append(escalation(row, words))
        let line =
            row.escalation == nil
            ? nil : "  \(row.debtor) (\(row.references.joined(separator: ", "))) : \(Money.french(row.claim))\n"
        return Cells(texts, escalation: line)
    }

    /// The table worded by `messages` (`forms/messages/aged.yaml`, `AgedReason`). `mapper` computes the
    /// rows' cells and lines (`SequentialMapper`: in order on this thread; the CLI hands its worker pool,
    /// every core formatting its share: the same bytes).
    public static func text(
        _ aged: AgedBalance, messages: MessageCatalogue, mapper: some IndexMapper = SequentialMapper()
    ) -> String {
        let words = AgedWords(messages)
        let headers = words.headers
        let rows = aged.rows
        var table: [Cells] = [Cells(headers)]
        table += mapper.map(rows.count) { cells(rows[$0], words) }
        table.append(
            Cells(
                [words.totalRow] + aged.totals.map { Money.french($0) } + [
                    Money.french(aged.total), days(aged.averageDaysLate, words), "",
                ]))
        table.append(
            Cells([words.shareRow] + aged.percentages.map(percent) + [aged.total > 0 ? "100,0 %" : "", "", ""]))
        var widths = headers.map { _ in 0 }
        for line in table { for (i, count) in line.widths.enumerated() { widths[i] = max(widths[i], count) } }
        let date = FrenchFormat.shortDate(aged.asOf)
        let count = aged.rows.count
        var out =
            messages.text(
                count > 1 ? AgedReason.title(date: date, count: count) : .titleSingular(date: date, count: count))
            + "\n\n"
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        let lines = mapper.map(table.count) { n -> String in
            let line = table[n]
            let cells = line.texts.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - line.widths[i])
                return i == 0 || i == line.texts.count - 1 ? cell + pad : pad + cell
            }
            var text = cells.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
            if n == 0 || n == table.count - 3 { text += rule }
            return text
        }
        out.reserveCapacity(out.utf8.count + lines.reduce(0) { $0 + $1.utf8.count } + 4096)
        for line in lines { out += line }
        out += "\n" + messages.text(AgedReason.averageNote) + "\n"
        // The debtors at the formal notice, then those at the court, in the table's order, each line
        // made with the row's cells (on the mapper).
        for (step, title) in [
            (AgedBalance.Escalation.formalNotice, messages.text(AgedReason.formalNoticeList)),
            (.court, messages.text(AgedReason.courtList)),
        ] {
            var first = true
            for (index, row) in rows.enumerated() where row.escalation == step {
                if first { out += "\n" + title + "\n" }
                first = false
                out += table[1 + index].escalation ?? ""
            }
        }
        return out
    }

    public static func csv(_ aged: AgedBalance) -> String {
        var out =
            "debtor,siren,references," + AgedBalance.Bucket.allCases.map(\.key).joined(separator: ",")
            + ",total,average_days_late,next_step,claim\n"
        func field(_ text: String) -> String {
            text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
                ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        for row in aged.rows {
            var cells = [field(row.debtor), row.siren ?? "", field(row.references.joined(separator: " "))]
            cells += row.buckets.map { Money.plain($0) }
            cells += [
                Money.plain(row.total), row.averageDaysLate.map { Money.plain($0, scale: 1) } ?? "",
                row.escalation?.rawValue ?? "", row.escalation == nil ? "" : Money.plain(row.claim),
            ]
            out += cells.joined(separator: ",") + "\n"
        }
        out +=
            "TOTAL,,," + aged.totals.map { Money.plain($0) }.joined(separator: ",") + ",\(Money.plain(aged.total)),"
            + (aged.averageDaysLate.map { Money.plain($0, scale: 1) } ?? "") + ",,\n"
        return out
    }

    public static func json(_ aged: AgedBalance) -> String {
        func buckets(_ values: [Decimal]) -> JSONValue {
            .object(AgedBalance.Bucket.allCases.map { ($0.key, .string(Money.plain(values[$0.rawValue]))) })
        }
        let rows = aged.rows.map { row -> JSONValue in
            .object([
                ("debtor", .string(row.debtor)), ("siren", .optional(row.siren)),
                ("references", .array(row.references.map(JSONValue.string))),
                ("buckets", buckets(row.buckets)), ("total", .string(Money.plain(row.total))),
                ("average_days_late", .optional(row.averageDaysLate.map { Money.plain($0, scale: 1) })),
                ("next_step", .optional(row.escalation?.rawValue)),
                ("claim", row.escalation == nil ? .null : .string(Money.plain(row.claim))),
            ])
        }
        return JSONValue.object([
            ("format", .string("recouvre.aged/1")), ("as_of", .string(aged.asOf.iso)),
            ("debtors", .integer(Int64(aged.rows.count))), ("rows", .array(rows)),
            ("totals", buckets(aged.totals)), ("total", .string(Money.plain(aged.total))),
            (
                "percentages",
                .object(
                    AgedBalance.Bucket.allCases.map {
                        ($0.key, .string(Money.plain(aged.percentages[$0.rawValue], scale: 1)))
                    })
            ),
            ("average_days_late", .optional(aged.averageDaysLate.map { Money.plain($0, scale: 1) })),
        ]).rendered()
    }

    static func days(_ value: Decimal?, _ words: AgedWords) -> String {
        guard let value else { return "" }
        return Money.plain(value, scale: 1).replacingOccurrences(of: ".", with: ",") + " " + words.dayUnit
    }

    static func percent(_ value: Decimal) -> String {
        Money.plain(value, scale: 1).replacingOccurrences(of: ".", with: ",") + " %"
    }

    static func escalation(_ row: AgedBalance.Row, _ words: AgedWords) -> String {
        switch row.escalation {
        case .formalNotice: return words.formalNotice
        case .court: return words.court
        case nil: return ""
        }
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}
