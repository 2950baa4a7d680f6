import ArgumentParser
import RecouvreArchive

struct ArchiveExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Écrit toute l'archive en JSON (avec les textes) ou en CSV (une ligne par mise en demeure).",
        discussion: """
            La même archive donne toujours les mêmes octets : mises en demeure par numéro, réceptions dans l'ordre \
            où elles ont été enregistrées.

            Exemple :
              recouvre archive export --format json > archive.json
              recouvre archive export --format csv > archive.csv
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, csv
    }

    @OptionGroup var database: ArchiveDatabaseOption

    @Option(help: "json (schéma recouvre.archive-export/1, avec les textes) ou csv.")
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
