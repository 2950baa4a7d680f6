import Foundation
import RecouvreBundle
import RecouvreModel
import RecouvreTestSupport
import Synchronization
import Testing

@testable import RecouvreBatch

#if canImport(Glibc)
    import Glibc
#endif

/// The items of a generated folder whose reads are counted, by item and by thread.
final class CountedReads: Sendable {
    let reads = Mutex<[String: Int]>([:])
    let threads = Mutex<[String: pthread_t]>([:])

    func wrap(_ items: AnyIterator<BatchItem>) -> AnyIterator<BatchItem> {
        AnyIterator {
            guard var item = items.next() else { return nil }
            let inner = item.read
            let source = item.source
            item.read = { times in
                self.reads.withLock { $0[source, default: 0] += 1 }
                self.threads.withLock { $0[source] = pthread_self() }
                return try inner(&times)
            }
            return item
        }
    }

    var total: Int { reads.withLock { $0.values.reduce(0, +) } }
}

@Suite("ReadAhead: the next case files read on threads of their own")
struct ReadAheadTests {
    static let folder: URL = {
        let folder = try! TestPaths.temporaryFolder("read-ahead")
        try! BatchSupport.generate(60, into: folder, seed: 7)
        return folder
    }()

    @Test("every item handed over once, in the source's order, with the read's result; read ahead at most once more")
    func orderAndOnce() throws {
        let source = try CaseFolderSource(folder: Self.folder)
        let counted = CountedReads()
        let readAhead = ReadAhead(
            items: counted.wrap(source.items()), threads: 3, lookahead: 8, profile: true)
        var order: [String] = []
        var times = StageTimes(enabled: true)
        while let slot = readAhead.next() {
            order.append(slot.item.source)
            let (outcome, taken) = readAhead.take(slot)
            times.add(taken)
            let loaded = try outcome.get()
            // The same case as the item's own read on this thread.
            var direct = StageTimes.off
            let again = try slot.item.read(&direct)
            #expect(loaded.value.reference == again.value.reference)
            #expect(loaded.exhibitPaths == again.exhibitPaths)
            #expect(loaded.key == again.key)
        }
        readAhead.stop()
        readAhead.waitForReaders()
        let expected = source.files.map { Self.folder.appendingPathComponent($0.path).path }
        #expect(order == expected)
        // Each item read once for its taker (ahead, or by the taker itself), once more above for the
        // comparison, and once more only when its taker overtook a reader, whose read was dropped.
        let reads = counted.reads.withLock { $0 }
        #expect(reads.count == expected.count)
        #expect(reads.values.allSatisfy { $0 == 2 || $0 == 3 })
        let ahead = readAhead.readsAhead
        #expect(counted.total == 2 * expected.count + ahead.dropped)
        #expect(ahead.used <= expected.count)
        // The stage times reach the caller.
        #expect(times[.read] > 0 && times[.validate] > 0)
    }

    @Test("a taker never waits for a reader: it reads the item itself and the reader's read is dropped")
    func takerOvertakesReader() throws {
        let source = try CaseFolderSource(folder: Self.folder)
        let me = pthread_self()
        let started = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let first = Self.folder.appendingPathComponent(source.files[0].path).path
        let items = source.items()
        // The first item's read, when a reader makes it, holds until released.
        let held = AnyIterator<BatchItem> {
            guard var item = items.next() else { return nil }
            if item.source == first {
                let inner = item.read
                item.read = { times in
                    if pthread_equal(pthread_self(), me) == 0 {
                        started.signal()
                        release.wait()
                    }
                    return try inner(&times)
                }
            }
            return item
        }
        let readAhead = ReadAhead(items: held, threads: 1, lookahead: 4, profile: false)
        #expect(started.wait(timeout: .now() + 20) == .success)
        let slot = try #require(readAhead.next())
        #expect(slot.item.source == first)
        // Should the taker wait for its reader (the fault this test is for), the reader is let go after
        // 10 s so that the test fails instead of hanging.
        let letGo = Mutex(false)
        DispatchQueue.global().asyncAfter(deadline: .now() + 10) {
            letGo.withLock { $0 = true }
            release.signal()
        }
        // Taken while its reader is held: read here, at once.
        let loaded = try readAhead.take(slot).0.get()
        #expect(letGo.withLock { !$0 }, "the taker waited for the reader")
        var direct = StageTimes.off
        #expect(loaded.value.reference == (try slot.item.read(&direct)).value.reference)
        if letGo.withLock({ !$0 }) { release.signal() }
        readAhead.stop()
        readAhead.waitForReaders()
        #expect(readAhead.readsAhead.dropped == 1)
    }

    #if os(Linux)
        @Test("readers run below the workers: SCHED_IDLE, else the lowest nice")
        func readersYield() throws {
            let source = try CaseFolderSource(folder: Self.folder)
            let me = pthread_self()
            let policies = Mutex<[(policy: Int32, nice: Int32)]>([])
            let items = source.items()
            let observed = AnyIterator<BatchItem> {
                guard var item = items.next() else { return nil }
                let inner = item.read
                item.read = { times in
                    if pthread_equal(pthread_self(), me) == 0 {
                        errno = 0
                        let nice = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
                        policies.withLock { $0.append((sched_getscheduler(0), nice)) }
                    }
                    return try inner(&times)
                }
                return item
            }
            let readAhead = ReadAhead(items: observed, threads: 2, lookahead: 6, profile: false)
            let deadline = ContinuousClock.now + .seconds(20)
            while policies.withLock({ $0.count }) < 6, ContinuousClock.now < deadline { usleep(2_000) }
            readAhead.stop()
            readAhead.waitForReaders()
            let seen = policies.withLock { $0 }
            #expect(!seen.isEmpty)
            // 5: SCHED_IDLE.
            #expect(seen.allSatisfy { $0.policy == 5 || $0.nice == 19 })
        }
    #endif

    @Test("never more than `lookahead` debtors read and not handed over")
    func bounded() throws {
        let source = try CaseFolderSource(folder: Self.folder)
        let counted = CountedReads()
        let readAhead = ReadAhead(items: counted.wrap(source.items()), threads: 4, lookahead: 5, profile: false)
        defer { readAhead.stop() }
        // Nothing taken: the readers fill the window, then wait.
        let deadline = ContinuousClock.now + .seconds(20)
        while counted.total < 5, ContinuousClock.now < deadline { usleep(2_000) }
        usleep(200_000)
        #expect(counted.total == 5)
        // Three handed over (not taken): the window moves by three.
        for _ in 0..<3 { _ = readAhead.next() }
        while counted.total < 8, ContinuousClock.now < deadline { usleep(2_000) }
        usleep(200_000)
        #expect(counted.total == 8)
    }

    @Test("a case file over the size limit is read by the worker that takes it, not ahead")
    func largeFileLeftToWorker() throws {
        let source = try CaseFolderSource(folder: Self.folder)
        let counted = CountedReads()
        // Every generated case file is over 100 bytes.
        let readAhead = ReadAhead(
            items: counted.wrap(source.items()), threads: 2, lookahead: 6, largestFile: 100, profile: false)
        defer { readAhead.stop() }
        usleep(100_000)
        #expect(counted.total == 0)
        let me = pthread_self()
        var taken = 0
        while let slot = readAhead.next() {
            _ = try readAhead.take(slot).0.get()
            #expect(counted.threads.withLock { pthread_equal($0[slot.item.source]!, me) != 0 })
            taken += 1
        }
        #expect(taken == source.files.count && counted.total == taken)
    }

    @Test("an item no reader has started is read by its taker at once; stop() ends the readers")
    func takerReadsUnstarted() throws {
        let source = try CaseFolderSource(folder: Self.folder)
        let counted = CountedReads()
        // No reader thread at all: every take reads on the caller's thread.
        let alone = ReadAhead(items: counted.wrap(source.items()), threads: 0, lookahead: 4, profile: false)
        var count = 0
        while let slot = alone.next() {
            _ = try alone.take(slot).0.get()
            count += 1
        }
        #expect(count == source.files.count && counted.total == count)
        alone.stop()
        alone.waitForReaders()
        // Readers stopped halfway return.
        let readers = ReadAhead(items: source.items(), threads: 3, lookahead: 4, profile: false)
        for _ in 0..<10 {
            guard let slot = readers.next() else { break }
            _ = readers.take(slot)
        }
        readers.stop()
        readers.waitForReaders()
    }

    @Test("a batch read ahead writes the same bundles and report as one read on its workers", arguments: [false, true])
    func sameOutput(zip: Bool) async throws {
        let work = try TestPaths.temporaryFolder("read-ahead-batch")
        defer { try? FileManager.default.removeItem(at: work) }
        var outputs: [URL] = []
        for readAhead in [0, 4] {
            let out = work.appendingPathComponent("out-\(readAhead)")
            let runner = BatchRunner(
                pipeline: BatchSupport.pipeline,
                configuration: BatchConfiguration(
                    out: out, asOf: nil, today: Day(iso: "2026-11-23")!, jobs: 2, input: Self.folder.path, zip: zip,
                    readAhead: readAhead))
            let outcome = try await runner.run(try CaseFolderSource(folder: Self.folder))
            #expect(outcome.report.entries.count == 60)
            outputs.append(out)
        }
        let left = try Self.files(outputs[0])
        let right = try Self.files(outputs[1])
        #expect(left.keys.sorted() == right.keys.sorted())
        #expect(left.count > 60)
        for (path, bytes) in left { #expect(right[path] == bytes, "\(path)") }
    }

    /// Every file under `folder`, by relative path.
    static func files(_ folder: URL) throws -> [String: Data] {
        var found: [String: Data] = [:]
        let base = folder.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: base) else { return found }
        while let relative = walker.nextObject() as? String {
            var isFolder: ObjCBool = false
            let path = base + "/" + relative
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
                found[relative] = try Data(contentsOf: URL(fileURLWithPath: path))
            }
        }
        return found
    }
}
