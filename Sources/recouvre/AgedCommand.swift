import ArgumentParser
import Foundation
import RecouvreAmicable
import RecouvreImport
import RecouvreLaw
import RecouvreModel

/// `--format text|csv|json` of `aged`.
enum AgedFormat: String, ExpressibleByArgument, CaseIterable {
    case text, csv, json
}

/// The worker pool as the aged formatter's mapper (each debtor's line formatted on every core, in order).
struct PoolMapper: IndexMapper {
    func map<T>(_ count: Int, _ body: (Int) -> T) -> [T] { WorkerPool.map(count, body) }
}

/// `recouvre aged INPUT`: the aged balance per debtor.
struct AgedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aged",
        abstract:
            "Affiche la balance âgée : ce que chaque débiteur doit, non échu, à 1-30, 31-60, 61-90 et plus de 90 jours de retard.",
        discussion: """
            INPUT est un fichier de cas, un dossier de fichiers de cas, un grand livre clients CSV (.csv) ou un FEC \
            (…FEC….txt), ces deux derniers lus par les importeurs de recouvre avec --creditor (comme recouvre import). \
            Par débiteur : le principal restant dû par tranche (jours depuis l'échéance), le retard moyen pondéré par \
            les montants échus, et si la prochaine étape est la mise en demeure ou le tribunal, avec le total que \
            cette étape réclamerait. Puis les totaux et pourcentages par tranche.

            Exemples :
              recouvre aged fixtures/b2b-lyon-dijon/case.yaml --as-of 2026-11-23
              recouvre aged clients/ --format csv > balance-agee.csv
              recouvre aged grand-livre.csv --creditor creancier.yaml --as-of 2026-11-23
            """
    )

    @Argument(help: "Un fichier de cas, un dossier de fichiers de cas, un grand livre CSV ou un FEC.")
    var input: String

    @OptionGroup var asOf: AsOfOption

    @Option(name: .long, help: "Format de sortie : text, csv ou json (recouvre.aged/1).")
    var format: AgedFormat = .text

    @Option(name: .long, help: "Profil de payeur utilisé pour dire quels débiteurs en sont à la mise en demeure.")
    var profile: String?

    @Option(
        name: .long,
        help:
            "Pour un grand livre CSV ou un FEC : le créancier (un fichier YAML avec la rubrique creditor: d'un fichier de cas)."
    )
    var creditor: String?

    @OptionGroup var forms: FormsOption

    /// A ledger the importers read, or nil for case files.
    var ledgerKind: String? {
        let name = (input as NSString).lastPathComponent
        if name.lowercased().hasSuffix(".csv") { return "csv" }
        if name.uppercased().contains("FEC") && name.lowercased().hasSuffix(".txt") { return "fec" }
        return nil
    }

    func validate() throws {
        if ledgerKind != nil && creditor == nil {
            throw ValidationError(
                "\(input) est un grand livre : donnez le créancier avec --creditor FICHIER (comme pour recouvre import)"
            )
        }
    }

    func run() throws {
        let output = try reportingErrors { () throws -> String in
            let context = try AmicableContext.load(forms)
            let day = asOf.day ?? Today.day()
            let engine = StatementEngine(tables: context.tables, messages: context.forms.messages)
            let profiles = context.forms.profiles
            let chosen = try profiles.resolve(profile)
            @Sendable func row(_ claim: Case, _ history: AmicableHistory) throws -> AgedBalance.Row {
                let statement = try engine.statement(for: claim, asOf: day)
                let decision = LadderEngine.decide(
                    case: claim, statement: statement, history: history, ladder: context.forms.ladder,
                    profile: profile == nil ? (history.profile.flatMap(profiles.profile(named:)) ?? chosen) : chosen,
                    asOf: day, formalNoticeDays: context.settings.formalNoticeDays(for: statement.regime))
                return AgedBalance.row(case: claim, statement: statement, decision: decision)
            }
            let results: [Result<AgedBalance.Row, Error>]
            if let kind = ledgerKind, let creditorFile = creditor {
                // A ledger: the importer gives one case per debtor (read and assembled on the worker
                // pool), then each debtor's statement and row on the same pool, in the debtors' order.
                let data = try readImportFile(input)
                let defaults = try readCreditor(creditorFile)
                let imported =
                    kind == "csv"
                    ? try CSVLedgerImporter.importLedger(
                        data, name: input, creditor: defaults, creditorFile: creditorFile)
                    : try FECImporter.importFEC(data, name: input, creditor: defaults, creditorFile: creditorFile)
                let cases = imported.cases
                results = WorkerPool.map(cases.count) { index in
                    Result(catching: { try row(cases[index].value, AmicableHistory(case: cases[index].value)) })
                }
                keepUntilExit(imported)
            } else {
                // Case files: one pass per file on the worker pool (read, compute, keep only the debtor's row).
                let paths = try AmicableCase.paths(input)
                results = WorkerPool.map(paths.count) { index in
                    Result(catching: {
                        let item = try AmicableCase.load(path: paths[index])
                        return try row(item.claim, item.history)
                    })
                }
            }
            let aged = AgedBalance(asOf: day, rows: try results.map { try $0.get() })
            switch format {
            case .text: return AgedFormatter.text(aged, messages: context.forms.messages, mapper: PoolMapper())
            case .csv: return AgedFormatter.csv(aged)
            case .json: return AgedFormatter.json(aged)
            }
        }
        printOut(output)
    }
}
