import ArgumentParser
import RecouvreBundle
import RecouvreCaseFile
import RecouvreForms
import RecouvreLaw

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Valide un fichier de cas et le résume : parties, nature, régime, totaux.",
        discussion: """
            Chaque problème du fichier est listé, un par ligne, sous la forme fichier:ligne:colonne: clé : ce qui ne va \
            pas (ce qui serait juste), et le code de sortie est 1. Un cas valide affiche son résumé.

            Exemple :
              recouvre check fixtures/b2b-lyon-dijon/case.yaml

            Code de sortie : 0 valide, 1 le fichier de cas est erroné, 2 erreur d'usage.
            """
    )

    @Argument(help: "Le fichier de cas (YAML ou JSON), par exemple fixtures/b2b-lyon-dijon/case.yaml.")
    var caseFile: String

    @OptionGroup var forms: FormsOption

    func run() throws {
        let loaded = try reportingErrors { try CaseFileReader.load(path: caseFile, today: Today.day()) }
        // The principal still due comes from the statement engine, as `statement` computes it.
        let day = loaded.value.asOf ?? Today.day()
        // The summary's words are the book's (forms/messages/check.yaml): a book that does not load is
        // reported as by the other commands.
        let pipeline = try reportingErrors { try forms.pipeline() }
        let book = pipeline.book
        let principal = try? pipeline.statement(for: loaded.value, asOf: day).totals.principal
        let statutory = book.rates.statutory
        let figures = try? CaseSummary.Figures(
            flatFeeB2B: statutory.value(.flatFeeB2B, on: day).value,
            flatFeePublic: statutory.value(.flatFeePublic, on: day).value,
            publicMargin: statutory.value(.publicProcurementMargin, on: day).value)
        printOut(
            CaseSummary.text(
                loaded, fileName: caseFile, principalDue: principal, figures: figures, messages: book.messages))
        // court engineer (issue 17): the rate tables stop on a known day; warn 30 days before the day of
        // the computation (the case's as_of, else today).
        for warning in RateExpiry(book.rates).warnings(today: day, messages: book.messages) {
            printError("warning: \(warning)")
        }
    }
}
