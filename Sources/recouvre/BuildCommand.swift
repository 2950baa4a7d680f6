import ArgumentParser
import RecouvreBundle
import RecouvreDocuments
import RecouvreForms
import RecouvrePDF
import RecouvreRoute

/// `recouvre build CASE --out PATH`: the complete dossier, as a folder or a zip.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the complete dossier (documents, dossier.xml, exhibits, manifest) as a folder or a zip.",
        discussion: """
            Two stages (docs/court.md): --stage notice writes the mise en demeure to send and its relevé;
            --stage court writes the court dossier (relevé, requête, bordereau, letter to the commissaire de
            justice for an injonction de payer), whose exhibits are the notice actually sent, its proof of
            dispatch and its avis de réception. Default: notice while the case records no formal notice sent,
            court afterwards. A court dossier is refused before the notice's time has run (unless --force),
            without the identity of a natural-person creditor, or with a listed exhibit without its file.
            Every bundle holds dossier.xml, pieces/, notes.txt (warnings for the user, not an exhibit) and
            manifest.json with the SHA-256 of every file. It is written beside PATH and moved into place
            only when complete.

            Example:
              recouvre build fixtures/b2b-lyon-dijon/case.yaml --out dossier
              recouvre build fixtures/b2b-lyon-dijon/case.yaml --out dossier.zip --as-of 2026-11-23
              recouvre build my-case/case.yaml --out dossier --archive notices.sqlite
              recouvre build my-case/case.yaml --out requete --stage court --procedure pspc --firm firm.yaml
            """
    )

    @Argument(help: "The case file (YAML or JSON).")
    var caseFile: String

    @Option(name: .long, help: "Where to write the bundle: a folder, or a file ending in .zip.")
    var out: String

    @OptionGroup var asOf: AsOfOption
    @OptionGroup var forms: FormsOption
    @OptionGroup var archive: ArchiveOption

    @Option(
        name: .long,
        help:
            "notice (the mise en demeure to send) or court (the court dossier); default: notice until a formal notice is recorded."
    )
    var stage: StageChoice?

    @Option(
        name: .long,
        help:
            "injonction, pspc, european-order or european-small-claims, among those the route allows; default: the route's main procedure."
    )
    var procedure: ProcedureChoice?

    @Option(
        name: .long,
        help:
            "The firm profile of the mandataire (docs/firm.md); default: $RECOUVRE_FIRM, else $XDG_CONFIG_HOME/recouvre/firm.yaml."
    )
    var firm: String?

    @Flag(name: .long, help: "Also write each document as PDF/A-3b beside its text (needs `pip install typst`).")
    var pdf = false
    @Flag(name: .customLong("pdf-only"), help: "Write the documents as PDF/A-3b only, without their text files.")
    var pdfOnly = false

    @Flag(
        name: .long,
        help:
            "Replace an existing bundle, build even when prescription has run or before the notice's time has run (with a warning)."
    )
    var force = false

    func validate() throws {
        if out.isEmpty { throw ValidationError("--out needs a path, for example --out dossier or --out dossier.zip") }
    }

    func run() throws {
        let result = try reportingErrors {
            let options = DossierOptions(
                stage: stage?.stage, procedure: procedure?.procedure, firm: try FirmProfile.locate(option: firm),
                force: force)
            let pipeline = try forms.pipeline()
            let pdfOption = pdf || pdfOnly ? try PDFRenderer.bundlePDF(book: pipeline.book, only: pdfOnly) : nil
            return try pipeline.build(
                casePath: caseFile, out: out, asOf: asOf.day, today: Today.day(), force: force,
                completeCase: archive.completion, pdf: pdfOption, options: options)
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
