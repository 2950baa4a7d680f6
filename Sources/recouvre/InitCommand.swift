import ArgumentParser
import Foundation
import RecouvreCaseFile

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Writes a complete example case (case.yaml and its exhibits) to start from.",
        discussion: """
            The example is a valid B2B claim, every key commented; edit it for your own case.
            An existing case.yaml is never overwritten.

            Example:
              recouvre init dossier-durand
              recouvre check dossier-durand/case.yaml

            Exit status: 0 written, 1 the folder already holds a case or cannot be written, 2 usage error.
            """
    )

    @Argument(help: "The folder to write into (created if needed); default: the current folder.")
    var folder: String = "."

    func run() throws {
        try reportingErrors { try ExampleCase.write(to: URL(fileURLWithPath: folder, isDirectory: true)) }
        let caseFile = folder == "." ? "case.yaml" : (folder as NSString).appendingPathComponent("case.yaml")
        printOut(
            "Exemple écrit : \(caseFile) et ses pièces dans \((folder as NSString).appendingPathComponent("pieces"))/\nVérifiez-le : recouvre check \(caseFile)"
        )
    }
}
