import Foundation
import RecouvreBundle
import RecouvreForms
import RecouvreModel
import RecouvrePDF

// Times `build --pdf` over a batch of dossiers in one process with one persistent PDF renderer
// (docs/pdf.md, "Measurements"). Run a release build:
//   swift build -c release --product recouvre-pdf-bench
//   .build/release/recouvre-pdf-bench [COUNT] [CASE...]      (default 1000, every fixtures/*/case.yaml)
// Prints the text-only time per dossier, then the --pdf time per dossier and per PDF document.

let arguments = Array(CommandLine.arguments.dropFirst())
let count = arguments.first.flatMap(Int.init) ?? 1000
let given = arguments.filter { Int($0) == nil }
let cases: [String]
if !given.isEmpty {
    cases = given
} else {
    let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fixtures")
    cases = ((try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []).sorted()
        .map { fixtures.appendingPathComponent($0).appendingPathComponent("case.yaml").path }
        .filter { FileManager.default.fileExists(atPath: $0) }
}
let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("recouvre-pdf-bench-\(getpid())")
try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: scratch) }

/// CPU seconds (user + system) of a process, from /proc/<pid>/stat (Linux), or 0.
func cpuSeconds(_ pid: Int32) -> Double {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
        let close = stat.lastIndex(of: ")")
    else { return 0 }
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
    return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
}

let pipeline = DossierPipeline(book: try LawBook.load(forms: Forms.locate()), tool: "recouvre-pdf-bench")
let today = Day(iso: "2026-11-23")!

func batch(_ pdf: BundlePDF?) throws -> (seconds: Double, pdfs: Int) {
    let clock = ContinuousClock()
    var pdfs = 0
    let elapsed = try clock.measure {
        for index in 0..<count {
            let casePath = cases[index % cases.count]
            let result = try pipeline.build(
                casePath: casePath, out: scratch.appendingPathComponent("d\(index % 8)").path, asOf: nil, today: today,
                force: true, pdf: pdf)
            pdfs += result.manifest.files.filter { $0.path.hasSuffix(".pdf") }.count
        }
    }
    let parts = elapsed.components
    return (Double(parts.seconds) + Double(parts.attoseconds) / 1e18, pdfs)
}

let start = ContinuousClock.now
let renderer = try PDFRenderer(layout: try PDFLayout.load(forms: try Forms.locate()))
let pdf = BundlePDF(only: false) { input, only in try renderer.render(documents: input, only: only) }
let startup = ContinuousClock.now - start
let me = getpid()
let cpu0 = cpuSeconds(me)
let text = try batch(nil)
let cpu1 = cpuSeconds(me)
let worker0 = cpuSeconds(renderer.workerProcessID)
let withPDF = try batch(pdf)
let cpu2 = cpuSeconds(me)
let worker1 = cpuSeconds(renderer.workerProcessID)
func ms(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }
print("\(count) dossiers from \(cases.count) case files, one process, one PDF worker (started in \(startup))")
print("text only:  \(ms(text.seconds / Double(count))) per dossier")
print(
    "with --pdf: \(ms(withPDF.seconds / Double(count))) per dossier, \(withPDF.pdfs) PDFs, "
        + "\(ms((withPDF.seconds - text.seconds) / Double(max(withPDF.pdfs, 1)))) per PDF document (the difference)")
print(
    "CPU time (load-independent): text only \(ms((cpu1 - cpu0) / Double(count))) per dossier; with --pdf "
        + "\(ms((cpu2 - cpu1) / Double(count))) in recouvre + \(ms((worker1 - worker0) / Double(count))) in the worker "
        + "per dossier, \(ms((worker1 - worker0) / Double(max(withPDF.pdfs, 1)))) of worker per PDF document")
