import ArgumentParser
import RecouvreBundle
import RecouvreCaseFile
import RecouvreForms
import RecouvreLaw

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validates a case file and summarises it: parties, nature, regime, totals.",
        discussion: """
            Every problem in the file is listed, one per line, as file:line:column: key: what is wrong
            (what would be right), and the exit status is 1. A valid case prints its summary in French.

            Example:
              recouvre check fixtures/b2b-lyon-dijon/case.yaml

            Exit status: 0 valid, 1 the case file is wrong, 2 usage error.
            """
    )

    @Argument(help: "The case file (YAML or JSON), for example fixtures/b2b-lyon-dijon/case.yaml.")
    var caseFile: String

    @OptionGroup var forms: FormsOption

    func run() throws {
        let loaded = try reportingErrors { try CaseFileReader.load(path: caseFile, today: Today.day()) }
        // The principal still due comes from the statement engine, as `statement` computes it.
        let day = loaded.value.asOf ?? Today.day()
        let pipeline = try? forms.pipeline()
        let principal = try? pipeline?.statement(for: loaded.value, asOf: day).totals.principal
        printOut(CaseSummary.text(loaded, fileName: caseFile, principalDue: principal))
        // court engineer (issue 17): the rate tables stop on a known day; warn 30 days before the day of
        // the computation (the case's as_of, else today).
        if let book = try? forms.book(),
            let warning = RateExpiry(book.rates).warning(today: day, messages: book.messages)
        {
            printError("warning: \(warning)")
        }
    }
}
