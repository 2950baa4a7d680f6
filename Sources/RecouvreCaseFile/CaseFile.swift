import Foundation
import RecouvreModel

/// A case read from its file, with the folder that exhibit paths are relative to.
public struct LoadedCase: Sendable {
    public let value: Case
    /// The case file as given.
    public let file: URL
    /// Where each value was read, to locate a problem found later (by `build`, say).
    public let locations: SourceLocations

    public init(value: Case, file: URL, locations: SourceLocations? = nil) {
        self.value = value
        self.file = file
        self.locations = locations ?? SourceLocations(file: file.path)
    }

    /// The folder exhibit paths are relative to.
    public var folder: URL { file.deletingLastPathComponent() }
}

/// One problem in a case file (the type is shared with the validator and the importers).
public typealias CaseFileProblem = CaseProblem

/// Every problem found in a case file (all of them, not just the first). Exit status 1.
public struct CaseFileError: RecouvreError, Sendable {
    public var problems: [CaseFileProblem]

    public init(problems: [CaseFileProblem]) { self.problems = problems }

    public var exitCode: Int32 { 1 }
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
