import Foundation
import RecouvreBundle

#if canImport(Glibc)
    import Glibc
#endif

/// Reads the next debtors of a folder of case files ahead of the workers, on threads of its own.
///
/// Why: a batch's workers run on Swift's cooperative pool, one thread per core. Reading a case file
/// and checking its exhibits blocks that thread in the kernel whenever the files are not in the page
/// cache (a nightly run over a ledger written days ago; a machine that pages out what it has not
/// touched for a minute): the core then idles, and with the pool's width no other debtor runs in its
/// place. Measured on the 2-core machine (docs/batch.md, session 8): 10,000 debtors from a cold cache
/// took 15.4 s against 6.8 s warm. Here a few plain threads, which may block without idling a core and
/// run only where a core would otherwise idle (`SCHED_IDLE`), read, decode and validate the debtors a
/// little ahead (`BatchItem.read`, unchanged), then ask the
/// kernel to bring the exhibits' bytes in (`posix_fadvise(WILLNEED)`: the read starts, nothing is
/// waited for, nothing is held in memory), so that by the time a worker takes a debtor its case is
/// decoded and its files are in memory. Memory stays bounded: at most `lookahead` debtors are read and
/// not yet taken, and a case file larger than `largestFile` bytes is left to its worker (read ahead,
/// its decoded form could hold far more than a few debtors' worth of memory).
///
/// Order and results are those of reading on the worker: the items are handed over in the source's
/// order, each read by the same `read` closure; a worker that takes an item no reader has finished
/// reads it itself and never waits (a reader halfway through it then drops its read), so an item is
/// read once, or twice when a worker overtook its reader.
final class ReadAhead: @unchecked Sendable {
    /// One debtor: its item, and its read once done.
    final class Slot: @unchecked Sendable {
        let item: BatchItem
        /// Guarded by the owner's lock.
        fileprivate var state: State = .waiting
        fileprivate var outcome: Result<BatchCase, any Error>?
        fileprivate var times: StageTimes
        /// Left to the worker (a large case file).
        fileprivate var declined = false

        fileprivate enum State { case waiting, reading, done, taken }

        fileprivate init(item: BatchItem, profile: Bool) {
            self.item = item
            self.times = StageTimes(enabled: profile)
        }
    }

    /// One mutex, two conditions: readers wait for room in the window, `waitForReaders` for the last
    /// reader to return (takers never wait). Readers are woken only once the window is half empty
    /// (then fill it): a few wake-ups per debtor cost more than the read-ahead saves on a warm cache.
    private let lock = ConditionLock()
    // All below guarded by `lock`.
    private var items: AnyIterator<BatchItem>
    private var exhausted = false
    private var stopped = false
    /// Slots pulled from `items`, in order, not yet handed to the runner.
    private var pending: [Slot] = []
    private var pendingStart = 0
    /// Slots of the window (`pending[pendingStart...]`) claimed by a reader (reading or done).
    private var ahead = 0
    private var waitingForReaders = 0
    /// Reads made ahead and handed over, and made ahead but dropped (their slot taken meanwhile).
    private var used = 0
    private var dropped = 0
    private var sleepingReaders = 0
    private var liveThreads = 0

    let lookahead: Int
    let largestFile: Int
    let profile: Bool
    /// Whether a shard's filter can skip an item before reading (a key known up front).
    let skip: @Sendable (BatchItem) -> Bool

    /// Starts `threads` readers over `items`.
    init(
        items: AnyIterator<BatchItem>, threads: Int, lookahead: Int, largestFile: Int = 256 << 10, profile: Bool,
        skip: @escaping @Sendable (BatchItem) -> Bool = { _ in false }
    ) {
        self.items = items
        self.lookahead = max(1, lookahead)
        self.largestFile = largestFile
        self.profile = profile
        self.skip = skip
        liveThreads = threads
        for _ in 0..<threads {
            let thread = Thread { [self] in self.readLoop() }
            thread.stackSize = 4 << 20
            thread.start()
        }
    }

    /// The next item in the source's order (its read may be under way or done), nil at the end.
    func next() -> Slot? {
        lock.lock()
        defer { lock.unlock() }
        if pendingStart == pending.count, !pull() { return nil }
        let slot = pending[pendingStart]
        pendingStart += 1
        if slot.state != .waiting { ahead -= 1 }
        if pendingStart > 64, pendingStart * 2 > pending.count {
            pending.removeFirst(pendingStart)
            pendingStart = 0
        }
        // The window half empty: the readers fill it again.
        if sleepingReaders > 0, ahead <= lookahead / 2 { lock.broadcastReaders() }
        return slot
    }

    /// The slot's read: the one a reader finished, or made now on the caller's thread when no reader
    /// has finished it (not started, still under way, or left to the worker: a large file). Never
    /// waits for a reader: readers run only when a core would otherwise idle (`yieldToWorkers`), so
    /// one halfway through could be off its core for a scheduler period while this worker, which
    /// would then wait, is what keeps the core busy. A reader's read of a slot taken meanwhile is
    /// dropped when it ends, so a debtor is read at most twice, once by each, and its result is
    /// always the read of the thread that returns it.
    func take(_ slot: Slot) -> (Result<BatchCase, any Error>, StageTimes) {
        lock.lock()
        if slot.state == .done {
            slot.state = .taken
            let result = (slot.outcome!, slot.times)
            slot.outcome = nil
            lock.unlock()
            return result
        }
        slot.state = .taken
        lock.unlock()
        var times = StageTimes(enabled: profile)
        let outcome = Result { try slot.item.read(&times) }
        return (outcome, times)
    }

    /// Stops the readers (at the end of a run, or when it is abandoned): those reading finish their
    /// item; none starts another.
    func stop() {
        lock.lock()
        stopped = true
        lock.broadcastReaders()
        lock.unlock()
    }

    /// How many reads made ahead were handed over, and how many were dropped (tests).
    var readsAhead: (used: Int, dropped: Int) {
        lock.lock()
        defer { lock.unlock() }
        return (used, dropped)
    }

    /// Waits until every reader has returned (tests).
    func waitForReaders() {
        lock.lock()
        waitingForReaders += 1
        while liveThreads > 0 { lock.waitForExit() }
        waitingForReaders -= 1
        lock.unlock()
    }

    // MARK: Readers

    /// Pulls one item from the source into `pending`; false at its end. Under the lock.
    private func pull() -> Bool {
        guard !exhausted, let item = items.next() else {
            exhausted = true
            return false
        }
        pending.append(Slot(item: item, profile: profile))
        return true
    }

    /// The first slot of the window a reader may take, pulling from the source as needed. Under the lock.
    private func claim() -> Slot? {
        var index = pendingStart
        while index - pendingStart < lookahead, ahead < lookahead {
            if index == pending.count, !pull() { return nil }
            let slot = pending[index]
            if slot.state == .waiting, !slot.declined, !skip(slot.item) {
                slot.state = .reading
                ahead += 1
                return slot
            }
            index += 1
        }
        return nil
    }

    private func readLoop() {
        Self.yieldToWorkers()
        lock.lock()
        while !stopped {
            guard let slot = claim() else {
                if exhausted, !pending[pendingStart...].contains(where: { $0.state == .waiting && !$0.declined }) {
                    break
                }
                sleepingReaders += 1
                lock.waitReader()
                sleepingReaders -= 1
                continue
            }
            lock.unlock()
            if let file = slot.item.file, Self.size(of: file) > largestFile {
                lock.lock()
                // Left to its worker (unless a worker took it meanwhile): no longer ahead, unless
                // it was already handed over, past the window.
                if slot.state == .reading {
                    slot.declined = true
                    slot.state = .waiting
                    if pending[pendingStart...].contains(where: { $0 === slot }) { ahead -= 1 }
                }
                continue
            }
            Self.read(slot)
            Self.warm(slot)
            lock.lock()
            if slot.state == .taken {
                // Its worker did not wait: this read is dropped.
                slot.outcome = nil
                dropped += 1
            } else {
                slot.state = .done
                used += 1
            }
        }
        liveThreads -= 1
        if waitingForReaders > 0 { lock.broadcastExit() }
        lock.unlock()
    }

    /// Lowers the calling reader below the workers: Linux's `SCHED_IDLE` (which any thread may take
    /// for itself), so that a reader runs only on a core no worker needs — while a worker waits for
    /// the disk — and never slows a batch whose files are in memory; else the lowest `nice`.
    /// Measured (docs/batch.md, session 10): 10,000 debtors from a warm cache spent 1.3–1.8 core-seconds
    /// idle with the readers at the workers' priority, workers waiting for them, against 0.4–0.6
    /// without readers.
    private static func yieldToWorkers() {
        #if os(Linux)
            var parameter = sched_param(sched_priority: 0)
            // SCHED_IDLE is 5 (<sched.h>, declared only under _GNU_SOURCE).
            if sched_setscheduler(0, 5, &parameter) == 0 { return }
            // On Linux `setpriority(PRIO_PROCESS, 0, …)` sets the calling thread's.
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 19)
        #endif
    }

    /// Runs the item's own read (decode and validation included) into the slot.
    private static func read(_ slot: Slot) {
        var times = slot.times
        slot.outcome = Result { try slot.item.read(&times) }
        slot.times = times
    }

    /// The size of the file at `path` (following a link, as its read does); 0 when it has none.
    private static func size(of path: String) -> Int {
        var status = stat()
        return stat(path, &status) == 0 ? Int(status.st_size) : 0
    }

    /// Asks the kernel to read the exhibits' bytes into its cache, without waiting and without keeping
    /// them: the worker reads them later through the case's own `ExhibitSource`, with its checks. Only
    /// regular files are opened, without following a link and without blocking (a FIFO or a device is
    /// never opened here).
    private static func warm(_ slot: Slot) {
        guard case .success(let loaded) = slot.outcome else { return }
        for path in loaded.exhibitPaths {
            var status = stat()
            guard lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, status.st_size > 0 else { continue }
            let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
            guard descriptor >= 0 else { continue }
            var opened = stat()
            if fstat(descriptor, &opened) == 0, (opened.st_mode & S_IFMT) == S_IFREG {
                _ = posix_fadvise(descriptor, 0, 0, POSIX_FADV_WILLNEED)
            }
            close(descriptor)
        }
    }
}

/// A pthread mutex with two condition variables (Foundation's `NSCondition` has one): the read-ahead's
/// readers wait for room on one, and whoever waits for the readers to return on the other, so that
/// waking one side does not wake the other.
final class ConditionLock: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let readers = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private let exits = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(readers, nil)
        pthread_cond_init(exits, nil)
    }

    deinit {
        pthread_cond_destroy(exits)
        pthread_cond_destroy(readers)
        pthread_mutex_destroy(mutex)
        exits.deallocate()
        readers.deallocate()
        mutex.deallocate()
    }

    func lock() { pthread_mutex_lock(mutex) }
    func unlock() { pthread_mutex_unlock(mutex) }
    func waitReader() { pthread_cond_wait(readers, mutex) }
    func waitForExit() { pthread_cond_wait(exits, mutex) }
    func broadcastReaders() { pthread_cond_broadcast(readers) }
    func broadcastExit() { pthread_cond_broadcast(exits) }
}
