import ArgumentParser
import RecouvreModel

/// `--as-of DATE`, shared by the commands that compute as of a date.
struct AsOfOption: ParsableArguments {
    @Option(name: .long, help: "Date of the computation (YYYY-MM-DD); default: the case's as_of, else today.")
    var asOf: String?

    func validate() throws {
        if let asOf, Day(iso: asOf) == nil {
            throw ValidationError("--as-of \(asOf) is not a date (expected YYYY-MM-DD, for example 2026-11-23)")
        }
    }

    var day: Day? { asOf.flatMap(Day.init(iso:)) }
}

/// `--forms DIR`, a folder overriding the shipped forms/ file by file.
struct FormsOption: ParsableArguments {
    @Option(name: .long, help: "A folder that overrides the shipped forms/ file by file (templates, rate tables).")
    var forms: String?
}

/// `--format text|json`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
