import Foundation

/// `recouvre batch-merge`: joins the reports of the shards of one batch into the report of the whole.
/// Refuses reports that do not belong together (another shard count, tool, as-of date or stage), a
/// shard given twice, a debtor whose key falls outside its report's shard (the shards overlap), a
/// bundle named in two reports, and — unless `allowPartial` — a missing shard.
public enum BatchMerge {
    public static func merge(
        _ reports: [(name: String, report: BatchReport)], allowPartial: Bool = false
    ) throws(BatchReportError) -> BatchReport {
        guard let (firstName, first) = reports.first else {
            throw BatchReportError(file: "batch-merge", message: "aucun rapport à joindre")
        }
        var byShard: [Int: String] = [:]
        var bundles: [String: String] = [:]
        var entries: [BatchEntry] = []
        var inputs: [String] = []
        guard let count = first.shard?.count else {
            throw BatchReportError(file: firstName, message: "n'est pas le rapport d'une tranche (lancé sans --shard)")
        }
        for (name, report) in reports {
            func fail(_ message: String) -> BatchReportError { BatchReportError(file: name, message: message) }
            guard let shard = report.shard else {
                throw fail("n'est pas le rapport d'une tranche (lancé sans --shard)")
            }
            guard shard.count == count else {
                throw fail("tranche \(shard), alors que \(firstName) est une tranche sur \(count)")
            }
            guard report.tool == first.tool else {
                throw fail("produit par \(report.tool), \(firstName) par \(first.tool)")
            }
            guard report.asOf == first.asOf, report.stage == first.stage else {
                throw fail("lancé avec d'autres options (--as-of, --stage) que \(firstName)")
            }
            if let other = byShard[shard.index] {
                throw fail("la tranche \(shard) figure déjà dans \(other)")
            }
            byShard[shard.index] = name
            for entry in report.entries {
                let actual = entry.key.shard(of: count)
                guard actual == shard.index else {
                    throw fail(
                        "le débiteur \(entry.key) appartient à la tranche \(actual)/\(count), pas à \(shard) : "
                            + "les tranches se chevauchent")
                }
                if let other = bundles[entry.bundle] {
                    throw fail("le dossier \(entry.bundle) figure aussi dans \(other)")
                }
                bundles[entry.bundle] = name
                entries.append(entry)
            }
            if !inputs.contains(report.input) { inputs.append(report.input) }
        }
        let missing = (0..<count).filter { byShard[$0] == nil }
        if !missing.isEmpty && !allowPartial {
            throw BatchReportError(
                file: "batch-merge",
                message: "tranches manquantes : \(missing.map { "\($0)/\(count)" }.joined(separator: ", ")) "
                    + "(ajoutez leurs rapports, ou --partial pour joindre quand même)")
        }
        return BatchReport(
            tool: first.tool, input: inputs.joined(separator: " + "), asOf: first.asOf, stage: first.stage, shard: nil,
            mergedShards: byShard.keys.sorted().map { Shard(index: $0, count: count) }, entries: entries)
    }
}
