import Foundation
import RecouvreTestSupport
import Testing
import Yams

@testable import RecouvreCaseFile

/// The case reader records the YAML document in the same pass as its checks (`YAMLEvents.compose`,
/// a `FlatYAML`) instead of asking Yams to parse the text a second time: the document must be the
/// one Yams composes, node for node (kind, text, plain or not, line and column), and anything Yams
/// would refuse is left to Yams.
@Suite("YAML composed in one pass")
struct YAMLComposeTests {
    /// A readable description of every node: what the decoder and the messages may look at.
    static func describe(_ doc: FlatYAML, _ node: Int, _ out: inout [String], indent: String = "") {
        let mark = "\(doc.line(node)):\(doc.column(node))"
        switch doc.kind(node) {
        case .scalar:
            let plain = doc.nodes[node].plain ? "plain" : "styled"
            out.append("\(indent)scalar \(mark) \(plain) \(doc.string(node).debugDescription)")
        case .mapping:
            out.append("\(indent)mapping \(mark) \(doc.count(node) / 2)")
            for pair in stride(from: 0, to: doc.count(node), by: 2) {
                describe(doc, doc.child(node, pair), &out, indent: indent + "  ")
                describe(doc, doc.child(node, pair + 1), &out, indent: indent + "    ")
            }
        case .sequence:
            out.append("\(indent)sequence \(mark) \(doc.count(node))")
            for index in 0..<doc.count(node) { describe(doc, doc.child(node, index), &out, indent: indent + "  ") }
        }
    }

    static func lines(_ doc: FlatYAML?) -> [String] {
        guard let doc else { return ["nil"] }
        var out: [String] = []
        describe(doc, doc.root, &out)
        return out
    }

    /// Yams's own description of its tree, in the same words, to check `FlatYAML(node:)` itself.
    static func describe(_ node: Node, _ out: inout [String], indent: String = "") {
        let mark = node.mark.map { "\($0.line):\($0.column)" } ?? "-"
        switch node {
        case .scalar(let scalar):
            let plain = scalar.style == .plain ? "plain" : "styled"
            out.append("\(indent)scalar \(mark) \(plain) \(scalar.string.debugDescription)")
        case .mapping(let mapping):
            out.append("\(indent)mapping \(mark) \(mapping.count)")
            for (key, value) in mapping {
                describe(key, &out, indent: indent + "  ")
                describe(value, &out, indent: indent + "    ")
            }
        case .sequence(let sequence):
            out.append("\(indent)sequence \(mark) \(sequence.count)")
            for item in sequence { describe(item, &out, indent: indent + "  ") }
        case .alias:
            out.append("\(indent)alias \(mark)")
        }
    }

    /// Every case file shipped (fixtures/, firms, imports, invalid ones) and a few written here.
    static var texts: [(String, String)] {
        var found: [(String, String)] = []
        let root = TestPaths.fixtures
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let relative = enumerator?.nextObject() as? String {
            guard ["yaml", "yml", "json"].contains((relative as NSString).pathExtension) else { continue }
            if let text = try? String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8) {
                found.append((relative, text))
            }
        }
        found.append(
            (
                "flow and quotes",
                "a: {b: 'x', c: \"y\\u00e9\", d: [1, 2, {e: null}]}\nf: |\n  deux\n  lignes\ng: >\n  plié\n"
            ))
        found.append(("empty values", "a:\nb: ~\nc: []\nd: {}\ne: ''\n"))
        found.append(("explicit document", "---\na: 1\n...\n"))
        found.append(("only a comment", "# rien\n"))
        found.append(("a scalar root", "bonjour\n"))
        found.append(("non-ASCII keys and columns", "clé: « valeur »\nautre: { ü: 😀, z: x }\n"))
        found.append(("a key that is a table", "version: 1\n{b: 2}: 3\n[c]: 4\n"))
        found.append(("keys written twice two ways", "cl\u{E9}: 1\ncle\u{301}: 2\n"))
        return found.sorted { $0.0 < $1.0 }
    }

    @Test("the document of every shipped case file is Yams's, node for node")
    func sameTreeAsYams() throws {
        let texts = Self.texts
        #expect(texts.count > 40)
        var composedCount = 0
        for (name, text) in texts {
            // Yams is asked only about what the checks let through (it would expand the billion laughs).
            switch YAMLEvents.compose(text) {
            case .document(let doc):
                composedCount += 1
                let expected = try Yams.compose(yaml: text, .basic)
                var yams: [String] = []
                if let expected { Self.describe(expected, &yams) } else { yams = ["nil"] }
                #expect(Self.lines(doc) == yams, "\(name)")
                // The conversion used when Yams composes (the reader's pass left the text to it).
                #expect(Self.lines(expected.map { FlatYAML(node: $0) }) == yams, "\(name)")
            case .refused:
                // Refused by the checks: Yams may read it (an anchor), never the reader.
                break
            case .yamsDecides:
                // Only when Yams itself refuses the text (a syntax error, a key twice, two documents).
                #expect(throws: (any Error).self, "\(name)") { try Yams.compose(yaml: text, .basic) }
            }
        }
        #expect(composedCount > 30)
    }

    @Test("a key path finds the node Yams's tree finds, for every path of every shipped file")
    func keyPaths() throws {
        for (name, text) in Self.texts {
            guard case .document(let doc?) = YAMLEvents.compose(text), let tree = try Yams.compose(yaml: text, .basic)
            else { continue }
            for path in LegacyReader.paths(of: text) + ["nothing", "invoices[-1]", "invoices[1000]"] {
                let expected = LegacyNodeTree(root: tree).mark(at: path)
                let found = doc.node(at: path)
                #expect(found.map(doc.line) == expected?.line, "\(name): \(path)")
                #expect(found.map(doc.column) == expected?.column, "\(name): \(path)")
            }
        }
    }

    @Test(
        "what Yams refuses is left to Yams, whose message the reader keeps",
        arguments: [
            "a: 1\na: 2\n",  // a key twice
            "a: [1, 2\n",  // unclosed flow
            "a: 1\n---\nb: 2\n",  // two documents
            "a:\n  - x\n - y\n",  // bad indentation
            "{a: 1, a: 2}\n",  // a key twice, in a flow table
            "cl\u{E9}: 1\ncle\u{301}: 2\n",  // the same key as Swift compares strings (é written two ways)
        ])
    func leftToYams(text: String) {
        if case .yamsDecides = YAMLEvents.compose(text) {
        } else {
            Issue.record("composed: \(text.debugDescription)")
        }
    }

    @Test("a key that is a table is the decoder's to report, not Yams's")
    func keyThatIsATable() {
        guard case .document(let doc?) = YAMLEvents.compose("{a: 1, {b: 2}: 3}\n") else {
            Issue.record("not composed")
            return
        }
        #expect(doc.kind(doc.child(doc.root, 2)) == .mapping)
    }

    @Test("refusals keep their order: a tag after a duplicate key is still the finding")
    func findingAfterDuplicate() {
        guard case .refused(let finding) = YAMLEvents.compose("a: 1\na: 2\nb: !!binary aGk=\n") else {
            Issue.record("not refused")
            return
        }
        #expect(finding.line == 3)
        #expect(finding.message.contains("!!binary"))
    }
}
