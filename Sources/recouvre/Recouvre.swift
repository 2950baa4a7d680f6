import ArgumentParser
import Foundation

/// The command line: it parses arguments and calls one library function per command; no logic here.
@main
struct Recouvre: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "recouvre",
        abstract: "Fait des factures impayées d'un créancier un dossier de recouvrement prêt pour le tribunal.",
        discussion: """
            Exemple, d'un dossier de cas au dossier complet :
              recouvre check fixtures/b2b-lyon-dijon/case.yaml
              recouvre statement fixtures/b2b-lyon-dijon/case.yaml --as-of 2026-11-23
              recouvre build fixtures/b2b-lyon-dijon/case.yaml --out dossier

            Code de sortie : 0 succès, 1 l'entrée est erronée, 2 erreur d'usage, \
            3 les tables de taux ne couvrent pas les dates demandées.
            """,
        version: "recouvre \(version)",
        subcommands: [
            InitCommand.self, CheckCommand.self, StatementCommand.self, RouteCommand.self,
            BuildCommand.self, VerifyCommand.self, ArchiveCommand.self, RemindCommand.self, PlanCommand.self,
            AgedCommand.self,
            ImportCommand.self, RatesCommand.self,
            BatchCommand.self, BatchMergeCommand.self,
        ]
    )

    /// Parses and runs like ArgumentParser's own `main()`, but exits 2 on a usage error as interfaces.md
    /// requires (ArgumentParser's default is 64, EX_USAGE).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
