import ArgumentParser
import RecouvreBundle
import RecouvreCaseFile
import RecouvreDocuments
import RecouvreForms
import RecouvrePDF
import RecouvreRoute

/// `recouvre build CASE --out PATH`: the complete dossier, as a folder or a zip.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Construit le dossier complet (documents, dossier.xml, pièces, manifeste) en dossier ou en zip.",
        discussion: """
            Deux étapes (docs/court.md) : --stage notice écrit la mise en demeure à envoyer et son relevé ;
            --stage court écrit le dossier pour le tribunal (relevé, requête, bordereau, lettre au commissaire de \
            justice pour une injonction de payer), dont les pièces sont la mise en demeure réellement envoyée, sa \
            preuve d'envoi et son avis de réception. Par défaut : notice tant que le cas ne mentionne aucune mise en \
            demeure envoyée, court ensuite. Un dossier pour le tribunal est refusé avant l'expiration du délai de \
            la mise en demeure (sauf --force), sans l'identité d'un créancier personne physique, ou avec une pièce \
            listée sans son fichier. Chaque dossier contient dossier.xml, pieces/, notes.txt (les avertissements \
            pour l'utilisateur, pas une pièce) et manifest.json avec le SHA-256 de chaque fichier. Il est écrit à \
            côté de PATH et mis en place seulement une fois complet.

            Exemple :
              recouvre build fixtures/b2b-lyon-dijon/case.yaml --out dossier
              recouvre build fixtures/b2b-lyon-dijon/case.yaml --out dossier.zip --as-of 2026-11-23
              recouvre build mon-cas/case.yaml --out dossier --archive notifications.sqlite
              recouvre build mon-cas/case.yaml --out requete --stage court --procedure pspc --firm cabinet.yaml
            """
    )

    @Argument(help: "Le fichier de cas (YAML ou JSON).")
    var caseFile: String

    @Option(name: .long, help: "Où écrire le dossier : un dossier, ou un fichier terminé par .zip.")
    var out: String

    @OptionGroup var asOf: AsOfOption
    @OptionGroup var forms: FormsOption
    @OptionGroup var archive: ArchiveOption

    @Option(
        name: .long,
        help:
            "notice (la mise en demeure à envoyer) ou court (le dossier pour le tribunal) ; par défaut : notice tant qu'aucune mise en demeure n'est enregistrée."
    )
    var stage: StageChoice?

    @Option(
        name: .long,
        help:
            "injonction, pspc, european-order ou european-small-claims, parmi celles que l'orientation permet ; par défaut : la procédure principale."
    )
    var procedure: ProcedureChoice?

    @Option(
        name: .long,
        help:
            "Le profil du mandataire (docs/firm.md) ; par défaut : $RECOUVRE_FIRM, sinon $XDG_CONFIG_HOME/recouvre/firm.yaml."
    )
    var firm: String?

    @Flag(
        name: .long,
        help: "Écrit aussi chaque document en PDF/A-3b à côté de son texte (nécessite `pip install typst`).")
    var pdf = false
    @Flag(name: .customLong("pdf-only"), help: "Écrit les documents en PDF/A-3b seulement, sans leurs fichiers texte.")
    var pdfOnly = false

    @Flag(
        name: .long,
        help:
            "Remplace un dossier existant ; construit même si la prescription est acquise ou avant l'expiration du délai de la mise en demeure (avec un avertissement)."
    )
    var force = false

    func validate() throws {
        if out.isEmpty {
            throw ValidationError("--out demande un chemin, par exemple --out dossier ou --out dossier.zip")
        }
    }

    func run() throws {
        let result = try reportingErrors {
            let options = DossierOptions(
                stage: stage?.stage, procedure: procedure?.procedure, firm: try FirmProfile.locate(option: firm),
                force: force)
            let today = Today.day()
            // The law book loads on a second core while this one reads and validates the case (neither
            // needs the other); their errors come in the same order as before: the book's first.
            let loading = ConcurrentWork { [forms] in try forms.pipeline() }
            let loaded = Result { () throws(CaseFileError) in try CaseFileReader.load(path: caseFile, today: today) }
            let pipeline = try loading.value()
            let pdfOption = pdf || pdfOnly ? try PDFRenderer.bundlePDF(book: pipeline.book, only: pdfOnly) : nil
            return try pipeline.build(
                loaded: loaded.get(), casePath: caseFile, out: out, asOf: asOf.day, today: today, force: force,
                completeCase: archive.dossierCompletion, pdf: pdfOption, options: options)
        }
        printOut(result.text)
    }
}

/// `--stage notice|court`.
enum StageChoice: String, ExpressibleByArgument, CaseIterable {
    case notice, court
    var stage: DossierStage { self == .notice ? .notice : .court }
}

/// `--procedure injonction|pspc|european-order|european-small-claims`.
enum ProcedureChoice: String, ExpressibleByArgument, CaseIterable {
    case injonction, pspc
    case europeanOrder = "european-order"
    case europeanSmallClaims = "european-small-claims"

    var procedure: Procedure {
        switch self {
        case .injonction: return .injonctionDePayer
        case .pspc: return .pspc
        case .europeanOrder: return .europeanOrderForPayment
        case .europeanSmallClaims: return .europeanSmallClaims
        }
    }
}
