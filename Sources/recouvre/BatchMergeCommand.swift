import ArgumentParser
import Foundation
import RecouvreBatch
import RecouvreModel

/// `recouvre batch-merge REPORT… --out merged.json`: the reports of a batch's shards joined.
struct BatchMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch-merge",
        abstract: "Join the batch-report.json of every shard of a batch into one report.",
        discussion: """
            Refuses reports of different batches (shard count, tool, --as-of, --stage), a shard given
            twice, a debtor outside its shard (overlapping shards), a bundle in two reports, and a missing
            shard unless --partial. Writes the merged JSON and, beside it, the CSV (merged.csv).

            Example:
              recouvre batch-merge out-*/batch-report.json --out merged.json
            """
    )

    @Argument(help: "The batch-report.json of each shard.")
    var reports: [String]

    @Option(name: .long, help: "The merged report to write (JSON; the CSV goes beside it).")
    var out: String

    @Flag(name: .long, help: "Join even when some shards are missing.")
    var partial = false

    func validate() throws {
        if reports.isEmpty { throw ValidationError("give the batch-report.json of each shard") }
        if out.isEmpty { throw ValidationError("--out needs a file, for example --out merged.json") }
    }

    func run() throws {
        let merged = try reportingErrors { () throws -> BatchReport in
            var read: [(name: String, report: BatchReport)] = []
            for path in reports {
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw BatchReportError(file: path, message: "introuvable ou illisible")
                }
                read.append((path, try BatchReport.parse(data, name: path)))
            }
            let merged = try BatchMerge.merge(read, allowPartial: partial)
            let target = URL(fileURLWithPath: out)
            let csv = target.deletingPathExtension().appendingPathExtension("csv")
            try writeAtomically(merged.json(), to: target)
            try writeAtomically(merged.csv(), to: csv)
            return merged
        }
        let summary = merged.summary
        printOut(
            "merged \(reports.count) report(s), shards \((merged.mergedShards ?? []).map(\.description).joined(separator: " ")): "
                + "\(summary.debtors) debtors, \(summary.built) built, \(summary.skipped) skipped, \(summary.failed) failed, "
                + "total claimed \(Money.plain(summary.totalClaimed)) EUR → \(out)")
        if summary.failed > 0 { throw ExitCode(1) }
    }

    func writeAtomically(_ data: Data, to target: URL) throws {
        do { try data.write(to: target, options: .atomic) } catch {
            throw BatchReportError(file: target.path, message: "impossible d'écrire (\(error))")
        }
    }
}
