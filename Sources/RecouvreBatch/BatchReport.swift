import Foundation
import RecouvreJSON
import RecouvreModel
import RecouvreRoute

/// The counts of a batch, computed from its entries.
public struct BatchSummary: Sendable, Hashable {
    public var built = 0
    public var skipped = 0
    public var failed = 0
    /// The sum of the claims of the bundles built or skipped.
    public var totalClaimed: Decimal = 0
    /// Bundles (built or skipped) by procedure and by court kind (`none` without a court).
    public var byProcedure: [String: Int] = [:]
    public var byCourtKind: [String: Int] = [:]

    public init() {}

    public init(_ entries: some Sequence<BatchEntry>) {
        for entry in entries { add(entry) }
    }

    public var debtors: Int { built + skipped + failed }

    public mutating func add(_ entry: BatchEntry) {
        switch entry.status {
        case .built: built += 1
        case .skipped: skipped += 1
        case .failed:
            failed += 1
            return
        }
        totalClaimed += entry.totalClaimed ?? 0
        byProcedure[entry.procedure?.rawValue ?? "none", default: 0] += 1
        byCourtKind[entry.courtKind?.rawValue ?? "none", default: 0] += 1
    }
}

/// `batch-report.json` (`recouvre.batch-report/1`) and `batch-report.csv`: one line per debtor, in
/// the order of their stable keys, so the same input gives the same report whatever the number of
/// workers (no time, no path of the machine beyond the input's). `batch-merge` reads these files back.
public struct BatchReport: Sendable, Hashable {
    public static let schema = "recouvre.batch-report/1"
    public static let jsonName = "batch-report.json"
    public static let csvName = "batch-report.csv"

    public var tool: String
    /// The input as given on the command line (the folders of merged reports, joined).
    public var input: String
    /// `--as-of` when given; nil when each case's own as_of (or the day of the run) applied.
    public var asOf: Day?
    /// `--stage` when given.
    public var stage: String?
    /// The shard this report covers; nil for a whole run.
    public var shard: Shard?
    /// For a merged report: the shards it joins.
    public var mergedShards: [Shard]?
    /// Sorted by `BatchEntry.reportOrder`.
    public var entries: [BatchEntry]

    public init(
        tool: String, input: String, asOf: Day?, stage: String?, shard: Shard?, mergedShards: [Shard]? = nil,
        entries: [BatchEntry]
    ) {
        self.tool = tool
        self.input = input
        self.asOf = asOf
        self.stage = stage
        self.shard = shard
        self.mergedShards = mergedShards
        self.entries = entries.sorted(by: BatchEntry.reportOrder)
    }

    public var summary: BatchSummary { BatchSummary(entries) }

    // MARK: JSON

    public func json() -> Data {
        Data(header(debtors: .array(entries.map(Self.json))).rendered().utf8)
    }

    /// Writes the same bytes as `json()` entry by entry, so that a report of 100,000 debtors is never
    /// one string in memory.
    public func writeJSON(to output: FileHandle) throws {
        let empty = header(debtors: .array([])).rendered()
        let tail = "[]\n}\n"
        guard !entries.isEmpty, empty.hasSuffix(tail) else { return try output.write(contentsOf: Data(empty.utf8)) }
        var buffer = String(empty.dropLast(tail.count)) + "["
        for (index, entry) in entries.enumerated() {
            // The entry rendered alone, indented as an element of the top-level "debtors" array (its
            // strings escape their line breaks, so every raw newline is structure).
            buffer += index == 0 ? "\n    " : ",\n    "
            Self.appendIndented(Self.json(entry).rendered().utf8.dropLast(), to: &buffer)
            if buffer.utf8.count > 1 << 16 {
                try output.write(contentsOf: Data(buffer.utf8))
                buffer = ""
            }
        }
        buffer += "\n  ]\n}\n"
        try output.write(contentsOf: Data(buffer.utf8))
    }

    /// `text` with four spaces after each line break (its strings escape theirs: every raw newline is
    /// structure), appended as UTF-8 bytes (Foundation's `replacingOccurrences` cost ≈ 1.3 M
    /// instructions per debtor here).
    static func appendIndented(_ text: Substring.UTF8View, to buffer: inout String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.count + 256)
        for byte in text {
            bytes.append(byte)
            if byte == UInt8(ascii: "\n") { bytes.append(contentsOf: [0x20, 0x20, 0x20, 0x20]) }
        }
        buffer += String(decoding: bytes, as: UTF8.self)
    }

    func header(debtors: JSONValue) -> JSONValue {
        let summary = self.summary
        func counts(_ table: [String: Int]) -> JSONValue {
            .sortedObject(table.mapValues { .integer(Int64($0)) })
        }
        return JSONValue.object([
            ("schema", .string(Self.schema)),
            ("tool", .string(tool)),
            ("input", .string(input)),
            ("as_of", .optional(asOf?.iso)),
            ("stage", .optional(stage)),
            ("shard", .optional(shard?.description)),
            ("merged_shards", mergedShards.map { .array($0.map { .string($0.description) }) } ?? .null),
            (
                "summary",
                .object([
                    ("debtors", .integer(Int64(summary.debtors))),
                    ("built", .integer(Int64(summary.built))),
                    ("skipped", .integer(Int64(summary.skipped))),
                    ("failed", .integer(Int64(summary.failed))),
                    ("total_claimed", .string(Money.plain(summary.totalClaimed))),
                    ("by_procedure", counts(summary.byProcedure)),
                    ("by_court_kind", counts(summary.byCourtKind)),
                ])
            ),
            ("debtors", debtors),
        ])
    }

    static func json(_ entry: BatchEntry) -> JSONValue {
        .object([
            ("key", .string(entry.key.value)),
            ("key_kind", .string(entry.key.kind.rawValue)),
            ("status", .string(entry.status.rawValue)),
            ("bundle", .string(entry.bundle)),
            ("source", .string(entry.source)),
            ("case", .optional(entry.reference)),
            ("debtor", .optional(entry.debtor)),
            ("as_of", .optional(entry.asOf?.iso)),
            ("total_claimed", .optional(entry.totalClaimed.map { Money.plain($0) })),
            ("procedure", .optional(entry.procedure?.rawValue)),
            ("court_kind", .optional(entry.courtKind?.rawValue)),
            ("court", .optional(entry.court)),
            ("warnings", .array(entry.warnings.map { .string($0) })),
            (
                "error",
                entry.error.map {
                    .object([("message", .string($0.message)), ("location", .optional($0.location))])
                } ?? .null
            ),
        ])
    }

    /// Reads a report written by `json()`; `name` is the file name used in errors.
    public static func parse(_ data: Data, name: String) throws(BatchReportError) -> BatchReport {
        func fail(_ message: String) -> BatchReportError { BatchReportError(file: name, message: message) }
        guard let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw fail("n'est pas un rapport JSON lisible")
        }
        guard root["schema"] as? String == schema else {
            throw fail("n'est pas un rapport de recouvre batch (schema \(schema) attendu)")
        }
        func day(_ value: Any?) throws(BatchReportError) -> Day? {
            guard let text = value as? String else { return nil }
            guard let day = Day(iso: text) else { throw fail("date illisible : \(text)") }
            return day
        }
        func shard(_ value: Any?) throws(BatchReportError) -> Shard? {
            guard let text = value as? String else { return nil }
            guard let shard = Shard(parsing: text) else { throw fail("tranche illisible : \(text)") }
            return shard
        }
        var entries: [BatchEntry] = []
        for (index, raw) in ((root["debtors"] as? [[String: Any]]) ?? []).enumerated() {
            guard let key = raw["key"] as? String,
                let status = (raw["status"] as? String).flatMap(BatchEntry.Status.init),
                let bundle = raw["bundle"] as? String
            else { throw fail("debtors[\(index)] : clé, statut ou bundle manquant") }
            let error = (raw["error"] as? [String: Any]).map {
                BatchEntry.Failure(message: $0["message"] as? String ?? "", location: $0["location"] as? String)
            }
            entries.append(
                BatchEntry(
                    key: DebtorKey(
                        kind: (raw["key_kind"] as? String).flatMap(DebtorKey.Kind.init) ?? .code, value: key),
                    status: status, source: raw["source"] as? String ?? "", bundle: bundle,
                    reference: raw["case"] as? String, debtor: raw["debtor"] as? String,
                    totalClaimed: (raw["total_claimed"] as? String).flatMap { Decimal(string: $0) },
                    asOf: try day(raw["as_of"]),
                    procedure: (raw["procedure"] as? String).flatMap(Procedure.init),
                    courtKind: (raw["court_kind"] as? String).flatMap(CourtKind.init),
                    court: raw["court"] as? String, warnings: raw["warnings"] as? [String] ?? [], error: error))
        }
        var merged: [Shard]?
        if let list = root["merged_shards"] as? [String] {
            merged = []
            for text in list { if let one = try shard(text) { merged?.append(one) } }
        }
        return BatchReport(
            tool: root["tool"] as? String ?? "", input: root["input"] as? String ?? "", asOf: try day(root["as_of"]),
            stage: root["stage"] as? String, shard: try shard(root["shard"]), mergedShards: merged, entries: entries)
    }

    // MARK: CSV

    public static let csvColumns = [
        "key", "key_kind", "status", "bundle", "case", "debtor", "as_of", "total_claimed", "procedure",
        "court_kind", "court", "warnings", "error", "error_location", "source",
    ]

    /// RFC 4180: comma-separated, fields quoted when they hold a comma, a quote or a line break, CRLF
    /// line ends, UTF-8; the warnings of a debtor joined by " | ".
    public func csv() -> Data {
        var out = Self.csvHeader
        for entry in entries { out += Self.csvLine(entry) }
        return Data(out.utf8)
    }

    /// Writes the same bytes as `csv()`, a buffer at a time.
    public func writeCSV(to output: FileHandle) throws {
        var buffer = Self.csvHeader
        for entry in entries {
            buffer += Self.csvLine(entry)
            if buffer.utf8.count > 1 << 16 {
                try output.write(contentsOf: Data(buffer.utf8))
                buffer = ""
            }
        }
        try output.write(contentsOf: Data(buffer.utf8))
    }

    static var csvHeader: String { csvColumns.joined(separator: ",") + "\r\n" }

    /// One debtor's line, with its CRLF.
    static func csvLine(_ entry: BatchEntry) -> String {
        let fields: [String] = [
            entry.key.value, entry.key.kind.rawValue, entry.status.rawValue, entry.bundle, entry.reference ?? "",
            entry.debtor ?? "", entry.asOf?.iso ?? "", entry.totalClaimed.map { Money.plain($0) } ?? "",
            entry.procedure?.rawValue ?? "", entry.courtKind?.rawValue ?? "", entry.court ?? "",
            entry.warnings.joined(separator: " | "), entry.error?.message ?? "", entry.error?.location ?? "",
            entry.source,
        ]
        return fields.map(Self.csvField).joined(separator: ",") + "\r\n"
    }

    /// RFC 4180: a field holding a comma, a quote or a line break is quoted, its quotes doubled. The
    /// four are ASCII: the text is scanned as UTF-8 bytes (was by `Character`, then Foundation's
    /// `replacingOccurrences`).
    static func csvField(_ text: String) -> String {
        let utf8 = text.utf8
        func special(_ byte: UInt8) -> Bool { byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D }
        guard utf8.contains(where: special) else { return text }
        var bytes: [UInt8] = [0x22]
        bytes.reserveCapacity(utf8.count + 8)
        for byte in utf8 {
            bytes.append(byte)
            if byte == 0x22 { bytes.append(0x22) }
        }
        bytes.append(0x22)
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A report that cannot be read or merged (exit status 1).
public struct BatchReportError: RecouvreError, Sendable, Hashable {
    public var file: String
    public var message: String

    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    public var exitCode: Int32 { 1 }
    public var description: String { "\(file) : \(message)" }
}
