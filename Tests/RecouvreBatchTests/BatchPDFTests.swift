import Foundation
import RecouvreBatch
import RecouvreBundle
import RecouvreForms
import RecouvreModel
import RecouvrePDF
import RecouvreTestSupport
import Testing

/// Whether a PDF renderer starts here (the typst Python package for python3).
enum BatchPDFEngine {
    static let available: Bool = {
        (try? PDFRenderer(layout: PDFLayout.load(forms: Forms(shipped: TestPaths.forms)))) != nil
    }()
}

/// `batch --pdf`: one Typst renderer per worker, kept from dossier to dossier (issue 15).
@Suite(
    "batch --pdf (needs the typst Python package)",
    .enabled(if: BatchPDFEngine.available, "needs `pip install typst` for python3"))
struct BatchPDFTests {
    func run(_ input: URL, out: URL, pdf: BundlePDF?, jobs: Int) async throws -> BatchOutcome {
        let runner = BatchRunner(
            pipeline: BatchSupport.pipeline,
            configuration: BatchConfiguration(
                out: out, asOf: nil, today: Day(iso: "2026-11-23")!, jobs: jobs, input: input.path, pdf: pdf))
        return try await runner.run(try CaseFolderSource(folder: input))
    }

    @Test("six debtors on two workers: a PDF beside each text document, at most two renderers started")
    func onePerWorker() async throws {
        let folder = try TestPaths.temporaryFolder("batch-pdf")
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in")
        try BatchSupport.generate(6, into: input)
        let out = folder.appendingPathComponent("out")
        let (pdf, pool) = try PDFRenderer.bundlePDF(
            forms: Forms(shipped: TestPaths.forms), only: false, workers: 2)
        let outcome = try await run(input, out: out, pdf: pdf, jobs: 2)
        #expect(outcome.exitCode == 0, "\(outcome.report.entries.compactMap(\.error))")
        #expect(outcome.report.summary.built == 6)
        // One renderer per worker, not per dossier (nor per document).
        #expect(pool.startedCount >= 1 && pool.startedCount <= 2, "\(pool.startedCount) renderers")
        var pdfs = 0
        for bundle in try BatchSupport.bundles(in: out) {
            let root = out.appendingPathComponent(bundle)
            #expect(BatchSupport.intact(root), "\(bundle)")
            let names = try FileManager.default.contentsOfDirectory(atPath: root.path)
            let texts = names.filter { $0.first?.isNumber == true && $0.hasSuffix(".txt") }
            #expect(!texts.isEmpty)
            for text in texts {
                let name = PDFRenderer.pdfName(text)
                #expect(names.contains(name), "\(bundle)/\(name)")
                let data = try Data(contentsOf: root.appendingPathComponent(name))
                #expect(data.starts(with: Data("%PDF-".utf8)), "\(bundle)/\(name)")
                pdfs += 1
            }
        }
        #expect(pdfs >= 12)

        // A re-run with --pdf keeps them; a re-run without rebuilds them (its bundles have no PDFs).
        let again = try await run(input, out: out, pdf: pdf, jobs: 2)
        #expect(again.report.summary.skipped == 6)
        let plain = try await run(input, out: out, pdf: nil, jobs: 2)
        #expect(plain.report.summary.built == 6)
        for bundle in try BatchSupport.bundles(in: out) {
            let names = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent(bundle).path)
            #expect(!names.contains { $0.hasSuffix(".pdf") }, "\(bundle)")
        }
    }
}
