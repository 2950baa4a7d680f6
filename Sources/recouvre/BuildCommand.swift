import ArgumentParser
import RecouvreBundle
import RecouvreForms
import RecouvrePDF

/// `recouvre build CASE --out PATH`: the complete dossier, as a folder or a zip.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the complete dossier (documents, dossier.xml, exhibits, manifest) as a folder or a zip.",
        discussion: """
            The bundle holds the documents in filing order (01-mise-en-demeure.txt, 02-releve-de-compte.txt,
            03-requete-….txt, 04-bordereau-de-pieces.txt, 05-lettre-au-commissaire-de-justice.txt for an
            injonction de payer; other routes adapt the list), dossier.xml, pieces/ and manifest.json with
            the SHA-256 of every file. It is written beside PATH and moved into place only when complete.

            Example:
              recouvre build fixtures/b2b-lyon-dijon/case.yaml --out dossier
              recouvre build fixtures/b2b-lyon-dijon/case.yaml --out dossier.zip --as-of 2026-11-23
              recouvre build my-case/case.yaml --out dossier --archive notices.sqlite
            """
    )

    @Argument(help: "The case file (YAML or JSON).")
    var caseFile: String

    @Option(name: .long, help: "Where to write the bundle: a folder, or a file ending in .zip.")
    var out: String

    @OptionGroup var asOf: AsOfOption
    @OptionGroup var forms: FormsOption
    @OptionGroup var archive: ArchiveOption

    @Flag(name: .long, help: "Also write each document as PDF/A-3b beside its text (needs `pip install typst`).")
    var pdf = false
    @Flag(name: .customLong("pdf-only"), help: "Write the documents as PDF/A-3b only, without their text files.")
    var pdfOnly = false

    @Flag(name: .long, help: "Replace an existing bundle, and build even when prescription has run (with a warning).")
    var force = false

    func validate() throws {
        if out.isEmpty { throw ValidationError("--out needs a path, for example --out dossier or --out dossier.zip") }
    }

    func run() throws {
        let result = try reportingErrors {
            let pdfOption =
                pdf || pdfOnly
                ? try PDFRenderer.bundlePDF(forms: try Forms.locate(override: forms.forms), only: pdfOnly) : nil
            return try forms.pipeline().build(
                casePath: caseFile, out: out, asOf: asOf.day, today: Today.day(), force: force,
                completeCase: archive.completion, pdf: pdfOption)
        }
        printOut(result.text)
    }
}
