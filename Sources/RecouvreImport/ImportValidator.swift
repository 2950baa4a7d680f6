import Foundation
import RecouvreCaseFile
import RecouvreModel

/// Every imported case goes through the one validator of cases (`CaseValidator`: SIREN/SIRET check
/// digits, IBAN, e-mail, dates in order, duplicates, allocations exceeding an invoice, unknown invoice
/// references, texts, files…), with the importer's own locations, so each problem names the place of
/// the user's file the value came from (the CSV cell, the FEC line, the XML element and its line), not a
/// YAML file the user never wrote. The files the case names are the ones the import writes beside it
/// (`attachments`), over the folder's existing files (`base`).
public enum ImportValidator {
    public static func problems(
        _ imported: ImportedCase, base: (any ExhibitSource)? = nil, today: Day? = nil
    )
        -> [ImportProblem]
    {
        problems(imported, base: base, today: today, creditor: nil)
    }

    /// The creditor of a ledger import checked once (`CaseValidator.checkCreditor`), with where its
    /// values came from: reused for every case that has the same creditor at the same locations.
    public struct SharedCreditor: Sendable {
        let checked: CaseValidator.CheckedCreditor
        let file: String
        let locations: [String: SourceLocation]

        /// The creditor of `imported`, checked.
        public init(_ imported: ImportedCase, today: Day? = nil) {
            let locations = SharedCreditor.creditorLocations(imported)
            var table = SourceLocations(file: imported.sources.first ?? imported.fileName)
            for (path, location) in locations { table.record(path, location) }
            self.checked = CaseValidator.checkCreditor(imported.value, locations: table, today: today)
            self.file = table.file
            self.locations = locations
        }

        /// The locations of `creditor` and below; the checks of a creditor look nowhere else (a path
        /// not recorded falls back to `creditor`, which must then be recorded, else to the case's
        /// first line, which differs from case to case: no sharing then).
        static func creditorLocations(_ imported: ImportedCase) -> [String: SourceLocation] {
            imported.creditorLocations()
        }

        /// Whether `imported`'s creditor checks give exactly the problems found once.
        func applies(to imported: ImportedCase) -> Bool {
            guard locations["creditor"] != nil, checked.party == imported.value.creditor,
                (imported.sources.first ?? imported.fileName) == file
            else { return false }
            return SharedCreditor.creditorLocations(imported) == locations
        }
    }

    /// `problems(_:base:today:)`, with the creditor's checks taken from `creditor` when it applies
    /// to this case (same creditor, same locations): the same problems, without checking the same
    /// creditor 25,000 times in a ledger of 25,000 debtors.
    public static func problems(
        _ imported: ImportedCase, base: (any ExhibitSource)? = nil, today: Day? = nil, creditor: SharedCreditor?
    )
        -> [ImportProblem]
    {
        // The importer's table itself, looked up (rather than copied entry by entry: 5 % of an import).
        // (a ledger case's locations resolved from its lines, only for the paths a problem names).
        let locations = SourceLocations(
            file: imported.sources.first ?? imported.fileName, resolver: imported.locationResolver())
        let files =
            imported.attachments.isEmpty
            ? [:]
            : Dictionary(imported.attachments.map { ($0.path, $0.data) }, uniquingKeysWith: { first, _ in first })
        let source = OverlayExhibitSource(memory: MemoryExhibitSource(files: files), base: base)
        let shared = creditor.flatMap { $0.applies(to: imported) ? $0.checked : nil }
        return CaseValidator.validate(
            imported.value, locations: locations, exhibits: source, today: today, creditor: shared
        ).map {
            problem in
            ImportProblem(
                problem.keyPath.isEmpty ? problem.message : "\(problem.keyPath) : \(problem.message)",
                at: problem.location, remedy: problem.remedy)
        }
    }
}

/// The files an import is about to write, in front of a folder's existing ones.
public struct OverlayExhibitSource: ExhibitSource {
    public let memory: MemoryExhibitSource
    public let base: (any ExhibitSource)?

    public init(memory: MemoryExhibitSource, base: (any ExhibitSource)?) {
        self.memory = memory
        self.base = base
    }

    public func entry(at path: String) -> ExhibitEntry {
        let entry = memory.entry(at: path)
        if entry == .missing, let base { return base.entry(at: path) }
        return entry
    }

    public func contents(of path: String) throws(ExhibitReadError) -> Data {
        if memory.files[path] != nil { return try memory.contents(of: path) }
        guard let base else { return try memory.contents(of: path) }
        return try base.contents(of: path)
    }
}
