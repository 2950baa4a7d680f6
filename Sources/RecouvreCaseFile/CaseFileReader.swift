import Foundation
import RecouvreModel

/// Reads a case file (YAML or JSON, case-format.md version 1) into a `Case`.
public enum CaseFileReader {
    /// Reads and validates the file at `path`; throws every problem found, located.
    public static func load(path: String) throws(CaseFileError) -> LoadedCase {
        // Implemented by the case-file issue (#3).
        throw CaseFileError(problems: [CaseFileProblem(file: path, line: 1, column: 1, keyPath: "",
                                                       message: "case files cannot be read yet")])
    }
}
