// The reader of session 3 (Yams's Node tree), kept to check that the flat reader gives the same
// Case, problems and locations (ReaderEquivalenceTests).
import CYaml
import Yams

@testable import RecouvreCaseFile

/// Limits enforced on the parsed YAML events, before a tree is composed: no anchors (`&a`), no
/// aliases (`*a`), no tags (`!python/object…`, `!!binary`), at most `CaseLimits.depth` nested
/// collections. A case file never needs any of them; refusing them on the parser's own events (not by
/// scanning the text, which a quoted `\\"` or a comment can mislead) means an alias bomb ("billion
/// laughs") is refused at its first anchor, before anything is expanded or hashed.
enum LegacyYAMLEvents {
    struct Finding: Equatable {
        var line: Int
        var column: Int
        var message: String
        var remedy: String
    }

    /// The first thing refused, with its line and column (from 1), or `nil`. A syntax error stops the
    /// scan silently: the composer that follows reports it in full.
    static func scan(_ text: String) -> Finding? {
        if case .refused(let finding) = compose(text) { return finding }
        return nil
    }

    /// The outcome of `compose`: what was refused, or the tree, or `nil` when only Yams can say
    /// (a syntax error, a key written twice, several documents: `Yams.compose` then gives its exact error).
    enum Composed {
        case refused(Finding)
        case tree(Node?)
        case yamsDecides
    }

    /// One pass of the parser over `text`: the checks of `scan` and, when they pass, the tree that
    /// `Yams.compose(yaml: text, .basic)` composes (the same nodes, tags, styles and marks), without
    /// parsing the text a second time. Anything unusual (a syntax error, a duplicate key, a second
    /// document) is left to Yams, after finishing the checks, so messages stay what they were.
    static func compose(_ text: String) -> Composed {
        guard markLayoutMatches else { return .yamsDecides }
        // `Constructor.default` builds a new constructor on every call: once per file, as Yams does.
        let constructor = Constructor.default
        var text = text
        return text.withUTF8 { bytes -> Composed in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return .yamsDecides }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            /// An open collection: its first event's mark, style and what it holds so far.
            struct Open {
                var isMapping: Bool
                var mark: Mark
                var style: Int32
                var items: [Node] = []
                var keys: Set<String>? = []
            }
            var stack: [Open] = []
            var root: Node?
            var documents = 0
            var yamsDecides = false
            func add(_ node: Node) {
                guard !stack.isEmpty else {
                    root = node
                    return
                }
                let index = stack.count - 1
                if stack[index].isMapping && stack[index].items.count % 2 == 0 {
                    // A key: a scalar key seen twice (or a key that is not a scalar) is Yams's to judge.
                    if case .scalar(let scalar) = node, stack[index].keys != nil {
                        if !stack[index].keys!.insert(scalar.string).inserted { yamsDecides = true }
                    } else {
                        yamsDecides = true
                    }
                }
                stack[index].items.append(node)
            }
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return .yamsDecides }
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
                    return yamsDecides || documents > 1 ? .yamsDecides : .tree(root)
                case YAML_DOCUMENT_START_EVENT:
                    documents += 1
                case YAML_ALIAS_EVENT:
                    let alias = name(event.data.alias.anchor) ?? ""
                    return .refused(
                        Finding(
                            line: line, column: column,
                            message:
                                "un alias YAML (*\(shortened(alias))) : les fichiers de dossier n'utilisent ni ancres ni alias",
                            remedy: "écrivez la valeur en entier ; mettez entre guillemets un texte qui commence par *")
                    )
                case YAML_SCALAR_EVENT:
                    anchor = name(event.data.scalar.anchor)
                    tag = name(event.data.scalar.tag)
                    if anchor == nil && tag == nil {
                        let scalar = event.data.scalar
                        // As Yams reads a scalar: its bytes as UTF-8, `!!str` when quoted, its style.
                        // (The text was checked to be UTF-8, and libyaml hands out UTF-8.)
                        let value = String(
                            decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                        let style = Node.Scalar.Style(rawValue: numericCast(scalar.style.rawValue)) ?? .any
                        // A mapping's keys come out of Yams resolved to `!!str` (its duplicate check hashes them).
                        let isKey = stack.last.map { $0.isMapping && $0.items.count % 2 == 0 } ?? false
                        let tagName: Tag.Name = scalar.quoted_implicit == 1 || isKey ? .str : .implicit
                        add(
                            .scalar(
                                Node.Scalar(
                                    value, Tag(tagName, .basic, constructor), style, mark(line, column))))
                    }
                case YAML_SEQUENCE_START_EVENT:
                    anchor = name(event.data.sequence_start.anchor)
                    tag = name(event.data.sequence_start.tag)
                    stack.append(
                        Open(
                            isMapping: false, mark: mark(line, column),
                            style: Int32(event.data.sequence_start.style.rawValue)))
                case YAML_MAPPING_START_EVENT:
                    anchor = name(event.data.mapping_start.anchor)
                    tag = name(event.data.mapping_start.tag)
                    stack.append(
                        Open(
                            isMapping: true, mark: mark(line, column),
                            style: Int32(event.data.mapping_start.style.rawValue)))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    guard let open = stack.popLast() else { return .yamsDecides }
                    // Yams takes a collection's style from its end event, which carries none (0).
                    if open.isMapping {
                        var pairs: [(Node, Node)] = []
                        pairs.reserveCapacity(open.items.count / 2)
                        var index = 0
                        while index + 1 < open.items.count {
                            pairs.append((open.items[index], open.items[index + 1]))
                            index += 2
                        }
                        add(.mapping(Node.Mapping(pairs, Tag(.implicit, .basic, constructor), .any, open.mark)))
                    } else {
                        add(.sequence(Node.Sequence(open.items, Tag(.implicit, .basic, constructor), .any, open.mark)))
                    }
                default:
                    break
                }
                if let anchor {
                    return .refused(
                        Finding(
                            line: line, column: column,
                            message:
                                "une ancre YAML (&\(shortened(anchor))) : les fichiers de dossier n'utilisent ni ancres ni alias",
                            remedy: "écrivez la valeur en entier ; mettez entre guillemets un texte qui commence par &")
                    )
                }
                if let tag {
                    return .refused(
                        Finding(
                            line: line, column: column,
                            message:
                                "une étiquette YAML (\(shortened(displayed(tag)))) : les fichiers de dossier n'utilisent pas d'étiquettes",
                            remedy: "écrivez la valeur simple ; mettez entre guillemets un texte qui commence par !"))
                }
                if stack.count > CaseLimits.depth {
                    return .refused(
                        Finding(
                            line: line, column: column,
                            message: "imbriqué sur plus de \(CaseLimits.depth) niveaux",
                            remedy: "un fichier de dossier a quelques niveaux ; vérifiez les crochets et l'indentation")
                    )
                }
            }
        }
    }

    /// Yams's `Mark` (line, column) has no public initialiser: it is made here from its two stored
    /// integers, after checking once that the layout is the one expected (else every file goes
    /// through `Yams.compose`, as before). `YAMLComposeTests` checks it too.
    static func mark(_ line: Int, _ column: Int) -> Mark {
        unsafeBitCast((line, column), to: Mark.self)
    }

    static let markLayoutMatches: Bool = {
        guard MemoryLayout<Mark>.size == MemoryLayout<(Int, Int)>.size else { return false }
        let probe = unsafeBitCast((7, 11), to: Mark.self)
        return probe.line == 7 && probe.column == 11
    }()

    /// `tag:yaml.org,2002:binary` is written `!!binary`.
    static func displayed(_ tag: String) -> String {
        let prefix = "tag:yaml.org,2002:"
        return tag.hasPrefix(prefix) ? "!!" + tag.dropFirst(prefix.count) : tag
    }

    static func shortened(_ text: String) -> String {
        text.count > 40 ? String(text.prefix(40)) + "…" : text
    }
}
