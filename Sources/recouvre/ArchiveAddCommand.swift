import ArgumentParser
import RecouvreArchive

struct ArchiveAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Archives the mise en demeure of a bundle, with how and when it was sent.",
        discussion: """
            BUNDLE is the folder or .zip written by `recouvre build`. The mise en demeure must still have the
            SHA-256 its manifest records: an altered bundle is refused.

            Example:
              recouvre archive add dossier.zip --sent 2026-11-24 --channel registered_letter --tracking "1A 123 456 7890 1"
            """
    )

    @OptionGroup var database: ArchiveDatabaseOption

    @Argument(help: "The bundle folder or .zip written by recouvre build.")
    var bundle: String

    @Option(help: "The day the notice was sent (YYYY-MM-DD).")
    var sent: String

    @Option(help: "How it was sent: registered_letter, bailiff or email.")
    var channel: String

    @Option(help: "The registered letter's number, the bailiff's act reference or the e-mail's message ID.")
    var tracking: String

    func validate() throws {
        _ = try parseDay(sent, option: "--sent")
        if NoticeChannel(rawValue: channel) == nil {
            throw ValidationError("--channel \(channel) is not one of registered_letter, bailiff, email")
        }
        if tracking.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--tracking is empty: give the number that proves the sending")
        }
    }

    func run() throws {
        try reportingErrors {
            let record = try ArchiveStore(path: database.path, creating: true).add(
                bundleAt: bundle, sent: try parseDay(sent, option: "--sent"),
                channel: NoticeChannel(rawValue: channel) ?? .registeredLetter, tracking: tracking)
            printOut("archived notice #\(record.id) (case \(record.caseReference), sent \(record.sent.iso) by "
                + "\(record.channel.rawValue)); entry \(record.seq), hash \(record.hash)")
        }
    }
}
