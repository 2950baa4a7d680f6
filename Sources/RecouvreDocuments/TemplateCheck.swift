import Foundation
import RecouvreModel

/// The checks every template passes when the law book is loaded — the shipped ones and a firm's
/// `--forms` overrides alike, before Mustache ever sees the text (its parser recurses once per
/// nested section and per transform: 20,000 nested sections would overflow the stack):
/// - a size limit (`maximumBytes`) and a nesting limit (`maximumDepth`), checked by a scanner that
///   does not recurse;
/// - only the tags recouvre renders: variables, sections, inverted sections, comments; a partial
///   (`{{> nom}}`), an inherited template or block, a delimiter change or a pragma is an error;
/// - each name must be one the document's view model offers where it stands (`TemplateSchema`),
///   resolved as Mustache resolves it (up the stack of sections), and a variable must name a text.
public enum TemplateCheck {
    /// The largest template file accepted (the largest shipped template is under 10 KB).
    public static let maximumBytes = 256 * 1024
    /// The deepest nesting of sections accepted (the shipped templates nest at most 4 deep).
    public static let maximumDepth = 32
    /// The most transforms chained on one name (`uppercased(name)` is one).
    public static let maximumTransforms = 4
    /// The longest tag name accepted.
    public static let maximumNameLength = 200

    /// The transforms of swift-mustache that apply to a named value (`uppercased(name)`, `count(items)`).
    public static let valueTransforms: Set<String> = [
        "capitalized", "lowercased", "uppercased", "count", "empty", "equalzero", "plusone", "minusone",
        "even", "odd", "first", "last", "reversed", "sorted", "enumerated",
    ]
    /// The transforms on the position inside a list (`{{^last()}}, {{/last()}}`).
    public static let positionTransforms: Set<String> = ["first", "last", "index", "even", "odd"]

    /// Checks `text`, the template of `file` (as the message shows it), against `schema` when given
    /// (a template rendered with a model of no fixed shape is checked for its syntax and limits only).
    /// Returns the parsed template; throws every problem found, each with its line.
    @discardableResult
    public static func check(
        _ text: String, file: String, schema: TemplateSchema?, document: String? = nil
    ) throws(TemplateError) -> [TemplateNode] {
        let nodes: [TemplateNode]
        do { nodes = try TemplateSyntax.parse(text) } catch { throw TemplateError(file: file, issues: [error]) }
        guard let schema else { return nodes }
        var audit = TemplateAudit()
        audit.walk(nodes, stack: [TemplateAudit.TypeFrame(schema: schema, path: "", inList: false)])
        if !audit.issues.isEmpty { throw TemplateError(file: file, issues: audit.issues) }
        return nodes
    }
}

/// A template tag as parsed: a variable or a section, with its line (1-based).
public indirect enum TemplateNode: Sendable, Hashable {
    case variable(TemplateName, line: Int)
    case section(TemplateName, inverted: Bool, line: Int, [TemplateNode])
}

/// The name of a tag: `invoices`, `creditor.name`, `uppercased(name)` (name `name`, transforms
/// `["uppercased"]`), `last()` (no name, transforms `["last"]`).
public struct TemplateName: Sendable, Hashable {
    public var name: String
    /// Outermost first, as written.
    public var transforms: [String]
    /// The tag as written between the braces, for messages.
    public var written: String
}

/// One problem of a template file, with its line when it has one.
public struct TemplateIssue: Error, Sendable, Hashable {
    public var line: Int?
    public var text: String

    public init(line: Int?, _ text: String) {
        self.line = line
        self.text = text
    }
}

/// A template refused when the law book is loaded (exit status 1): the file, and each problem with its line.
public struct TemplateError: RecouvreError, Sendable, Hashable {
    /// The file as the user knows it: the override's own path, or `forms/templates/<name>.mustache`.
    public var file: String
    public var issues: [TemplateIssue]

    public init(file: String, issues: [TemplateIssue]) {
        self.file = file
        self.issues = issues
    }

    public var exitCode: Int32 { 1 }
    public var description: String {
        let shown = issues.prefix(20).map { issue in
            "\(file)\(issue.line.map { ", ligne \($0)" } ?? "") : \(issue.text)"
        }
        let more = issues.count > 20 ? ["… et \(issues.count - 20) autres problèmes dans ce modèle"] : []
        return (shown + more).joined(separator: "\n")
    }
}

/// The scanner of template text: iterative (an explicit stack of open sections, never recursion), so a
/// hostile nesting is refused at `maximumDepth` instead of overflowing the stack.
public enum TemplateSyntax {
    public static func parse(_ text: String) throws(TemplateIssue) -> [TemplateNode] {
        let bytes = Array(text.utf8)
        guard bytes.count <= TemplateCheck.maximumBytes else {
            throw TemplateIssue(
                line: nil,
                "le modèle fait \(bytes.count) octets, au-delà de la limite de \(TemplateCheck.maximumBytes) octets")
        }
        var open: [(name: TemplateName, inverted: Bool, line: Int, nodes: [TemplateNode])] = [
            (TemplateName(name: "", transforms: [], written: ""), false, 0, [])
        ]
        var index = 0
        var line = 1
        while let start = find([UInt8(ascii: "{"), UInt8(ascii: "{")], in: bytes, from: index) {
            line += newlines(bytes, index, start)
            let tagLine = line
            let triple = start + 2 < bytes.count && bytes[start + 2] == UInt8(ascii: "{")
            let closer = [UInt8](repeating: UInt8(ascii: "}"), count: triple ? 3 : 2)
            let bodyStart = start + (triple ? 3 : 2)
            guard let end = find(closer, in: bytes, from: bodyStart) else {
                throw TemplateIssue(
                    line: tagLine, "balise « {{ » jamais fermée par « \(String(decoding: closer, as: UTF8.self)) »")
            }
            line += newlines(bytes, start, end)
            index = end + closer.count
            let body = String(decoding: bytes[bodyStart..<end], as: UTF8.self)
            let written = "{{\(triple ? "{" : "")\(body)\(triple ? "}" : "")}}"
            if triple {
                open[open.count - 1].nodes.append(
                    .variable(try name(body, written: written, line: tagLine), line: tagLine))
                continue
            }
            let sigil = body.first
            let rest = String(body.dropFirst())
            switch sigil {
            case "!":
                continue
            case "#", "^":
                guard open.count <= TemplateCheck.maximumDepth else {
                    throw TemplateIssue(
                        line: tagLine,
                        "\(written) : sections imbriquées sur plus de \(TemplateCheck.maximumDepth) niveaux ; "
                            + "un modèle en imbrique au plus \(TemplateCheck.maximumDepth)")
                }
                open.append((try name(rest, written: written, line: tagLine), sigil == "^", tagLine, []))
            case "/":
                let closing = try name(rest, written: written, line: tagLine)
                guard open.count > 1 else {
                    throw TemplateIssue(line: tagLine, "\(written) ferme une section qui n'a pas été ouverte")
                }
                let section = open.removeLast()
                guard section.name.name == closing.name, section.name.transforms == closing.transforms else {
                    throw TemplateIssue(
                        line: tagLine,
                        "\(written) ferme la section \(section.name.written) ouverte ligne \(section.line) ; "
                            + "fermez d'abord celle-ci")
                }
                open[open.count - 1].nodes.append(
                    .section(section.name, inverted: section.inverted, line: section.line, section.nodes))
            case "&":
                open[open.count - 1].nodes.append(
                    .variable(try name(rest, written: written, line: tagLine), line: tagLine))
            case ">":
                let partial = rest.trimmingCharacters(in: .whitespaces)
                throw TemplateIssue(
                    line: tagLine,
                    "\(written) inclut le modèle partiel « \(partial) », inconnu : les modèles de recouvre "
                        + "n'incluent pas d'autres modèles (recopiez le texte voulu dans ce modèle)")
            case "<", "$":
                throw TemplateIssue(
                    line: tagLine, "\(written) : l'héritage de modèles et les blocs ne sont pas pris en charge")
            case "=":
                throw TemplateIssue(
                    line: tagLine, "\(written) : le changement de délimiteurs n'est pas pris en charge")
            case "%":
                throw TemplateIssue(
                    line: tagLine,
                    "\(written) : directive non prise en charge (recouvre rend toujours les modèles en texte brut)")
            default:
                open[open.count - 1].nodes.append(
                    .variable(try name(body, written: written, line: tagLine), line: tagLine))
            }
        }
        if open.count > 1, let section = open.last {
            throw TemplateIssue(
                line: section.line,
                "la section \(section.name.written) n'est jamais fermée ({{/\(section.name.name)}} attendu)")
        }
        return open[0].nodes
    }

    static let nameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    /// `nameCharacters` as a table of ASCII bytes: every character of the set is one ASCII byte, so a
    /// name is made of them exactly when each of its UTF-8 bytes is one (a combining mark or any other
    /// non-ASCII byte is not) — a byte test instead of a `Set<Character>` lookup per character.
    static let nameByteTable: [Bool] = (0..<128).map { byte in
        nameCharacters.contains(Character(Unicode.Scalar(UInt8(byte))))
    }

    static func isNameByte(_ byte: UInt8) -> Bool { byte < 128 && nameByteTable[Int(byte)] }

    static func allNameBytes(_ text: String) -> Bool { text.utf8.allSatisfy(isNameByte) }

    /// `name`, `a.b`, `f(name)`, `f(g(name))`, `last()`.
    static func name(_ raw: String, written: String, line: Int) throws(TemplateIssue) -> TemplateName {
        // Most tags are written `{{name}}`: when the first and the last byte are visible ASCII (not a
        // space, not part of a longer character) there is nothing to trim, and Foundation's trim
        // (≈ 9 k instructions a call on Linux) is skipped; any other tag is trimmed as before.
        func visible(_ byte: UInt8?) -> Bool { byte.map { $0 > 0x20 && $0 < 0x7F } ?? false }
        let untrimmed = visible(raw.utf8.first) && visible(raw.utf8.last)
        let text = untrimmed ? raw : raw.trimmingCharacters(in: .whitespaces)
        guard text.count <= TemplateCheck.maximumNameLength else {
            throw TemplateIssue(
                line: line, "nom de plus de \(TemplateCheck.maximumNameLength) caractères dans une balise")
        }
        var transforms: [String] = []
        var rest = Substring(text)
        while let paren = rest.firstIndex(of: "(") {
            transforms.append(String(rest[..<paren]))
            rest = rest[rest.index(after: paren)...]
            guard transforms.count <= TemplateCheck.maximumTransforms else {
                throw TemplateIssue(
                    line: line,
                    "\(written) enchaîne plus de \(TemplateCheck.maximumTransforms) transformations")
            }
        }
        let closing = rest.reversed().prefix { $0 == ")" }.count
        let name = String(rest.dropLast(closing))
        let valid =
            !text.isEmpty && closing == transforms.count && (!name.isEmpty || !transforms.isEmpty)
            && Self.allNameBytes(name) && transforms.allSatisfy(Self.allNameBytes)
            && transforms.allSatisfy { !$0.isEmpty }
        guard valid else {
            throw TemplateIssue(line: line, "\(written) n'est pas une balise valide (un nom de donnée est attendu)")
        }
        return TemplateName(name: name, transforms: transforms, written: written)
    }

    static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0] {
                var matched = true
                for offset in 1..<needle.count where bytes[index + offset] != needle[offset] {
                    matched = false
                    break
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }

    static func newlines(_ bytes: [UInt8], _ from: Int, _ to: Int) -> Int {
        var count = 0
        for index in from..<to where bytes[index] == UInt8(ascii: "\n") { count += 1 }
        return count
    }
}
