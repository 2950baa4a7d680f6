import Foundation
import RecouvreJSON
import Testing

@Suite("JSON value rendering")
struct JSONValueTests {
    @Test(
        "Quotes and backslashes are escaped",
        arguments: [
            ("say \"hi\"", #""say \"hi\"""#),
            (#"C:\dossiers\2026"#, #""C:\\dossiers\\2026""#),
            ("a/b", #""a/b""#),
        ])
    func quotesAndBackslashes(text: String, expected: String) {
        #expect(JSONValue.string(text).rendered() == expected + "\n")
    }

    @Test("Control characters use the short escapes or \\u00XX in lowercase hex")
    func controlCharacters() {
        let text = "l1\nl2\r\tx\u{0}\u{1}\u{8}\u{c}\u{1b}\u{1f} end"
        #expect(JSONValue.string(text).rendered() == #""l1\nl2\r\tx\u0000\u0001\u0008\u000c\u001b\u001f end""# + "\n")
    }

    @Test("Non-ASCII characters stay as UTF-8, not \\u escapes")
    func nonASCII() throws {
        // U+00A0 (no-break space, as in "1 234,56 €"), accents, an emoji and DEL (0x7f, not a control below 0x20).
        let text = "Créance de 1\u{A0}234,56\u{A0}€ — Strasbourg 🇫🇷\u{7f}"
        let rendered = JSONValue.string(text).rendered()
        #expect(rendered == "\"" + text + "\"\n")
        #expect(!rendered.contains("\\u"))
        let parsed = try JSONSerialization.jsonObject(with: Data(rendered.utf8), options: .fragmentsAllowed) as? String
        #expect(parsed == text)
    }

    @Test("Scalars, null and integers")
    func scalars() {
        #expect(JSONValue.null.rendered() == "null\n")
        #expect(JSONValue.integer(-42).rendered() == "-42\n")
        #expect(JSONValue.integer(Int64.max).rendered() == "9223372036854775807\n")
        #expect(JSONValue.optional(nil).rendered() == "null\n")
        #expect(JSONValue.optional("x").rendered() == "\"x\"\n")
    }

    @Test("Empty arrays and objects stay on one line, also when nested")
    func empties() {
        #expect(JSONValue.array([]).rendered() == "[]\n")
        #expect(JSONValue.object([]).rendered() == "{}\n")
        let nested = JSONValue.object([("items", .array([])), ("extra", .object([]))])
        #expect(nested.rendered() == "{\n  \"items\": [],\n  \"extra\": {}\n}\n")
    }

    @Test("Nesting: two spaces a level, `\"key\": value`, keys in the order given")
    func nesting() {
        let value = JSONValue.object([
            ("zeta", .string("first")),
            ("alpha", .array([.integer(1), .object([("b", .null), ("a", .array([.string("x")]))])])),
            ("mid", .null),
        ])
        let expected = """
            {
              "zeta": "first",
              "alpha": [
                1,
                {
                  "b": null,
                  "a": [
                    "x"
                  ]
                }
              ],
              "mid": null
            }

            """
        #expect(value.rendered() == expected)
    }

    @Test("sortedObject orders keys by their UTF-8 bytes (uppercase before lowercase, é after z)")
    func sortedKeys() {
        let value = JSONValue.sortedObject([
            "é": .integer(4), "b": .integer(2), "a_b": .integer(1), "Z": .integer(0), "z": .integer(3),
        ])
        #expect(value.rendered() == "{\n  \"Z\": 0,\n  \"a_b\": 1,\n  \"b\": 2,\n  \"z\": 3,\n  \"é\": 4\n}\n")
    }

    @Test("The same value always renders to the same bytes, and Foundation reads them back")
    func determinism() throws {
        func build() -> JSONValue {
            .sortedObject([
                "notices": .array(
                    (0..<50).map { index in
                        .sortedObject([
                            "id": .integer(Int64(index)), "name": .string("Débiteur \(index) \"SARL\""),
                            "siren": index.isMultiple(of: 3) ? .null : .string("\(552_100_554 + index)"),
                        ])
                    }),
                "schema": .string("test/1"),
            ])
        }
        let first = build().rendered()
        for _ in 0..<5 { #expect(build().rendered() == first) }
        let parsed = try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any]
        let notices = parsed?["notices"] as? [[String: Any]]
        #expect(notices?.count == 50)
        #expect(notices?[1]["name"] as? String == "Débiteur 1 \"SARL\"")
        #expect(notices?[0]["siren"] is NSNull)
    }

    /// `rendered()` writes bytes; the first writer (String appends, scalar by scalar) stays as the
    /// reference: 3,000 generated documents (nesting, empties, every control character, quotes,
    /// backslashes, non-ASCII and emoji, extreme integers) give the same text through both.
    @Test("the byte writer gives the text of the first writer on generated documents")
    func byteWriterMatchesReference() {
        var state: UInt64 = 0x1234_5678_9ABC_DEF0
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let pieces: [String] = [
            "a", "Créance", "\u{A0}", "€", "🇫🇷", "\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1f}", "\u{7f}", "/", " ",
            "é",
            "01-releve-de-compte.txt", "e\u{301}", "\u{202F}",
        ]
        func string() -> String {
            (0..<Int(next() % 6)).map { _ in pieces[Int(next() % UInt64(pieces.count))] }.joined()
        }
        func value(_ depth: Int) -> JSONValue {
            switch next() % (depth > 3 ? 3 : 5) {
            case 0: return .string(string())
            case 1:
                return [Int64.min, Int64.max, 0, -1, 42, Int64(bitPattern: next())].map(JSONValue.integer)[
                    Int(next() % 6)]
            case 2: return .null
            case 3: return .array((0..<Int(next() % 4)).map { _ in value(depth + 1) })
            default: return .object((0..<Int(next() % 4)).map { _ in (string(), value(depth + 1)) })
            }
        }
        for _ in 0..<3_000 {
            let document = value(0)
            #expect(document.rendered() == document.referenceRendered())
            // The bytes of the reference rendering itself (String == would accept other normal forms).
            #expect(Array(document.renderedData()) == Array(document.referenceRendered().utf8))
        }
    }
}
