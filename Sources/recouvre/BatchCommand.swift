import ArgumentParser
import Foundation
import RecouvreBatch
import RecouvreImport
import RecouvreModel

/// `recouvre batch INPUT --out DIR`: one verified dossier per debtor, on all cores, with a report.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Build one verified dossier per debtor from a folder of case files, on all cores, with a report.",
        discussion: """
            INPUT is a folder of case files: every *.yaml / *.json in it (bundle DIR/<file name>), and every
            case.yaml one folder down (bundle DIR/<folder>). Each bundle is the one `build` writes, written
            atomically and re-read intact; DIR/batch-report.json and DIR/batch-report.csv list every debtor
            (bundle, total claimed, procedure, court, warnings, or the error and where it is), sorted by
            the debtor's stable key (its SIREN, else its customer code or case reference).

            Re-runnable: a bundle already in DIR that verifies and agrees with its case is skipped, any
            other is rebuilt, and the leftovers of an interrupted run are removed first.
            --shard I/N keeps the debtors whose key hashes into shard I (0 ≤ I < N), so N machines share
            one input without coordinating; `recouvre batch-merge` joins their reports.
            --stage notice|court chooses the bundle as `build --stage` does (default: notice when the case
            records no formal notice, court otherwise) and is recorded in the report.
            INPUT may also be a CSV ledger (--creditor, --map) or an FEC (--creditor), imported as
            `recouvre import` does (one case per debtor, each validated with its line in the ledger).

            Exit status: 0 every debtor built (or already there), 1 some failed (the report says which),
            2 usage error.

            Examples:
              scripts/make-batch.py 1000 /tmp/cases
              recouvre batch /tmp/cases --out /tmp/dossiers --as-of 2026-11-23
              recouvre batch /tmp/cases --out /tmp/dossiers-0 --shard 0/4 --jobs 2
              recouvre batch grand-livre.csv --creditor creancier.yaml --out /tmp/dossiers
            """
    )

    @Argument(help: "A folder of case files, a CSV ledger or an FEC.")
    var input: String

    @Option(name: .long, help: "The output folder: one bundle per debtor, batch-report.json and .csv.")
    var out: String

    @OptionGroup var asOf: AsOfOption

    @Option(name: .long, help: "notice or court, as build --stage (default: from the case); recorded in the report.")
    var stage: BatchStage?

    @Option(name: .long, help: "Debtors in flight at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: "I/N: only the debtors whose stable key falls in shard I of N (0 ≤ I < N).")
    var shard: String?

    @OptionGroup var forms: FormsOption

    @Option(name: .long, help: "The creditor (the creditor: mapping of a case file), for a CSV ledger or an FEC.")
    var creditor: String?

    @Option(name: .long, help: "The column mapping of a CSV ledger (case field → column header, docs/import.md).")
    var map: String?

    @Flag(name: .long, help: "Print the CPU time of each stage (read, validate, statement, route, render, xml, …).")
    var profile = false

    func validate() throws {
        if out.isEmpty { throw ValidationError("--out needs a folder, for example --out dossiers") }
        if jobs < 1 { throw ValidationError("--jobs \(jobs): give at least 1") }
        if let shard, Shard(parsing: shard) == nil {
            throw ValidationError("--shard \(shard) is not I/N with 0 ≤ I < N (for example --shard 0/4 … --shard 3/4)")
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: input, isDirectory: &isFolder) else {
            throw ValidationError("\(input): no such folder")
        }
        if isFolder.boolValue {
            if creditor != nil || map != nil {
                throw ValidationError(
                    "--creditor and --map go with a CSV ledger or an FEC, not with a folder of case files")
            }
        } else if creditor == nil {
            throw ValidationError(
                "\(input) is a ledger: give the creditor with --creditor CREDITOR.yaml (the creditor: mapping of a case file)"
            )
        } else if map != nil, let head = FileHandle(forReadingAtPath: input).flatMap({ try? $0.read(upToCount: 4096) }),
            String(decoding: head, as: UTF8.self).split(separator: "\n").first?.contains("JournalCode") == true
        {
            throw ValidationError(
                "--map describes the columns of a CSV ledger; \(input) is an FEC, whose columns are fixed")
        }
    }

    func run() throws {
        let outcome = try reportingErrors { () throws -> BatchOutcome in
            let pipeline = try forms.pipeline()
            let source = try inputSource()
            let configuration = BatchConfiguration(
                out: URL(fileURLWithPath: out), asOf: asOf.day, today: Today.day(), stage: stage?.rawValue,
                jobs: jobs, shard: shard.flatMap(Shard.init(parsing:)), profile: profile, input: input)
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
