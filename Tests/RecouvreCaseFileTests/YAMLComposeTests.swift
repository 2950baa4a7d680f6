import Foundation
import RecouvreTestSupport
import Testing
import Yams

@testable import RecouvreCaseFile

/// The case reader composes the YAML tree in the same pass as its checks (`YAMLEvents.compose`)
/// instead of asking Yams to parse the text a second time: the tree must be Yams's own, node for
/// node (kind, text, tag, style, line and column), and anything Yams would refuse is left to Yams.
@Suite("YAML composed in one pass")
struct YAMLComposeTests {
    /// A readable description of every node: what the decoder and the messages may look at.
    static func describe(_ node: Node?, _ out: inout [String], indent: String = "") {
        guard let node else {
            out.append("\(indent)nil")
            return
        }
        let mark = node.mark.map { "\($0.line):\($0.column)" } ?? "-"
        switch node {
        case .scalar(let scalar):
            out.append("\(indent)scalar \(mark) \(scalar.style) \(scalar.tag) \(scalar.string.debugDescription)")
        case .mapping(let mapping):
            out.append("\(indent)mapping \(mark) \(mapping.style) \(mapping.tag) \(mapping.count)")
            for (key, value) in mapping {
                describe(key, &out, indent: indent + "  ")
                describe(value, &out, indent: indent + "    ")
            }
        case .sequence(let sequence):
            out.append("\(indent)sequence \(mark) \(sequence.style) \(sequence.tag) \(sequence.count)")
            for item in sequence { describe(item, &out, indent: indent + "  ") }
        case .alias:
            out.append("\(indent)alias \(mark)")
        }
    }

    static func lines(_ node: Node?) -> [String] {
        var out: [String] = []
        describe(node, &out)
        return out
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
        return found.sorted { $0.0 < $1.0 }
    }

    @Test("the tree of every shipped case file is Yams's, node for node")
    func sameTreeAsYams() throws {
        #expect(YAMLEvents.markLayoutMatches)  // else the reader would always fall back to Yams
        let texts = Self.texts
        #expect(texts.count > 40)
        var composedCount = 0
        for (name, text) in texts {
            // Yams is asked only about what the checks let through (it would expand the billion laughs).
            switch YAMLEvents.compose(text) {
            case .tree(let node):
                composedCount += 1
                let expected = try Yams.compose(yaml: text, .basic)
                #expect(Self.lines(node) == Self.lines(expected), "\(name)")
                #expect(node == expected, "\(name)")
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

    @Test(
        "what Yams refuses is left to Yams, whose message the reader keeps",
        arguments: [
            "a: 1\na: 2\n",  // a key twice
            "a: [1, 2\n",  // unclosed flow
            "a: 1\n---\nb: 2\n",  // two documents
            "a:\n  - x\n - y\n",  // bad indentation
            "{a: 1, {b: 2}: 3}\n",  // a key that is a table
        ])
    func leftToYams(text: String) {
        if case .yamsDecides = YAMLEvents.compose(text) {
        } else {
            Issue.record("composed: \(text.debugDescription)")
        }
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
