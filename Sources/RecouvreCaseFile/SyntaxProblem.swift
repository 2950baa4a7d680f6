import Yams

/// A parser error from Yams (libyaml) as a located problem, in the user's terms; never the whole
/// document that Yams attaches to its errors. libyaml's usual messages are said in French; a rarer
/// one is kept as libyaml words it.
enum SyntaxProblem {
    static func problem(for error: YamlError, text: String, name: String, json: Bool) -> CaseFileProblem {
        let format = json ? "JSON" : "YAML"
        let remedy =
            json
            ? "vérifiez les crochets, les virgules et les guillemets autour d'ici"
            : "vérifiez l'indentation, les deux-points et les guillemets autour d'ici"
        func located(_ mark: Mark, _ message: String, _ remedy: String?) -> CaseFileProblem {
            CaseFileProblem(
                file: name, line: mark.line, column: mark.column, keyPath: "",
                message: message, remedy: remedy)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
            var message = "\(format) invalide : \(french(problem))"
            if let context, !context.text.isEmpty {
                message += " \(french(context.text)) commencée ligne \(context.mark.line)"
            }
            return located(mark, message, remedy)
        case .composer(_, let problem, let mark, _):
            return located(mark, "\(format) invalide : \(french(problem))", remedy)
        case .reader(let problem, let offset, let value, _):
            let place = TextCheck.location(ofByte: offset ?? 0, in: text)
            var message = "caractère interdit en \(format) : \(french(problem))"
            if value >= 0 { message += " (U+\(String(value, radix: 16, uppercase: true)))" }
            return CaseFileProblem(
                file: name, line: place.line, column: place.column, keyPath: "",
                message: message, remedy: "retirez les caractères de contrôle ; un fichier de dossier est du texte UTF-8")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "« \($0) »" }.joined(separator: ", ")
            return located(
                context.mark, "la clé \(keys) figure plusieurs fois dans la même table",
                "gardez-en une : la seconde remplacerait la première sans rien dire")
        default:
            return CaseFileProblem(
                file: name, line: 0, column: 0, keyPath: "",
                message: "illisible en \(format)", remedy: remedy)
        }
    }

    /// libyaml's messages (scanner.c, parser.c, reader.c) in French.
    static let messages: [String: String] = [
        "mapping values are not allowed in this context": "un deux-points n'est pas permis à cet endroit",
        "did not find expected ',' or '}'": "« , » ou « } » attendu",
        "did not find expected ',' or ']'": "« , » ou « ] » attendu",
        "did not find expected key": "une clé était attendue",
        "did not find expected node content": "une valeur était attendue",
        "did not find expected '-' indicator": "un « - » était attendu",
        "did not find expected <document start>": "un début de document était attendu",
        "could not find expected ':'": "« : » attendu",
        "found character that cannot start any token": "un caractère qui ne peut commencer aucun élément",
        "found unexpected end of stream": "fin du fichier inattendue",
        "found unexpected ':'": "« : » inattendu",
        "found undefined alias": "alias non défini",
        "found a tab character that violates indentation": "une tabulation dans l'indentation",
        "found a tab character where an indentation space is expected":
            "une tabulation là où un espace d'indentation est attendu",
        "found unknown escape character": "un échappement inconnu",
        "block sequence entries are not allowed in this context": "un « - » n'est pas permis à cet endroit",
        "found incompatible YAML document": "document YAML incompatible",
        "control characters are not allowed": "les caractères de contrôle ne sont pas permis",
        "invalid leading UTF-8 octet": "octet UTF-8 invalide",
        "invalid trailing UTF-8 octet": "octet UTF-8 invalide",
        "while parsing a flow mapping": "dans une table entre accolades",
        "while parsing a flow sequence": "dans une liste entre crochets",
        "while parsing a block mapping": "dans une table",
        "while parsing a block collection": "dans une liste",
        "while parsing a flow node": "dans une valeur",
        "while parsing a block node": "dans une valeur",
        "while scanning a quoted scalar": "dans un texte entre guillemets",
        "while scanning a simple key": "dans une clé",
        "while scanning a plain scalar": "dans un texte",
        "while scanning a block scalar": "dans un bloc de texte",
        "while scanning an anchor": "dans une ancre",
        "while scanning an alias": "dans un alias",
        "while scanning a tag": "dans une étiquette",
        "while scanning a directive": "dans une directive",
        "while parsing a node": "dans une valeur",
    ]

    static func french(_ text: String) -> String { messages[text] ?? text }
}
