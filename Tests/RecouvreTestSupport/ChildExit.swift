import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Waiting for a child process the tests killed, without `Process.waitUntilExit()`.
///
/// On Linux, Foundation's `Process` learns of a child's exit when a socket the child holds closes; a
/// process another test launches at the same moment (the suites run in parallel: the PDF tests' long-
/// lived Python worker) can inherit that socket, and then `waitUntilExit()` waits as long as that other
/// process lives (swift-corelibs-foundation issue 4795: a full run hung for 20 minutes in
/// `ArchiveFaultTests`). The kernel's own word is asked instead, without reaping the child
/// (`waitid(WNOWAIT)`), so Foundation still reaps it when it notices.
public enum ChildExit {
    public enum Outcome: Equatable, Sendable {
        /// Ended with this status.
        case exited(Int32)
        /// Ended by this signal.
        case signaled(Int32)
    }

    /// Blocks until `process` (launched) has ended, and says how.
    public static func wait(_ process: Process) -> Outcome {
        #if os(Linux)
            var info = siginfo_t()
            var result: Int32
            repeat {
                result = waitid(P_PID, id_t(process.processIdentifier), &info, WEXITED | WNOWAIT)
            } while result != 0 && errno == EINTR
            if result == 0 {
                let status = info._sifields._sigchld.si_status
                switch info.si_code {
                case Int32(CLD_EXITED): return .exited(status)
                case Int32(CLD_KILLED), Int32(CLD_DUMPED): return .signaled(status)
                default: break
                }
            }
        #endif
        // Already reaped (ECHILD): Foundation noticed the exit first, and has its status.
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal
            ? .signaled(process.terminationStatus) : .exited(process.terminationStatus)
    }

    /// `wait(process)` as `Process.terminationStatus` gives it: the exit status, or the signal's number.
    public static func status(_ process: Process) -> Int32 {
        switch wait(process) {
        case .exited(let status), .signaled(let status): return status
        }
    }
}
