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
        var locations = SourceLocations(file: imported.sources.first ?? imported.fileName)
        for (path, location) in imported.locations { locations.record(path, location) }
        let files = Dictionary(imported.attachments.map { ($0.path, $0.data) }, uniquingKeysWith: { first, _ in first })
        let source = OverlayExhibitSource(memory: MemoryExhibitSource(files: files), base: base)
        return CaseValidator.validate(imported.value, locations: locations, exhibits: source, today: today).map {
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
