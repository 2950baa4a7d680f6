import Foundation

/// One piece of work run on a thread of its own while the caller goes on, joined with `value()`
/// (large engineer, issue 12: a large dossier's documents render on one core while its dossier.xml is
/// written and validated on the other). Structured: whoever starts it joins it before returning, on
/// every path (`value()` waits; `join()` waits and drops the result), so no work outlives the stage.
/// The thread has the main thread's stack size (templates are rendered recursively).
public final class ConcurrentWork<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    // Written once by the worker before `done` is signalled, read after the wait: `lock` orders it.
    private var result: Result<Value, any Error>?
    private var joined: Result<Value, any Error>?

    public init(_ body: @escaping @Sendable () throws -> Value) {
        let thread = Thread { [self] in
            let outcome = Result { try body() }
            lock.lock()
            result = outcome
            lock.unlock()
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Waits for the work and returns its value or rethrows its error (the same each call).
    public func value() throws -> Value {
        try outcome().get()
    }

    /// Waits for the work, whatever it gave.
    public func join() { _ = outcome() }

    private func outcome() -> Result<Value, any Error> {
        if let joined { return joined }
        done.wait()
        lock.lock()
        let outcome = result!
        lock.unlock()
        joined = outcome
        return outcome
    }
}
