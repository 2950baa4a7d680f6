import ArgumentParser
import Foundation
import RecouvreArchive
import RecouvreModel

/// `recouvre archive …`: the register of formal notices sent (one SQLite file).
struct ArchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Le registre infalsifiable des mises en demeure envoyées et de leurs accusés de réception.",
        discussion: """
            Chaque mise en demeure et chaque réception est ajoutée à une chaîne d'empreintes dans un fichier SQLite ; \
            rien n'est jamais modifié ni supprimé, et `verify` nomme la première entrée modifiée ou retirée. \
            Fichier par défaut : $XDG_DATA_HOME/recouvre/archive.sqlite (sinon ~/.local/share/recouvre/archive.sqlite). \
            La chaîne est scellée (HMAC-SHA-256) par un secret gardé hors de l'archive, créé avec elle :
            $XDG_CONFIG_HOME/recouvre/archive-keys/ID.key (mode 0600), ou --secret / RECOUVRE_ARCHIVE_SECRET. \
            Sauvegardez-le avec l'archive : sans lui, l'archive ne peut être ni vérifiée ni complétée.

            Exemple :
              recouvre archive add dossier --sent 2026-11-24 --channel registered_letter --tracking "1A 123 456 7890 1"
              recouvre archive receipt 1 --received 2026-11-27
              recouvre archive list --status no-receipt
              recouvre archive verify
            """,
        subcommands: [
            ArchiveAddCommand.self, ArchiveReceiptCommand.self, ArchiveListCommand.self, ArchiveShowCommand.self,
            ArchiveExportCommand.self, ArchiveVerifyCommand.self, ArchiveHeadCommand.self, ArchiveMigrateCommand.self,
        ]
    )
}

/// `--db PATH` and `--secret FILE`, shared by the archive's subcommands.
struct ArchiveDatabaseOption: ParsableArguments {
    @Option(name: .long, help: "Le fichier d'archive (par défaut : $XDG_DATA_HOME/recouvre/archive.sqlite).")
    var db: String?

    @Option(
        name: .long,
        help: """
            Le fichier secret de l'archive (par défaut : $RECOUVRE_ARCHIVE_SECRET, sinon \
            $XDG_CONFIG_HOME/recouvre/archive-keys/ID.key).
            """)
    var secret: String?

    var path: String { db ?? ArchiveStore.defaultPath() }

    /// Opens the archive as `mode` says, with the secret named.
    func open(_ mode: ArchiveStore.Mode) throws -> ArchiveStore {
        try ArchiveStore(path: path, mode: mode, secret: secret)
    }
}

/// Refuses control characters (NUL, BEL, ESC, CR…) in an option's value.
func refuseControlCharacters(_ value: String, option: String) throws {
    if let bad = value.unicodeScalars.first(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
        throw ValidationError("\(option) contient un caractère de contrôle (U+\(String(format: "%04X", bad.value)))")
    }
}

/// Parses a `YYYY-MM-DD` option, with a message naming the option.
func parseDay(_ text: String, option: String) throws -> Day {
    guard let day = Day(iso: text) else {
        throw ValidationError("\(option) \(text) n'est pas une date (attendu AAAA-MM-JJ, par exemple 2026-11-24)")
    }
    return day
}

/// Writes `text` to stdout exactly as it is (no newline added): texts and exports keep their bytes.
func writeArchiveOutput(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}
