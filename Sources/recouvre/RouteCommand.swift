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
        abstract: "Choisit la procédure, la juridiction et le formulaire d'un cas, et dit quoi faire d'abord.",
        discussion: """
            La créance est orientée selon sa nature, la commune du débiteur (pour un bail d'habitation, le domicile \
            du locataire, CPC 1406) et le total du relevé à la date (docs/court.md) : injonction de payer devant le \
            tribunal de commerce, le TAE, la chambre commerciale, le tribunal mixte de commerce, le tribunal \
            judiciaire, le tribunal de proximité ou le juge des contentieux de la protection ; procédure simplifiée \
            (PSPC) et procédures européennes en alternative ; réclamation préalable pour une personne publique ; \
            déclaration de créance en procédure collective.

            Exemple :
              recouvre route fixtures/b2b-nanterre-tae/case.yaml --as-of 2026-11-23
              recouvre route case.yaml --format json > route.json
            """)

    @Argument(help: "Le fichier de cas (YAML ou JSON).")
    var casePath: String

    @OptionGroup var asOf: AsOfOption
    @OptionGroup var forms: FormsOption

    @Option(name: .long, help: "Format de sortie : text (en français, pour une note) ou json (recouvre.route/1).")
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
