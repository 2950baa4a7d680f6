import ArgumentParser
import Foundation
import RecouvreAmicable
import RecouvreLaw
import RecouvreModel

/// `--format text|csv|json` of `aged`.
enum AgedFormat: String, ExpressibleByArgument, CaseIterable {
    case text, csv, json
}

/// `recouvre aged INPUT`: the aged balance per debtor.
struct AgedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aged",
        abstract: "Prints the aged balance: what each debtor owes not yet due, 1-30, 31-60, 61-90 and over 90 days late.",
        discussion: """
            INPUT is a case file or a folder of case files (CSV ledgers and FEC files come with recouvre's
            importers). Per debtor: the outstanding principal per bucket (days past the due date), the
            average days late weighted by the amounts past due, and whether the next step is the formal
            notice or the court, with the total that step would claim. Then totals and percentages per bucket.

            Examples:
              recouvre aged fixtures/ --as-of 2026-11-23
              recouvre aged clients/ --format csv > balance-agee.csv
            """
    )

    @Argument(help: "A case file, or a folder of case files.")
    var input: String

    @OptionGroup var asOf: AsOfOption

    @Option(name: .long, help: "Output format: text, csv or json (recouvre.aged/1).")
    var format: AgedFormat = .text

    @Option(name: .long, help: "Payer profile used to tell which debtors have reached the formal notice.")
    var profile: String?

    @OptionGroup var forms: FormsOption

    func run() throws {
        let output = try reportingErrors { () throws -> String in
            let context = try AmicableContext.load(forms)
            let cases = try AmicableCase.loadAll(try AmicableCase.paths(input))
            let day = asOf.day ?? Today.day()
            let engine = StatementEngine(tables: context.tables)
            let results = UnsafeResults<AgedBalance.Row>(count: cases.count)
            let profiles = context.forms.profiles
            let chosen = try profiles.resolve(profile)
            DispatchQueue.concurrentPerform(iterations: cases.count) { index in
                results.set(index, Result(catching: {
                    let item = cases[index]
                    let history = item.history
                    let statement = try engine.statement(for: item.claim, asOf: day)
                    let decision = LadderEngine.decide(
                        case: item.claim, statement: statement, history: history, ladder: context.forms.ladder,
                        profile: profile == nil ? (history.profile.flatMap(profiles.profile(named:)) ?? chosen) : chosen,
                        asOf: day, formalNoticeDays: context.settings.formalNoticeDays(for: statement.regime))
                    return AgedBalance.row(case: item.claim, statement: statement, decision: decision)
                }))
            }
            let aged = AgedBalance(asOf: day, rows: try results.values().map { try $0.get() })
            switch format {
            case .text: return AgedFormatter.text(aged)
            case .csv: return AgedFormatter.csv(aged)
            case .json: return AgedFormatter.json(aged)
            }
        }
        printOut(output)
    }
}
