// recouvre-large-bench: one large case (scripts/make-large-case.py) through the one pipeline, in one
// process: the case read and validated, then the dossier assembled (statement, route, documents,
// dossier.xml and its schema validation, manifest), nothing written. Prints the CPU time of each
// stage (this thread's CPU clock, so a loaded machine changes little) and the dossier's totals.
//   python3 scripts/make-large-case.py 10000 /tmp/large/case.yaml --court
//   swift build -c release --product recouvre-large-bench
//   .build/release/recouvre-large-bench /tmp/large/case.yaml [notice|court] [--dump DIR] [--files]
// --dump DIR writes every file of the dossier under DIR (to `diff -r` two builds' output); --files
// prints each file's size.
import Foundation
import RecouvreBundle
import RecouvreCaseFile
import RecouvreDocuments
import RecouvreForms
import RecouvreModel

var arguments = Array(CommandLine.arguments.dropFirst())
var dump: String?
if let flag = arguments.firstIndex(of: "--dump"), flag + 1 < arguments.count {
    dump = arguments[flag + 1]
    arguments.removeSubrange(flag...(flag + 1))
}
let listFiles = arguments.contains("--files")
arguments.removeAll { $0 == "--files" }
// --sequential: the documents rendered before dossier.xml is written, on one core (to measure what the
// second core gives).
let sequential = arguments.contains("--sequential")
arguments.removeAll { $0 == "--sequential" }
guard let path = arguments.first else {
    FileHandle.standardError.write(
        Data("usage: recouvre-large-bench CASE.yaml [notice|court] [--dump DIR] [--files]\n".utf8))
    exit(2)
}
let stage = arguments.dropFirst().first.flatMap(DossierStage.init(rawValue:))

func milliseconds(_ nanoseconds: Int64) -> String { String(format: "%9.1f ms", Double(nanoseconds) / 1e6) }

let bookStart = StageTimes.threadCPU()
let book = try LawBook.load(forms: Forms.locate())
let bookTime = StageTimes.threadCPU() - bookStart
var pipeline = DossierPipeline(book: book, tool: "recouvre large bench")
pipeline.rendersConcurrently = !sequential

var times = StageTimes(enabled: true)
let data = try times.measure(.read) { try Data(contentsOf: URL(fileURLWithPath: path)) }
let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
let claim = try times.measure(.validate) { try CaseFileReader.decode(data, name: path, folder: folder) }
let asOf = claim.asOf ?? Day(iso: "2026-11-23")!
let dossier = try pipeline.assemble(
    claim, exhibits: FolderExhibitSource(folder: folder), asOf: asOf, force: true,
    options: DossierOptions(stage: stage),
    times: &times)

print(
    "recouvre-large-bench: \(claim.invoices.count) invoices, \(claim.payments.count) payments, "
        + "\(dossier.files.count) files, \(dossier.files.reduce(0) { $0 + $1.data.count }) bytes, "
        + "total claimed \(dossier.statement.totals.total), procedure \(dossier.route.procedure)")
print("law book load \(milliseconds(bookTime))")
var total: Int64 = 0
for stage in PipelineStage.allCases where times.counts[stage.rawValue] > 0 {
    print("\(stage.description.padding(toLength: 13, withPad: " ", startingAt: 0)) \(milliseconds(times[stage]))")
    total += times[stage]
}
print("total (stages) \(milliseconds(total))")
if listFiles {
    for file in dossier.files { print("  \(file.path)  \(file.data.count) bytes") }
}
if let dump {
    let root = URL(fileURLWithPath: dump)
    for file in dossier.files {
        let target = root.appendingPathComponent(file.path)
        try FileManager.default.createDirectory(
            at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try file.data.write(to: target)
    }
}
