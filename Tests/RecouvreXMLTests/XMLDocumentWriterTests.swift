import Foundation
import RecouvreXML
import Testing

@Suite("XMLDocumentWriter")
struct XMLDocumentWriterTests {
    private func sample() throws -> Data {
        let writer = try XMLDocumentWriter()
        try writer.element("dossier", namespace: "urn:example:1", attributes: [("version", "1")]) {
            try writer.element("party", attributes: [("role", "creditor")]) {
                try writer.element("name", text: "Dupont & Fils <SARL>")
                try writer.element("city", text: "Châlons-en-Champagne")
                try writer.element("email", textIfPresent: nil)
            }
            try writer.element("empty") {}
        }
        return try writer.finish()
    }

    @Test("writes a declaration, two-space indentation and a final line feed, in call order")
    func layout() throws {
        let expected = """
            <?xml version="1.0" encoding="UTF-8"?>
            <dossier xmlns="urn:example:1" version="1">
              <party role="creditor">
                <name>Dupont &amp; Fils &lt;SARL&gt;</name>
                <city>Châlons-en-Champagne</city>
              </party>
              <empty/>
            </dossier>

            """
        #expect(String(decoding: try sample(), as: UTF8.self) == expected)
    }

    @Test("the same calls give the same bytes")
    func deterministic() throws {
        #expect(try sample() == sample())
    }

    @Test("attribute values escape quotes, ampersands, angle brackets and line breaks")
    func attributeEscaping() throws {
        let writer = try XMLDocumentWriter()
        try writer.element("a", attributes: [("title", "say \"hi\" & <go>\nnext\tline")]) {}
        let text = String(decoding: try writer.finish(), as: UTF8.self)
        #expect(text.contains(#"<a title="say &quot;hi&quot; &amp; &lt;go&gt;&#10;next&#9;line"/>"#))
    }

    @Test(
        "text and attribute values survive a round trip through the parser",
        arguments: [
            "plain", "Dupont & Fils", "<b>not markup</b>", "quote \" and apostrophe '", "1 234,56\u{00A0}€",
            "line one\nline two", "carriage\r\nreturn", "emoji 🧾 and CJK 請求書", "]]> end of CDATA", "  spaced  ",
        ])
    func roundTrip(value: String) throws {
        let writer = try XMLDocumentWriter()
        try writer.element("root", attributes: [("value", value)]) {
            try writer.element("text", text: value)
        }
        let root = try SafeXMLParser.parse(try writer.finish())
        #expect(root.attribute("value") == value)
        #expect(root.child("text")?.text == value)
    }

    @Test("characters XML 1.0 cannot carry become U+FFFD and the document still parses")
    func forbiddenCharacters() throws {
        let writer = try XMLDocumentWriter()
        try writer.element("root", text: "bell\u{07}null\u{00}end\u{FFFE}")
        let root = try SafeXMLParser.parse(try writer.finish())
        #expect(root.text == "bell\u{FFFD}null\u{FFFD}end\u{FFFD}")
    }

    @Test("invalid element and attribute names are refused", arguments: ["", "1abc", "a b", "a<b"])
    func invalidNames(name: String) throws {
        let writer = try XMLDocumentWriter()
        #expect(throws: XMLError.self) { try writer.element(name, text: "x") }
        #expect(throws: XMLError.self) { try writer.element("ok", attributes: [(name, "x")]) {} }
    }

    @Test("text outside any element and a second finish are refused")
    func misuse() throws {
        let writer = try XMLDocumentWriter()
        #expect(throws: XMLError.self) { try writer.text("loose") }
        try writer.element("root") {}
        _ = try writer.finish()
        #expect(throws: XMLError.self) { try writer.finish() }
    }

    @Test("a comment cannot contain a double hyphen")
    func comments() throws {
        let writer = try XMLDocumentWriter()
        try writer.element("root") {
            try writer.comment(" generated ")
            #expect(throws: XMLError.self) { try writer.comment("a -- b") }
        }
        #expect(String(decoding: try writer.finish(), as: UTF8.self).contains("<!-- generated -->"))
    }
}
