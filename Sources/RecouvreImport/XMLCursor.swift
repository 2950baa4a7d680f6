import Foundation
import RecouvreModel
import RecouvreXML

/// An element of a parsed e-invoice with its path from the root (`/Invoice/cac:LegalMonetaryTotal/…`,
/// local names), so that every value read can say where it came from.
struct XMLCursor {
    let node: XMLElementNode
    let path: String
    let file: String

    init(root: XMLElementNode, file: String) {
        self.node = root
        self.path = "/" + root.name
        self.file = file
    }

    private init(node: XMLElementNode, path: String, file: String) {
        self.node = node
        self.path = path
        self.file = file
    }

    /// The first descendant along `names` (each a child's local name).
    func child(_ names: String...) -> XMLCursor? { walk(names) }

    func walk(_ names: [String]) -> XMLCursor? {
        var current = self
        for name in names {
            guard let next = current.node.child(name) else { return nil }
            current = XMLCursor(node: next, path: current.path + "/" + name, file: file)
        }
        return current
    }

    func children(_ name: String) -> [XMLCursor] {
        node.children(named: name).enumerated().map { index, child in
            XMLCursor(node: child, path: path + "/" + name + (index > 0 ? "[\(index + 1)]" : ""), file: file)
        }
    }

    /// The element's text, trimmed; `nil` when empty.
    var text: String? {
        let trimmed = node.text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    func text(_ names: String...) -> String? { walk(names)?.text }

    func attribute(_ name: String) -> String? { node.attribute(name) }

    var location: SourceLocation { SourceLocation(file: file, line: node.line, context: path) }

    /// An `xs:decimal` (`104.90`, `-233.47`, `-0.00`, `1021.910`), read exactly.
    static func decimal(_ text: String?) -> Decimal? {
        guard var text = text?.trimmedSpaces, !text.isEmpty else { return nil }
        var negative = false
        if text.hasPrefix("-") {
            negative = true
            text.removeFirst()
        } else if text.hasPrefix("+") {
            text.removeFirst()
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            !(parts[0].isEmpty && (parts.count == 1 || parts[1].isEmpty)),
            let value = Decimal(string: parts[0].isEmpty ? "0" + text : text, locale: Locale(identifier: "en_US_POSIX"))
        else { return nil }
        return negative ? -value : value
    }

    /// A CII `udt:DateTimeString` (format 102 `AAAAMMJJ`, also read: `AAAA-MM-JJ`) or a UBL `xs:date`.
    static func day(_ text: String?) -> Day? {
        guard let text = text?.trimmedSpaces else { return nil }
        if let day = Day(iso: String(text.prefix(10))) { return day }
        return FrenchValues.day(text)
    }
}
