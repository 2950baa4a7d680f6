import Foundation
import RecouvreBundle
import RecouvreModel

/// Prints a batch's progress on stderr: a live bar redrawn in place when stderr is a terminal
/// (done / total, dossiers per second, ETA, failures so far), plain lines every `interval` seconds
/// otherwise (a log, a CI job, a Kubernetes pod).
public final class BatchProgressPrinter: BatchObserver {
    public enum Style: Sendable { case live, plain }

    let style: Style
    let interval: Double
    let write: (String) -> Void
    var lastPrint: Double = -1
    var drewBar = false

    /// `write` receives the text to print, as is (no newline added).
    public init(style: Style, interval: Double? = nil, write: @escaping (String) -> Void) {
        self.style = style
        self.interval = interval ?? (style == .live ? 0.1 : 5)
        self.write = write
    }

    /// On stderr: live when it is a terminal.
    public static func standardError() -> BatchProgressPrinter {
        BatchProgressPrinter(style: isatty(STDERR_FILENO) == 1 ? .live : .plain) { text in
            FileHandle.standardError.write(Data(text.utf8))
        }
    }

    public func started(source: String, total: Int?, jobs: Int, shard: Shard?) {
        var line = "batch: \(source), \(jobs) job\(jobs == 1 ? "" : "s")"
        if let shard { line += ", shard \(shard)" }
        write(line + "\n")
    }

    public func progressed(_ progress: BatchProgress) {
        let finished = progress.total.map { progress.done >= $0 } ?? false
        guard finished || lastPrint < 0 || progress.elapsed - lastPrint >= interval else { return }
        // The last plain line is the summary's job; the bar is drawn full once.
        if style == .plain && finished { return }
        lastPrint = progress.elapsed
        switch style {
        case .live:
            write("\r\u{1B}[2K" + Self.bar(progress) + (finished ? "\n" : ""))
            drewBar = !finished
        case .plain:
            write(Self.line(progress) + "\n")
        }
    }

    /// Ends a bar left mid-line (a source of unknown size), before the summary is printed.
    public func finish() {
        if drewBar { write("\n") }
        drewBar = false
    }

    /// `[██████░░░░░░░░░░░░░░] 3012/10000  30%  1843/s  ETA 4s  failed 2`
    public static func bar(_ progress: BatchProgress, width: Int = 24) -> String {
        var text = ""
        if let total = progress.total, total > 0 {
            let filled = min(width, progress.done * width / total)
            text += "[" + String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled) + "] "
            text += "\(progress.done)/\(total)  \(progress.done * 100 / total)%"
        } else {
            text += "\(progress.done)"
        }
        text += "  \(Int(progress.rate.rounded()))/s"
        if let eta = progress.eta { text += "  ETA \(duration(eta))" }
        text += "  failed \(progress.failed)"
        if progress.otherShards > 0 { text += "  other shards \(progress.otherShards)" }
        return text
    }

    /// `batch: 3012/10000 (30%), 1843 dossiers/s, ETA 4s, 2 failed`
    public static func line(_ progress: BatchProgress) -> String {
        var text = "batch: \(progress.done)"
        if let total = progress.total, total > 0 { text += "/\(total) (\(progress.done * 100 / total)%)" }
        text += ", \(Int(progress.rate.rounded())) dossiers/s"
        if let eta = progress.eta { text += ", ETA \(duration(eta))" }
        text += ", \(progress.failed) failed"
        if progress.otherShards > 0 { text += ", \(progress.otherShards) in other shards" }
        return text
    }

    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return whole < 60 ? "\(whole)s" : "\(whole / 60)m\(String(format: "%02d", whole % 60))s"
    }
}

/// The closing texts of a batch.
public enum BatchText {
    /// Built, skipped, failed, total claimed, by procedure and court kind, time; the first failures.
    public static func summary(_ outcome: BatchOutcome, jobs: Int, stage: String?) -> String {
        let summary = outcome.report.summary
        let progress = outcome.progress
        var lines: [String] = []
        let rate = progress.elapsed > 0 ? Double(summary.built + summary.skipped) / progress.elapsed : 0
        var head = "batch: \(summary.debtors) debtor\(summary.debtors == 1 ? "" : "s")"
        if let shard = outcome.report.shard { head += " in shard \(shard) (\(progress.otherShards) in other shards)" }
        head +=
            " in \(String(format: "%.2f", progress.elapsed)) s (\(Int(rate.rounded())) dossiers/s, \(jobs) job\(jobs == 1 ? "" : "s")): "
        head += "\(summary.built) built, \(summary.skipped) skipped, \(summary.failed) failed"
        lines.append(head)
        lines.append("  total claimed: \(Money.plain(summary.totalClaimed)) EUR")
        func table(_ counts: [String: Int]) -> String {
            counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        }
        if !summary.byProcedure.isEmpty { lines.append("  by procedure: \(table(summary.byProcedure))") }
        if !summary.byCourtKind.isEmpty { lines.append("  by court kind: \(table(summary.byCourtKind))") }
        let failures = outcome.report.entries.filter { $0.status == .failed }
        for entry in failures.prefix(5) {
            let message = entry.error?.message.split(separator: "\n").first.map(String.init) ?? ""
            lines.append("  failed: \(entry.bundle): \(message)")
        }
        if failures.count > 5 { lines.append("  … and \(failures.count - 5) more failures (see the report)") }
        if let stage {
            lines.append(
                "  --stage \(stage): recorded in the report; the notice/court split is not built yet, "
                    + "each bundle is the complete dossier `build` writes")
        }
        if !outcome.removedLeftovers.isEmpty {
            lines.append("  removed \(outcome.removedLeftovers.count) leftover(s) of an interrupted run")
        }
        lines.append("  report: " + outcome.reportFiles.map(\.path).joined(separator: ", "))
        return lines.joined(separator: "\n") + "\n"
    }

    /// CPU time by stage, summed over the workers, against the process's own CPU time.
    public static func profile(_ times: StageTimes, dossiers: Int, processCPU: Double, wall: Double) -> String {
        let measured = Double(times.nanoseconds.reduce(0, +)) / 1e9
        var lines = [
            "profile: CPU time by stage, all workers (process CPU \(String(format: "%.2f", processCPU)) s, "
                + "wall \(String(format: "%.2f", wall)) s, \(dossiers) dossiers)",
            "  stage          CPU s   ms/dossier   share",
        ]
        for stage in PipelineStage.allCases {
            let seconds = Double(times[stage]) / 1e9
            let perDossier = dossiers > 0 ? seconds * 1000 / Double(dossiers) : 0
            let share = processCPU > 0 ? seconds * 100 / processCPU : 0
            lines.append(
                "  " + stage.description.padding(toLength: 12, withPad: " ", startingAt: 0)
                    + String(format: "%8.3f %12.3f %6.1f %%", seconds, perDossier, share))
        }
        let rest = max(0, processCPU - measured)
        lines.append(
            "  " + "other".padding(toLength: 12, withPad: " ", startingAt: 0)
                + String(
                    format: "%8.3f %12.3f %6.1f %%", rest, dossiers > 0 ? rest * 1000 / Double(dossiers) : 0,
                    processCPU > 0 ? rest * 100 / processCPU : 0))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The process's user + system CPU seconds so far.
    public static func processCPU() -> Double {
        var usage = rusage()
        #if os(Linux)
            getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
            getrusage(RUSAGE_SELF, &usage)
        #endif
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec)
            + Double(usage.ru_stime.tv_usec) / 1e6
    }
}
