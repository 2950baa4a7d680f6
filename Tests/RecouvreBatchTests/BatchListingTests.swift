import Foundation
import RecouvreBundle
import RecouvreCaseFile
import RecouvreModel
import RecouvreTestSupport
import Testing

@testable import RecouvreBatch

/// The input folder's listing (kinds from `readdir`, no `stat` for plain files and folders), the
/// journals found by it, the output folder's names known at the start, and the report written as bytes.
@Suite("Batch: listing the input, the output's names, the report's bytes")
struct BatchListingTests {
    /// What `CaseFolderSource` listed before it read `d_type` (a `stat` per entry): the reference.
    static func referenceFiles(_ folder: URL) throws -> [String] {
        let fm = FileManager.default
        var found: [String] = []
        let reports: Set<String> = [BatchReport.jsonName, BatchReport.csvName]
        for name in try fm.contentsOfDirectory(atPath: folder.path).sorted()
        where !name.hasPrefix(".") && !reports.contains(name) {
            let url = folder.appendingPathComponent(name)
            var isFolder: ObjCBool = false
            guard fm.fileExists(atPath: url.path, isDirectory: &isFolder) else { continue }
            if isFolder.boolValue {
                for file in ["case.yaml", "case.yml", "case.json"]
                where fm.fileExists(atPath: url.appendingPathComponent(file).path) {
                    found.append("\(name)/\(file) → \(name)")
                    break
                }
            } else if CaseFolderSource.extensions.contains(url.pathExtension.lowercased()),
                !name.hasSuffix(".reminders.yaml")
            {
                found.append("\(name) → \(name.dropLast(url.pathExtension.count + 1))")
            }
        }
        return found
    }

    @Test("the listing is the one a stat per entry gave: files, folders, links, odd names, journals")
    func listing() throws {
        let fm = FileManager.default
        let root = try TestPaths.temporaryFolder("batch-listing")
        defer { try? fm.removeItem(at: root) }
        let input = root.appendingPathComponent("in")
        try fm.createDirectory(at: input, withIntermediateDirectories: true)
        let outside = root.appendingPathComponent("outside")
        try fm.createDirectory(at: outside.appendingPathComponent("linked"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: outside.appendingPathComponent("linked/case.yaml"))
        try Data("x".utf8).write(to: outside.appendingPathComponent("target.yaml"))
        for name in [
            "a.yaml", "b.YML", "c.json", "d.Yaml", "e.txt", "noext", "f.yaml ", "g.ya ml", "h.tar.yaml", "i.",
            "é café.yaml", ".hidden.yaml", "a.reminders.yaml", "batch-report.json", "batch-report.csv",
            "k.yaml.bak", "m.JSON", "n.yaml.json", "o..yaml", "p.yml.", "q.ymlx", "r.jsonl", "ÉTÉ.yml", "s.yam",
        ] {
            try Data("x".utf8).write(to: input.appendingPathComponent(name))
        }
        for (folder, file) in [("with-case", "case.yaml"), ("with-yml", "case.yml"), ("with-json", "case.json")] {
            try fm.createDirectory(at: input.appendingPathComponent(folder), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: input.appendingPathComponent("\(folder)/\(file)"))
        }
        try fm.createDirectory(at: input.appendingPathComponent("empty-folder"), withIntermediateDirectories: true)
        try fm.createDirectory(at: input.appendingPathComponent("folder.yaml"), withIntermediateDirectories: true)
        try fm.createSymbolicLink(
            atPath: input.appendingPathComponent("link-to-file.yaml").path,
            withDestinationPath: outside.appendingPathComponent("target.yaml").path)
        try fm.createSymbolicLink(
            atPath: input.appendingPathComponent("link-to-folder").path,
            withDestinationPath: outside.appendingPathComponent("linked").path)
        try fm.createSymbolicLink(
            atPath: input.appendingPathComponent("dangling.yaml").path, withDestinationPath: "/nonexistent/x.yaml")
        try fm.createSymbolicLink(
            atPath: input.appendingPathComponent("b.reminders.yaml").path, withDestinationPath: "/nonexistent/j.yaml")
        #expect(mkfifo(input.appendingPathComponent("fifo.yaml").path, 0o600) == 0)

        let source = try CaseFolderSource(folder: input)
        let listed = source.files.map { "\($0.path) → \($0.bundleName)" }
        #expect(listed == (try Self.referenceFiles(input)))
        // Spot checks of the reference itself: a link is followed, a dangling one and a folder named
        // like a case file are not cases, a FIFO named like one is listed (and fails when read).
        #expect(listed.contains("link-to-file.yaml → link-to-file"))
        #expect(listed.contains("link-to-folder/case.yaml → link-to-folder"))
        #expect(!listed.contains { $0.hasPrefix("dangling") || $0.hasPrefix("folder.yaml") })
        #expect(listed.contains("fifo.yaml → fifo"))
        // Every journal name is known, links included (read as before: a dangling one is no journal).
        #expect(source.journals == ["a.reminders.yaml", "b.reminders.yaml"])
    }

    @Test("a case file read relative to the shared folder gives the bytes its path gives, and the same refusals")
    func caseFileRead() throws {
        let fm = FileManager.default
        let folder = try TestPaths.temporaryFolder("recouvre-batch-read")
        defer { try? fm.removeItem(at: folder) }
        let real = try #require(FolderExhibitSource.realPath(folder.path))
        let shared = SharedFolders(realFolder: real)
        enum Outcome: Equatable {
            case success(Data)
            case failure(String)
            func get() throws -> Data {
                guard case .success(let data) = self else { throw CocoaError(.fileReadUnknown) }
                return data
            }
        }
        func outcome(_ read: () throws -> Data) -> Outcome {
            do { return .success(try read()) } catch { return .failure("\(error)") }
        }
        func both(_ name: String) -> [Outcome] {
            let url = folder.appendingPathComponent(name)
            return [
                outcome { try CaseFolderSource.read(url, name: name) },
                outcome { try CaseFolderSource.read(url, name: name, shared: shared, fileName: name) },
            ]
        }
        for size in [0, 1, 4095, 4096, 4097, 70_000] {
            let bytes = Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &* 13 &+ 5) })
            try bytes.write(to: folder.appendingPathComponent("c\(size).yaml"))
            #expect(both("c\(size).yaml") == [.success(bytes), .success(bytes)], "\(size)")
        }
        // A link is followed, as `FileHandle(forReadingAtPath:)` followed it.
        try fm.createSymbolicLink(
            atPath: folder.appendingPathComponent("lien.yaml").path, withDestinationPath: "c1.yaml")
        #expect(both("lien.yaml") == [.success(Data([5])), .success(Data([5]))])
        // The refusal of `name`, the same message both ways (nil, and an issue, when either read it).
        func refusal(_ name: String) -> String? {
            let outcomes = both(name)
            #expect(outcomes[0] == outcomes[1], "\(name)")
            guard case .failure(let message) = outcomes[0] else {
                Issue.record("\(name) read")
                return nil
            }
            return message
        }
        // A sparse file of `size` bytes (nothing is written).
        func sparse(_ name: String, _ size: Int) throws {
            let url = folder.appendingPathComponent(name)
            #expect(fm.createFile(atPath: url.path, contents: nil))
            let handle = try FileHandle(forWritingTo: url)
            try handle.truncate(atOffset: UInt64(size))
            try handle.close()
        }
        // Absent: unreadable.
        #expect(refusal("absent.yaml")?.contains("illisible") == true)
        // Over the limit: refused; at the limit exactly: read whole.
        try sparse("gros.yaml", CaseFileReader.maximumBytes + 1)
        #expect(refusal("gros.yaml")?.contains("dépasse la limite de 50 Mo") == true)
        try sparse("limite.yaml", CaseFileReader.maximumBytes)
        #expect(
            both("limite.yaml").map { (try? $0.get())?.count } == [
                CaseFileReader.maximumBytes, CaseFileReader.maximumBytes,
            ])
    }

    @Test("a flat case's journal is read when listed, and not looked for otherwise")
    func journals() throws {
        let fm = FileManager.default
        let root = try TestPaths.temporaryFolder("batch-listing-journal")
        defer { try? fm.removeItem(at: root) }
        try BatchSupport.generate(3, into: root, seed: 11)
        let names = try fm.contentsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(names.count == 3)
        // A journal that cannot be read is an error: it proves the journal was looked at.
        let broken = String(names[0].dropLast(".yaml".count)) + ".reminders.yaml"
        try Data([0xFF, 0xFE]).write(to: root.appendingPathComponent(broken))
        let source = try CaseFolderSource(folder: root)
        var outcomes: [String: Bool] = [:]
        for item in AnyIterator(source.items()) {
            var times = StageTimes.off
            outcomes[item.bundleName] = (try? item.read(&times)) != nil
        }
        #expect(outcomes[String(names[0].dropLast(5))] == false)
        #expect(outcomes[String(names[1].dropLast(5))] == true)
        #expect(outcomes[String(names[2].dropLast(5))] == true)
    }

    @Test("a bundle put in the output by someone else after the listing is not written over")
    func targetAppearedAfterListing() async throws {
        let fm = FileManager.default
        let root = try TestPaths.temporaryFolder("batch-listing-target")
        defer { try? fm.removeItem(at: root) }
        let input = root.appendingPathComponent("in")
        try fm.createDirectory(at: input, withIntermediateDirectories: true)
        try BatchSupport.generate(1, into: input, seed: 5)
        let out = root.appendingPathComponent("out")
        try fm.createDirectory(at: out, withIntermediateDirectories: true)
        for zip in [false, true] {
            let runner = BatchRunner(
                pipeline: BatchSupport.pipeline,
                configuration: BatchConfiguration(
                    out: out, asOf: nil, today: Day(iso: "2026-11-23")!, jobs: 1, input: input.path, zip: zip))
            let source = try CaseFolderSource(folder: input)
            let item = try #require(source.items().next())
            let name = zip ? item.bundleName + ".zip" : item.bundleName
            // The run listed an empty output; then a file of someone else's appears at the target.
            let foreign = Data("not a bundle".utf8)
            try foreign.write(to: out.appendingPathComponent(name))
            let result = runner.process(item, read: item.read, in: out, outPath: out.path, present: [])
            #expect(result.entry?.status == .failed, "\(String(describing: result.entry))")
            #expect(try Data(contentsOf: out.appendingPathComponent(name)) == foreign)
            // Listed as present, it is looked at (and, not being a bundle of this run, refused too).
            let again = runner.process(item, read: item.read, in: out, outPath: out.path, present: [name])
            #expect(again.entry?.status == .failed)
            try fm.removeItem(at: out.appendingPathComponent(name))
            // Absent from the listing and from the disk: built.
            let built = runner.process(item, read: item.read, in: out, outPath: out.path, present: [])
            #expect(built.entry?.status == .built, "\(String(describing: built.entry?.error))")
        }
    }

    /// Entries whose texts hold everything JSON and CSV escape or quote.
    static func hostileEntries(_ count: Int) -> [BatchEntry] {
        let texts = [
            "plain", "", "quote \" and backslash \\", "tab\tCR\rLF\nCRLF\r\n", "control \u{01}\u{1F}\u{7F}",
            "é, café; « guillemets »", "emoji 🇫🇷 e\u{301}", "line\u{2028}separator", "comma,", "\"quoted\"",
        ]
        return (0..<count).map { index in
            let text = texts[index % texts.count]
            let failed = index % 4 == 3
            return BatchEntry(
                key: DebtorKey(kind: index % 2 == 0 ? .siren : .code, value: "K\(index) \(text)"),
                status: failed ? .failed : (index % 5 == 0 ? .skipped : .built),
                source: "in/\(text)/\(index).yaml", bundle: "B\(index)",
                reference: index % 3 == 0 ? nil : "R-\(text)", debtor: index % 7 == 0 ? nil : "Débiteur \(text)",
                totalClaimed: failed ? nil : Decimal(index) * Decimal(string: "1.37")!,
                asOf: index % 6 == 0 ? nil : Day(iso: "2026-11-23"),
                procedure: failed ? nil : .injonctionDePayer, courtKind: failed ? nil : .tribunalDeCommerce,
                court: failed ? nil : "Tribunal \(text)",
                warnings: failed ? [] : Array(texts.prefix(index % 4)),
                error: failed ? .init(message: "erreur \(text)", location: index % 2 == 0 ? nil : "l. \(text)") : nil)
        }
    }

    @Test("the report written as bytes is the report rendered whole, for hostile texts", arguments: [1, 7, 3000])
    func reportBytes(count: Int) throws {
        let report = BatchReport(
            tool: "recouvre 0.1.0", input: "in \"x\"\n", asOf: Day(iso: "2026-11-23"), stage: "court",
            shard: Shard(index: 0, count: 2), entries: Self.hostileEntries(count))
        // The whole rendering is the JSON tree's (the reference of the entries' bytes).
        try BatchReportTests.expectStreamedIsWhole(report)
        for entry in report.entries {
            var bytes: [UInt8] = []
            BatchReport.appendCSVLine(entry, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == BatchReport.csvLine(entry))
        }
    }

    @Test(
        "the two reports are written at once, synced, in place; one that cannot be is an error, its partial file removed"
    )
    func reportFiles() throws {
        let fm = FileManager.default
        let out = try TestPaths.temporaryFolder("batch-report-files")
        defer { try? fm.removeItem(at: out) }
        let report = BatchReport(
            tool: "recouvre 0.1.0", input: "in", asOf: Day(iso: "2026-11-23"), stage: nil, shard: nil,
            entries: Self.hostileEntries(250))
        let files = try BatchRunner.writeReport(report, to: out)
        #expect(files.map(\.lastPathComponent) == [BatchReport.jsonName, BatchReport.csvName])
        #expect(try Data(contentsOf: out.appendingPathComponent(BatchReport.jsonName)) == report.json())
        #expect(try Data(contentsOf: out.appendingPathComponent(BatchReport.csvName)) == report.csv())
        #expect(try fm.contentsOfDirectory(atPath: out.path).sorted() == [BatchReport.csvName, BatchReport.jsonName])

        // A folder that is not empty where the JSON report goes: rename(2) cannot replace it.
        try fm.removeItem(at: out.appendingPathComponent(BatchReport.jsonName))
        let blocker = out.appendingPathComponent(BatchReport.jsonName)
        try fm.createDirectory(at: blocker, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: blocker.appendingPathComponent("kept.txt"))
        var failure: BatchInputError?
        do { _ = try BatchRunner.writeReport(report, to: out) } catch let error as BatchInputError { failure = error }
        #expect(failure?.source == blocker.path)
        #expect(failure?.message.contains("impossible d'écrire le rapport") == true)
        // Nothing half-written is left beside it, and what was there is untouched.
        let left = try fm.contentsOfDirectory(atPath: out.path)
        #expect(!left.contains { $0.contains(".partial-") }, "\(left)")
        #expect(fm.fileExists(atPath: blocker.appendingPathComponent("kept.txt").path))
        #expect(try Data(contentsOf: out.appendingPathComponent(BatchReport.csvName)) == report.csv())
    }
}
