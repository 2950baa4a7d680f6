import CYaml
import RecouvreModel
import Yams

/// Limits enforced on the parsed YAML events, as they come: no anchors (`&a`), no aliases (`*a`), no
/// tags (`!python/object…`, `!!binary`), at most `CaseLimits.depth` nested collections. A case file
/// never needs any of them; refusing them on the parser's own events (not by scanning the text, which
/// a quoted `\\"` or a comment can mislead) means an alias bomb ("billion laughs") is refused at its
/// first anchor, before anything is expanded or hashed.
///
/// The same single pass of libyaml records the document as a `FlatYAML` (one array of nodes, one of
/// children, one of scalar bytes), which the decoder reads: no Yams `Node` tree, no `Tag` objects,
/// no `String` per key.
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
        if case .refused(let finding) = compose(text) { return finding }
        return nil
    }

    /// The outcome of `compose`: what was refused, or the document (`nil` when it holds nothing but
    /// blanks and comments), or that only Yams can say (a syntax error, a key written twice, several
    /// documents: `Yams.compose` then gives its exact error).
    enum Composed {
        case refused(Finding)
        case document(FlatYAML?)
        case yamsDecides
    }

    /// One pass of the parser over `text`: the checks of `scan` and, when they pass, the document.
    /// Anything unusual (a syntax error, a duplicate key, a second document) is left to Yams, after
    /// finishing the checks, so messages stay what they were.
    static func compose(_ text: String) -> Composed {
        var text = text
        return text.withUTF8 { compose(bytes: $0) }
    }

    static func compose(bytes: UnsafeBufferPointer<UInt8>) -> Composed {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return .yamsDecides }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
        var builder = FlatYAML.Builder()
        var documents = 0
        var yamsDecides = false
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { return .yamsDecides }
            defer { yaml_event_delete(&event) }
            let line = Int(event.start_mark.line) + 1
            let column = Int(event.start_mark.column) + 1
            var anchor: UnsafeMutablePointer<yaml_char_t>?
            var tag: UnsafeMutablePointer<yaml_char_t>?
            switch event.type {
            case YAML_STREAM_END_EVENT:
                if yamsDecides || documents > 1 || builder.overflowed { return .yamsDecides }
                return .document(builder.finish())
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
            case YAML_ALIAS_EVENT:
                let alias = name(event.data.alias.anchor) ?? ""
                return .refused(
                    Finding(
                        line: line, column: column,
                        message:
                            "un alias YAML (*\(shortened(alias))) : les fichiers de dossier n'utilisent ni ancres ni alias",
                        remedy: "écrivez la valeur en entier ; mettez entre guillemets un texte qui commence par *"))
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                anchor = scalar.anchor
                tag = scalar.tag
                if anchor == nil && tag == nil {
                    builder.scalar(
                        UnsafeBufferPointer(start: scalar.value, count: scalar.length),
                        plain: scalar.style == YAML_PLAIN_SCALAR_STYLE, line: line, column: column)
                }
            case YAML_SEQUENCE_START_EVENT:
                anchor = event.data.sequence_start.anchor
                tag = event.data.sequence_start.tag
                builder.open(.sequence, line: line, column: column)
            case YAML_MAPPING_START_EVENT:
                anchor = event.data.mapping_start.anchor
                tag = event.data.mapping_start.tag
                builder.open(.mapping, line: line, column: column)
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                // A scalar key seen twice is Yams's to judge (its message names the key).
                guard builder.depth > 0 else { return .yamsDecides }
                if builder.close() { yamsDecides = true }
            default:
                break
            }
            if let anchor {
                return .refused(
                    Finding(
                        line: line, column: column,
                        message:
                            "une ancre YAML (&\(shortened(String(cString: anchor)))) : les fichiers de dossier n'utilisent ni ancres ni alias",
                        remedy: "écrivez la valeur en entier ; mettez entre guillemets un texte qui commence par &"))
            }
            if let tag {
                return .refused(
                    Finding(
                        line: line, column: column,
                        message:
                            "une étiquette YAML (\(shortened(displayed(String(cString: tag))))) : les fichiers de dossier n'utilisent pas d'étiquettes",
                        remedy: "écrivez la valeur simple ; mettez entre guillemets un texte qui commence par !"))
            }
            if builder.depth > CaseLimits.depth {
                return .refused(
                    Finding(
                        line: line, column: column,
                        message: "imbriqué sur plus de \(CaseLimits.depth) niveaux",
                        remedy: "un fichier de dossier a quelques niveaux ; vérifiez les crochets et l'indentation"))
            }
        }
    }

    static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
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

/// A YAML document as flat arrays: its nodes in the order of the file (the root first), the children
/// of each collection (a mapping's as key, value, key, value…), and the bytes of every scalar, one
/// after the other. A node is its index in `nodes`. Made by `YAMLEvents.compose` in the parser's
/// pass (or from a Yams tree, `init(node:)`); immutable afterwards, so the locations of a `Case` can
/// keep it to find the line of a key path when a problem is reported (`mark(at:)`).
///
/// About 20 bytes a node and 4 a child, where a Yams tree holds a `String`, a `Tag` object and a
/// `Mark` per scalar and an array of pairs per mapping.
final class FlatYAML: Sendable {
    enum Kind: UInt8, Sendable {
        case scalar, mapping, sequence
    }

    struct Node: Sendable {
        var kind: Kind
        /// A plain scalar (not quoted, not a block): only a plain scalar can be null.
        var plain: Bool
        var line: Int32
        var column: Int32
        /// A scalar's first byte in `bytes`; a collection's first child in `children`.
        var start: Int32
        /// A scalar's length in bytes; a collection's number of children (twice its pairs for a mapping).
        var count: Int32
    }

    let nodes: [Node]
    let children: [Int32]
    let bytes: [UInt8]

    init(nodes: [Node], children: [Int32], bytes: [UInt8]) {
        self.nodes = nodes
        self.children = children
        self.bytes = bytes
    }

    /// The root node (the document is never empty: an empty document is `nil`).
    var root: Int { 0 }

    @inline(__always) func kind(_ node: Int) -> Kind { nodes[node].kind }

    @inline(__always) func line(_ node: Int) -> Int { Int(nodes[node].line) }

    @inline(__always) func column(_ node: Int) -> Int { Int(nodes[node].column) }

    /// A collection's number of children (keys and values for a mapping).
    @inline(__always) func count(_ node: Int) -> Int { Int(nodes[node].count) }

    /// The `index`th child of a collection.
    @inline(__always) func child(_ node: Int, _ index: Int) -> Int {
        Int(children[Int(nodes[node].start) + index])
    }

    /// The text of a scalar.
    func string(_ node: Int) -> String {
        let entry = nodes[node]
        return bytes.withUnsafeBufferPointer {
            String(
                decoding: UnsafeBufferPointer(rebasing: $0[Int(entry.start)..<Int(entry.start + entry.count)]),
                as: UTF8.self)
        }
    }

    /// Calls `body` with the bytes of a scalar.
    @inline(__always) func withBytes<R>(_ node: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let entry = nodes[node]
        return bytes.withUnsafeBufferPointer {
            body(UnsafeBufferPointer(rebasing: $0[Int(entry.start)..<Int(entry.start + entry.count)]))
        }
    }

    /// A plain scalar written as nothing, `~` or `null`: for an optional key, the key is absent.
    func isNull(_ node: Int) -> Bool {
        let entry = nodes[node]
        guard entry.kind == .scalar, entry.plain else { return false }
        switch entry.count {
        case 0: return true
        case 1: return bytes[Int(entry.start)] == UInt8(ascii: "~")
        case 4: return CaseFileDecoder.isNull(string(node))
        default: return false
        }
    }

    /// Whether a scalar's text is `name` (as Swift compares strings: the same bytes, or for a
    /// non-ASCII text the same characters).
    func scalar(_ node: Int, is name: String) -> Bool {
        guard nodes[node].kind == .scalar else { return false }
        var name = name
        let sameBytes = name.withUTF8 { wanted in
            withBytes(node) { $0.count == wanted.count && $0.elementsEqual(wanted) }
        }
        if sameBytes { return true }
        if name.utf8.allSatisfy({ $0 < 0x80 }) && withBytes(node, { $0.allSatisfy { $0 < 0x80 } }) { return false }
        return string(node) == name
    }

    /// The node at a key path (`invoices[1].due`), as the locations of a case ask for it.
    func node(at path: String) -> Int? {
        var node = root
        for component in SourceLocations.components(of: path) {
            switch component {
            case .key(let name):
                guard kind(node) == .mapping else { return nil }
                var found: Int?
                var index = count(node) - 2
                // The last pair with that key, as Yams's `mapping[name]` (there is only one: a key
                // written twice is refused).
                while index >= 0 {
                    if scalar(child(node, index), is: name) {
                        found = child(node, index + 1)
                        break
                    }
                    index -= 2
                }
                guard let found else { return nil }
                node = found
            case .index(let index):
                guard kind(node) == .sequence, index >= 0, index < count(node) else { return nil }
                node = child(node, index)
            }
        }
        return node
    }

    /// Builds the document from the parser's events.
    struct Builder {
        private var nodes: [Node] = []
        private var children: [Int32] = []
        private var bytes: [UInt8] = []
        /// The open collections: their node, and where their children so far start in `pending`
        /// (the children of every open level, one stack: an inner level's are above its parent's).
        private var open: [Int] = []
        private var openStarts: [Int] = []
        private var pending: [Int32] = []
        /// More than 2³¹ nodes or bytes (never in a file the reader accepts): left to Yams.
        private(set) var overflowed = false

        init() {}

        /// Room for the document of a text of `textBytes` bytes without growing (a case file holds
        /// about one node every 12 bytes, and fewer scalar bytes than the text).
        init(reservingFor textBytes: Int) {
            nodes.reserveCapacity(textBytes / 12 + 16)
            children.reserveCapacity(textBytes / 12 + 16)
            bytes.reserveCapacity(textBytes)
            pending.reserveCapacity(64)
        }

        var depth: Int { open.count }

        private mutating func add(_ node: Node) {
            guard nodes.count < Int32.max else {
                overflowed = true
                return
            }
            let index = Int32(nodes.count)
            nodes.append(node)
            if !open.isEmpty { pending.append(index) }
        }

        mutating func scalar(_ value: UnsafeBufferPointer<UInt8>, plain: Bool, line: Int, column: Int) {
            guard bytes.count + value.count < Int32.max else {
                overflowed = true
                return
            }
            let start = Int32(bytes.count)
            bytes.append(contentsOf: value)
            add(
                Node(
                    kind: .scalar, plain: plain, line: Int32(clamping: line), column: Int32(clamping: column),
                    start: start, count: Int32(value.count)))
        }

        mutating func open(_ kind: Kind, line: Int, column: Int) {
            let index = nodes.count
            add(
                Node(
                    kind: kind, plain: false, line: Int32(clamping: line), column: Int32(clamping: column), start: 0,
                    count: 0))
            open.append(index)
            openStarts.append(pending.count)
        }

        /// Closes the innermost collection; `true` when it is a mapping with a key written twice.
        mutating func close() -> Bool {
            let index = open.removeLast()
            let start = openStarts.removeLast()
            let count = pending.count - start
            defer { pending.removeLast(count) }
            var duplicate = false
            if nodes[index].kind == .mapping && count >= 4 {
                duplicate = pending.withUnsafeBufferPointer {
                    hasDuplicateKey(UnsafeBufferPointer(rebasing: $0[start...]))
                }
            }
            guard index < nodes.count, children.count + count < Int32.max else {
                overflowed = true
                return duplicate
            }
            nodes[index].start = Int32(children.count)
            nodes[index].count = Int32(count)
            children.append(contentsOf: pending[start...])
            return duplicate
        }

        /// Whether two keys of a mapping are the same text, as Yams compares them (Swift strings).
        /// A key that is not a scalar is the decoder's to report. Up to 16 keys, all ASCII (every
        /// mapping of a real case), are compared byte for byte without allocating; others through a
        /// set of `String`s (equal strings, even written with different bytes, are the same key).
        private func hasDuplicateKey(_ items: UnsafeBufferPointer<Int32>) -> Bool {
            let pairs = items.count / 2
            if pairs < 2 { return false }
            return nodes.withUnsafeBufferPointer { nodes in
                bytes.withUnsafeBufferPointer { bytes in
                    func key(_ pair: Int) -> Node? {
                        let node = nodes[Int(items[pair * 2])]
                        return node.kind == .scalar ? node : nil
                    }
                    func text(_ node: Node) -> UnsafeBufferPointer<UInt8> {
                        UnsafeBufferPointer(rebasing: bytes[Int(node.start)..<Int(node.start + node.count)])
                    }
                    if pairs <= 16 {
                        var asciiOnly = true
                        for pair in 0..<pairs {
                            if let node = key(pair), !text(node).allSatisfy({ $0 < 0x80 }) { asciiOnly = false }
                        }
                        if asciiOnly {
                            for first in 0..<pairs {
                                guard let a = key(first) else { continue }
                                for second in (first + 1)..<pairs {
                                    guard let b = key(second), a.count == b.count else { continue }
                                    if text(a).elementsEqual(text(b)) { return true }
                                }
                            }
                            return false
                        }
                    }
                    var seen: Set<String> = []
                    seen.reserveCapacity(pairs)
                    for pair in 0..<pairs {
                        guard let node = key(pair) else { continue }
                        if !seen.insert(String(decoding: text(node), as: UTF8.self)).inserted { return true }
                    }
                    return false
                }
            }
        }

        /// The document, or `nil` when no node was read.
        mutating func finish() -> FlatYAML? {
            guard !nodes.isEmpty else { return nil }
            return FlatYAML(nodes: nodes, children: children, bytes: bytes)
        }
    }
}

extension FlatYAML {
    /// The same document from a Yams tree: for a text only Yams could compose (the reader's own pass
    /// left it to Yams, and Yams read it).
    convenience init(node root: Yams.Node) {
        var nodes: [Node] = []
        var children: [Int32] = []
        var bytes: [UInt8] = []
        func add(_ node: Yams.Node) -> Int32 {
            let index = Int32(nodes.count)
            let line = Int32(clamping: node.mark?.line ?? 0)
            let column = Int32(clamping: node.mark?.column ?? 0)
            switch node {
            case .scalar(let scalar):
                let start = Int32(bytes.count)
                bytes.append(contentsOf: scalar.string.utf8)
                nodes.append(
                    Node(
                        kind: .scalar, plain: scalar.style == .plain, line: line, column: column, start: start,
                        count: Int32(bytes.count) - start))
            case .mapping(let mapping):
                nodes.append(Node(kind: .mapping, plain: false, line: line, column: column, start: 0, count: 0))
                var items: [Int32] = []
                for (key, value) in mapping {
                    items.append(add(key))
                    items.append(add(value))
                }
                nodes[Int(index)].start = Int32(children.count)
                nodes[Int(index)].count = Int32(items.count)
                children.append(contentsOf: items)
            case .sequence(let sequence):
                nodes.append(Node(kind: .sequence, plain: false, line: line, column: column, start: 0, count: 0))
                let items = sequence.map { add($0) }
                nodes[Int(index)].start = Int32(children.count)
                nodes[Int(index)].count = Int32(items.count)
                children.append(contentsOf: items)
            case .alias:
                // Never reached: aliases are refused before Yams composes.
                nodes.append(Node(kind: .scalar, plain: true, line: line, column: column, start: 0, count: 0))
            }
            return index
        }
        _ = add(root)
        self.init(nodes: nodes, children: children, bytes: bytes)
    }
}
