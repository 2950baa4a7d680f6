import ArgumentParser
import RecouvreArchive

struct ArchiveListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Lists the archived notices, filtered by debtor, SIREN, sending date or status.",
        discussion: """
            Status: `sent` (no receipt recorded yet), `received`, `no-receipt` (still no receipt \
            \(NoticeStatus.receiptWait) days or more after sending, as of --as-of), `not-collected` (pli avisé \
            non réclamé, counted as delivered on the day presented).

            Example:
              recouvre archive list --from 2026-01-01 --to 2026-12-31 --status no-receipt --as-of 2026-12-15
            """
    )

    @OptionGroup var database: ArchiveDatabaseOption

    @Option(help: "Only debtors whose name contains this text (case-insensitive).")
    var debtor: String?

    @Option(help: "Only notices where the creditor or the debtor has this SIREN.")
    var siren: String?

    @Option(help: "Only notices sent on or after this day (YYYY-MM-DD).")
    var from: String?

    @Option(help: "Only notices sent on or before this day (YYYY-MM-DD).")
    var to: String?

    @Option(help: "Only notices in this status: sent, received or no-receipt.")
    var status: String?

    @Option(name: .long, help: "The day the status is judged on (YYYY-MM-DD); default: today.")
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
            printOut(ArchiveFormatter.list(try database.open(.readOnly).list(filter), asOf: day))
        }
    }
}
