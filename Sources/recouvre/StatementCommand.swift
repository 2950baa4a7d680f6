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
            "Affiche le relevé de compte : pénalités ou intérêts période par période, règlements, indemnités, totaux.",
        discussion: """
            Les taux viennent des tables datées de forms/rates/ (taux BCE, taux de l'intérêt légal) ; un jour \
            qu'aucune table ne couvre est refusé avec le code de sortie 3 et le nom du fichier à mettre à jour. \
            Pour un cas dont le dossier est un titre (jugement ou ordonnance à exécuter, débiteur à l'étranger, \
            personne publique), le décompte du titre, tel que le dossier l'imprime.

            Exemple :
              recouvre statement fixtures/b2b-lyon-dijon/case.yaml --as-of 2026-11-23
              recouvre statement case.yaml --day-basis actual --format json
            """
    )

    @Argument(help: "Le fichier de cas (YAML ou JSON).")
    var caseFile: String

    @OptionGroup var asOf: AsOfOption

    @Option(
        name: .long,
        help: "Jours par an : 365 (par défaut, même en année bissextile) ou actual (366 en année bissextile).")
    var dayBasis: DayBasis = .d365

    @Option(name: .long, help: "Format de sortie : text (le relevé de compte) ou json (recouvre.statement/1).")
    var format: OutputFormat = .text

    @OptionGroup var forms: FormsOption

    @OptionGroup var archive: ArchiveOption

    func run() throws {
        let output = try reportingErrors {
            let loaded = try CaseFileReader.load(path: caseFile)
            let claim = try archive.completing(loaded.value)
            let day = asOf.day ?? claim.asOf ?? Today.day()
            // A title the dossier is made of: its décompte (DossierPipeline+Situations.swift).
            return try forms.pipeline().statementOutput(
                for: claim, asOf: day, dayBasis: dayBasis, json: format == .json)
        }
        printOut(output)
    }
}

extension DayBasis: ExpressibleByArgument {}
