import ArgumentParser
import Foundation
import RecouvreBundle

/// `recouvre verify PATH`: re-checks a bundle against its manifest and the schema.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract:
            "Re-check a bundle: every checksum in manifest.json, files added or removed, dossier.xml against the XSD.",
        discussion: """
            Exit status 0 when the bundle is intact; 1 when a file was altered, added or removed, or when
            dossier.xml does not validate (each problem is named on its own line).

            Example:
              recouvre verify dossier
              recouvre verify dossier.zip
            """
    )

    @Argument(help: "The bundle: a folder or a .zip written by recouvre build.")
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
