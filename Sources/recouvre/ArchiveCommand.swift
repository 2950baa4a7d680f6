import ArgumentParser
import Foundation
import RecouvreArchive
import RecouvreModel

/// `recouvre archive …`: the register of formal notices sent (one SQLite file).
struct ArchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "The tamper-evident register of the formal notices sent and of their receipts.",
        discussion: """
            Each notice and each receipt is appended to a hash chain in one SQLite file; nothing is ever
            changed or deleted, and `verify` names the first entry altered or removed.
            Default file: $XDG_DATA_HOME/recouvre/archive.sqlite (else ~/.local/share/recouvre/archive.sqlite).

            Example:
              recouvre archive add dossier --sent 2026-11-24 --channel registered_letter --tracking "1A 123 456 7890 1"
              recouvre archive receipt 1 --received 2026-11-27
              recouvre archive list --status no-receipt
              recouvre archive verify
            """,
        subcommands: [
            ArchiveAddCommand.self, ArchiveReceiptCommand.self, ArchiveListCommand.self, ArchiveShowCommand.self,
            ArchiveExportCommand.self, ArchiveVerifyCommand.self,
        ]
    )
}

/// `--db PATH`, shared by the archive's subcommands.
struct ArchiveDatabaseOption: ParsableArguments {
    @Option(name: .long, help: "The archive file (default: $XDG_DATA_HOME/recouvre/archive.sqlite).")
    var db: String?

    var path: String { db ?? ArchiveStore.defaultPath() }
}

/// Parses a `YYYY-MM-DD` option, with a message naming the option.
func parseDay(_ text: String, option: String) throws -> Day {
    guard let day = Day(iso: text) else {
        throw ValidationError("\(option) \(text) is not a date (expected YYYY-MM-DD, for example 2026-11-24)")
    }
    return day
}

/// Today in the local calendar, as a plain day.
func today() -> Day {
    let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
    return Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? Day(ordinal: 0)
}

/// Writes `text` to stdout exactly as it is (no newline added): texts and exports keep their bytes.
func writeArchiveOutput(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}
