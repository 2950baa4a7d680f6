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

            Example:
              recouvre archive receipt 1 --received 2026-11-27
            """
    )

    @OptionGroup var database: ArchiveDatabaseOption

    @Argument(help: "The notice's ID (see recouvre archive list).")
    var id: Int64

    @Option(help: "The date on the avis de réception (YYYY-MM-DD).")
    var received: String

    func validate() throws {
        _ = try parseDay(received, option: "--received")
        if id < 1 { throw ValidationError("ID \(id) is not a notice ID (they start at 1)") }
    }

    func run() throws {
        try reportingErrors {
            let receipt = try ArchiveStore(path: database.path)
                .recordReceipt(noticeID: id, received: try parseDay(received, option: "--received"))
            printOut("recorded receipt #\(receipt.id): notice #\(receipt.noticeID) received \(receipt.received.iso); "
                + "entry \(receipt.seq), hash \(receipt.hash)")
        }
    }
}
