import Foundation
import RecouvreAmicable
import RecouvreCaseFile
import RecouvreDocuments
import RecouvreForms
import RecouvreLaw
import RecouvreModel
import RecouvreRoute
import RecouvreXML

#if canImport(Glibc)
    import Glibc
#endif

/// A dossier assembled in memory: every file of the bundle and its manifest, not yet written.
public struct AssembledDossier: Sendable {
    public var files: [BundleFile]
    public var manifest: BundleManifest
    public var statement: Statement
    public var route: Route
    /// Prescription notices, the statement's and the route's warnings, each once, in order.
    public var warnings: [String]
}

/// What a dossier claims and where it goes, before its documents are written.
public struct ClaimDecision: Sendable {
    public var statement: Statement
    public var route: Route
    /// Prescription notices, the statement's and the route's warnings, each once, in order.
    public var warnings: [String]
    /// The case the dossier is built on when it is not the one given: the invoices a title does not
    /// cover, chosen with `--procedure` (DossierPipeline+Situations.swift).
    public var dossierCase: Case? = nil

    public init(statement: Statement, route: Route, warnings: [String]) {
        self.statement = statement
        self.route = route
        self.warnings = warnings
    }
}

/// What a build wrote.
public struct BuildResult: Sendable {
    public var path: String
    public var manifest: BundleManifest
    /// Prescription notices, the statement's and the route's warnings.
    public var warnings: [String]
    /// The book's catalogue, which words `text` (`forms/messages/pipeline.yaml`).
    public var messages: MessageCatalogue

    /// What `build` prints: where the bundle is, what it holds, the warnings.
    public var text: String {
        var lines = [
            messages.text(
                PipelineReason.built(
                    reference: manifest.caseReference, path: path, count: String(manifest.files.count + 1),
                    amount: manifest.amountClaimed ?? "?", asOf: manifest.asOf ?? "?"))
        ]
        lines += manifest.files.map {
            "  "
                + messages.text(
                    PipelineReason.builtFile(path: $0.path, bytes: String($0.bytes), sha: String($0.sha256.prefix(16))))
        }
        lines.append("  \(BundleManifest.fileName)")
        lines += warnings.map { "warning: \($0)" }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// The one pipeline of recouvre (design.md): case → statement → route → documents → dossier.xml
/// (validated) → bundle with its manifest. Every face — `statement`, `route`, `build`, a batch, a
/// web page — calls these functions with one loaded `LawBook`; none wires the stages itself.
public struct DossierPipeline: Sendable {
    public let book: LawBook
    /// `recouvre 0.1.0`, recorded in the manifest and the XML.
    public let tool: String
    /// Whether `assemble` renders a large dossier's documents on a second core while it writes its
    /// dossier.xml (`concurrentRenderInvoices`); false: one after the other (the same bytes).
    public var rendersConcurrently = true
    /// Whether `build` writes a folder file by file as the files are made (`StagedFolder`); false: all
    /// in memory first, then `BundleWriter` (the same bytes; tests compare the two).
    public var streamsFolders = true
    /// Called before each file of a streamed folder is created, `manifest.json` last (tests use it to
    /// see the files arrive one at a time, and to fail midway).
    public var beforeEachStagedFile: (@Sendable (String) throws -> Void)? = nil

    public init(book: LawBook, tool: String) {
        self.book = book
        self.tool = tool
    }

    /// The relevé de compte of `claim` as of `asOf`.
    public func statement(for claim: Case, asOf: Day, dayBasis: DayBasis = .d365) throws -> Statement {
        try book.statementEngine.statement(for: claim, asOf: asOf, dayBasis: dayBasis)
    }

    /// The route of `claim`, chosen on its statement as of `asOf`.
    public func route(for claim: Case, asOf: Day) throws -> Route {
        try route(for: claim, statement: statement(for: claim, asOf: asOf), asOf: asOf)
    }

    /// The statement, the route and the warnings of a dossier, without its documents: what `assemble`
    /// writes the documents of, and what `batch` checks an existing bundle against. Domain.md §3: once
    /// prescription has run, no court dossier unless the user forces it, and then the warning stays in
    /// the output (a formal notice may still be written: the stage `notice` is not refused).
    /// `options.procedure` (`--procedure`) replaces the router's choice by an allowed alternative.
    public func decide(
        _ claim: Case, asOf: Day, force: Bool, options: DossierOptions = DossierOptions(), times: inout StageTimes
    ) throws -> ClaimDecision {
        let stage = options.stage ?? DossierStage.default(for: claim)
        var warnings: [String] = []
        let statement = try times.measure(.statement) {
            let prescription = Prescription.check(
                case: claim, asOf: asOf, rules: book.rates.prescription, messages: book.messages)
            let expired = prescription.filter(\.expired).map(\.message)
            if !expired.isEmpty && !force && stage == .court { throw BundleError.prescribed(expired) }
            warnings += prescription.map(\.message)
            return try self.statement(for: claim, asOf: asOf)
        }
        // situations engineer (issue 11): a title's uncovered invoices are built on their own case
        // (DossierPipeline+Situations.swift).
        let chosen = try times.measure(.route) {
            let routed = try self.route(for: claim, statement: statement, asOf: asOf)
            guard let procedure = options.procedure else { return (claim: claim, statement: statement, route: routed) }
            guard
                let chosen = try choosing(procedure, claim: claim, statement: statement, route: routed, asOf: asOf)
            else {
                throw DossierRefusal(reasons: [
                    book.messages.text(
                        DocumentReason.procedureRefused(
                            procedure: Router.optionName(procedure),
                            allowed: book.router.allowed(routed).map(Router.optionName).joined(separator: ", ")))
                ])
            }
            return chosen
        }
        let route = chosen.route
        let recorded = try recordedStatement(chosen.statement, claim: chosen.claim, route: route)
        warnings += recorded.warnings + route.warnings
        // The statement repeats the prescription notices: each warning once, in order.
        warnings = Warnings.firstOccurrences(warnings)
        var decision = ClaimDecision(statement: recorded, route: route, warnings: warnings)
        if chosen.claim != claim { decision.dossierCase = chosen.claim }
        return decision
    }

    /// The whole dossier in memory. Domain.md §3: once prescription has run, no court dossier unless
    /// the user forces it, and then the warning stays in the output.
    /// `pdf` (`--pdf`, `--pdf-only`) adds each document's PDF/A-3b beside its text, or instead of it.
    public func assemble(
        _ claim: Case, exhibits: any ExhibitSource, asOf: Day, force: Bool, pdf: BundlePDF? = nil,
        options: DossierOptions = DossierOptions(), journal: AmicableJournal? = nil
    ) throws -> AssembledDossier {
        var times = StageTimes.off
        return try assemble(
            claim, exhibits: exhibits, asOf: asOf, force: force, pdf: pdf, options: options, journal: journal,
            times: &times)
    }

    /// The same, adding each stage's CPU time to `times` (`batch --profile`).
    public func assemble(
        _ claim: Case, exhibits: any ExhibitSource, asOf: Day, force: Bool, pdf: BundlePDF? = nil,
        options: DossierOptions = DossierOptions(), journal: AmicableJournal? = nil, times: inout StageTimes
    ) throws -> AssembledDossier {
        try assemble(
            claim, exhibits: exhibits, asOf: asOf, force: force, pdf: pdf, options: options, journal: journal,
            staging: nil, times: &times
        ).dossier
    }

    /// `assemble`; with `staging` (large engineer, issue 12: `build` into a folder, no PDF), each file
    /// is written into the folder `staging` makes — called once the dossier is decided and not refused
    /// — as soon as it is made, hashed while written, and its bytes let go: the documents when rendered,
    /// each exhibit when read, dossier.xml while it is written, then notes.txt. The dossier returned then
    /// holds no files (its manifest lists them); the caller places the folder with the manifest. The
    /// bytes of every file and the order of the errors are those of the files kept in memory.
    func assemble(
        _ claim: Case, exhibits: any ExhibitSource, asOf: Day, force: Bool, pdf: BundlePDF?,
        options: DossierOptions, journal: AmicableJournal?, staging: (() throws -> StagedFolder)?,
        times: inout StageTimes
    ) throws -> (dossier: AssembledDossier, folder: StagedFolder?) {
        // --- court engineer (issue 17): stage, procedure choice, court checks, notes.txt ---
        var options = options
        options.force = force
        let stage = options.stage ?? DossierStage.default(for: claim)
        let decision = try decide(claim, asOf: asOf, force: force, options: options, times: &times)
        let claim = decision.dossierCase ?? claim
        let statement = decision.statement
        let route = decision.route
        var warnings = decision.warnings
        // amicable (issue 16): the reminders, promises, plans and notices recorded, for the documents.
        let steps = try AmicableChronology.steps(case: claim, journal: journal, asOf: asOf, forms: book.amicable)
        let input = DossierInput(
            case: claim, statement: statement, route: route, amicableSteps: steps, options: options)
        let refusals = DossierChecks.refusals(input, settings: book.documentSettings, messages: book.messages)
        if !refusals.isEmpty { throw DossierRefusal(reasons: refusals) }
        if let forced = DossierChecks.forcedWarning(input, settings: book.documentSettings, messages: book.messages) {
            warnings.append(forced)
        }
        let folder = pdf == nil ? try staging?() : nil
        // large engineer (issue 12): a large dossier's documents render on a second core while the head
        // of its dossier.xml (everything before the documents' digests: the invoices, events,
        // settlements, statement and route) is written and validated on this one; then the digests and
        // the exhibits complete it. The same bytes as one after the other; the errors in the same order
        // (the render's, the exhibits', then the XML's). A PDF build renders first, as before.
        let xmlHead = DossierXMLInput(
            case: claim, statement: statement, route: route, documents: [], exhibits: [], tool: tool,
            courtDataSource: route.court?.source)
        let concurrent = rendersConcurrently && pdf == nil && claim.invoices.count >= Self.concurrentRenderInvoices
        let rendering: ConcurrentWork<(Dossier, StageTimes)>? =
            concurrent
            ? ConcurrentWork { [renderer = book.renderer, enabled = times.enabled] in
                var renderTimes = StageTimes(enabled: enabled)
                let dossier = try renderTimes.measure(.render) { try renderer.render(input, keepingContent: false) }
                return (dossier, renderTimes)
            } : nil
        var stream: DossierXMLStream?
        var headError: (any Error)?
        if concurrent {
            do {
                stream = try times.measure(.xml) {
                    try DossierXMLStream(xmlHead, validatingAgainst: book.dossierSchema, into: folder)
                }
            } catch {
                headError = error
            }
        }
        var dossier: Dossier
        if let rendering {
            let (rendered, renderTimes) = try rendering.value()
            times.add(renderTimes)
            dossier = rendered
        } else {
            dossier = try times.measure(.render) { try book.renderer.render(input, keepingContent: pdf != nil) }
        }
        warnings += dossier.warnings
        // large engineer (issue 12): a large dossier's render freed millions of small strings (its
        // views, its markup's lines); glibc keeps the pages they held unless asked to give them back,
        // and they would count in the process's memory beside dossier.xml and the files to come.
        if claim.invoices.count >= Self.concurrentRenderInvoices { Self.returnFreedMemory() }
        // --- end court engineer ---

        var files: [BundleFile] = []
        var documentDigests: [DocumentDigest] = []
        // batch engineer: each file hashed once, for dossier.xml and the manifest alike (path → SHA-256).
        var hashed: [String: String] = [:]
        func sha256(_ path: String, _ data: Data) -> String {
            if let known = hashed[path] { return known }
            // (The documents' and exhibits' digests: `batch --profile` counts them as hashing.)
            let digest = times.measure(.hash) { BundleManifest.sha256(data) }
            hashed[path] = digest
            return digest
        }
        // large engineer (issue 12): a file of the bundle, kept, or written into the staged folder
        // (hashed while written) and let go; what dossier.xml and the manifest record of it.
        var staged: [String: BundleManifestFile] = [:]
        func put(_ path: String, _ data: Data) throws -> (sha256: String, bytes: Int) {
            guard let folder else {
                files.append(BundleFile(path: path, data: data))
                return (sha256(path, data), data.count)
            }
            let file = try folder.add(path, data)
            staged[path] = file
            return (file.sha256, file.bytes)
        }
        // large engineer (issue 12): the documents are now bytes; their text and structured content
        // are released one by one as they become bytes, unless the PDFs are made from them (a
        // 100,000-invoice relevé holds 157 MB of text and more in its content, beside its bytes).
        let rendered = pdf == nil ? [] : dossier.documents
        var documents = dossier.documents
        dossier.documents = []
        for index in documents.indices {
            let document = documents[index]
            let data = document.data
            if pdf == nil { documents[index] = RenderedDocument.released(document) }
            let digest = try put(document.fileName, data)
            documentDigests.append(
                DocumentDigest(
                    fileName: document.fileName, title: document.title, sha256: digest.sha256, bytes: digest.bytes))
        }
        documents = []
        var exhibitDigests: [ExhibitDigest] = []
        for exhibit in dossier.exhibits {
            guard let path = exhibit.bundlePath else {
                exhibitDigests.append(ExhibitDigest(number: exhibit.number, title: exhibit.title))
                continue
            }
            let digest: (sha256: String, bytes: Int)
            if let source = exhibit.source {
                // (`batch --profile` counts the exhibits' reading as reading.)
                guard let found = try times.measure(.read, { try exhibitData(exhibit, source: source, from: exhibits) })
                else {
                    // court engineer (issue 17): a court bundle needs every file; a notice bundle warns.
                    guard stage == .notice else {
                        throw BundleError.missingExhibit(number: exhibit.number, title: exhibit.title, path: source)
                    }
                    warnings.append(
                        book.messages.text(
                            DocumentReason.exhibitFileAbsent(
                                index: String(exhibit.number - 1), number: String(exhibit.number), title: exhibit.title,
                                path: source)))
                    exhibitDigests.append(ExhibitDigest(number: exhibit.number, title: exhibit.title))
                    continue
                }
                digest = try put(path, found)
            } else if let written = staged[path] {
                digest = (written.sha256, written.bytes)
            } else {
                let data = files.first { $0.path == path }?.data ?? Data()
                digest = (sha256(path, data), data.count)
            }
            exhibitDigests.append(
                ExhibitDigest(
                    number: exhibit.number, title: exhibit.title, path: path, sha256: digest.sha256,
                    bytes: digest.bytes))
        }
        if let headError { throw headError }

        // A dossier.xml that does not validate is our bug: report it, write nothing.
        // large engineer (issue 12): validated while written, against the book's schema (no re-parse).
        let xmlDocument = try times.measure(.xml) {
            let head = try stream ?? DossierXMLStream(xmlHead, validatingAgainst: book.dossierSchema, into: folder)
            return try head.finish(documents: documentDigests, exhibits: exhibitDigests)
        }
        stream = nil
        try times.measure(.xsd) {
            do {
                try xmlDocument.validate(against: book.dossierSchema)
            } catch let error as XMLValidationError {
                throw BundleError.invalidDossierXML(DossierXMLError.generatedInvalid(error).description)
            }
        }
        let xml = xmlDocument.data
        if let written = xmlDocument.written {
            staged[written.path] = written
        } else {
            files.append(BundleFile(path: DossierXML.fileName, data: xml))
        }
        // court engineer (issue 17): the user's notes, not an exhibit (the bordereau does not list it).
        let notes = Warnings.firstOccurrences(warnings)
        _ = try put(DossierNotes.fileName, Data(DossierNotes.text(notes, messages: book.messages).utf8))
        if let pdf {
            files = try pdf.apply(
                to: files,
                input: BundlePDFInput(
                    documents: rendered, dossierXML: xml,
                    statementJSON: Data(StatementFormatter.json(statement).utf8),
                    date: asOf, caseReference: claim.reference, author: claim.creditor.name))
        }

        let manifest = times.measure(.hash) {
            BundleManifest(
                tool: tool, caseReference: claim.reference, asOf: asOf.iso,
                creditor: ManifestParty(name: claim.creditor.name, siren: claim.creditor.siren),
                debtor: ManifestParty(name: claim.debtor.name, siren: claim.debtor.siren),
                amountClaimed: Money.plain(statement.totals.total), formalNotice: dossier.formalNotice,
                files: folder?.written
                    ?? files.map { file in
                        hashed[file.path].map {
                            BundleManifestFile(path: file.path, sha256: $0, bytes: file.data.count)
                        }
                            ?? BundleManifestFile(path: file.path, data: file.data)
                    })
        }
        // The statement repeats the prescription notices: each warning once, in order.
        warnings = Warnings.firstOccurrences(warnings)
        return (
            AssembledDossier(files: files, manifest: manifest, statement: statement, route: route, warnings: warnings),
            folder
        )
    }

    /// `recouvre build`: reads the case file (the edge), completes it (`--archive`), assembles the
    /// dossier and writes it atomically to `out` (a folder, or a zip when it ends in `.zip`).
    /// `today` is read by the caller, once: the as-of day is `asOf`, else the case's, else today.
    public func build(
        casePath: String, out: String, asOf: Day?, today: Day, force: Bool,
        completeCase: ((Case) throws -> CompletedCase)? = nil, pdf: BundlePDF? = nil,
        options: DossierOptions = DossierOptions()
    ) throws -> BuildResult {
        try build(
            loaded: CaseFileReader.load(path: casePath, today: today), casePath: casePath, out: out, asOf: asOf,
            today: today, force: force, completeCase: completeCase, pdf: pdf, options: options)
    }

    /// `build` of a case already read from `casePath` (`CaseFileReader.load`): the command line reads
    /// it while the law book loads, on two cores (lead, issue 12: a 10,000-invoice case takes about as
    /// long to read and validate as `forms/` to load).
    public func build(
        loaded value: consuming LoadedCase, casePath: String, out: String, asOf: Day?, today: Day, force: Bool,
        completeCase: ((Case) throws -> CompletedCase)? = nil, pdf: BundlePDF? = nil,
        options: DossierOptions = DossierOptions()
    ) throws -> BuildResult {
        // large engineer (issue 12): the loaded case is let go once its value is taken: its source
        // locations hold the whole parsed document (a 100,000-invoice file's), not needed to build.
        var loaded: LoadedCase? = consume value
        let folder = loaded!.folder
        // pdf (issue 15): `--archive` may name the letter as sent, whose bytes come with the case.
        let completed = try completeCase?(loaded!.value) ?? CompletedCase(loaded!.value)
        loaded = nil
        let claim = completed.case
        let day = asOf ?? claim.asOf ?? today
        // amicable (issue 16): the steps `remind --record` / `plan --record` wrote beside the case.
        let journal = try AmicableJournal.read(forCase: casePath)
        // --force never replaces a target holding the case file or its exhibits (issue 12).
        let protected =
            [casePath]
            + claim.exhibits.compactMap(\.file).map {
                $0.hasPrefix("/") ? $0 : folder.appendingPathComponent($0).path
            }
        let target = URL(fileURLWithPath: out)
        // large engineer (issue 12): a folder is written file by file as the files are made (at most
        // one large file's bytes in memory); a zip, or a build with PDFs, is written from memory.
        let streams = streamsFolders && pdf == nil && target.pathExtension.lowercased() != "zip"
        var times = StageTimes.off
        let (dossier, staged) = try assemble(
            claim, exhibits: OverlaidExhibits(completed.files, over: FolderExhibitSource(folder: folder)),
            asOf: day, force: force, pdf: pdf, options: options, journal: journal,
            staging: streams
                ? {
                    try StagedFolder(
                        target: target,
                        options: SinkOptions(force: force, protecting: protected, beforeEachFile: beforeEachStagedFile))
                }
                : nil,
            times: &times)
        if let staged {
            try staged.place(manifest: dossier.manifest)
        } else {
            try BundleWriter().write(
                files: dossier.files, manifest: dossier.manifest, to: target, force: force, protecting: protected)
        }
        // court engineer (issue 17): the rate tables stop on a known day; warn 30 days before it.
        let expiry = RateExpiry(book.rates).warnings(today: day, messages: book.messages)
        return BuildResult(
            path: out, manifest: dossier.manifest, warnings: dossier.warnings + expiry, messages: book.messages)
    }

    /// The bytes of an exhibit's file, read through the case's source (which confines reads to the
    /// case's folder, resolves symbolic links and checks sizes); `nil` when the file is absent. Any other
    /// reason it cannot be read (a folder, a device, outside the folder, unreadable, too large) refuses
    /// the dossier: the validator reports these before, so only a file changed since is caught here.
    func exhibitData(_ exhibit: DossierExhibit, source: String, from exhibits: any ExhibitSource) throws -> Data? {
        let path = CaseValidator.normalizedPath(source) ?? source
        do {
            return try exhibits.contents(of: path)
        } catch {
            let key = exhibit.key ?? "exhibits[\(exhibit.number - 1)]"
            let field = key.hasPrefix("exhibits[") ? key + ".file" : key
            let number = String(exhibit.number)
            let reason: PipelineReason
            switch error.entry {
            case .missing: return nil
            case .folder: reason = .exhibitFolder(field: field, path: source, number: number, title: exhibit.title)
            case .special: reason = .exhibitSpecial(field: field, path: source, number: number, title: exhibit.title)
            case .outside: reason = .exhibitOutside(field: field, path: source, number: number, title: exhibit.title)
            case .unreadable:
                reason = .exhibitUnreadable(field: field, path: source, number: number, title: exhibit.title)
            case .file(let size):
                reason = .exhibitTooLarge(
                    field: field, path: source, number: number, title: exhibit.title,
                    megabytes: PipelineReason.megabytes(size), limit: PipelineReason.megabytes(CaseLimits.exhibitBytes))
            }
            throw DossierRefusal(reasons: [book.messages.text(reason)])
        }
    }

    /// From how many invoices `assemble` renders the documents on a second core while it writes
    /// dossier.xml (below, a thread costs more than it saves, and a batch keeps its cores busy anyway).
    public static let concurrentRenderInvoices = 500

    /// glibc's `malloc_trim(0)` (malloc.h, which the Glibc module does not export: looked up by name),
    /// where there is one.
    static func returnFreedMemory() {
        #if canImport(Glibc)
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
            let trim = unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
            _ = trim(0)
        #endif
    }

    /// The verifier of bundles written with this book's schema.
    public var verifier: BundleVerifier {
        let schema = book.dossierSchema
        return BundleVerifier { data in try schema.validate(data, name: DossierXML.fileName) }
    }
}
