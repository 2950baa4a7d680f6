import ArgumentParser
import Foundation
import RecouvreCaseFile

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Écrit un cas d'exemple complet (case.yaml et ses pièces) pour commencer.",
        discussion: """
            L'exemple est une créance entre professionnels valide, chaque clé commentée ; modifiez-le pour votre cas. \
            Un case.yaml existant n'est jamais écrasé.

            Exemple :
              recouvre init dossier-durand
              recouvre check dossier-durand/case.yaml

            Code de sortie : 0 écrit, 1 le dossier contient déjà un cas ou ne peut être écrit, 2 erreur d'usage.
            """
    )

    @Argument(help: "Le dossier où écrire (créé au besoin) ; par défaut : le dossier courant.")
    var folder: String = "."

    func run() throws {
        try reportingErrors { try ExampleCase.write(to: URL(fileURLWithPath: folder, isDirectory: true)) }
        let caseFile = folder == "." ? "case.yaml" : (folder as NSString).appendingPathComponent("case.yaml")
        printOut(
            "Exemple écrit : \(caseFile) et ses pièces dans \((folder as NSString).appendingPathComponent("pieces"))/\nVérifiez-le : recouvre check \(caseFile)"
        )
    }
}
