import Foundation
import RecouvreBatch
import RecouvreBundle
import RecouvreModel
import RecouvreTestSupport
import Synchronization
import Testing

/// A source that counts the items it handed over, to see how many are in flight.
final class CountingSource: InputSource, @unchecked Sendable {
    let inner: CaseFolderSource
    let handedOut = Mutex(0)

    init(_ inner: CaseFolderSource) { self.inner = inner }

    var description: String { inner.description }
    var count: Int? { inner.count }

    func items() -> AnyIterator<BatchItem> {
        let base = inner.items()
        return AnyIterator {
            guard let item = base.next() else { return nil }
            self.handedOut.withLock { $0 += 1 }
            return item
        }
    }
}

/// Checks, at each debtor done, that no more than `jobs` items were taken from the source and not done.
final class InFlightObserver: BatchObserver {
    let source: CountingSource
    var worst = 0
    var calls = 0

    init(_ source: CountingSource) { self.source = source }

    func started(source: String, total: Int?, jobs: Int, shard: Shard?) {}

    func progressed(_ progress: BatchProgress) {
        calls += 1
        worst = max(worst, source.handedOut.withLock { $0 } - progress.done)
    }
}

@Suite("BatchRunner (in process)")
struct BatchRunnerTests {
    @Test("streams: never more than --jobs debtors taken from the source and not done; fixtures build like `build`")
    func boundedInFlight() async throws {
        // notice-pending's court dossier is refused by design (its notice's time has not run).
        let buildable = TestPaths.validFixtureNames.filter { $0 != "notice-pending" }
        let folder = try TestPaths.temporaryFolder("batch-runner")
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        for name in buildable {
            try FileManager.default.copyItem(at: TestPaths.fixture(name), to: input.appendingPathComponent(name))
        }
        let source = CountingSource(try CaseFolderSource(folder: input))
        #expect(source.count == buildable.count)
        let observer = InFlightObserver(source)
        let out = folder.appendingPathComponent("out")
        let runner = BatchRunner(
            pipeline: BatchSupport.pipeline,
            configuration: BatchConfiguration(
                out: out, asOf: nil, today: Day(iso: "2026-11-23")!, jobs: 2, profile: true, input: input.path))
        let outcome = try await runner.run(source, observer: observer)
        #expect(observer.calls == buildable.count)
        #expect(observer.worst <= 2)  // never more than `jobs` read ahead of the debtors done
        #expect(outcome.report.entries.count == buildable.count)
        #expect(outcome.exitCode == 0, "\(outcome.report.entries.compactMap(\.error))")
        for entry in outcome.report.entries {
            #expect(BatchSupport.intact(out.appendingPathComponent(entry.bundle)), "\(entry.bundle)")
            // The batch's bundle is the one `build` writes: same manifest bytes.
            let single = folder.appendingPathComponent("single-\(entry.bundle)")
            _ = try BatchSupport.pipeline.build(
                casePath: input.appendingPathComponent("\(entry.bundle)/case.yaml").path, out: single.path, asOf: nil,
                today: Day(iso: "2026-11-23")!, force: false)
            #expect(
                try Data(contentsOf: single.appendingPathComponent("manifest.json"))
                    == Data(contentsOf: out.appendingPathComponent("\(entry.bundle)/manifest.json")))
        }
        // Profiling saw every stage of a build.
        for stage in PipelineStage.allCases {
            #expect(outcome.times[stage] > 0, "\(stage)")
        }
    }

    @Test("leftovers of an interrupted run are removed, and only they")
    func removesLeftovers() async throws {
        let folder = try TestPaths.temporaryFolder("batch-leftovers")
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: TestPaths.fixture("b2b-lyon-dijon"), to: input.appendingPathComponent("b2b-lyon-dijon"))
        let out = folder.appendingPathComponent("out")
        for name in [".x.partial-1234", ".batch-report.json.partial-9", ".y.old-77"] {
            try FileManager.default.createDirectory(
                at: out.appendingPathComponent(name).appendingPathComponent("sub"), withIntermediateDirectories: true)
        }
        try Data().write(to: out.appendingPathComponent(".keep-me"))
        let runner = BatchRunner(
            pipeline: BatchSupport.pipeline,
            configuration: BatchConfiguration(out: out, asOf: nil, today: Day(iso: "2026-11-23")!, jobs: 1, input: "in")
        )
        let outcome = try await runner.run(try CaseFolderSource(folder: input))
        #expect(outcome.removedLeftovers == [".batch-report.json.partial-9", ".x.partial-1234", ".y.old-77"])
        #expect(try BatchSupport.leftovers(in: out) == [".keep-me"])
    }
}
