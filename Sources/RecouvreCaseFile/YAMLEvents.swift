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
                        message: "a YAML alias (*\(shortened(alias))): case files do not use anchors or aliases",
                        remedy: "write the value out in full; quote a text that starts with *")
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
                        message: "a YAML anchor (&\(shortened(anchor))): case files do not use anchors or aliases",
                        remedy: "write the value out in full; quote a text that starts with &")
                }
                if let tag {
                    return Finding(
                        line: line, column: column,
                        message: "a YAML tag (\(shortened(displayed(tag)))): case files do not use tags",
                        remedy: "write the plain value; quote a text that starts with !")
                }
                if depth > CaseLimits.depth {
                    return Finding(
                        line: line, column: column,
                        message: "nested more than \(CaseLimits.depth) levels deep",
                        remedy: "a case file needs a few levels; check the brackets and the indentation")
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
