import Foundation
import RecouvreTestSupport
import Testing

@testable import RecouvreCaseFile

/// The reader of our own (`CaseYAMLReader`) either declines or makes the document libyaml's pass
/// makes (`YAMLEvents.compose`, the reference kept as the path for all it declines): node for node,
/// kind, text, plain or not, line and column. On every shipped case file, generated case files, a
/// large generated corpus of documents and their mutations, and hostile texts.
@Suite("YAML reader of our own = libyaml's pass, or declines")
struct CaseYAMLReaderTests {
    /// `nil` when the reader declined; otherwise records an issue unless libyaml's pass composed the
    /// same document (not refused, not left to Yams).
    @discardableResult
    static func compare(_ text: String, _ label: String) -> Bool {
        guard let fast = CaseYAMLReader.compose(text) else { return false }
        switch YAMLEvents.compose(text) {
        case .document(let reference):
            let expected = YAMLComposeTests.lines(reference)
            let found = YAMLComposeTests.lines(fast)
            if expected != found {
                Issue.record(
                    "\(label): \(text.debugDescription)\nlibyaml:\n\(expected.joined(separator: "\n"))\nours:\n\(found.joined(separator: "\n"))"
                )
            }
        case .refused(let finding):
            Issue.record("\(label): read, but libyaml's pass refuses it (\(finding.message)): \(text.debugDescription)")
        case .yamsDecides:
            Issue.record("\(label): read, but libyaml's pass leaves it to Yams: \(text.debugDescription)")
        }
        return true
    }

    @Test("every shipped case file: the same document, and most are read")
    func shippedFiles() {
        var read = 0
        var yaml = 0
        for (name, text) in YAMLComposeTests.texts {
            if !name.hasSuffix(".json") { yaml += 1 }
            let wasRead = Self.compare(text, name)
            if wasRead { read += 1 }
            // Every valid file shipped (fixtures, firms, imports) is read by the reader of our own.
            if name.contains("/") && !name.hasPrefix("invalid/") && !name.hasSuffix(".json") {
                #expect(wasRead, "declined: \(name)")
            }
        }
        #expect(yaml > 40)
        #expect(read > yaml / 2, "read \(read) of \(yaml)")
    }

    @Test("generated batch cases (the shape of scripts/make-batch.py): all read, the same document")
    func batchShapedCases() {
        var generator = SeededGenerator(seed: 14)
        for index in 0..<300 {
            let text = Self.batchCase(&generator)
            #expect(Self.compare(text, "batch case \(index)"), "declined: \(text)")
        }
    }

    @Test("a generated corpus of documents and their mutations: declined, or the same document")
    func generatedCorpus() {
        var generator = SeededGenerator(seed: 8)
        var read = 0
        var total = 0
        for index in 0..<3_000 {
            let text = Self.document(&generator)
            total += 1
            if Self.compare(text, "document \(index)") { read += 1 }
            for round in 0..<3 {
                let mutated = Self.mutated(text, &generator, edits: 1 + round)
                total += 1
                if Self.compare(mutated, "document \(index), mutation \(round)") { read += 1 }
            }
        }
        // Not vacuous: a good share is read (most clean documents, some mutations).
        #expect(read > total / 5, "read \(read) of \(total)")
    }

    static let hostile: [String] = [
        "", " ", "\n", "# only\n", "a: 1", "a: 1\n", "a:  1  \n", "a: 1 # c\n", "a: 1# c\n", "a: 1 #\n",
        "a: x\n  y\n", "a: x\n\n  y\n", "a: x\n  # c\n  y\n", "a: x\n   # c\nb: 2\n", "a:\n", "a:\nb: 1\n",
        "a: # c\n  b: 1\n", "a:\n  - 1\n  - 2\n", "a:\n- 1\n- 2\nb: 3\n", "a:\n- 1\n - 2\n", "a:\n  - 1\n - 2\n",
        "- a\n- b\n", "- a: 1\n  b: 2\n- c: 3\n", "- a: 1\n   b: 2\n", "- a: 1\n b: 2\n", "- - a\n", "-\n  a: 1\n",
        "- \n", "-a: 1\n", "-5: 1\n", "a: -5\n", "a: - 5\n", "a: -\n", "a: --5\n", "a: .5\n", "a: ...\n",
        "---\na: 1\n", "a: 1\n---\n", "a: 1\n...\n", "%YAML 1.1\n---\na: 1\n", "a: 1\n%x: 2\n",
        "\u{FEFF}a: 1\n", "a: \u{FEFF}1\n", "a: 1\r\n", "a:\t1\n", "\ta: 1\n", "a: 1\u{85}b: 2\n", "a: x\u{2028}y\n",
        "a: x\u{2029}y\n", "a: \u{7F}\n", "a: \u{80}\n", "a: \u{9F}\n", "a: \u{A0}\n", "a: x\u{A0}\n", "\u{A0}a: 1\n",
        "a: \u{FFFE}\n", "a: \u{FFFD}\n", "a: 😀\n", "😀: 😀\n", "clé: « valeur »\n", "e\u{301}: e\u{301}\n",
        "a: e\u{301}\u{302}x\nb: ḉ\n", "a: 'x'\n", "a: 'l''Ouest'\n", "a: ''\n", "a: ''''\n", "a: 'x\n", "a: 'x'y\n",
        "a: 'x' y\n", "a: 'x' # c\n", "a: 'x'# c\n", "a: \"x\"\n", "a: \"\"\n", "a: \"a\\\"b\"\n", "a: \"a\\\\b\"\n",
        "a: \"a\\nb\"\n", "a: \"a\\tb\"\n", "a: \"a\\/b\"\n", "a: \"a\\u00e9\"\n", "a: \"a\\x41\"\n", "a: \"a\\ b\"\n",
        "a: \"a\\\n", "a: \"x\ny\"\n", "a: \"x\" : y\n", "\"a\": 1\n", "'a': 1\n", "a: [1, 2]\n", "a: [1, 2,]\n",
        "a: [ 1 , 2 ]\n", "a: []\n", "a: [ ]\n", "a: {}\n", "a: { }\n", "a: {b: 1}\n", "a: {b: 1,}\n", "a: {b:1}\n",
        "a: {b: }\n", "a: {b}\n", "a: {b: 1, b: 2}\n", "a: {\"b\": 1}\n", "a: [a: 1]\n", "a: [\"x\": 1]\n",
        "a: [x:y]\n", "a: [x #y]\n", "a: [x#y]\n", "a: [1, 2] x\n", "a: [1, 2] # c\n", "a: [1, [2, [3]]]\n",
        "a: [1, {b: [2, 'c', \"d\"]}]\n", "a: [1,\n 2]\n", "a: {b: 1\n", "a: [\n", "a: ]\n", "a: }\n",
        "a: x, y\n", "a: x [y] {z}\n", "a: x:y\n", "a: x: y\n", "a: x:\n", "a: http://x.fr/a#b\n", "a::b: 1\n",
        "a:: 1\n", "a b: c d\n", "a : 1\n", "a  b: 1\n", "a: 1\na: 2\n", "a: 1\nb: 2\na: 3\n",
        "cl\u{E9}: 1\ncle\u{301}: 2\n", "a: &x 1\n", "a: *x\n", "a: !t 1\n", "a: !!str 1\n", "a: |\n  x\n",
        "a: >\n  x\n", "a: |\n", "? a\n: 1\n", "a: ?x\n", "a: @x\n", "a: `x\n", "a: %x\n", "a: x%\n", "a: x@\n",
        "a: null\n", "a: ~\n", "a: Null\n", "a: NULL\n", "a: nul\n", "a: true\n", "a: 0x1F\n", "a: 1e3\n",
        "  a: 1\n  b: 2\n", "  a: 1\nb: 2\n", "a: 1\n  b: 2\n", "a:\n  b:\n    c: 1\n  d: 2\ne: 3\n",
        "a:\n  b: 1\n c: 2\n", "a:\n    b: 1\n  c: 2\n", "a:\n  - b: 1\n    c:\n    - d\n    - e\n  - f\n",
        "a:\n  - b: 1\n    c:\n      - d\n", "a:\n  -   b: 1\n      c: 2\n", "a:\n  -  x\n  -  y\n",
        "a: 1\n\n\n# c\n\n  # d\nb: 2\n", "a: 1\n# c", "a: 1\n  ", "a: 1\n \n", "a: 1 \n b: 2\n",
        "bonjour\n", "[1, 2]\n", "{a: 1}\n", "- [1, 2]\n- {a: b}\n", "- 'x'\n- \"y\"\n", "- x # c\n- y\n",
        "- x\n  y\n", "- x\n# c\n  y\n", "- a: 1\n  - b\n", String(repeating: "k", count: 1_100) + ": 1\n",
        String(repeating: "k", count: 999) + ": 1\n", "a: " + String(repeating: "é", count: 5_000) + "\n",
        "a: {" + String(repeating: "k", count: 1_100) + ": 1}\n",
        String(repeating: "a:\n  ", count: 70) + "b: 1\n", String(repeating: "- ", count: 3) + "x\n",
        "a: " + String(repeating: "[", count: 70) + String(repeating: "]", count: 70) + "\n",
        "a: " + String(repeating: "[", count: 63) + String(repeating: "]", count: 63) + "\n",
    ]

    @Test("hostile texts: declined, or the same document")
    func hostileTexts() {
        var read = 0
        for text in Self.hostile where Self.compare(text, "hostile") { read += 1 }
        // Not vacuous: the ordinary ones among them are read.
        #expect(read > 50, "read \(read) of \(Self.hostile.count)")
    }

    @Test(
        "what the reader must leave to libyaml",
        arguments: [
            "a: &x 1\n", "a: *x\n", "a: !t 1\n", "a: |\n  x\n", "a: x\n  y\n", "a:\t1\n", "a: 1\r\n", "\u{FEFF}a: 1\n",
            "---\na: 1\n", "a: 1\na: 2\n", "cl\u{E9}: 1\ncle\u{301}: 2\n", "a:\n", "a: [1,\n 2]\n", "a: \"\\u00e9\"\n",
            "# only\n", "", "bonjour\n", "{a: 1}\n", "\"a\": 1\n", "a: x: y\n", "a: 1\u{85}b: 2\n",
            String(repeating: "a:\n  ", count: 70) + "b: 1\n",
        ])
    func declines(text: String) {
        #expect(CaseYAMLReader.compose(text) == nil, "\(text.debugDescription)")
    }

    @Test("the characters check eight bytes at a time = byte by byte, at every length and offset")
    func charactersCheck() {
        var generator = SeededGenerator(seed: 3)
        let alphabet: [Unicode.Scalar] = [
            "a", "Z", "0", " ", "~", "\n", "\t", "\r", "\u{0}", "\u{1}", "\u{1F}", "\u{7F}", "\u{80}", "\u{85}",
            "\u{9F}", "\u{A0}", "é", "\u{2028}", "\u{2029}", "\u{2027}", "\u{FEFF}", "\u{FFFD}", "\u{FFFE}",
            "\u{FFFF}", "😀", "\u{0B}",
        ]
        var accepted = 0
        for _ in 0..<4_000 {
            let length = Int.random(in: 0...40, using: &generator)
            var scalars = String.UnicodeScalarView()
            for _ in 0..<length {
                // Mostly ASCII letters, so that whole words of eight bytes are checked at once.
                scalars.append(Self.chance(85, &generator) ? "x" : Self.pick(alphabet, &generator))
            }
            var text = String(scalars)
            let label = text.debugDescription
            text.withUTF8 { bytes in
                let fast = CaseYAMLReader.acceptsCharacters(bytes)
                #expect(
                    fast == CaseYAMLReader.acceptsCharacters(bytes, from: 0, to: bytes.count), "\(label)")
                if fast { accepted += 1 }
                for start in stride(from: 1, to: min(bytes.count, 9), by: 1) {
                    let tail = UnsafeBufferPointer(rebasing: bytes[start...])
                    #expect(
                        CaseYAMLReader.acceptsCharacters(tail)
                            == CaseYAMLReader.acceptsCharacters(tail, from: 0, to: tail.count))
                }
            }
        }
        #expect(accepted > 500 && accepted < 3_500, "accepted \(accepted)")
    }

    @Test("a mapping's value asked for by key (bytes) = by the schema's key strings")
    func fieldsByKey() {
        let schemas: [Schema] = [
            .root, .party, .mediator, .proceedings, .mandataire, .address, .contract, .invoice, .payment, .creditNote,
            .event, .award, .awardedInterest, .instalment, .exhibit,
        ]
        for schema in schemas {
            var fields = CaseFileDecoder.Fields(schema: schema)
            // Every other key set, to a value of its own.
            for index in schema.keys.indices where index % 2 == 0 { fields.set(index, 100 + index) }
            for (index, key) in schema.keys.enumerated() {
                #expect(fields[key] == (index % 2 == 0 ? 100 + index : nil), "\(key)")
                // The reference: the first key equal as a string.
                let expected = schema.keys.firstIndex { $0 == key }.flatMap { $0 % 2 == 0 ? 100 + $0 : nil }
                #expect(fields[key] == expected)
                var bytes = key
                #expect(bytes.withUTF8 { schema.index(ofKey: $0) } == index)
            }
            for other in [
                "", "k", "Kind", "kind ", " kind", "\u{212A}ind", "kïnd", "as_of\u{301}", "versions", "numbe",
            ] {
                #expect(fields[other] == nil, "\(other)")
                var bytes = other
                #expect(bytes.withUTF8 { schema.index(ofKey: $0) } == nil, "\(other)")
            }
        }
    }

    @Test("columns count Unicode scalars, as libyaml's marks")
    func columns() throws {
        let doc = try #require(CaseYAMLReader.compose("clé: « é »\nb: { ü: 😀, z: [e\u{301}, x] }\n"))
        let root = doc.root
        #expect(doc.column(doc.child(root, 1)) == 6)
        let flow = doc.child(root, 3)
        #expect(doc.column(flow) == 4)
        #expect(doc.column(doc.child(flow, 1)) == 9)
        #expect(doc.column(doc.child(flow, 2)) == 12)
        Self.compare("clé: « é »\nb: { ü: 😀, z: [e\u{301}, x] }\n", "columns")
    }

    // MARK: - Generators

    static let keys = [
        "version", "reference", "as_of", "kind", "name", "siren", "address", "lines", "postcode", "city", "clé",
        "名前", "x y", "a-b", "-1", "k1", "n", "e\u{301}", "A", "a_b", "a.b", "a'b", "a\"b", "a/b", "ü",
    ]

    static let plains = [
        "1", "2026-11-23", "639.95", "SA", "company", "a b  c", "l'Ouest", "a:b", "x#y", "Maxime Durand, gérant",
        "é", "e\u{301}", "😀", "null", "~", "true", "-5", "a [b] {c}", "\u{A0}x", "x\u{A0}", "\u{200B}", "0.00",
        "F09-2025-00147-1", "Commune de Saint-Couat-du-Razès", "«x»", "a\"b", "x%", "x@y", "x!", "x&y", "x*",
        "x|y", "x>y", "x?", "日本",
    ]

    static let flowPlains = ["1", "a", "a b", "é", "-5", "null", "~", "2025-01-02", "x'y", "x\"y", "😀", "e\u{301}"]

    static let quotedContents = [
        "", "x", "a b", "l'Ouest", "126 avenue de la Libération", " lead", "trail ", "a  b", "é", "😀", "#", " # ",
        ": ", "[x]", "{y}", ",", "&a", "*b", "!c", "e\u{301}", "\u{A0}",
    ]

    static func pick<T>(_ items: [T], _ generator: inout SeededGenerator) -> T {
        items[Int.random(in: 0..<items.count, using: &generator)]
    }

    static func chance(_ percent: Int, _ generator: inout SeededGenerator) -> Bool {
        Int.random(in: 0..<100, using: &generator) < percent
    }

    static func doubleQuoted(_ content: String, _ generator: inout SeededGenerator) -> String {
        var out = "\""
        for character in content {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default: out.append(character)
            }
        }
        if chance(15, &generator) { out += pick(["\\n", "\\t", "\\/", "\\\\", "\\\""], &generator) }
        return out + "\""
    }

    static func singleQuoted(_ content: String) -> String {
        "'" + content.replacingOccurrences(of: "'", with: "''") + "'"
    }

    static func scalar(_ generator: inout SeededGenerator, flow: Bool) -> String {
        switch Int.random(in: 0..<10, using: &generator) {
        case 0..<4: return pick(flow ? flowPlains : plains, &generator)
        case 4..<7: return doubleQuoted(pick(quotedContents, &generator), &generator)
        default: return singleQuoted(pick(quotedContents, &generator))
        }
    }

    static func spaces(_ generator: inout SeededGenerator) -> String {
        chance(80, &generator) ? "" : String(repeating: " ", count: Int.random(in: 1...3, using: &generator))
    }

    static func flowNode(_ generator: inout SeededGenerator, depth: Int) -> String {
        if depth > 2 || chance(55, &generator) { return scalar(&generator, flow: true) }
        let count = Int.random(in: 0...3, using: &generator)
        if chance(50, &generator) {
            let items = (0..<count).map { _ in flowNode(&generator, depth: depth + 1) }
            return "[" + spaces(&generator) + items.joined(separator: "," + spaces(&generator) + " ") + "]"
        }
        var used: Set<String> = []
        var pairs: [String] = []
        for _ in 0..<count {
            let key = pick(keys.filter { !$0.hasPrefix("-") }, &generator)
            if used.contains(key) && chance(90, &generator) { continue }
            used.insert(key)
            pairs.append(key + ": " + flowNode(&generator, depth: depth + 1))
        }
        return "{" + spaces(&generator) + " " + pairs.joined(separator: ", ") + spaces(&generator) + " }"
    }

    static func comment(_ generator: inout SeededGenerator) -> String {
        chance(15, &generator) ? " # " + pick(["c", "é", "a: b", "- x", "'", ""], &generator) : ""
    }

    static func extraLines(_ generator: inout SeededGenerator) -> String {
        guard chance(15, &generator) else { return "" }
        return pick(
            ["\n", "# note\n", "  # note\n", "      # indenté\n", " \n", "#\n"], &generator)
    }

    static func inlineValue(_ generator: inout SeededGenerator) -> String {
        chance(20, &generator) ? flowNode(&generator, depth: 1) : scalar(&generator, flow: false)
    }

    /// A block mapping at `indent` (the first key written after `lead`, which already holds the
    /// indentation of the first line).
    static func mapping(
        _ generator: inout SeededGenerator, indent: Int, depth: Int, lead: String, into out: inout String
    ) {
        let count = Int.random(in: 1...4, using: &generator)
        var used: Set<String> = []
        for index in 0..<count {
            var key = pick(keys, &generator)
            if used.contains(key) && chance(95, &generator) { key += "\(index)" }
            used.insert(key)
            out += index == 0 ? lead : String(repeating: " ", count: indent)
            out += key + ":"
            let choice = depth > 3 ? 0 : Int.random(in: 0..<10, using: &generator)
            switch choice {
            case 0..<6:
                out +=
                    " " + spaces(&generator) + inlineValue(&generator) + spaces(&generator) + comment(&generator)
                    + "\n"
            case 6, 7:
                out += comment(&generator) + "\n" + extraLines(&generator)
                let inner = indent + Int.random(in: 1...3, using: &generator)
                mapping(
                    &generator, indent: inner, depth: depth + 1, lead: String(repeating: " ", count: inner), into: &out)
            default:
                out += comment(&generator) + "\n" + extraLines(&generator)
                let inner = chance(50, &generator) ? indent : indent + Int.random(in: 1...3, using: &generator)
                sequence(&generator, indent: inner, depth: depth + 1, into: &out)
            }
            out += extraLines(&generator)
        }
    }

    static func sequence(_ generator: inout SeededGenerator, indent: Int, depth: Int, into out: inout String) {
        let count = Int.random(in: 1...3, using: &generator)
        for _ in 0..<count {
            let pad = String(repeating: " ", count: indent)
            let gap = chance(80, &generator) ? 1 : Int.random(in: 2...3, using: &generator)
            if depth < 4 && chance(50, &generator) {
                mapping(
                    &generator, indent: indent + 1 + gap, depth: depth + 1,
                    lead: pad + "-" + String(repeating: " ", count: gap), into: &out)
            } else {
                out +=
                    pad + "-" + String(repeating: " ", count: gap) + inlineValue(&generator) + spaces(&generator)
                    + comment(&generator) + "\n"
            }
            out += extraLines(&generator)
        }
    }

    static func document(_ generator: inout SeededGenerator) -> String {
        var out = chance(20, &generator) ? "# en-tête\n" : ""
        if chance(10, &generator) {
            sequence(&generator, indent: 0, depth: 0, into: &out)
        } else {
            let indent = chance(10, &generator) ? 2 : 0
            mapping(&generator, indent: indent, depth: 0, lead: String(repeating: " ", count: indent), into: &out)
        }
        if chance(10, &generator) { out.removeLast() }
        return out
    }

    static let hostileScalars: [Unicode.Scalar] = [
        " ", "\t", "\r", "\n", ":", "#", "-", "'", "\"", "\\", "[", "]", "{", "}", ",", "&", "*", "!", "|", ">", "%",
        "@", "`", "?", ".", "\u{85}", "\u{2028}", "\u{FEFF}", "\u{A0}", "é", "\u{301}", "x", "1", "\u{7F}", "\u{1B}",
    ]

    /// `text` with `edits` random edits: a character inserted, removed or replaced, a line's
    /// indentation changed, a line doubled.
    static func mutated(_ text: String, _ generator: inout SeededGenerator, edits: Int) -> String {
        var scalars = Array(text.unicodeScalars)
        for _ in 0..<edits {
            let at = scalars.isEmpty ? 0 : Int.random(in: 0..<scalars.count, using: &generator)
            switch Int.random(in: 0..<5, using: &generator) {
            case 0:
                scalars.insert(pick(hostileScalars, &generator), at: at)
            case 1:
                if !scalars.isEmpty { scalars.remove(at: at) }
            case 2:
                if !scalars.isEmpty { scalars[at] = pick(hostileScalars, &generator) }
            case 3:
                // The indentation of the line holding `at`, one more or one less.
                var start = at
                while start > 0 && scalars[start - 1] != "\n" { start -= 1 }
                if chance(50, &generator) {
                    scalars.insert(" ", at: start)
                } else if start < scalars.count && scalars[start] == " " {
                    scalars.remove(at: start)
                }
            default:
                var start = at
                while start > 0 && scalars[start - 1] != "\n" { start -= 1 }
                var end = at
                while end < scalars.count && scalars[end] != "\n" { end += 1 }
                if end < scalars.count { scalars.insert(contentsOf: scalars[start...end], at: start) }
            }
        }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars)
        return String(out)
    }

    /// A case the way scripts/make-batch.py writes one.
    static func batchCase(_ generator: inout SeededGenerator) -> String {
        let n = Int.random(in: 1...6, using: &generator)
        var out = "# Generated by scripts/make-batch.py (debtor \(n), public).\nversion: 1\n"
        out += "reference: \"F09-\(Int.random(in: 100_000...999_999, using: &generator))\"\nas_of: 2026-11-23\n"
        out += "creditor:\n  kind: company\n  name: \"Paysages Girard\"\n  legal_form: SA\n  siren: \"708452057\"\n"
        out +=
            "  address: { lines: [\"126 avenue de la Libération\"], postcode: \"25580\", city: \"Saules\", insee: \"25535\" }\n"
        out += "  representative: \"Maxime Durand, gérant\"\n  iban: \"FR7625498770627169394097059\"\n"
        out += "debtor:\n  kind: \(pick(["company", "consumer", "public_body"], &generator))\n"
        out +=
            "  name: \(doubleQuoted(pick(["Commune de Saint-Couat-du-Razès", "L'Atelier \"Bleu\"", "Ünal"], &generator), &generator))\n"
        out +=
            "  address: { lines: [\"Hôtel de Ville\", \"Place de la Mairie\"], postcode: \"11300\", city: \"Saint-Couat-du-Razès\", insee: \"11338\" }\n"
        out += "invoices:\n"
        for index in 0..<n {
            out += "  - number: \"F09-2025-00147-\(index)\"\n    issued: 2025-10-16\n    due: 2025-12-15\n"
            out +=
                "    amount: \(Int.random(in: 1...99_999, using: &generator)).\(Int.random(in: 10...99, using: &generator))\n"
            out += "    description: \"Entretien d'espaces verts, lot \(index)\"\n"
        }
        if chance(70, &generator) {
            out += "payments:\n  - date: 2026-03-08\n    amount: 223.98\n    invoice: \"F09-2025-00147-0\"\n"
        }
        out += "events:\n  - type: formal_notice\n    date: 2026-02-23\n    channel: registered_letter\n"
        out += "    letter: \"pieces/211133848/mise-en-demeure-envoyee.txt\"\n"
        out += "exhibits:\n  - title: \"Acte d'engagement du marché\"\n    file: \"pieces/211133848/contrat.txt\"\n"
        return out
    }
}
