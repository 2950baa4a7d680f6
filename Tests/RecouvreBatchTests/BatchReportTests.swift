import Foundation
import RecouvreModel
import RecouvreTestSupport
import Testing

@testable import RecouvreBatch

@Suite("Batch report and merge")
struct BatchReportTests {
    static func entry(_ key: String, _ status: BatchEntry.Status = .built, amount: Decimal? = 100) -> BatchEntry {
        BatchEntry(
            key: DebtorKey(kind: .siren, value: key), status: status, source: "in/\(key).yaml", bundle: key,
            reference: "R-\(key)", debtor: "Débiteur, \"dit\" \(key)", totalClaimed: status == .failed ? nil : amount,
            asOf: Day(iso: "2026-11-23"), procedure: status == .failed ? nil : .injonctionDePayer,
            courtKind: status == .failed ? nil : .tribunalDeCommerce, court: status == .failed ? nil : "Tribunal",
            warnings: status == .failed ? [] : ["un, deux"],
            error: status == .failed ? .init(message: "ligne 1\nligne 2", location: "in/\(key).yaml:3:4") : nil)
    }

    /// A report of the shard `index`/`count` holding the keys of `keys` that fall in it.
    static func shardReport(_ keys: [String], index: Int, count: Int) -> BatchReport {
        let shard = Shard(index: index, count: count)
        return BatchReport(
            tool: "recouvre 0.1.0", input: "in", asOf: nil, stage: nil, shard: shard,
            entries: keys.map { entry($0) }.filter { shard.contains($0.key) })
    }

    @Test(
        "CSV fields: quoted when they hold a comma, a quote or a line break, quotes doubled",
        arguments: [
            ("plain text, é €", "\"plain text, é €\""), ("Débiteur", "Débiteur"), ("dit \"x\"", "\"dit \"\"x\"\"\""),
            ("ligne 1\nligne 2", "\"ligne 1\nligne 2\""), ("a\r\nb", "\"a\r\nb\""), ("", ""),
        ])
    func csvFields(text: String, field: String) {
        #expect(BatchReport.csvField(text) == field)
    }

    @Test("the JSON report reads back as written, entries sorted by key, with its summary")
    func roundTrip() throws {
        let report = BatchReport(
            tool: "recouvre 0.1.0", input: "in", asOf: Day(iso: "2026-11-23"), stage: "court",
            shard: Shard(index: 1, count: 3),
            entries: [Self.entry("b"), Self.entry("a", .failed), Self.entry("c", .skipped)])
        #expect(report.entries.map(\.key.value) == ["a", "b", "c"])
        let parsed = try BatchReport.parse(report.json(), name: "r.json")
        #expect(parsed == report)
        #expect(parsed.json() == report.json())
        let text = String(decoding: report.json(), as: UTF8.self)
        // 100 + 100 (the failed debtor claims nothing) = 200.00
        #expect(text.contains("\"total_claimed\": \"200.00\""))
        #expect(text.contains("\"failed\": 1"))
        #expect(text.contains("\"location\": \"in/a.yaml:3:4\""))
    }

    @Test("the report streamed to a file has the bytes of the report rendered whole", arguments: [0, 1, 3, 2000])
    func streamed(count: Int) throws {
        let report = BatchReport(
            tool: "recouvre 0.1.0", input: "in", asOf: nil, stage: nil, shard: nil,
            entries: (0..<count).map { Self.entry("K\($0)", $0 % 3 == 0 ? .failed : .built) })
        try Self.expectStreamedIsWhole(report)
    }

    /// Writes `report` to files as a batch does (`writeJSON`, `writeCSV`) and expects the bytes of the
    /// report rendered whole (`json()`, `csv()`), which reads back as the report.
    static func expectStreamedIsWhole(_ report: BatchReport) throws {
        let folder = try TestPaths.temporaryFolder("batch-report")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, write, whole) in [
            ("r.json", report.writeJSON, report.json()), ("r.csv", report.writeCSV, report.csv()),
        ] as [(String, (FileHandle) throws -> Void, Data)] {
            let url = folder.appendingPathComponent(name)
            #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
            let handle = try FileHandle(forWritingTo: url)
            try write(handle)
            try handle.close()
            let written = try Data(contentsOf: url)
            #expect(written == whole, "\(name): \(written.count) bytes against \(whole.count)")
        }
        #expect(try BatchReport.parse(report.json(), name: "r.json") == report)
    }

    @Test("the CSV quotes commas, quotes and line breaks (RFC 4180) and has one line per debtor")
    func csv() {
        let report = BatchReport(
            tool: "t", input: "in", asOf: nil, stage: nil, shard: nil,
            entries: [Self.entry("a", .failed), Self.entry("b")])
        let text = String(decoding: report.csv(), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines[0] == BatchReport.csvColumns.joined(separator: ","))
        #expect(text.contains("\"Débiteur, \"\"dit\"\" a\""))
        #expect(text.contains("\"ligne 1\nligne 2\""))
        #expect(lines.last == "")
        #expect(text.components(separatedBy: "\r\n").count == 4)  // header, 2 debtors, final empty
    }

    static let keys = (0..<40).map { "K\($0)" }

    @Test("the shards' reports merge into the whole, each debtor once")
    func merges() throws {
        let parts = (0..<3).map { (name: "s\($0).json", report: Self.shardReport(Self.keys, index: $0, count: 3)) }
        let merged = try BatchMerge.merge(parts.reversed())
        #expect(merged.entries.map(\.key.value) == Self.keys.sorted())
        #expect(merged.mergedShards == (0..<3).map { Shard(index: $0, count: 3) })
        #expect(merged.shard == nil)
    }

    @Test("merge refuses a shard given twice")
    func refusesDuplicateShard() {
        let one = Self.shardReport(Self.keys, index: 0, count: 2)
        #expect(throws: BatchReportError.self) {
            try BatchMerge.merge([
                ("a.json", one), ("b.json", one), ("c.json", Self.shardReport(Self.keys, index: 1, count: 2)),
            ])
        }
    }

    @Test("merge refuses a debtor outside its report's shard (overlapping shards)")
    func refusesOverlap() throws {
        var wrong = Self.shardReport(Self.keys, index: 0, count: 2)
        let stray = try #require(Self.keys.map { Self.entry($0) }.first { !Shard(index: 0, count: 2).contains($0.key) })
        wrong = BatchReport(
            tool: wrong.tool, input: wrong.input, asOf: nil, stage: nil, shard: wrong.shard,
            entries: wrong.entries + [stray])
        do {
            _ = try BatchMerge.merge([("a.json", wrong), ("b.json", Self.shardReport(Self.keys, index: 1, count: 2))])
            Issue.record("merged overlapping shards")
        } catch {
            #expect(error.description.contains("chevauchent"))
            #expect(error.description.contains(stray.key.value))
        }
    }

    @Test("merge refuses a missing shard unless partial, and shards of another count")
    func refusesMissing() throws {
        let zero = Self.shardReport(Self.keys, index: 0, count: 3)
        #expect(throws: BatchReportError.self) { try BatchMerge.merge([("a.json", zero)]) }
        #expect(try BatchMerge.merge([("a.json", zero)], allowPartial: true).entries == zero.entries)
        #expect(throws: BatchReportError.self) {
            try BatchMerge.merge(
                [("a.json", zero), ("b.json", Self.shardReport(Self.keys, index: 1, count: 2))], allowPartial: true)
        }
    }
}
