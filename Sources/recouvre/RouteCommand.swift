import ArgumentParser
import Foundation
import RecouvreCaseFile
import RecouvreForms
import RecouvreLaw
import RecouvreModel
import RecouvreRoute

struct RouteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "route",
        abstract: "Choose the procedure, the court and the form for a case, and say what to do first.",
        discussion: """
            The claim is routed on its nature, the debtor's commune (or, for a residential lease, the \
            property's) and the statement total as of the date (domain.md §4): injonction de payer before \
            the tribunal de commerce, TAE, chambre commerciale, tribunal mixte de commerce, tribunal \
            judiciaire, tribunal de proximité or juge des contentieux de la protection; PSPC and European \
            procedures as alternatives; administrative claim for a public body; déclaration de créance \
            under collective proceedings.

            Example:
              recouvre route fixtures/b2b-nanterre-tae/case.yaml --as-of 2026-11-23
              recouvre route case.yaml --format json > route.json
            """)

    @Argument(help: "The case file (YAML or JSON).")
    var casePath: String

    @OptionGroup var asOf: AsOfOption
    @OptionGroup var forms: FormsOption

    @Option(name: .long, help: "Output format: text (French, for a memo) or json (recouvre.route/1).")
    var format: OutputFormat = .text

    func run() throws {
        let output = try reportingErrors { () throws -> String in
            let loaded = try CaseFileReader.load(path: casePath)
            let forms = try Forms.locate(override: forms.forms)
            let day = asOf.day ?? loaded.value.asOf ?? RouteCommand.today()
            let statement = try StatementEngine(tables: try RateTables.load(forms: forms))
                .statement(for: loaded.value, asOf: day)
            let router = Router(directory: try CourtDirectory.load(forms: forms), rules: try ProcedureRules.load(forms: forms))
            let route = try router.route(case: loaded.value, statement: statement)
            return format == .json ? RouteFormatter.json(route) : RouteFormatter.text(route)
        }
        printOut(output)
    }

    /// Today in the user's calendar, when neither --as-of nor the case gives a date.
    static func today() -> Day {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? Day(ordinal: 0)
    }
}
