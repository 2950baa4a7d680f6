import ArgumentParser
import Foundation
import RecouvreBundle

/// `recouvre verify PATH`: re-checks a bundle against its manifest and the schema.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract:
            "Revérifie un dossier : chaque empreinte de manifest.json, les fichiers ajoutés ou retirés, dossier.xml contre le XSD.",
        discussion: """
            Code de sortie 0 quand le dossier est intact ; 1 quand un fichier a été modifié, ajouté ou retiré, ou \
            quand dossier.xml n'est pas valide (chaque problème est nommé sur sa ligne).

            Exemple :
              recouvre verify dossier
              recouvre verify dossier.zip
            """
    )

    @Argument(help: "Le dossier : un dossier ou un .zip écrit par recouvre build.")
    var path: String

    @OptionGroup var forms: FormsOption

    func run() throws {
        let report = try reportingErrors {
            try forms.pipeline().verifier.verify(path: path)
        }
        if report.isIntact {
            printOut(report.text)
        } else {
            printError(report.text.trimmingCharacters(in: .newlines))
            throw ExitCode(1)
        }
    }
}
