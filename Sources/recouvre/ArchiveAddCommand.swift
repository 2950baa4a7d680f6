import ArgumentParser
import RecouvreArchive
import RecouvreBundle
import RecouvreForms

struct ArchiveAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Archives the mise en demeure of a bundle, with how and when it was sent.",
        discussion: """
            BUNDLE is the folder or .zip written by `recouvre build`. It is verified first, as `recouvre verify`
            does (an altered bundle is refused), and the case, the parties and the amount are taken from its
            dossier.xml. --file keeps the file actually sent (the signed scan, or the PDF), with its SHA-256.

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

    @Option(name: .long, help: "The file actually sent (signed scan or PDF), kept byte for byte with its SHA-256.")
    var file: String?

    @OptionGroup var forms: FormsOption

    func validate() throws {
        _ = try parseDay(sent, option: "--sent")
        if NoticeChannel(rawValue: channel) == nil {
            throw ValidationError("--channel \(channel) : mode d'envoi inconnu (registered_letter, bailiff ou email)")
        }
        if tracking.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--tracking est vide : donnez le numéro qui prouve l'envoi")
        }
        try refuseControlCharacters(tracking, option: "--tracking")
    }

    func run() throws {
        try reportingErrors {
            let verifier = try forms.pipeline().verifier
            let record = try database.open(.create).add(
                bundleAt: bundle, sent: try parseDay(sent, option: "--sent"),
                channel: NoticeChannel(rawValue: channel) ?? .registeredLetter, tracking: tracking, sentFile: file,
                verifier: verifier, today: Today.day())
            printOut(
                "archived notice #\(record.id) (case \(record.caseReference), sent \(record.sent.iso) by "
                    + "\(record.channel.rawValue)); entry \(record.seq), hash \(record.hash)"
                    + (record.sentFileSHA256.map { "; sent file \(record.sentFileName ?? "") sha256 \($0)" } ?? ""))
        }
    }
}
