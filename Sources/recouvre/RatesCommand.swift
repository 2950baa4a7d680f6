import ArgumentParser
import RecouvreLaw

/// `recouvre rates`: each rate table, the day up to which it was checked, its unverified rows and the
/// first day it can no longer compute (domain.md §1: past a table, statements are refused).
struct RatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rates",
        abstract:
            "Show each rate table, the day it was checked through, its unverified rows and the first day it can no longer compute.",
        discussion: """
            check and build warn 30 days before that day.

            Example:
              recouvre rates
              recouvre rates --forms my-forms
            """
    )

    @OptionGroup var forms: FormsOption

    func run() throws {
        let book = try reportingErrors { try forms.book() }
        let expiry = RateExpiry(book.rates)
        printOut(expiry.text(messages: book.messages))
        if let warning = expiry.warning(today: Today.day(), messages: book.messages) {
            printError("warning: \(warning)")
        }
    }
}
