import Foundation
import RecouvreBundle
import RecouvreCaseFile
import RecouvreDocuments
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
}
