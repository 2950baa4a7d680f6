import ArgumentParser
import Foundation
import RecouvreArchive

struct ArchiveShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Shows one archived notice, its receipts and hashes (or, with --text, the letter itself).",
        discussion: """
            Example:
              recouvre archive show 1
              recouvre archive show 1 --text > mise-en-demeure.txt
            """
    )

    @OptionGroup var database: ArchiveDatabaseOption

    @Argument(help: "The notice's ID (see recouvre archive list).")
    var id: Int64

    @Flag(help: "Print the archived text of the mise en demeure, byte for byte, instead of the summary.")
    var text = false

    @Flag(name: .long, help: "Write the file actually sent (archive add --file), byte for byte, to stdout.")
    var sentFile = false

    @Option(name: .long, help: "The day the status is judged on (YYYY-MM-DD); default: today.")
    var asOf: String?

    func validate() throws {
        if let asOf { _ = try parseDay(asOf, option: "--as-of") }
    }

    func run() throws {
        try reportingErrors {
            let store = try database.open(.readOnly)
            if sentFile {
                guard let file = try store.sentFile(noticeID: id) else {
                    throw ArchiveError("notification #\(id) : aucun fichier envoyé archivé (archive add --file)")
                }
                FileHandle.standardOutput.write(file.data)
                return
            }
            let record = try store.notice(id: id)
            if text {
                writeArchiveOutput(record.text ?? "")
            } else {
                printOut(
                    ArchiveFormatter.show(
                        record, asOf: try asOf.map { try parseDay($0, option: "--as-of") } ?? Today.day())
                )
            }
        }
    }
}
