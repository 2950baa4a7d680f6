import Foundation
import RecouvreTestSupport
import Testing

@testable import RecouvreImport

/// The case files the ledger importers write, byte for byte. The golden file was written by the
/// session-3 binary (main f748993: `recouvre import csv|fec` of these fixtures, the files concatenated
/// in name order), before the CSV rows were read over their bytes and the YAML written as bytes: the
/// faster paths must give the same files, on one thread and on several.
@Suite("Import golden files")
struct ImportGoldenTests {
    @Test(
        "CSV (UTF-8, Windows-1252, a mapping file) and FEC fixtures: the case files of the golden, on 1 and 2 threads")
    func ledgerCaseFiles() throws {
        let creditor = try ImportFixtures.creditor()
        for workers in [1, 2] {
            var text = ""
            func add(_ title: String, _ result: ImportResult) {
                text += "=== \(title)\n"
                for (path, data) in ImportFolder.files(of: result, workers: workers).sorted(by: { $0.0 < $1.0 }) {
                    text += "== \(path)\n" + String(decoding: data, as: UTF8.self)
                }
            }
            for name in ["grand-livre.csv", "grand-livre-windows-1252.csv"] {
                add(
                    name,
                    try CSVLedgerImporter.importLedger(
                        try ImportFixtures.data("csv/" + name), name: name, creditor: creditor, workers: workers))
            }
            let mapping = try LedgerMapping.parse(
                try ImportFixtures.data("csv/export-logiciel.map.yaml"), name: "export-logiciel.map.yaml")
            add(
                "export-logiciel.csv",
                try CSVLedgerImporter.importLedger(
                    try ImportFixtures.data("csv/export-logiciel.csv"), name: "export-logiciel.csv", creditor: creditor,
                    mapping: mapping, workers: workers))
            add(
                "123456782FEC20251231.txt",
                try FECImporter.importFEC(
                    try ImportFixtures.data("fec/123456782FEC20251231.txt"), name: "123456782FEC20251231.txt",
                    creditor: creditor, workers: workers))
            if let problem = Golden.mismatch(text, target: "RecouvreImportTests", name: "ledger-case-files.txt") {
                Issue.record("\(workers) thread(s): \(problem)")
            }
        }
    }
}
