import ArgumentParser
import Foundation
import RecouvreArchive

struct ArchiveShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract:
            "Affiche une mise en demeure archivée, ses réceptions et ses empreintes (ou, avec --text, la lettre elle-même).",
        discussion: """
            Avec --reminder, ID est le numéro d'une relance archivée (recouvre remind --record --archive) : \
            son dossier, son étape, son envoi, son fichier et ses empreintes ; avec --text, la lettre ou le \
            courriel (.eml) archivé, octet pour octet.

            Exemple :
              recouvre archive show 1
              recouvre archive show 1 --text > mise-en-demeure.txt
              recouvre archive show 2 --reminder --text > relance.eml
            """
    )

    @OptionGroup var database: ArchiveDatabaseOption

    @Argument(help: "Le numéro de la mise en demeure, ou de la relance avec --reminder (voir recouvre archive list).")
    var id: Int64

    @Flag(name: .long, help: "ID est le numéro d'une relance archivée, non d'une mise en demeure.")
    var reminder = false

    @Flag(help: "Affiche le texte archivé de la mise en demeure, octet pour octet, au lieu du résumé.")
    var text = false

    @Flag(
        name: .long,
        help: "Écrit sur la sortie standard le fichier réellement envoyé (archive add --file), octet pour octet.")
    var sentFile = false

    @Option(name: .long, help: "Le jour auquel le statut est apprécié (AAAA-MM-JJ) ; par défaut : aujourd'hui.")
    var asOf: String?

    func validate() throws {
        if let asOf { _ = try parseDay(asOf, option: "--as-of") }
    }

    func run() throws {
        try reportingErrors {
            let store = try database.open(.readOnly)
            if reminder {
                if sentFile { throw ValidationError("--sent-file concerne une mise en demeure, pas une relance") }
                let record = try store.reminder(id: id)
                if text {
                    FileHandle.standardOutput.write(record.data ?? Data())
                } else {
                    printOut(ArchiveFormatter.showReminder(record))
                }
                return
            }
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
