import Foundation
import RecouvreBatch
import RecouvreBundle
import RecouvreDocuments
import RecouvreModel
import RecouvreTestSupport
import Testing

/// Issue 16: `batch` reads each case's journal of amicable steps (`case.reminders.yaml`, written by
/// `remind --record` / `plan --record`) exactly as `build` does, so both write the same bundle.
@Suite("batch and the amicable journal")
struct BatchJournalTests {
    /// The journal `remind --record` and `plan --record` write (keys of the case file).
    static let journal = """
        version: 1
        case: "case.yaml"
        profile: "standard"
        events:
          - { type: reminder, date: 2025-05-25, step: "j15", channel: letter }
          - { type: promise, date: 2025-05-28, until: 2025-06-10, amount: "500.00" }

        """

    /// Every regular file under `folder`, relative path → bytes.
    static func files(_ folder: URL) throws -> [String: Data] {
        var out = [String: Data]()
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            out[String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))] =
                try Data(contentsOf: url)
        }
        return out
    }

    @Test("a case with a journal: the bundle of batch is the bundle of build, byte for byte, with the steps")
    func sameBundleAsBuild() async throws {
        let folder = try TestPaths.temporaryFolder("batch-journal")
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in")
        let source = TestPaths.fixture("b2b-lyon-dijon")
        // `nested/case.yaml` (a case folder) and `flat.yaml` (a case file directly in the input), each
        // with its journal beside it; `flat.reminders.yaml` is not a case of its own.
        let nested = input.appendingPathComponent("nested")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) {
            try FileManager.default.copyItem(
                at: source.appendingPathComponent(name), to: nested.appendingPathComponent(name))
        }
        try Data(Self.journal.utf8).write(to: nested.appendingPathComponent("case.reminders.yaml"))
        try FileManager.default.copyItem(
            at: source.appendingPathComponent("pieces"), to: input.appendingPathComponent("pieces"))
        try FileManager.default.copyItem(
            at: source.appendingPathComponent("case.yaml"), to: input.appendingPathComponent("flat.yaml"))
        try Data(Self.journal.replacingOccurrences(of: "case.yaml", with: "flat.yaml").utf8)
            .write(to: input.appendingPathComponent("flat.reminders.yaml"))

        let cases = try CaseFolderSource(folder: input)
        #expect(cases.files.map(\.path) == ["flat.yaml", "nested/case.yaml"])
        let today = Day(iso: "2026-11-23")!
        let out = folder.appendingPathComponent("out")
        let runner = BatchRunner(
            pipeline: BatchSupport.pipeline,
            configuration: BatchConfiguration(
                out: out, asOf: nil, today: today, stage: "court", jobs: 1, profile: false, input: input.path))
        let outcome = try await runner.run(cases)
        #expect(outcome.exitCode == 0, "\(outcome.report.entries.compactMap(\.error))")
        #expect(outcome.report.entries.map(\.bundle).sorted() == ["flat", "nested"])

        for (bundle, casePath) in [("flat", "flat.yaml"), ("nested", "nested/case.yaml")] {
            let single = folder.appendingPathComponent("build-\(bundle)")
            _ = try BatchSupport.pipeline.build(
                casePath: input.appendingPathComponent(casePath).path, out: single.path, asOf: nil, today: today,
                force: false, options: DossierOptions(stage: .court))
            let built = try Self.files(single)
            let batched = try Self.files(out.appendingPathComponent(bundle))
            #expect(built.keys.sorted() == batched.keys.sorted(), "\(bundle)")
            for (path, data) in built {
                #expect(batched[path] == data, "\(bundle)/\(path) differs between build and batch")
            }
            // The journal's steps are in the court documents of both (the test fails if batch ignores it).
            let requete = String(decoding: batched["02-requete-en-injonction-de-payer.txt"] ?? Data(), as: UTF8.self)
                .split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(requete.contains("Relance amiable du 25 mai 2025 (relance ferme), par courrier."), "\(bundle)")
            #expect(requete.contains("Promesse de paiement du 28 mai 2025"), "\(bundle)")
            let bordereau = String(decoding: batched["03-bordereau-de-pieces.txt"] ?? Data(), as: UTF8.self)
                .split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(bordereau.contains("Relance amiable du 25 mai 2025 (relance ferme), par courrier."), "\(bundle)")
        }
    }

    @Test("a step recorded in the journal after the bundle was built rebuilds it on the next run, without --force")
    func journalStepRebuilds() async throws {
        let folder = try TestPaths.temporaryFolder("batch-journal-rerun")
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in")
        let nested = input.appendingPathComponent("nested")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TestPaths.fixture("b2b-lyon-dijon"), to: nested)
        let journalFile = nested.appendingPathComponent("case.reminders.yaml")
        let today = Day(iso: "2026-11-23")!
        let out = folder.appendingPathComponent("out")
        func run() async throws -> BatchEntry {
            let runner = BatchRunner(
                pipeline: BatchSupport.pipeline,
                configuration: BatchConfiguration(
                    out: out, asOf: nil, today: today, stage: "court", jobs: 1, profile: false, input: input.path))
            let outcome = try await runner.run(try CaseFolderSource(folder: input))
            #expect(outcome.exitCode == 0, "\(outcome.report.entries.compactMap(\.error))")
            return try #require(outcome.report.entries.first)
        }
        func requete() throws -> String {
            let data = try Data(
                contentsOf: out.appendingPathComponent("nested/02-requete-en-injonction-de-payer.txt"))
            return String(decoding: data, as: UTF8.self).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        #expect(try await run().status == .built)
        #expect(try await run().status == .skipped)
        #expect(!(try requete().contains("Relance amiable du 25 mai 2025")))

        // `remind --record` writes the journal beside the case: the next run rebuilds the bundle.
        let lines = Self.journal.split(separator: "\n", omittingEmptySubsequences: false)
        let firstStep = lines.filter { !$0.contains("type: promise") }.joined(separator: "\n")
        try Data(firstStep.utf8).write(to: journalFile)
        let rebuilt = try await run()
        #expect(rebuilt.status == .built)
        #expect(try requete().contains("Relance amiable du 25 mai 2025 (relance ferme), par courrier."))
        #expect(!(try requete().contains("Promesse de paiement du 28 mai 2025")))
        #expect(try await run().status == .skipped)

        // One more step appended: rebuilt again, and the bundle is the one `build` writes.
        try Data(Self.journal.utf8).write(to: journalFile)
        #expect(try await run().status == .built)
        #expect(try requete().contains("Promesse de paiement du 28 mai 2025"))
        let single = folder.appendingPathComponent("build")
        _ = try BatchSupport.pipeline.build(
            casePath: nested.appendingPathComponent("case.yaml").path, out: single.path, asOf: nil, today: today,
            force: false, options: DossierOptions(stage: .court))
        #expect(try Self.files(single) == Self.files(out.appendingPathComponent("nested")))
        #expect(try await run().status == .skipped)
    }

    @Test("a journal that does not read is the failure of its case, with the journal's path")
    func unreadableJournal() async throws {
        let folder = try TestPaths.temporaryFolder("batch-journal-bad")
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in")
        let nested = input.appendingPathComponent("nested")
        let source = TestPaths.fixture("b2b-lyon-dijon")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: source, to: nested)
        try Data("version: 1\nevents:\n  - { type: reminder, date: 2025-13-45 }\n".utf8)
            .write(to: nested.appendingPathComponent("case.reminders.yaml"))
        let out = folder.appendingPathComponent("out")
        let runner = BatchRunner(
            pipeline: BatchSupport.pipeline,
            configuration: BatchConfiguration(
                out: out, asOf: nil, today: Day(iso: "2026-11-23")!, jobs: 1, profile: false, input: input.path))
        let outcome = try await runner.run(try CaseFolderSource(folder: input))
        #expect(outcome.exitCode != 0)
        let failure = try #require(outcome.report.entries.first?.error)
        #expect(failure.message.contains("case.reminders.yaml"), "\(failure)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("nested").path))
    }
}
