import ArgumentParser
import RecouvreArchive

struct ArchiveReceiptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "receipt",
        abstract: "Enregistre la date portée sur l'avis de réception d'une mise en demeure archivée.",
        discussion: """
            La réception est ajoutée comme une nouvelle entrée : rien n'est écrasé. Enregistrer plus tard une autre \
            date la corrige, et les deux restent dans l'archive. La date de réception fait courir les intérêts au \
            taux légal (C. civ. 1231-6, 1344-1).

            Une lettre présentée et non retirée (pli avisé non réclamé) vaut remise le jour de sa présentation :
            enregistrez-la avec --presented DATE --not-collected.

            Exemple :
              recouvre archive receipt 1 --received 2026-11-27
              recouvre archive receipt 2 --presented 2026-11-26 --not-collected
            """
    )

    @OptionGroup var database: ArchiveDatabaseOption

    @Argument(help: "Le numéro de la mise en demeure (voir recouvre archive list).")
    var id: Int64

    @Option(help: "La date portée sur l'avis de réception (AAAA-MM-JJ).")
    var received: String?

    @Option(help: "Le jour où la lettre a été présentée (avis de passage), avec --not-collected (AAAA-MM-JJ).")
    var presented: String?

    @Flag(name: .long, help: "Pli avisé non réclamé : présenté, non retiré ; vaut remise le jour --presented.")
    var notCollected = false

    func validate() throws {
        if id < 1 { throw ValidationError("\(id) n'est pas un numéro de notification (ils commencent à 1)") }
        switch (received, presented, notCollected) {
        case (let received?, nil, false): _ = try parseDay(received, option: "--received")
        case (nil, let presented?, true): _ = try parseDay(presented, option: "--presented")
        case (nil, _?, false): throw ValidationError("--presented va avec --not-collected (pli avisé non réclamé)")
        case (nil, nil, true):
            throw ValidationError("--not-collected demande --presented DATE (le jour porté sur l'avis de passage)")
        case (nil, nil, false): throw ValidationError("donnez --received DATE, ou --presented DATE --not-collected")
        default: throw ValidationError("--received et --presented/--not-collected s'excluent")
        }
    }

    func run() throws {
        try reportingErrors {
            let day = try parseDay(received ?? presented ?? "", option: received != nil ? "--received" : "--presented")
            let receipt = try database.open(.readWrite).recordReceipt(
                noticeID: id, received: day, outcome: notCollected ? .notCollected : .delivered, today: Today.day())
            let what =
                notCollected
                ? "présentée le \(receipt.received.iso), non retirée" : "reçue le \(receipt.received.iso)"
            printOut(
                "accusé enregistré n° \(receipt.id) : mise en demeure n° \(receipt.noticeID) \(what) ; "
                    + "entrée \(receipt.seq), empreinte \(receipt.hash)")
        }
    }
}
