import Foundation
import RecouvreModel

/// A case read from its file, with the folder that exhibit paths are relative to.
public struct LoadedCase: Sendable {
    public let value: Case
    /// The case file as given.
    public let file: URL

    public init(value: Case, file: URL) {
        self.value = value
        self.file = file
    }

    /// The folder exhibit paths are relative to.
    public var folder: URL { file.deletingLastPathComponent() }
}

/// One problem in a case file, located: `case.yaml:14:5: invoices[1].due: "2025-02-30" is not a date (expected YYYY-MM-DD)`.
public struct CaseFileProblem: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    /// `invoices[1].due`; empty for the file as a whole.
    public var keyPath: String
    /// What is wrong.
    public var message: String
    /// What would be right (printed in parentheses), if anything useful can be said.
    public var remedy: String?

    public init(file: String, line: Int, column: Int, keyPath: String, message: String, remedy: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.keyPath = keyPath
        self.message = message
        self.remedy = remedy
    }

    /// `file:line:col: key.path: message (remedy)`; a problem with the file as a whole (line 0) has no
    /// line and column: `file: message (remedy)`.
    public var description: String {
        var text = line > 0 ? "\(file):\(line):\(column): " : "\(file): "
        if !keyPath.isEmpty { text += "\(keyPath): " }
        text += message
        if let remedy { text += " (\(remedy))" }
        return text
    }
}

/// Every problem found in a case file (all of them, not just the first). Exit status 1.
public struct CaseFileError: RecouvreError, Sendable {
    public var problems: [CaseFileProblem]

    public init(problems: [CaseFileProblem]) { self.problems = problems }

    public var exitCode: Int32 { 1 }
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
