// recouvre-bench-dossier: the one pipeline, in one process, single-threaded: the law book loaded once,
// then every fixture's dossier assembled (case read, statement, route, documents, dossier.xml validated,
// manifest) N times in turn, nothing written. Prints the load time and the time per dossier.
//   swift build -c release --product recouvre-bench-dossier
//   .build/release/recouvre-bench-dossier [N=1000]
import Foundation
import RecouvreBundle
import RecouvreCaseFile
import RecouvreForms
import RecouvreModel

let count = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 1000
let clock = ContinuousClock()
func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}
var book: LawBook?
let loadTime = try clock.measure { book = try LawBook.load(forms: Forms.locate()) }
let pipeline = DossierPipeline(book: book!, tool: "recouvre bench")
let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("fixtures")
let names = try FileManager.default.contentsOfDirectory(atPath: fixtures.path)
    .filter { FileManager.default.fileExists(atPath: fixtures.appendingPathComponent("\($0)/case.yaml").path) }.sorted()
var bytes = 0
let buildTime = try clock.measure {
    for index in 0..<count {
        let folder = fixtures.appendingPathComponent(names[index % names.count])
        let loaded = try CaseFileReader.load(path: folder.appendingPathComponent("case.yaml").path)
        let dossier = try pipeline.assemble(
            loaded.value, exhibits: FolderExhibitSource(folder: loaded.folder), asOf: loaded.value.asOf!, force: true)
        bytes += dossier.files.reduce(0) { $0 + $1.data.count }
    }
}
print("recouvre-bench-dossier: \(names.count) fixtures, \(count) dossiers, \(bytes) bytes assembled")
print(String(format: "law book load: %.1f ms", seconds(loadTime) * 1000))
print(
    String(
        format: "per dossier: %.2f ms (%.1f dossiers/s, one thread)", seconds(buildTime) * 1000 / Double(count),
        Double(count) / seconds(buildTime)))
