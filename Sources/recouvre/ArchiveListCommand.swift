import ArgumentParser
import RecouvreArchive

struct ArchiveListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract:
            "Liste les mises en demeure archivées, puis les relances, filtrées par débiteur, SIREN, date d'envoi ou statut.",
        discussion: """
            Les relances archivées (recouvre remind --record --archive) suivent, sous « Relances archivées : », \
            filtrées par débiteur, SIREN et dates ; --status ne concerne que les mises en demeure (les relances \
            ne sont alors pas listées).

            Statut : `sent` (aucune réception encore enregistrée), `received`, `no-receipt` (toujours pas de \
            réception \(NoticeStatus.receiptWait) jours ou plus après l'envoi, à la date --as-of), `not-collected` \
            (pli avisé non réclamé, compté comme remis le jour de la présentation).

            Exemple :
              recouvre archive list --from 2026-01-01 --to 2026-12-31 --status no-receipt --as-of 2026-12-15
            """
    )

    @OptionGroup var database: ArchiveDatabaseOption

    @Option(help: "Seulement les débiteurs dont le nom contient ce texte (sans tenir compte de la casse).")
    var debtor: String?

    @Option(help: "Seulement les mises en demeure où le créancier ou le débiteur a ce SIREN.")
    var siren: String?

    @Option(help: "Seulement les mises en demeure envoyées ce jour ou après (AAAA-MM-JJ).")
    var from: String?

    @Option(help: "Seulement les mises en demeure envoyées ce jour ou avant (AAAA-MM-JJ).")
    var to: String?

    @Option(help: "Seulement les mises en demeure de ce statut : sent, received, no-receipt ou not-collected.")
    var status: String?

    @Option(name: .long, help: "Le jour auquel le statut est apprécié (AAAA-MM-JJ) ; par défaut : aujourd'hui.")
    var asOf: String?

    func validate() throws {
        let days = try [("--from", from), ("--to", to), ("--as-of", asOf)].map { option, value in
            try value.map { try parseDay($0, option: option) }
        }
        if let start = days[0], let end = days[1], end < start {
            throw ValidationError("--to \(end.iso) est antérieur à --from \(start.iso)")
        }
        if let status, NoticeStatus(rawValue: status) == nil {
            throw ValidationError("--status \(status) : statut inconnu (sent, received, no-receipt ou not-collected)")
        }
    }

    func run() throws {
        try reportingErrors {
            let day = try asOf.map { try parseDay($0, option: "--as-of") } ?? Today.day()
            let filter = ArchiveFilter(
                debtor: debtor, siren: siren, from: try from.map { try parseDay($0, option: "--from") },
                to: try to.map { try parseDay($0, option: "--to") }, status: status.flatMap(NoticeStatus.init),
                asOf: day)
            let store = try database.open(.readOnly)
            var text = ArchiveFormatter.list(try store.list(filter), asOf: day)
            if filter.status == nil {
                let reminders = try store.reminders(filter)
                if !reminders.isEmpty { text += "\nRelances archivées :\n" + ArchiveFormatter.reminderList(reminders) }
            }
            printOut(text)
        }
    }
}
