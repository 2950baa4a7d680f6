import ArgumentParser
import RecouvreArchive

struct ArchiveVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract:
            "Recalcule la chaîne d'empreintes scellée de l'archive et nomme la première entrée modifiée ou supprimée.",
        discussion: """
            Code de sortie 0 quand la chaîne est intacte (l'empreinte de tête est affichée : gardez-la ailleurs, et \
            vérifiez-la plus tard avec --head, pour prouver qu'aucune entrée récente n'a été retirée), 1 avec le \
            premier problème trouvé : une entrée modifiée ou supprimée, un déclencheur d'ajout seul manquant, une \
            table étrangère, une tête donnée avec --head qui n'est plus dans la chaîne. Le fichier est ouvert en \
            lecture seule.

            Exemple :
              recouvre archive verify --db ~/archives/cabinet.sqlite
              recouvre archive verify --head 3f1c…e2a0
            """
    )

    @OptionGroup var database: ArchiveDatabaseOption

    @Option(
        name: .long,
        help: "Une empreinte de tête gardée ailleurs (archive head) : elle doit toujours être dans la chaîne.")
    var head: String?

    func run() throws {
        try reportingErrors {
            let path = database.path
            let result = try database.open(.readOnly).verify(head: head)
            let line = ArchiveFormatter.verification(result, path: path)
            guard result.isIntact else { throw ArchiveError(.chainBroken, line) }
            printOut(line)
        }
    }
}

struct ArchiveHeadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "head",
        abstract: "Affiche l'empreinte de la dernière entrée de la chaîne, après avoir vérifié la chaîne.",
        discussion: """
            Gardez-la ailleurs (un courriel à vous-même, un registre imprimé) : `archive verify --head EMPREINTE` \
            prouvera plus tard qu'aucune entrée jusqu'à elle n'a été retirée ni réécrite.

            Exemple :
              recouvre archive head > tete-2026-12-01.txt
            """
    )

    @OptionGroup var database: ArchiveDatabaseOption

    func run() throws {
        try reportingErrors {
            let result = try database.open(.readOnly).head()
            guard result.isIntact else {
                throw ArchiveError(.chainBroken, ArchiveFormatter.verification(result, path: database.path))
            }
            printOut(result.head)
        }
    }
}

struct ArchiveMigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract:
            "Scelle une archive du schéma 1 : vérifie sa chaîne, crée son secret, la scelle ; ajoute les relances (schéma 3).",
        discussion: """
            Rien n'est réécrit : les entrées trouvées gardent leur SHA-256 et sont scellées par un HMAC de leur tête ; \
            chaque entrée ultérieure est un HMAC avec le nouveau secret. Une chaîne qui ne se vérifie pas n'est pas \
            scellée. Sauvegardez le fichier secret affiché. Une archive du schéma 2 gagne seulement la table des \
            relances (schéma 3), sans rien changer à ses entrées ; recouvre le fait aussi de lui-même à la première \
            écriture (archive add, archive receipt, remind --record --archive).

            Exemple :
              recouvre archive migrate --db ~/archives/cabinet.sqlite
            """
    )

    @OptionGroup var database: ArchiveDatabaseOption

    func run() throws {
        try reportingErrors {
            let store = try database.open(.migrate)
            let result = try store.verify()
            printOut(
                "\(database.path): migrated to archive schema 3 (keyed chain, reminders), "
                    + "\(result.entries) entries sealed; secret: \(store.secretPath ?? "?") (back it up); head \(result.head)"
            )
        }
    }
}
