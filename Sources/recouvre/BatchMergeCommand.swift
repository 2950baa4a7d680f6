import ArgumentParser
import Foundation
import RecouvreBatch
import RecouvreModel

/// `recouvre batch-merge REPORT… --out merged.json`: the reports of a batch's shards joined.
struct BatchMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch-merge",
        abstract: "Réunit les batch-report.json de chaque tranche d'un lot en un seul rapport.",
        discussion: """
            Refuse les rapports de lots différents (nombre de tranches, outil, --as-of, --stage), une tranche donnée \
            deux fois, un débiteur hors de sa tranche (tranches qui se chevauchent), un dossier dans deux rapports, \
            et une tranche manquante sauf avec --partial. Écrit le JSON réuni et, à côté, le CSV (merged.csv).

            Exemple :
              recouvre batch-merge out-*/batch-report.json --out merged.json
            """
    )

    @Argument(help: "Le batch-report.json de chaque tranche.")
    var reports: [String]

    @Option(name: .long, help: "Le rapport réuni à écrire (JSON ; le CSV va à côté).")
    var out: String

    @Flag(name: .long, help: "Réunit même quand des tranches manquent.")
    var partial = false

    func validate() throws {
        if reports.isEmpty { throw ValidationError("donnez le batch-report.json de chaque tranche") }
        if out.isEmpty { throw ValidationError("--out demande un fichier, par exemple --out merged.json") }
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
