import ArgumentParser
import Foundation
import RecouvreBundle
import RecouvreCaseFile
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
            let day = asOf.day ?? loaded.value.asOf ?? Today.day()
            let pipeline = try forms.pipeline()
            let route = try pipeline.route(for: loaded.value, asOf: day)
            return format == .json
                ? RouteFormatter.json(route) : RouteFormatter.text(route, messages: pipeline.book.messages)
        }
        printOut(output)
    }
}
