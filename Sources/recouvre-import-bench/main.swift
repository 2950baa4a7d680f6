// Times `recouvre import csv|fec` stage by stage (docs/import.md, "Measurements"): read, decode,
// parse + group (the importer), validate, serialise (the case files' YAML), write (the folder).
// CPU time of the process per stage (user + system, getrusage), so a loaded machine does not skew it.
// Release build:
//   python3 scripts/make-ledger.py 100000 --out /tmp/ledgers
//   swift build -c release --product recouvre-import-bench
//   .build/release/recouvre-import-bench csv /tmp/ledgers/ledger-100000.csv fixtures/import/creancier.yaml /tmp/out
//   .build/release/recouvre-import-bench fec /tmp/ledgers/ledger-100000.fec.txt fixtures/import/creancier.yaml /tmp/out
// Without an output folder the write stage is left out.
import Foundation
import RecouvreImport

let arguments = CommandLine.arguments
guard arguments.count >= 4, ["csv", "fec"].contains(arguments[1]) else {
    FileHandle.standardError.write(
        Data("usage: recouvre-import-bench csv|fec LEDGER CREDITOR.yaml [OUT]\n".utf8))
    exit(2)
}
let kind = arguments[1]

/// User and system CPU seconds of this process so far.
func cpu() -> (user: Double, system: Double) {
    var usage = rusage()
    getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
    func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1_000_000 }
    return (seconds(usage.ru_utime), seconds(usage.ru_stime))
}

var last = cpu()
var wall = DispatchTime.now()
@MainActor func stage(_ name: String, _ detail: String = "") {
    let now = cpu()
    let end = DispatchTime.now()
    let elapsed = Double(end.uptimeNanoseconds - wall.uptimeNanoseconds) / 1e9
    print(
        String(
            format: "%-10@ user %6.3f s  sys %6.3f s  wall %6.3f s  %@", name as NSString, now.user - last.user,
            now.system - last.system, elapsed, detail as NSString))
    last = cpu()
    wall = DispatchTime.now()
}

do {
    let data = try Data(contentsOf: URL(fileURLWithPath: arguments[2]))
    let creditor = try CreditorDefaults.parse(
        try Data(contentsOf: URL(fileURLWithPath: arguments[3])), name: arguments[3])
    stage("read", "\(data.count) bytes")
    let (text, _) = try LedgerText.decode(data, name: arguments[2])
    stage("decode", "\(text.utf8.count) UTF-8 bytes (measured alone; the importer decodes again)")
    let result =
        kind == "csv"
        ? try CSVLedgerImporter.importLedger(data, name: arguments[2], creditor: creditor)
        : try FECImporter.importFEC(data, name: arguments[2], creditor: creditor)
    stage(
        "import",
        "decode + parse + group: \(result.linesRead) lines, \(result.cases.count) cases, "
            + "\(result.cases.reduce(0) { $0 + $1.value.invoices.count }) invoices")
    var problems = 0
    for imported in result.cases { problems += ImportValidator.problems(imported).count }
    stage("validate", "\(problems) problems")
    let files = ImportFolder.files(of: result)
    stage("serialise", "\(files.count) files, \(files.reduce(0) { $0 + $1.1.count }) bytes")
    if arguments.count > 4 {
        _ = try ImportFolder.writeFiles(files, to: URL(fileURLWithPath: arguments[4]), force: true, protect: [])
        stage("write", arguments[4])
    }
    var usage = rusage()
    getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
    print("peak RSS \(usage.ru_maxrss / 1024) MB")
} catch {
    print("error: \(error)")
    exit(1)
}
