import Foundation
import RecouvreBundle
import RecouvreCaseFile
import RecouvreDocuments
import RecouvreImport
import RecouvreModel

#if canImport(Glibc)
    import Glibc
#endif

/// How a batch runs.
public struct BatchConfiguration: Sendable {
    /// The output folder: one bundle per debtor, and the reports.
    public var out: URL
    /// `--as-of`; nil: each case's `as_of`, else `today`.
    public var asOf: Day?
    /// The day of the run, read once by the caller.
    public var today: Day
    /// `--stage notice|court`, passed through to the report (the split itself is issue 17's).
    public var stage: String?
    /// How many debtors are in flight at once (default: the active processors).
    public var jobs: Int
    public var shard: Shard?
    /// Time each stage (`--profile`).
    public var profile: Bool
    /// The input as the user named it, for the report.
    public var input: String
    /// `--pdf` / `--pdf-only`: each document's PDF/A-3b beside its text, or instead of it, through one
    /// renderer per worker (`PDFRendererPool`).
    public var pdf: BundlePDF?
    /// `--zip`: each bundle as one zip file, `DIR/<name>.zip` (the files `build` writes, entries stored
    /// uncompressed: `StoredZip`), instead of a folder.
    public var zip: Bool
    /// `--read-ahead N`: how many threads read the next case files of a folder ahead of the workers
    /// (`ReadAhead`); 0 reads each case on its worker.
    public var readAhead: Int

    /// The read-ahead threads by default: enough reads at once for a disk to answer several together.
    public static let defaultReadAhead = 4

    public init(
        out: URL, asOf: Day?, today: Day, stage: String? = nil, jobs: Int, shard: Shard? = nil, profile: Bool = false,
        input: String, pdf: BundlePDF? = nil, zip: Bool = false, readAhead: Int = BatchConfiguration.defaultReadAhead
    ) {
        self.out = out
        self.asOf = asOf
        self.today = today
        self.stage = stage
        self.jobs = max(1, jobs)
        self.shard = shard
        self.profile = profile
        self.input = input
        self.pdf = pdf
        self.zip = zip
        self.readAhead = max(0, readAhead)
    }

    /// The name of a debtor's bundle in the output folder: its folder, or its zip with `--zip`.
    public func bundleFile(_ name: String) -> String { zip ? name + ".zip" : name }
}

/// Where a batch stands, after each debtor.
public struct BatchProgress: Sendable, Hashable {
    /// Items of the input handled (those of other shards included).
    public var done = 0
    /// Items of the input, when the source knows it.
    public var total: Int?
    public var built = 0
    public var skipped = 0
    public var failed = 0
    /// Items that belong to another shard (read, not built).
    public var otherShards = 0
    /// Wall seconds since the start.
    public var elapsed: Double = 0

    public init(total: Int?) { self.total = total }

    /// Dossiers (built or skipped) per second so far.
    public var rate: Double { elapsed > 0 ? Double(built + skipped) / elapsed : 0 }

    /// Seconds left at the pace so far, when the total is known.
    public var eta: Double? {
        guard let total, done > 0, elapsed > 0 else { return nil }
        return Double(total - done) * elapsed / Double(done)
    }
}

/// Told of the batch's progress, on the task that runs it (never concurrently).
public protocol BatchObserver: AnyObject {
    func started(source: String, total: Int?, jobs: Int, shard: Shard?)
    func progressed(_ progress: BatchProgress)
}

/// What a batch did.
public struct BatchOutcome: Sendable {
    public var report: BatchReport
    public var progress: BatchProgress
    /// CPU time by stage, summed over the workers (zero unless profiling).
    public var times: StageTimes
    /// Leftovers of an interrupted run (`.NAME.partial-…`, `.NAME.old-…`) removed before starting.
    public var removedLeftovers: [String]
    /// The report files written.
    public var reportFiles: [URL]

    /// 0 when every debtor of the input (or shard) has its bundle, 1 when some failed.
    public var exitCode: Int32 { report.summary.failed == 0 ? 0 : 1 }
}

/// `recouvre batch`: one verified bundle per debtor, in one process, with one law book, on all cores.
///
/// Streaming: the source hands over one item at a time; at most `jobs` debtors are in flight (a task
/// group of workers), each read, built, written and forgotten by its worker. What stays is one small
/// report entry per debtor. A bundle is written atomically (`BundleWriter`: a `.partial-` folder moved
/// into place) after its dossier.xml validated in memory, then re-read and re-hashed on disk; a bundle
/// already there is kept (skipped) when it verifies — checksums and schema — and its manifest agrees
/// with the case (reference, parties, as-of date, amount claimed, tool), else rebuilt. A run killed at
/// any moment leaves only complete bundles and leftovers the next run removes.
public struct BatchRunner: Sendable {
    public let pipeline: DossierPipeline
    public let configuration: BatchConfiguration

    public init(pipeline: DossierPipeline, configuration: BatchConfiguration) {
        self.pipeline = pipeline
        self.configuration = configuration
    }

    /// What a worker hands back: the entry of a debtor (nil for another shard's) and its stage times.
    struct WorkResult: Sendable {
        var entry: BatchEntry?
        var times: StageTimes
    }

    public func run(_ source: some InputSource, observer: (any BatchObserver)? = nil) async throws -> BatchOutcome {
        let out = configuration.out.standardizedFileURL
        do {
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        } catch {
            throw BatchInputError(source: out.path, message: "impossible de créer le dossier de sortie (\(error))")
        }
        let (removed, present) = Self.removeLeftovers(in: out)
        let outPath = out.path
        let clock = ContinuousClock()
        let start = clock.now
        var progress = BatchProgress(total: source.count)
        var times = StageTimes(enabled: configuration.profile)
        var entries: [BatchEntry] = []
        var bundles = Set<String>()
        var warningTexts: [ExactText: String] = [:]
        let jobs = configuration.jobs
        observer?.started(source: source.description, total: source.count, jobs: jobs, shard: configuration.shard)

        // A folder's cases are read a few debtors ahead on threads of their own (ReadAhead); an
        // importer's debtors are in memory already.
        let shard = configuration.shard
        let readAhead =
            source.readsFiles && configuration.readAhead > 0
            ? ReadAhead(
                items: source.items(), threads: configuration.readAhead, lookahead: 4 * jobs + 8,
                profile: configuration.profile,
                skip: { item in
                    guard let key = item.knownKey, let shard else { return false }
                    return !shard.contains(key)
                })
            : nil
        defer { readAhead?.stop() }
        await withTaskGroup(of: WorkResult.self) { group in
            let items = readAhead == nil ? source.items() : AnyIterator { nil }
            var inFlight = 0
            func record(_ result: WorkResult) {
                times.add(result.times)
                progress.done += 1
                if let entry = result.entry {
                    // Debtors share most of their warnings (the same rate-table notice, the same
                    // procedure advice): each distinct text is kept once, so the entries kept for the
                    // report stay small as the batch grows.
                    var compact = entry
                    compact.warnings = entry.warnings.map { text in
                        let key = ExactText(text)
                        if let shared = warningTexts[key] { return shared }
                        warningTexts[key] = text
                        return text
                    }
                    entries.append(compact)
                    switch entry.status {
                    case .built: progress.built += 1
                    case .skipped: progress.skipped += 1
                    case .failed: progress.failed += 1
                    }
                } else {
                    progress.otherShards += 1
                }
                progress.elapsed = Self.seconds(clock.now - start)
                observer?.progressed(progress)
            }
            // Fills the group up to `jobs` debtors; a bundle name met twice fails at once, unbuilt.
            func refill() {
                while inFlight < jobs {
                    let item: BatchItem
                    let read: @Sendable (inout StageTimes) throws -> BatchCase
                    if let readAhead {
                        guard let slot = readAhead.next() else { break }
                        item = slot.item
                        read = { times in
                            let (outcome, taken) = readAhead.take(slot)
                            times.add(taken)
                            return try outcome.get()
                        }
                    } else {
                        guard let next = items.next() else { break }
                        item = next
                        read = next.read
                    }
                    if !bundles.insert(item.bundleName).inserted {
                        record(WorkResult(entry: duplicate(item), times: StageTimes(enabled: false)))
                        continue
                    }
                    inFlight += 1
                    group.addTask { self.process(item, read: read, in: out, outPath: outPath, present: present) }
                }
            }
            refill()
            while let result = await group.next() {
                inFlight -= 1
                record(result)
                refill()
            }
        }
        progress.elapsed = Self.seconds(clock.now - start)

        let report = BatchReport(
            tool: pipeline.tool, input: configuration.input, asOf: configuration.asOf, stage: configuration.stage,
            shard: configuration.shard, entries: entries)
        // The bundles were written without an fsync each: the flush of the output's file system starts
        // now, on a thread of its own, while the reports are made (each is synced itself, then the
        // folder); the run ends once both are on the disk. One after the other, the report (≈ 0.15 s at
        // 10,000 debtors) and the flush (≈ 0.25 s) were the batch's tail, one core or none at work.
        let flush = FileSystem.BackgroundSync(of: out.path)
        defer { flush.wait() }
        let files = try Self.writeReport(report, to: out)
        return BatchOutcome(
            report: report, progress: progress, times: times, removedLeftovers: removed, reportFiles: files)
    }

    // MARK: One debtor

    /// Reads (through `read`: the item's own, or its read made ahead), builds, writes and verifies one
    /// debtor; never throws: a failure is its entry.
    ///
    /// `present`: the names in the output folder when the run started (nil: unknown). A bundle whose
    /// plain name is not among them was not there (nor can it be now: each name is built by one
    /// worker), so its target is not looked up on disk, here nor by the sink: in a fresh output folder
    /// those were two failed lookups per debtor, each waiting on the folder's lock that the other
    /// worker's creations and renames hold (≈ 1 % of a batch's CPU, and waits). Should another process
    /// put something there meanwhile, the move into place refuses it (`SinkOptions.knownAbsent`: the
    /// debtor fails, nothing is lost).
    func process(
        _ item: BatchItem, read: @Sendable (inout StageTimes) throws -> BatchCase, in out: URL, outPath: String,
        present: Set<String>? = nil
    ) -> WorkResult {
        var times = StageTimes(enabled: configuration.profile)
        if let key = item.knownKey, let shard = configuration.shard, !shard.contains(key) {
            return WorkResult(entry: nil, times: times)
        }
        let loaded: BatchCase
        do {
            loaded = try read(&times)
        } catch {
            // Unreadable: the key is the bundle name, so that exactly one shard reports it.
            let key = item.knownKey ?? DebtorKey(kind: .code, value: item.bundleName)
            if let shard = configuration.shard, !shard.contains(key) { return WorkResult(entry: nil, times: times) }
            return WorkResult(entry: failure(item, key: key, claim: nil, day: nil, error), times: times)
        }
        if let shard = configuration.shard, !shard.contains(loaded.key) { return WorkResult(entry: nil, times: times) }
        let claim = loaded.value
        let day = configuration.asOf ?? claim.asOf ?? configuration.today
        // The target's path strings made once, without a URL where the name is a plain file name.
        let bundleFile = configuration.bundleFile(item.bundleName)
        let plain = TargetLocation(folder: outPath, name: bundleFile)
        let location = plain ?? TargetLocation(out.appendingPathComponent(bundleFile))
        let target = location.path
        var replace = false
        let dossierOptions = DossierOptions(stage: configuration.stage.flatMap(DossierStage.init(rawValue:)))
        func assemble(pdf: BundlePDF?) throws -> AssembledDossier {
            try pipeline.assemble(
                claim, exhibits: loaded.exhibits, asOf: day, force: false, pdf: pdf, options: dossierOptions,
                journal: loaded.journal, times: &times)
        }
        // A bundle already there is kept when it is the bundle this run would write: the dossier is
        // assembled in memory (its text rendering) and compared with it, so that a step recorded in the
        // journal since, an edited case or exhibit, or new wording in forms/ rebuilds it.
        var probe: AssembledDossier?
        // (`stat`, as `FileManager.fileExists`: a dangling link is no bundle.)
        let mayExist = plain == nil || present?.contains(bundleFile) != false
        if mayExist, PathKind.of(target, follow: true) != .missing {
            if let assembled = try? assemble(pdf: nil) {
                if times.measure(.verify, { isCurrent(target, assembled: assembled) }) {
                    let decision = ClaimDecision(
                        statement: assembled.statement, route: assembled.route, warnings: assembled.warnings)
                    let entry = entry(item, loaded, day: day, status: .skipped, decision: decision)
                    return WorkResult(entry: entry, times: times)
                }
                if configuration.pdf == nil { probe = assembled }
            }
            replace = true
        }
        do {
            let dossier = try probe ?? assemble(pdf: configuration.pdf)
            let bundle = DossierBundle(files: dossier.files, manifest: dossier.manifest)
            // The case file and its exhibits are never replaced (an output folder inside the input);
            // the debris of killed runs was removed once for the whole folder, before the first write.
            // No fsync per file: the whole output is synced once at the end of the run (docs/batch.md).
            // A name the output's listing did not hold is not looked up again before the write
            // (`knownAbsent`: the move into place refuses a target that appeared since).
            let options = SinkOptions(
                force: replace, protecting: [item.source] + loaded.exhibitPaths, debrisRemoved: true,
                syncFiles: false, knownAbsent: !mayExist)
            // manifest.json rendered once, for the sink and for the check below.
            let files = bundle.allFiles
            // dossier.xml was validated in memory before writing: on disk, every file is read back and
            // compared with the bytes the manifest hashed (one read each, relative to the bundle's
            // folder, once it is in place).
            if configuration.zip {
                // One file per debtor: the zip's bytes are made in memory, written with one write, and
                // read back with one read, compared with those bytes.
                let bytes = try times.measure(.write) { () throws -> Data in
                    let bytes = try StoredZip.zipData(allFiles: files) ?? ZipSink.zipData(allFiles: files)
                    try ZipSink(location: location, options: options).write(zipData: bytes)
                    return bytes
                }
                var buffer: [UInt8] = []
                if !times.measure(.verify, { FileSystem.holds(target, bytes, buffer: &buffer) }) {
                    FileSystem.removeTree(target)
                    throw BatchInputError(
                        source: target,
                        message: "le dossier écrit ne se relit pas intact (\(location.name)), il est retiré")
                }
            } else {
                let folder = try times.measure(.write) {
                    try FolderSink(location: location, options: options).writeOpening(allFiles: files)
                }
                if let altered = times.measure(.verify, { folder.firstDiffering(files) }) {
                    FileSystem.removeTree(target)
                    throw BatchInputError(
                        source: target,
                        message: "le dossier écrit ne se relit pas intact (\(altered)), il est retiré")
                }
            }
            let decision = ClaimDecision(statement: dossier.statement, route: dossier.route, warnings: dossier.warnings)
            return WorkResult(entry: entry(item, loaded, day: day, status: .built, decision: decision), times: times)
        } catch {
            return WorkResult(entry: failure(item, key: loaded.key, claim: claim, day: day, error), times: times)
        }
    }

    /// The first of `files` whose bytes at `target` differ from those written (or are missing).
    static func firstAltered(_ files: [BundleFile], at folder: String) -> String? {
        var buffer: [UInt8] = []
        return files.first { !FileSystem.holds(folder + "/" + $0.path, $0.data, buffer: &buffer) }?.path
    }

    /// Whether the bundle at `target` holds what this run writes: `assembled` is the dossier's text
    /// rendering, assembled in memory from the case, its journal and its exhibits as they are now.
    /// Without `--pdf`: the bundle's files are exactly those, byte for byte (manifest.json included).
    /// With `--pdf` / `--pdf-only`: the bundle verifies (checksums and schema), its renderings are those
    /// asked for, its manifest agrees on the case, the parties, the as-of day, the amount and the tool,
    /// and every file the text rendering shares with it (dossier.xml, whose digests cover every
    /// document's text, notes.txt, the exhibits, and the text documents unless `--pdf-only`) has the
    /// same SHA-256; the PDFs are taken as made from those texts.
    func isCurrent(_ target: String, assembled: AssembledDossier) -> Bool {
        if configuration.pdf == nil {
            // The bundle is byte for byte the one this run writes: the same files (nothing added, nothing
            // removed, no link), each read back equal to its bytes here. dossier.xml's bytes are those
            // validated in memory: no re-validation, no hashing needed.
            let files = DossierBundle(files: assembled.files, manifest: assembled.manifest).allFiles
            if configuration.zip {
                // The zip is deterministic (sorted entries, fixed dates): the same bytes, or rebuilt.
                guard let bytes = try? StoredZip.zipData(allFiles: files) ?? ZipSink.zipData(allFiles: files) else {
                    return false
                }
                var buffer: [UInt8] = []
                return FileSystem.holds(target, bytes, buffer: &buffer)
            }
            guard let reader = try? BundleReader(path: target), reader.problems.isEmpty else { return false }
            guard Set(reader.files.keys) == Set(files.map(\.path)) else { return false }
            return Self.firstAltered(files, at: target) == nil
        }
        guard let report = try? pipeline.verifier.verify(path: target), report.isIntact,
            let manifest = report.manifest,
            Self.documentFormats(manifest) == Self.expectedFormats(configuration.pdf)
        else { return false }
        let expected = assembled.manifest
        guard let pdf = configuration.pdf else { return manifest == expected }  // (handled above)
        guard
            manifest.tool == expected.tool && manifest.caseReference == expected.caseReference
                && manifest.asOf == expected.asOf && manifest.amountClaimed == expected.amountClaimed
                && manifest.creditor == expected.creditor && manifest.debtor == expected.debtor
        else { return false }
        var onDisk: [String: String] = [:]
        for file in manifest.files { onDisk[file.path] = file.sha256 }
        for file in expected.files {
            if let sha256 = onDisk[file.path] {
                guard sha256 == file.sha256 else { return false }
            } else if !(pdf.only && Self.isDocument(file.path)) {
                return false
            }
        }
        return true
    }

    /// `NN-name.txt` or `NN-name.pdf` at the top of a bundle: a document.
    static func isDocument(_ name: String) -> Bool {
        !name.contains("/") && name.count > 3 && name.prefix(2).allSatisfy(\.isNumber) && name.dropFirst(2).first == "-"
    }

    /// Which renderings of the documents (`NN-name.txt`, `NN-name.pdf`) a bundle holds: a bundle built
    /// without `--pdf` is not current for a run with it, nor the reverse.
    static func documentFormats(_ manifest: BundleManifest) -> Set<String> {
        var formats = Set<String>()
        for file in manifest.files where isDocument(file.path) {
            let name = file.path
            if name.hasSuffix(".txt") { formats.insert("txt") }
            if name.hasSuffix(".pdf") { formats.insert("pdf") }
        }
        return formats
    }

    /// The renderings this run writes.
    static func expectedFormats(_ pdf: BundlePDF?) -> Set<String> {
        guard let pdf else { return ["txt"] }
        return pdf.only ? ["pdf"] : ["txt", "pdf"]
    }

    func entry(
        _ item: BatchItem, _ loaded: BatchCase, day: Day, status: BatchEntry.Status, decision: ClaimDecision
    )
        -> BatchEntry
    {
        let route = decision.route
        return BatchEntry(
            key: loaded.key, status: status, source: item.source, bundle: configuration.bundleFile(item.bundleName),
            reference: loaded.value.reference, debtor: loaded.value.debtor.name,
            totalClaimed: decision.statement.totals.total, asOf: day, procedure: route.procedure,
            courtKind: route.court?.kind, court: route.court?.name, warnings: decision.warnings)
    }

    func failure(_ item: BatchItem, key: DebtorKey, claim: Case?, day: Day?, _ error: any Error) -> BatchEntry {
        BatchEntry(
            key: key, status: .failed, source: item.source, bundle: configuration.bundleFile(item.bundleName),
            reference: claim?.reference,
            debtor: claim?.debtor.name, asOf: day, error: Self.failure(error, source: item.source))
    }

    func duplicate(_ item: BatchItem) -> BatchEntry {
        BatchEntry(
            key: item.knownKey ?? DebtorKey(kind: .code, value: item.bundleName), status: .failed, source: item.source,
            bundle: configuration.bundleFile(item.bundleName),
            error: .init(
                message: "un autre dossier de l'entrée porte déjà le nom \(item.bundleName) : renommez l'un des deux",
                location: item.source))
    }

    /// The message and location of an error, in the user's terms.
    static func failure(_ error: any Error, source: String) -> BatchEntry.Failure {
        if let error = error as? CaseFileError, let first = error.problems.first {
            let location = first.line > 0 ? "\(first.file):\(first.line):\(first.column)" : first.file
            return .init(message: error.description, location: location)
        }
        if let error = error as? ImportError {
            return .init(message: error.description, location: error.problems.first?.location.map { "\($0)" } ?? source)
        }
        if case BundleError.missingExhibit(let number, _, _) = error {
            return .init(message: "\(error)", location: "\(source) (exhibits[\(number - 1)].file)")
        }
        if let error = error as? any RecouvreError { return .init(message: error.description, location: source) }
        return .init(message: "erreur interne : \(error)", location: source)
    }

    // MARK: The output folder

    /// Removes what an interrupted run left: `.NAME.partial-…` (a bundle or report being written) and
    /// `.NAME.old-…` (a bundle being replaced). Only those names, only at the top of `out`.
    static func removeLeftovers(in out: URL) -> (removed: [String], present: Set<String>?) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: out.path) else { return ([], nil) }
        var removed: [String] = []
        var present = Set(names)
        for name in names.sorted() where name.hasPrefix(".") && (name.contains(".partial-") || name.contains(".old-")) {
            if (try? FileManager.default.removeItem(at: out.appendingPathComponent(name))) != nil {
                removed.append(name)
                present.remove(name)
            }
        }
        return (removed, present)
    }

    /// Writes `batch-report.json` and `batch-report.csv` into `out`, each streamed entry by entry, the
    /// two at once (one thread each, `WorkerPool.map`): each made under a `.NAME.partial-UUID` name, synced (`fsync`), moved over the old report
    /// in one step (`rename(2)`), then the folder synced, so that the reports are on the disk when this
    /// returns. Throws the first failure (the JSON's, then the CSV's), its partial file removed.
    static func writeReport(_ report: BatchReport, to out: URL) throws -> [URL] {
        let writers: [(String, (FileHandle) throws -> Void)] = [
            (BatchReport.jsonName, report.writeJSON), (BatchReport.csvName, report.writeCSV),
        ]
        let failures = WorkerPool.map(writers.count, workers: writers.count) { index in
            writeReportFile(writers[index].0, in: out, writers[index].1)
        }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
        if let code = FileSystem.fsyncFile(out.path) {
            throw BatchInputError(
                source: out.path, message: "impossible d'écrire le rapport (\(String(cString: strerror(code))))")
        }
        return writers.map { out.appendingPathComponent($0.0) }
    }

    /// One report file, written by `write` and put in place: nil, or why it could not be.
    private static func writeReportFile(
        _ name: String, in out: URL, _ write: (FileHandle) throws -> Void
    ) -> BatchInputError? {
        let target = out.appendingPathComponent(name)
        let temporary = out.appendingPathComponent(".\(name).partial-\(UUID().uuidString)")
        do {
            let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
            guard descriptor >= 0 else {
                throw BatchInputError(
                    source: temporary.path, message: "création impossible (\(String(cString: strerror(errno))))")
            }
            let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            try write(handle)
            try handle.synchronize()
            try handle.close()
            // rename(2) replaces the old report in one step.
            guard rename(temporary.path, target.path) == 0 else {
                throw BatchInputError(source: target.path, message: String(cString: strerror(errno)))
            }
            return nil
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            return BatchInputError(source: target.path, message: "impossible d'écrire le rapport (\(error))")
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

/// A text as a dictionary key by its UTF-8 bytes (hashed and compared as bytes): `String`'s own
/// hashing normalizes a non-ASCII text first, which made the report's sharing of warning texts cost
/// ≈ 0.5 % of a batch; byte equality also keeps each debtor's text exactly as it was written.
struct ExactText: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (lhs: ExactText, rhs: ExactText) -> Bool {
        var left = lhs.text
        var right = rhs.text
        return left.withUTF8 { a in
            right.withUTF8 { b in
                a.count == b.count && (a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
            }
        }
    }

    func hash(into hasher: inout Hasher) {
        var copy = text
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
