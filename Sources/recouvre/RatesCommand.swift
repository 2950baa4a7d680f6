import ArgumentParser
import RecouvreLaw

/// `recouvre rates`: each rate table, the day up to which it was checked, its unverified rows and the
/// first day it can no longer compute (domain.md §1: past a table, statements are refused).
struct RatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rates",
        abstract:
            "Affiche chaque table de taux, le jour jusqu'auquel elle a été vérifiée, ses lignes non vérifiées et le premier jour où elle ne permet plus de calculer.",
        discussion: """
            check et build avertissent 30 jours avant ce jour.

            Exemple :
              recouvre rates
              recouvre rates --forms mes-formulaires
            """
    )

    @OptionGroup var forms: FormsOption

    func run() throws {
        let book = try reportingErrors { try forms.book() }
        let expiry = RateExpiry(book.rates)
        printOut(expiry.text(messages: book.messages))
        for warning in expiry.warnings(today: Today.day(), messages: book.messages) {
            printError("warning: \(warning)")
        }
    }
}
