import Foundation
import RecouvreBundle
import RecouvreBundleIO
import RecouvreCaseFile
import RecouvreDocuments
import RecouvreForms
import RecouvreModel
import RecouvreRoute
import RecouvreTestSupport
import Testing

/// The one pipeline as a library (issue "One pipeline, loaded once"): `assemble` is `decide` plus the
/// documents, and exhibits come through the case file's `ExhibitSource` (a folder or bytes in memory).
@Suite("The dossier pipeline")
struct PipelineTests {
    static let pipeline = DossierPipeline(book: ShippedBook.book, tool: "recouvre 0.1.0")
    static let fixture = TestPaths.fixture("b2b-lyon-dijon")

    static func claim() throws -> Case {
        try CaseFileReader.load(path: fixture.appendingPathComponent("case.yaml").path).value
    }

    @Test("assemble decides as decide does: same statement, route and warnings (in the same order)")
    func assembleIsDecide() throws {
        for name in TestPaths.validFixtureNames {
            let loaded = try CaseFileReader.load(path: TestPaths.fixture(name).appendingPathComponent("case.yaml").path)
            let day = loaded.value.asOf!
            var times = StageTimes.off
            let decision = try Self.pipeline.decide(loaded.value, asOf: day, force: true, times: &times)
            let dossier = try Self.pipeline.assemble(
                loaded.value, exhibits: FolderExhibitSource(folder: loaded.folder), asOf: day, force: true)
            #expect(dossier.statement == decision.statement, "\(name)")
            #expect(dossier.route == decision.route, "\(name)")
            #expect(Array(dossier.warnings.prefix(decision.warnings.count)) == decision.warnings, "\(name)")
        }
    }

    @Test("decide honours --procedure as assemble does, and refuses one the route does not allow")
    func procedureChoice() throws {
        let claim = try Self.claim()
        var times = StageTimes.off
        let pspc = try Self.pipeline.decide(
            claim, asOf: claim.asOf!, force: false, options: DossierOptions(stage: .court, procedure: .pspc),
            times: &times)
        #expect(pspc.route.procedure == .pspc)
        #expect {
            _ = try Self.pipeline.decide(
                claim, asOf: claim.asOf!, force: false,
                options: DossierOptions(stage: .court, procedure: .administrativeClaim), times: &times)
        } throws: { $0 is DossierRefusal }
    }

    @Test("a prescribed claim: the court stage is refused without --force, the notice stage is not")
    func prescriptionByStage() throws {
        let claim = try Self.claim()
        // Seven years after the as-of day, every invoice is past the 5-year commercial prescription.
        let late = claim.asOf!.adding(days: 7 * 365)
        var times = StageTimes.off
        #expect(throws: BundleError.self) {
            _ = try Self.pipeline.decide(
                claim, asOf: late, force: false, options: DossierOptions(stage: .court), times: &times)
        }
        // The rate tables do not reach that far: only the refusal (or its absence) is checked here.
        do {
            _ = try Self.pipeline.decide(
                claim, asOf: late, force: false, options: DossierOptions(stage: .notice), times: &times)
        } catch let error as BundleError {
            Issue.record("the notice stage was refused for prescription: \(error)")
        } catch {}
    }

    @Test("exhibits held in memory (an upload) are copied byte for byte")
    func memoryExhibits() throws {
        let claim = try Self.claim()
        var files: [String: Data] = [:]
        for path in claim.exhibits.compactMap(\.file) { files[path] = Data("mémoire \(path)".utf8) }
        for event in claim.events {
            for path in [event.letter, event.dispatchProof, event.receiptFile].compactMap({ $0 }) {
                files[path] = Data("mémoire \(path)".utf8)
            }
        }
        let dossier = try Self.pipeline.assemble(
            claim, exhibits: MemoryExhibitSource(files: files), asOf: claim.asOf!, force: false,
            options: DossierOptions(stage: .court))
        let devis = try #require(dossier.files.first { $0.path.hasSuffix("devis-D-2025-031.pdf") })
        #expect(devis.data == Data("mémoire pieces/devis-D-2025-031.pdf".utf8))
    }

    @Test("an exhibit that leads out of the case folder by a symbolic link is refused, never copied")
    func exhibitOutside() throws {
        let folder = try TestPaths.temporaryFolder("pipeline-outside")
        defer { try? FileManager.default.removeItem(at: folder) }
        let outside = try TestPaths.temporaryFolder("pipeline-secret")
        defer { try? FileManager.default.removeItem(at: outside) }
        try Data("secret".utf8).write(to: outside.appendingPathComponent("secret.pdf"))
        let fm = FileManager.default
        for item in try fm.contentsOfDirectory(atPath: Self.fixture.path) {
            try fm.copyItem(at: Self.fixture.appendingPathComponent(item), to: folder.appendingPathComponent(item))
        }
        let devis = folder.appendingPathComponent("pieces/devis-D-2025-031.pdf")
        try fm.removeItem(at: devis)
        try fm.createSymbolicLink(at: devis, withDestinationURL: outside.appendingPathComponent("secret.pdf"))
        let claim = try Self.claim()
        #expect {
            _ = try Self.pipeline.assemble(
                claim, exhibits: FolderExhibitSource(folder: folder), asOf: claim.asOf!, force: false,
                options: DossierOptions(stage: .court))
        } throws: { error in
            "\(error)".contains("exhibits[0].file : pieces/devis-D-2025-031.pdf")
                && "\(error)".contains("mène hors du répertoire du dossier")
        }
    }

    @Test("a decree changing the 40 € fee or the ECB margin changes the computation and the letters together")
    func statutoryFromData() throws {
        let (forms, folder) = try LawBookTests.override("rates/statutory.yaml") {
            $0.replacingOccurrences(
                of: "{ from: 2013-01-01, value: \"40.00\"", with: "{ from: 2013-01-01, value: \"55.00\""
            )
            .replacingOccurrences(of: "{ from: 2009-01-01, value: \"10\"", with: "{ from: 2009-01-01, value: \"12\"")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let pipeline = DossierPipeline(book: try LawBook.load(forms: forms), tool: "recouvre 0.1.0")
        let claim = try Self.claim()
        let dossier = try pipeline.assemble(
            claim, exhibits: FolderExhibitSource(folder: Self.fixture), asOf: claim.asOf!, force: false,
            options: DossierOptions(stage: .court))
        func text(_ prefix: String) throws -> String {
            let file = try #require(dossier.files.first { $0.path.contains(prefix) }, "no \(prefix)")
            return String(decoding: file.data, as: UTF8.self).replacingOccurrences(of: "\u{00A0}", with: " ")
                .split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        }
        let shipped = try Self.pipeline.assemble(
            claim, exhibits: FolderExhibitSource(folder: Self.fixture), asOf: claim.asOf!, force: false,
            options: DossierOptions(stage: .court))
        let charged = shipped.statement.invoices.filter { $0.flatFee == 40 }.count
        #expect(charged > 0)
        #expect(dossier.statement.totals.flatFees == Decimal(55 * charged))
        let requete = try text("requete-en-injonction")
        #expect(requete.contains("Pénalités de retard au taux BCE + 12 points"))
        #expect(!requete.contains("+ 10 points"))
        // The formal notice letter, of a case whose notice is still to send.
        var unnoticed = claim
        unnoticed.events.removeAll { $0.type == .formalNotice }
        func letter(_ pipeline: DossierPipeline) throws -> String {
            let dossier = try pipeline.assemble(
                unnoticed, exhibits: FolderExhibitSource(folder: Self.fixture), asOf: claim.asOf!, force: false,
                options: DossierOptions(stage: .notice))
            let file = try #require(dossier.files.first { $0.path.contains("mise-en-demeure") })
            return String(decoding: file.data, as: UTF8.self).replacingOccurrences(of: "\u{00A0}", with: " ")
                .split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        }
        #expect(try letter(Self.pipeline).contains("frais de recouvrement de 40 € est en outre due"))
        let words = try letter(pipeline)
        #expect(words.contains("frais de recouvrement de 55 € est en outre due"))
        #expect(!words.contains("40 €"))
    }

    /// docs/library.md's web page: the case and its exhibits as bytes, the bundle back as a zip.
    static func webDossier(caseYAML: Data, uploads: [String: Data], today: Day) throws -> Data {
        let exhibits = MemoryExhibitSource(files: uploads)
        let (claim, _) = try CaseFileReader.decodeLocated(caseYAML, name: "case.yaml", exhibits: exhibits, today: today)
        let assembled = try pipeline.assemble(claim, exhibits: exhibits, asOf: claim.asOf ?? today, force: false)
        return try ZipSink.zipData(DossierBundle(files: assembled.files, manifest: assembled.manifest))
    }

    @Test("the web page of docs/library.md: an upload in, a zip out that verifies, nothing on disk")
    func webPage() throws {
        let caseData = try Data(contentsOf: Self.fixture.appendingPathComponent("case.yaml"))
        var uploads: [String: Data] = [:]
        let pieces = Self.fixture.appendingPathComponent("pieces")
        for name in try FileManager.default.contentsOfDirectory(atPath: pieces.path) {
            uploads["pieces/\(name)"] = try Data(contentsOf: pieces.appendingPathComponent(name))
        }
        let today = Day(iso: "2026-11-23")!
        let zip = try Self.webDossier(caseYAML: caseData, uploads: uploads, today: today)
        let folder = try TestPaths.temporaryFolder("pipeline-web")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("dossier.zip")
        try zip.write(to: path)
        let report = try Self.pipeline.verifier.verify(path: path.path)
        #expect(report.problems.isEmpty, "\(report.problems)")
        // A missing upload is the validator's located error, in French, before anything is built.
        uploads.removeValue(forKey: "pieces/devis-D-2025-031.pdf")
        #expect {
            _ = try Self.webDossier(caseYAML: caseData, uploads: uploads, today: today)
        } throws: { "\($0)".contains("pieces/devis-D-2025-031.pdf") && "\($0)".contains("n'existe pas") }
    }
}
