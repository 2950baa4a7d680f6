import Foundation

/// A fixed pool of worker threads for the per-debtor work of an import (assembling each debtor's case,
/// validating it, writing its YAML) and of `aged` (each debtor's statement): `workers` threads
/// (`ProcessInfo.activeProcessorCount` by default, two on the reference machine) take the debtors in
/// chunks from a shared counter, and each result is stored at its debtor's index, so the output is in
/// the input's order whatever the threads did: byte-identical to a run on one thread (tested).
public enum WorkerPool {
    /// The default pool size: one thread per core the process may use (at least 1, at most 16).
    public static var defaultWorkers: Int { max(1, min(16, ProcessInfo.processInfo.activeProcessorCount)) }

    /// `body(0)`, `body(1)`, … `body(count - 1)`, in that order in the result, computed on `workers`
    /// threads (`1`: on the calling thread, in order).
    public static func map<T>(_ count: Int, workers: Int = defaultWorkers, _ body: (Int) -> T) -> [T] {
        let workers = max(1, min(workers, count))
        if workers == 1 { return (0..<count).map(body) }
        let slots = Slots<T>(count: count)
        let counter = Counter()
        // Small chunks keep the two threads busy to the end; large enough that the lock is not felt.
        let chunk = max(1, min(256, count / (workers * 16)))
        withoutActuallyEscaping(body) { body in
            let shared = UncheckedBox(body)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while true {
                    let start = counter.take(chunk)
                    if start >= count { return }
                    for index in start..<min(count, start + chunk) { slots.set(index, shared.value(index)) }
                }
            }
        }
        return slots.values()
    }
}

/// The results of a parallel map, one slot per index, each written by exactly one thread, read after
/// every thread is done (`concurrentPerform` returns only then).
private final class Slots<T>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<T?>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }

    func set(_ index: Int, _ value: T) { buffer[index] = value }

    /// The results, moved out of their slots (not copied: a copy of 25,000 imported cases was as many
    /// reference counts again, and their release).
    func values() -> [T] { (0..<buffer.count).map { buffer[$0].take()! } }
}

/// The next index to hand out.
private final class Counter: @unchecked Sendable {
    private var next = 0
    private let lock = NSLock()

    func take(_ count: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        let start = next
        next += count
        return start
    }
}

/// A non-Sendable closure handed to the pool's threads: it only reads values captured before the
/// pool starts, and each index is computed once.
private struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
