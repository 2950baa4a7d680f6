import Foundation
import RecouvreBundleIO

/// Flushes the output's file system while the batch runs (lead, session 7): the bundles are written
/// without an `fsync` each and the whole output is synced once at the end (docs/batch.md); with
/// 10,000 zips that last `syncfs` waited ≈ 0.6 s for everything written, with one core idle. A
/// thread of its own (not one of the workers': it mostly waits for the disk) calls `syncfs` every
/// `interval` seconds, so the disk writes as the bundles come and the final sync has only the last
/// ones left. Nothing here decides what is durable: the final sync stays, and a bundle is complete on
/// disk or absent whatever the flushes (each is renamed into place once written).
final class PeriodicFlush: @unchecked Sendable {
    // @unchecked: `stopped` is read and written under `condition` only; `finished` is a semaphore.
    private let condition = NSCondition()
    private var stopped = false
    private var done = 0
    private let finished = DispatchSemaphore(value: 0)

    /// Starts flushing the file system of the folder `path` every `interval` seconds.
    init(path: String, interval: TimeInterval) {
        let thread = Thread { [self] in
            condition.lock()
            while !stopped {
                _ = condition.wait(until: Date(timeIntervalSinceNow: interval))
                if stopped { break }
                condition.unlock()
                // syncfs only: on a system without it, no flush until the final one (whose fallback
                // is `sync()` of every file system, too much to repeat).
                FileSystem.syncFileSystemOnly(of: path)
                condition.lock()
                done += 1
            }
            condition.unlock()
            finished.signal()
        }
        thread.name = "recouvre-flush"
        thread.start()
    }

    /// How many flushes were made (tests).
    var flushes: Int {
        condition.lock()
        defer { condition.unlock() }
        return done
    }

    /// Stops the flushes and waits for one in progress to end.
    func stop() {
        condition.lock()
        let already = stopped
        stopped = true
        condition.signal()
        condition.unlock()
        if !already { finished.wait() }
    }
}
