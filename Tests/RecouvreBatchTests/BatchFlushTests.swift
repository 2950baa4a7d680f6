import Foundation
import RecouvreTestSupport
import Testing

@testable import RecouvreBatch

/// The report's shared warning texts keyed by their bytes, and the output's flushes during a run
/// (lead, session 7).
@Suite("batch: shared texts and flushes during the run")
struct BatchFlushTests {
    @Test("ExactText: equal exactly when the UTF-8 bytes are, hashed alike then")
    func exactText() {
        var generator = SeededGenerator(seed: 0xE7A)
        let pieces = ["a", "é", "e\u{301}", " ", "€", "\u{0}", "😀", "Z", ""]
        for _ in 0..<5_000 {
            let left = (0..<Int.random(in: 0...5, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }
            .joined()
            let right = (0..<Int.random(in: 0...5, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }
            .joined()
            let same = Array(left.utf8) == Array(right.utf8)
            #expect((ExactText(left) == ExactText(right)) == same, "\(left.debugDescription) \(right.debugDescription)")
            if same { #expect(ExactText(left).hashValue == ExactText(right).hashValue) }
        }
        // Canonically equal, different bytes: two keys (the report keeps each debtor's own text).
        #expect(ExactText("é") != ExactText("e\u{301}"))
        var shared: [ExactText: String] = [:]
        shared[ExactText("é")] = "é"
        #expect(shared[ExactText("e\u{301}")] == nil)
    }

    @Test("PeriodicFlush flushes while running and stops at once, twice safely")
    func periodicFlush() throws {
        let folder = try TestPaths.temporaryFolder("batch-flush")
        defer { try? FileManager.default.removeItem(at: folder) }
        let flush = PeriodicFlush(path: folder.path, interval: 0.01)
        // A few flushes' time, files written meanwhile.
        for index in 0..<20 {
            try Data("pièce \(index)\n".utf8).write(to: folder.appendingPathComponent("f\(index).txt"))
            Thread.sleep(forTimeInterval: 0.005)
        }
        Thread.sleep(forTimeInterval: 0.1)
        #expect(flush.flushes >= 1)
        let clock = ContinuousClock()
        let start = clock.now
        flush.stop()
        flush.stop()
        #expect(clock.now - start < .seconds(5))
        let after = flush.flushes
        Thread.sleep(forTimeInterval: 0.05)
        #expect(flush.flushes == after)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 20)
        // A folder that does not exist: the flushes fail quietly, stop still returns.
        let missing = PeriodicFlush(path: folder.appendingPathComponent("absent").path, interval: 0.01)
        Thread.sleep(forTimeInterval: 0.05)
        missing.stop()
    }
}
