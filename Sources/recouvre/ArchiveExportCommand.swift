import ArgumentParser
import RecouvreArchive

struct ArchiveExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Writes the whole archive as JSON (with the texts) or CSV (one row per notice).",
        discussion: """
            The same archive always gives the same bytes: notices by ID, receipts in the order recorded.

            Example:
              recouvre archive export --format json > archive.json
              recouvre archive export --format csv > archive.csv
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, csv
    }

    @OptionGroup var database: ArchiveDatabaseOption

    @Option(help: "json (schema recouvre.archive-export/1, with the texts) or csv.")
    var format: Format = .json

    func run() throws {
        try reportingErrors {
            let records = try database.open(.readOnly).export()
            switch format {
            case .json: writeArchiveOutput(ArchiveFormatter.json(records))
            case .csv: writeArchiveOutput(ArchiveFormatter.csv(records))
            }
        }
    }
}
