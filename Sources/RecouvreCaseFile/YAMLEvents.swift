import CYaml

/// Limits enforced on the parsed YAML events, before a tree is composed: no anchors (`&a`), no
/// aliases (`*a`), no tags (`!python/object…`, `!!binary`), at most `CaseLimits.depth` nested
/// collections. A case file never needs any of them; refusing them on the parser's own events (not by
/// scanning the text, which a quoted `\\"` or a comment can mislead) means an alias bomb ("billion
/// laughs") is refused at its first anchor, before anything is expanded or hashed.
enum YAMLEvents {
    struct Finding: Equatable {
        var line: Int
        var column: Int
        var message: String
        var remedy: String
    }

    /// The first thing refused, with its line and column (from 1), or `nil`. A syntax error stops the
    /// scan silently: the composer that follows reports it in full.
    static func scan(_ text: String) -> Finding? {
        var text = text
        return text.withUTF8 { bytes -> Finding? in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            var depth = 0
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                let line = Int(event.start_mark.line) + 1
                let column = Int(event.start_mark.column) + 1
                func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
                    pointer.map { String(cString: $0) }
                }
                var anchor: String?
                var tag: String?
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_ALIAS_EVENT:
                    let alias = name(event.data.alias.anchor) ?? ""
                    return Finding(
                        line: line, column: column,
                        message: "un alias YAML (*\(shortened(alias))) : les fichiers de dossier n'utilisent ni ancres ni alias",
                        remedy: "écrivez la valeur en entier ; mettez entre guillemets un texte qui commence par *")
                case YAML_SCALAR_EVENT:
                    anchor = name(event.data.scalar.anchor)
                    tag = name(event.data.scalar.tag)
                case YAML_SEQUENCE_START_EVENT:
                    anchor = name(event.data.sequence_start.anchor)
                    tag = name(event.data.sequence_start.tag)
                    depth += 1
                case YAML_MAPPING_START_EVENT:
                    anchor = name(event.data.mapping_start.anchor)
                    tag = name(event.data.mapping_start.tag)
                    depth += 1
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    depth -= 1
                default:
                    break
                }
                if let anchor {
                    return Finding(
                        line: line, column: column,
                        message: "une ancre YAML (&\(shortened(anchor))) : les fichiers de dossier n'utilisent ni ancres ni alias",
                        remedy: "écrivez la valeur en entier ; mettez entre guillemets un texte qui commence par &")
                }
                if let tag {
                    return Finding(
                        line: line, column: column,
                        message: "une étiquette YAML (\(shortened(displayed(tag)))) : les fichiers de dossier n'utilisent pas d'étiquettes",
                        remedy: "écrivez la valeur simple ; mettez entre guillemets un texte qui commence par !")
                }
                if depth > CaseLimits.depth {
                    return Finding(
                        line: line, column: column,
                        message: "imbriqué sur plus de \(CaseLimits.depth) niveaux",
                        remedy: "un fichier de dossier a quelques niveaux ; vérifiez les crochets et l'indentation")
                }
            }
        }
    }

    /// `tag:yaml.org,2002:binary` is written `!!binary`.
    static func displayed(_ tag: String) -> String {
        let prefix = "tag:yaml.org,2002:"
        return tag.hasPrefix(prefix) ? "!!" + tag.dropFirst(prefix.count) : tag
    }

    static func shortened(_ text: String) -> String {
        text.count > 40 ? String(text.prefix(40)) + "…" : text
    }
}
