import ArgumentParser
import Foundation
import RecouvreBatch
import RecouvreForms
import RecouvreImport
import RecouvreModel
import RecouvrePDF

/// `recouvre batch INPUT --out DIR`: one verified dossier per debtor, on all cores, with a report.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract:
            "Construit un dossier vérifié par débiteur à partir d'un dossier de fichiers de cas, sur tous les cœurs, avec un rapport.",
        discussion: """
            INPUT est un dossier de fichiers de cas : chaque *.yaml / *.json qu'il contient (dossier DIR/<nom du \
            fichier>), et chaque case.yaml un niveau plus bas (dossier DIR/<dossier>). Chaque dossier produit est \
            celui qu'écrit `build`, écrit de façon atomique et relu intact ; DIR/batch-report.json et \
            DIR/batch-report.csv listent chaque débiteur (dossier, total réclamé, procédure, juridiction, \
            avertissements, ou l'erreur et son emplacement), triés par la clé stable du débiteur (son SIREN, sinon \
            son code client ou la référence du cas).

            Relançable : un dossier déjà présent dans DIR qui se vérifie et correspond à son cas est sauté, tout \
            autre est reconstruit, et les restes d'une exécution interrompue sont d'abord retirés.
            --shard I/N garde les débiteurs dont la clé tombe dans la tranche I (0 ≤ I < N) : N machines se partagent \
            une entrée sans se coordonner ; `recouvre batch-merge` réunit leurs rapports.
            --stage notice|court choisit le dossier comme `build --stage` (par défaut : notice quand le cas ne \
            mentionne aucune mise en demeure, court sinon) et est noté dans le rapport. \
            INPUT peut aussi être un grand livre CSV (--creditor, --map) ou un FEC (--creditor), importé comme le \
            fait `recouvre import` (un cas par débiteur, chacun validé avec sa ligne dans le grand livre).
            --pdf (ou --pdf-only) ajoute le PDF/A-3b de chaque document, comme `build --pdf`, avec un seul moteur Typst par job, gardé d'un dossier à l'autre.

            Code de sortie : 0 chaque débiteur construit (ou déjà présent), 1 certains ont échoué (le rapport dit \
            lesquels), 2 erreur d'usage.

            Exemples :
              scripts/make-batch.py 1000 /tmp/cases
              recouvre batch /tmp/cases --out /tmp/dossiers --as-of 2026-11-23
              recouvre batch /tmp/cases --out /tmp/dossiers-0 --shard 0/4 --jobs 2
              recouvre batch grand-livre.csv --creditor creancier.yaml --out /tmp/dossiers
            """
    )

    @Argument(help: "Un dossier de fichiers de cas, un grand livre CSV ou un FEC.")
    var input: String

    @Option(name: .long, help: "Le dossier de sortie : un dossier par débiteur, batch-report.json et .csv.")
    var out: String

    @OptionGroup var asOf: AsOfOption

    @Option(
        name: .long, help: "notice ou court, comme build --stage (par défaut : d'après le cas) ; noté dans le rapport.")
    var stage: BatchStage?

    @Option(name: .long, help: "Débiteurs traités en même temps (par défaut : le nombre de cœurs).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(
        name: .customLong("read-ahead"),
        help:
            "Fils qui lisent à l'avance les fichiers de cas suivants d'un dossier et leurs pièces (par défaut : \(BatchConfiguration.defaultReadAhead) ; 0 : chaque cas est lu par le job qui le traite)."
    )
    var readAhead: Int = BatchConfiguration.defaultReadAhead

    @Option(
        name: .long, help: "I/N : seulement les débiteurs dont la clé stable tombe dans la tranche I sur N (0 ≤ I < N)."
    )
    var shard: String?

    @OptionGroup var forms: FormsOption

    @Option(
        name: .long,
        help: "Le créancier (la rubrique creditor: d'un fichier de cas), pour un grand livre CSV ou un FEC.")
    var creditor: String?

    @Option(
        name: .long,
        help: "La correspondance des colonnes d'un grand livre CSV (champ du cas → en-tête de colonne, docs/import.md)."
    )
    var map: String?

    @Flag(
        name: .long,
        help: "Affiche le temps CPU de chaque étape (lecture, validation, relevé, orientation, rendu, xml, …).")
    var profile = false

    @Flag(
        name: .long,
        help:
            "Écrit aussi chaque document en PDF/A-3b à côté de son texte, un moteur Typst par job (nécessite `pip install typst`)."
    )
    var pdf = false

    @Flag(name: .customLong("pdf-only"), help: "Écrit les documents en PDF/A-3b seulement, sans leurs fichiers texte.")
    var pdfOnly = false

    @Flag(
        name: .long,
        help:
            "Écrit chaque dossier en un seul fichier zip, DIR/<nom>.zip (les fichiers qu'écrit `build`, non compressés), au lieu d'un dossier."
    )
    var zip = false

    func validate() throws {
        if out.isEmpty { throw ValidationError("--out demande un dossier, par exemple --out dossiers") }
        if jobs < 1 { throw ValidationError("--jobs \(jobs) : donnez au moins 1") }
        if !(0...64).contains(readAhead) {
            throw ValidationError(
                "--read-ahead \(readAhead) : donnez un nombre de 0 à 64 (0 : pas de lecture à l'avance)")
        }
        if let shard, Shard(parsing: shard) == nil {
            throw ValidationError(
                "--shard \(shard) n'est pas de la forme I/N avec 0 ≤ I < N (par exemple --shard 0/4 … --shard 3/4)")
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: input, isDirectory: &isFolder) else {
            throw ValidationError("\(input) : dossier introuvable")
        }
        if isFolder.boolValue {
            if creditor != nil || map != nil {
                throw ValidationError(
                    "--creditor et --map vont avec un grand livre CSV ou un FEC, pas avec un dossier de fichiers de cas"
                )
            }
        } else if creditor == nil {
            throw ValidationError(
                "\(input) est un grand livre : donnez le créancier avec --creditor CREANCIER.yaml (la rubrique creditor: d'un fichier de cas)"
            )
        } else if map != nil, let head = FileHandle(forReadingAtPath: input).flatMap({ try? $0.read(upToCount: 4096) }),
            String(decoding: head, as: UTF8.self).split(separator: "\n").first?.contains("JournalCode") == true
        {
            throw ValidationError(
                "--map décrit les colonnes d'un grand livre CSV ; \(input) est un FEC, dont les colonnes sont fixées")
        }
    }

    func run() throws {
        let outcome = try reportingErrors { () throws -> BatchOutcome in
            let pipeline = try forms.pipeline()
            let source = try inputSource()
            // One renderer per worker, started when the worker first needs it (the first one now).
            let pdfOption =
                pdf || pdfOnly
                ? try PDFRenderer.bundlePDF(
                    forms: try Forms.locate(override: forms.forms), only: pdfOnly, workers: jobs
                ).0
                : nil
            let configuration = BatchConfiguration(
                out: URL(fileURLWithPath: out), asOf: asOf.day, today: Today.day(), stage: stage?.rawValue,
                jobs: jobs, shard: shard.flatMap(Shard.init(parsing:)), profile: profile, input: input, pdf: pdfOption,
                zip: zip, readAhead: readAhead)
            let runner = BatchRunner(pipeline: pipeline, configuration: configuration)
            return try waitFor {
                let printer = BatchProgressPrinter.standardError()
                defer { printer.finish() }
                return try await runner.run(source, observer: printer)
            }
        }
        writeStandardError(BatchText.summary(outcome, jobs: jobs, stage: stage?.rawValue))
        if profile {
            let dossiers = outcome.report.summary.built + outcome.report.summary.skipped
            writeStandardError(
                BatchText.profile(
                    outcome.times, dossiers: dossiers, processCPU: BatchText.processCPU(),
                    wall: outcome.progress.elapsed))
        }
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }
}

extension BatchCommand {
    /// The folder of case files, or the ledger (CSV or FEC) imported with the creditor and the mapping.
    func inputSource() throws -> any InputSource {
        var isFolder: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: input, isDirectory: &isFolder)
        if isFolder.boolValue { return try CaseFolderSource(folder: URL(fileURLWithPath: input)) }
        let creditorPath = creditor ?? ""
        let creditorDefaults = try readCreditor(creditorPath)
        let mapping =
            try map.map { path throws(ImportError) in
                try LedgerMapping.parse(try readImportFile(path, limit: 1024 * 1024), name: path)
            } ?? LedgerMapping()
        let source = try LedgerSource(
            data: try readImportFile(input), name: input, format: nil, creditor: creditorDefaults,
            creditorFile: creditorPath, mapping: mapping)
        return source
    }
}

/// Text already ending in a newline, on stderr.
func writeStandardError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}

/// `--stage`.
enum BatchStage: String, ExpressibleByArgument, CaseIterable {
    case notice, court
}

/// Runs async work from a synchronous command: the root command is synchronous, the batch's workers
/// are a task group on the cooperative pool; the main thread waits for them.
func waitFor<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task {
        do { box.result = .success(try await body()) } catch { box.result = .failure(error) }
        done.signal()
    }
    done.wait()
    return try box.result!.get()
}

/// The result of `waitFor`'s task: written by the task before it signals, read after the wait.
private final class ResultBox<T: Sendable>: @unchecked Sendable {
    var result: Result<T, any Error>?
}
