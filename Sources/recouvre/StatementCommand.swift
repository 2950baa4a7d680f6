import ArgumentParser
import Foundation
import RecouvreArchive
import RecouvreBundle
import RecouvreCaseFile
import RecouvreLaw
import RecouvreModel

/// `recouvre statement CASE`: the relevé de compte as of a date.
struct StatementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "statement",
        abstract:
            "Prints the account statement (relevé de compte): penalties or interest period by period, payments, fees, totals.",
        discussion: """
            The rates come from the dated tables in forms/rates/ (ECB rate, taux de l'intérêt légal); a day
            that no table covers is refused with exit status 3 and the name of the file to update.

            Example:
              recouvre statement fixtures/b2b-lyon-dijon/case.yaml --as-of 2026-11-23
              recouvre statement case.yaml --day-basis actual --format json
            """
    )

    @Argument(help: "The case file (YAML or JSON).")
    var caseFile: String

    @OptionGroup var asOf: AsOfOption

    @Option(name: .long, help: "Days per year: 365 (default, even in leap years) or actual (366 in a leap year).")
    var dayBasis: DayBasis = .d365

    @Option(name: .long, help: "Output format: text (the relevé de compte) or json (recouvre.statement/1).")
    var format: OutputFormat = .text

    @OptionGroup var forms: FormsOption

    @OptionGroup var archive: ArchiveOption

    func run() throws {
        let output = try reportingErrors {
            let loaded = try CaseFileReader.load(path: caseFile)
            let claim = try archive.completing(loaded.value)
            let day = asOf.day ?? claim.asOf ?? Today.day()
            let statement = try forms.pipeline().statement(for: claim, asOf: day, dayBasis: dayBasis)
            return format == .json ? StatementFormatter.json(statement) : StatementFormatter.text(statement)
        }
        printOut(output)
    }
}

extension DayBasis: ExpressibleByArgument {}
