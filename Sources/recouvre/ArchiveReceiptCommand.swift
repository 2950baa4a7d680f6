import ArgumentParser
import RecouvreArchive

struct ArchiveReceiptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "receipt",
        abstract: "Records the date on the avis de réception of an archived notice.",
        discussion: """
            The receipt is appended as a new entry: nothing is overwritten. Recording another date later
            corrects it, and both stay in the archive. The receipt date starts civil interest
            (C. civ. 1231-6, 1344-1).

            A letter presented and not collected (pli avisé non réclamé) counts as delivered on the day it was
            presented: record it with --presented DATE --not-collected.

            Example:
              recouvre archive receipt 1 --received 2026-11-27
              recouvre archive receipt 2 --presented 2026-11-26 --not-collected
            """
    )

    @OptionGroup var database: ArchiveDatabaseOption

    @Argument(help: "The notice's ID (see recouvre archive list).")
    var id: Int64

    @Option(help: "The date on the avis de réception (YYYY-MM-DD).")
    var received: String?

    @Option(help: "The day the letter was presented (avis de passage), with --not-collected (YYYY-MM-DD).")
    var presented: String?

    @Flag(name: .long, help: "Pli avisé non réclamé: presented, not collected; counts as delivered on --presented.")
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
                notCollected ? "presented \(receipt.received.iso), not collected" : "received \(receipt.received.iso)"
            printOut(
                "recorded receipt #\(receipt.id): notice #\(receipt.noticeID) \(what); "
                    + "entry \(receipt.seq), hash \(receipt.hash)")
        }
    }
}
