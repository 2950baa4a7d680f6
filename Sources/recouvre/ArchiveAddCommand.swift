import ArgumentParser
import RecouvreArchive
import RecouvreBundle
import RecouvreForms

struct ArchiveAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Archive la mise en demeure d'un dossier, avec la date et le mode d'envoi.",
        discussion: """
            BUNDLE est le dossier ou le .zip écrit par `recouvre build`. Il est d'abord vérifié comme le fait \
            `recouvre verify` (un dossier modifié est refusé), et le cas, les parties et le montant sont pris dans \
            son dossier.xml. --file conserve le fichier réellement envoyé (le scan signé, ou le PDF), avec son SHA-256.

            Exemple :
              recouvre archive add dossier.zip --sent 2026-11-24 --channel registered_letter --tracking "1A 123 456 7890 1"
            """
    )

    @OptionGroup var database: ArchiveDatabaseOption

    @Argument(help: "Le dossier ou le .zip écrit par recouvre build.")
    var bundle: String

    @Option(help: "Le jour de l'envoi de la mise en demeure (AAAA-MM-JJ).")
    var sent: String

    @Option(help: "Le mode d'envoi : registered_letter (recommandé), bailiff (commissaire de justice) ou email.")
    var channel: String

    @Option(
        help: "Le numéro du recommandé, la référence de l'acte du commissaire de justice ou l'identifiant du courriel.")
    var tracking: String

    @Option(
        name: .long,
        help: "Le fichier réellement envoyé (scan signé ou PDF), conservé octet pour octet avec son SHA-256.")
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
                "mise en demeure archivée n° \(record.id) (dossier \(record.caseReference), envoyée le \(record.sent.iso) "
                    + "par \(record.channel.rawValue)) ; entrée \(record.seq), empreinte \(record.hash)"
                    + (record.sentFileSHA256.map { " ; fichier envoyé \(record.sentFileName ?? "") sha256 \($0)" } ?? "")
            )
        }
    }
}
