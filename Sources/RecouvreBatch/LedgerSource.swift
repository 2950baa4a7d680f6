import Foundation
import RecouvreBundle
import RecouvreCaseFile
import RecouvreImport
import RecouvreModel

/// A CSV receivables ledger or an FEC, through the importers (`RecouvreImport`): the importer reads
/// the whole file (a ledger is one file, grouped by debtor) into one case per debtor; the batch then
/// hands the cases over one at a time. Each case goes through the one validator of cases with the
/// importer's locations (the CSV cell, the FEC line) before it is built; its attachments are its
/// exhibits, in memory. The bundle is named after the importer's file name (the debtor's key), and
/// the key is known before reading, so a shard skips other shards' debtors without validating them.
public struct LedgerSource: InputSource {
    public enum Format: String, Sendable, CaseIterable {
        case csv, fec
    }

    public let name: String
    public let format: Format
    public let result: ImportResult

    /// Imports `data` (the file `name`) as `format`, or, when nil, as an FEC when its first line names
    /// the FEC's columns (`JournalCode`), else as a CSV ledger.
    public init(
        data: Data, name: String, format: Format?, creditor: CreditorDefaults, creditorFile: String,
        mapping: LedgerMapping = LedgerMapping()
    ) throws(ImportError) {
        let head = String(decoding: data.prefix(4096), as: UTF8.self).split(separator: "\n").first ?? ""
        let format = format ?? (head.contains("JournalCode") ? .fec : .csv)
        self.name = name
        self.format = format
        switch format {
        case .csv:
            result = try CSVLedgerImporter.importLedger(
                data, name: name, creditor: creditor, creditorFile: creditorFile, mapping: mapping)
        case .fec:
            result = try FECImporter.importFEC(data, name: name, creditor: creditor, creditorFile: creditorFile)
        }
    }

    public var description: String { "\(name) (\(format == .csv ? "CSV" : "FEC"), \(result.cases.count) débiteurs)" }
    public var count: Int? { result.cases.count }

    public func items() -> AnyIterator<BatchItem> {
        var iterator = result.cases.makeIterator()
        let name = self.name
        return AnyIterator {
            guard let imported = iterator.next() else { return nil }
            let key = DebtorKey(
                kind: CompanyIdentifier.isValidSiren(imported.debtorKey) ? .siren : .code, value: imported.debtorKey)
            let bundleName = imported.fileName.split(separator: ".").dropLast().joined(separator: ".")
            return BatchItem(source: imported.sources.first ?? name, bundleName: bundleName, knownKey: key) {
                times in
                let problems = times.measure(.validate) { ImportValidator.problems(imported) }
                if !problems.isEmpty { throw ImportError(problems) }
                let files = Dictionary(imported.attachments.map { ($0.path, $0.data) }) { first, _ in first }
                return BatchCase(value: imported.value, exhibits: MemoryExhibitSource(files: files), key: key)
            }
        }
    }
}
