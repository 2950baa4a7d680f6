import Yams

/// A parser error from Yams (libyaml) as a located problem, in the user's terms; never the whole
/// document that Yams attaches to its errors.
enum SyntaxProblem {
    static func problem(for error: YamlError, text: String, name: String, json: Bool) -> CaseFileProblem {
        let format = json ? "JSON" : "YAML"
        let remedy =
            json
            ? "check the brackets, commas and quotes near here"
            : "check the indentation, the colons and the quotes near here"
        func located(_ mark: Mark, _ message: String, _ remedy: String?) -> CaseFileProblem {
            CaseFileProblem(
                file: name, line: mark.line, column: mark.column, keyPath: "",
                message: message, remedy: remedy)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
            var message = "not valid \(format): \(problem)"
            if let context, !context.text.isEmpty { message += " \(context.text) at line \(context.mark.line)" }
            return located(mark, message, remedy)
        case .composer(_, let problem, let mark, _):
            return located(mark, "not valid \(format): \(problem)", remedy)
        case .reader(let problem, let offset, let value, _):
            let place = TextCheck.location(ofByte: offset ?? 0, in: text)
            var message = "not a text \(format) can hold: \(problem)"
            if value >= 0 { message += " (U+\(String(value, radix: 16, uppercase: true)))" }
            return CaseFileProblem(
                file: name, line: place.line, column: place.column, keyPath: "",
                message: message, remedy: "remove control characters; a case file is UTF-8 text")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "\"\($0)\"" }.joined(separator: ", ")
            return located(
                context.mark, "key \(keys) appears more than once in the same mapping",
                "keep one; a later value would silently replace the first")
        default:
            return CaseFileProblem(
                file: name, line: 0, column: 0, keyPath: "",
                message: "could not be read as \(format)", remedy: remedy)
        }
    }
}
