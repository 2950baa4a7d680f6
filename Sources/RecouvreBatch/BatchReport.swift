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
    /// one string in memory. Each entry is written as UTF-8 straight at its depth in the document
    /// (`JSONValue.append(to:indent:)`), into a buffer written out every 64 KiB: the report is written
    /// once every debtor is done, by one thread, so its cost is the batch's tail (re-indenting each
    /// entry's own rendering, through `String`s, took ≈ 70,000 instructions a debtor).
    public func writeJSON(to output: FileHandle) throws {
        let empty = header(debtors: .array([])).rendered()
        let tail = "[]\n}\n"
        guard !entries.isEmpty, empty.hasSuffix(tail) else { return try output.write(contentsOf: Data(empty.utf8)) }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(Self.flushSize + 4096)
        buffer.append(contentsOf: empty.utf8.dropLast(tail.utf8.count))
        buffer.append(UInt8(ascii: "["))
        for (index, entry) in entries.enumerated() {
            // An element of the top-level "debtors" array: level 2.
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            buffer.append(contentsOf: [0x0A, 0x20, 0x20, 0x20, 0x20])
            Self.json(entry).append(to: &buffer, indent: 2)
            if buffer.count > Self.flushSize {
                try output.write(contentsOf: Data(buffer))
                buffer.removeAll(keepingCapacity: true)
            }
        }
        buffer.append(contentsOf: "\n  ]\n}\n".utf8)
        try output.write(contentsOf: Data(buffer))
    }

    /// How much of a report is kept before it is written out.
    static let flushSize = 1 << 16

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

    /// Writes the same bytes as `csv()`, a buffer at a time, each line made as UTF-8 (`appendCSVLine`).
    public func writeCSV(to output: FileHandle) throws {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(Self.flushSize + 4096)
        buffer.append(contentsOf: Self.csvHeader.utf8)
        for entry in entries {
            Self.appendCSVLine(entry, to: &buffer)
            if buffer.count > Self.flushSize {
                try output.write(contentsOf: Data(buffer))
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try output.write(contentsOf: Data(buffer))
    }

    static var csvHeader: String { csvColumns.joined(separator: ",") + "\r\n" }

    /// One debtor's line, with its CRLF (the reference of `appendCSVLine`).
    static func csvLine(_ entry: BatchEntry) -> String {
        csvFields(entry).map(Self.csvField).joined(separator: ",") + "\r\n"
    }

    /// The fields of a debtor's line, in `csvColumns`' order.
    static func csvFields(_ entry: BatchEntry) -> [String] {
        [
            entry.key.value, entry.key.kind.rawValue, entry.status.rawValue, entry.bundle, entry.reference ?? "",
            entry.debtor ?? "", entry.asOf?.iso ?? "", entry.totalClaimed.map { Money.plain($0) } ?? "",
            entry.procedure?.rawValue ?? "", entry.courtKind?.rawValue ?? "", entry.court ?? "",
            entry.warnings.joined(separator: " | "), entry.error?.message ?? "", entry.error?.location ?? "",
            entry.source,
        ]
    }

    /// `csvLine(entry)`'s bytes appended to `out`, each field quoted as `csvField` does, without a
    /// `String` per field or per line (≈ 60,000 instructions a debtor, in the batch's tail).
    static func appendCSVLine(_ entry: BatchEntry, to out: inout [UInt8]) {
        for (index, field) in csvFields(entry).enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            appendCSVField(field, to: &out)
        }
        out.append(contentsOf: [0x0D, 0x0A])
    }

    /// `csvField(text)`'s bytes appended to `out`.
    static func appendCSVField(_ text: String, to out: inout [UInt8]) {
        let utf8 = text.utf8
        guard utf8.contains(where: isCSVSpecial) else { return out.append(contentsOf: utf8) }
        out.append(0x22)
        for byte in utf8 {
            out.append(byte)
            if byte == 0x22 { out.append(0x22) }
        }
        out.append(0x22)
    }

    /// A comma, a quote or a line break: the bytes that make a field quoted.
    static func isCSVSpecial(_ byte: UInt8) -> Bool { byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D }

    /// RFC 4180: a field holding a comma, a quote or a line break is quoted, its quotes doubled. The
    /// four are ASCII: the text is scanned as UTF-8 bytes (was by `Character`, then Foundation's
    /// `replacingOccurrences`).
    static func csvField(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: isCSVSpecial) else { return text }
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
