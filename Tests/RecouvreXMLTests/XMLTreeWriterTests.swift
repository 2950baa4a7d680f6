import Foundation
import RecouvreTestSupport
import Testing

@testable import RecouvreXML

/// `XMLTreeWriter` must write, byte for byte, what `XMLDocumentWriter` (libxml2's xmlTextWriter) writes
/// for the same calls, and its tree must validate as the parsed bytes do.
@Suite("XMLTreeWriter: libxml2's bytes and an in-memory tree")
struct XMLTreeWriterTests {
    /// The calls both writers support.
    indirect enum Node {
        case element(String, namespace: String?, attributes: [(String, String)], [Node])
        case text(String)
    }

    func write(_ root: Node, to writer: XMLDocumentWriter) throws {
        switch root {
        case .element(let name, let namespace, let attributes, let children):
            try writer.element(name, namespace: namespace, attributes: attributes) {
                for child in children { try write(child, to: writer) }
            }
        case .text(let text): try writer.text(text)
        }
    }

    func write(_ root: Node, to writer: XMLTreeWriter) throws {
        switch root {
        case .element(let name, let namespace, let attributes, let children):
            try writer.element(name, namespace: namespace, attributes: attributes) {
                for child in children { try write(child, to: writer) }
            }
        case .text(let text): try writer.text(text)
        }
    }

    func both(_ root: Node) throws -> (reference: String, tree: String) {
        let reference = try XMLDocumentWriter()
        try write(root, to: reference)
        let tree = try XMLTreeWriter()
        try write(root, to: tree)
        return (
            String(decoding: try reference.finish(), as: UTF8.self), String(decoding: try tree.finish(), as: UTF8.self)
        )
    }

    static let values = [
        "plain", "", "Dupont & Fils <SARL>", "quote \" and apostrophe '", "1 234,56\u{00A0}€", "line one\nline two",
        "carriage\r\nreturn", "tab\there", "emoji 🧾 and CJK 請求書", "]]> end of CDATA", "  spaced  ",
        "Châlons-en-Champagne",
        "bell\u{07}null\u{00}end\u{FFFE}", "é", ">",
    ]

    @Test("text and attribute values come out as xmlTextWriter writes them", arguments: values)
    func sameEscaping(value: String) throws {
        let root = Node.element(
            "root", namespace: "urn:example:1", attributes: [("value", value), ("n", "1")],
            [
                .element("text", namespace: nil, attributes: [], [.text(value)]),
                .element("attributed", namespace: nil, attributes: [("v", value)], [.text(value)]),
            ])
        let (reference, tree) = try both(root)
        #expect(tree == reference)
    }

    @Test("nesting, empty elements, empty text and namespaces come out as xmlTextWriter writes them")
    func sameLayout() throws {
        let root = Node.element(
            "dossier", namespace: "urn:recouvre:dossier:1", attributes: [("version", "1")],
            [
                .element("empty", namespace: nil, attributes: [], []),
                .element("blank", namespace: nil, attributes: [], [.text("")]),
                .element(
                    "party", namespace: nil, attributes: [("role", "creditor")],
                    [
                        .element("name", namespace: nil, attributes: [], [.text("Dupont")]),
                        .element(
                            "address", namespace: nil, attributes: [],
                            [
                                .element("line", namespace: nil, attributes: [], [.text("1 rue")]),
                                .element("deep", namespace: nil, attributes: [("a", "b")], []),
                            ]),
                    ]),
                .element(
                    "other", namespace: "urn:other", attributes: [], [.element("x", namespace: nil, attributes: [], [])]
                ),
                .element("two", namespace: nil, attributes: [], [.text("a"), .text("b")]),
            ])
        let (reference, tree) = try both(root)
        #expect(tree == reference)
        #expect(tree.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<dossier xmlns="))
        #expect(tree.hasSuffix("</dossier>\n"))
    }

    static let schema = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns="urn:test:1"
                   targetNamespace="urn:test:1" elementFormDefault="qualified">
          <xs:element name="invoice">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="due" type="xs:date"/>
                <xs:element name="note" type="xs:string" minOccurs="0"/>
              </xs:sequence>
              <xs:attribute name="version" type="xs:integer" use="required"/>
            </xs:complexType>
          </xs:element>
        </xs:schema>
        """

    func invoice(due: String, version: String = "1", namespace: String = "urn:test:1") throws -> XMLTreeWriter {
        let writer = try XMLTreeWriter()
        try writer.element("invoice", namespace: namespace, attributes: [("version", version)]) {
            try writer.element("due", text: due)
            try writer.element("note", text: "say \"hi\" & <go>")
        }
        return writer
    }

    @Test("the tree validates in memory as its bytes do, the namespace inherited by every child")
    func validatesTree() throws {
        let validator = try XMLSchemaValidator(schemaData: Data(Self.schema.utf8), name: "test.xsd")
        let writer = try invoice(due: "2025-04-30")
        let data = try writer.finish()
        try validator.validate(writer, name: "good.xml")
        try validator.validate(data, name: "good.xml")
    }

    @Test(
        "a tree that does not conform is refused with the errors located in its bytes",
        arguments: [
            ("2025-02-30", "1", "urn:test:1"), ("2025-04-30", "one", "urn:test:1"), ("2025-04-30", "1", "urn:x"),
        ])
    func refusesTree(due: String, version: String, namespace: String) throws {
        let validator = try XMLSchemaValidator(schemaData: Data(Self.schema.utf8), name: "test.xsd")
        let writer = try invoice(due: due, version: version, namespace: namespace)
        let data = try writer.finish()
        let fromTree = try #require(throws: XMLValidationError.self) { try validator.validate(writer, name: "bad.xml") }
        let fromBytes = try #require(throws: XMLValidationError.self) { try validator.validate(data, name: "bad.xml") }
        #expect(fromTree.errors == fromBytes.errors)
        #expect(fromTree.errors.allSatisfy { $0.line > 0 })
    }

    /// Issue 12 (large cases): dossier.xml is written without the tree and validated as libxml2
    /// streams its bytes.
    @Test("without a tree the writer writes the same bytes, for every value and layout")
    func bytesWithoutTree() throws {
        for value in Self.values {
            let root = Node.element(
                "root", namespace: "urn:example:1", attributes: [("value", value)],
                [
                    .element("text", namespace: nil, attributes: [], [.text(value)]),
                    .element("empty", namespace: nil, attributes: [], []),
                    .element("nested", namespace: nil, attributes: [("v", value)], [.text(value), .text(value)]),
                ])
            let tree = try XMLTreeWriter()
            try write(root, to: tree)
            let bytes = try XMLTreeWriter(buildsTree: false)
            try write(root, to: bytes)
            #expect(try bytes.finish() == tree.finish(), "\(value.debugDescription)")
        }
        let writer = try XMLTreeWriter(buildsTree: false)
        #expect(throws: XMLError.self) { try writer.finish() }
        try writer.element("root") {}
        #expect(throws: XMLError.self) { try writer.element("second") {} }
        let validator = try XMLSchemaValidator(schemaData: Data(Self.schema.utf8), name: "test.xsd")
        #expect(throws: XMLValidationError.self) { try validator.validate(writer, name: "no-tree.xml") }
    }

    /// Collects what a writer hands to its `output`, piece by piece.
    final class Pieces {
        var data = Data()
        var sizes: [Int] = []
        func take(_ bytes: UnsafeRawBufferPointer) {
            data.append(contentsOf: bytes)
            sizes.append(bytes.count)
        }
    }

    @Test("a writer with an output hands it the same bytes in pieces of about a megabyte, and keeps none")
    func outputPieces() throws {
        // Large engineer (issue 12): dossier.xml goes to its file while written. 40,000 elements of
        // every value and layout: several pieces, the last at finish.
        var children: [Node] = []
        for index in 0..<40_000 {
            let value = Self.values[index % Self.values.count]
            children.append(
                .element(
                    "item", namespace: nil, attributes: [("n", String(index)), ("v", value)],
                    [
                        .element("text", namespace: nil, attributes: [], [.text(value)]),
                        .element("empty", namespace: nil, attributes: [], []),
                    ]))
        }
        let root = Node.element("root", namespace: "urn:example:1", attributes: [], children)
        let kept = try XMLTreeWriter(buildsTree: false)
        try write(root, to: kept)
        let expected = try kept.finish()
        let pieces = Pieces()
        let streamed = try XMLTreeWriter(buildsTree: false, output: { pieces.take($0) })
        try write(root, to: streamed)
        #expect(try streamed.finish() == Data())
        #expect(pieces.data == expected)
        #expect(pieces.sizes.count >= expected.count / (XMLTreeWriter.outputChunk + 4_096))
        #expect(pieces.sizes.count >= 3)
        #expect(
            pieces.sizes.dropLast().allSatisfy {
                $0 >= XMLTreeWriter.outputChunk && $0 < XMLTreeWriter.outputChunk + 4_096
            })
        // A failing output fails the call that was writing.
        struct Full: Error {}
        let failing = try XMLTreeWriter(buildsTree: false, output: { _ in throw Full() })
        #expect(throws: Full.self) { try write(root, to: failing) }
    }

    @Test("streamed validation accepts what the tree validation accepts")
    func streamAccepts() throws {
        let validator = try XMLSchemaValidator(schemaData: Data(Self.schema.utf8), name: "test.xsd")
        let data = try invoice(due: "2025-04-30").finish()
        try validator.validateStream(data, name: "good.xml")
        // Larger than one 1 MB chunk of the push parser: a note of 3 MB split across chunks.
        let writer = try XMLTreeWriter(buildsTree: false)
        try writer.element("invoice", namespace: "urn:test:1", attributes: [("version", "1")]) {
            try writer.element("due", text: "2025-04-30")
            try writer.element("note", text: String(repeating: "é & < ", count: 400_000))
        }
        let large = try writer.finish()
        #expect(large.count > 3_000_000)
        try validator.validateStream(large, name: "large.xml")
    }

    @Test(
        "streamed validation refuses what the tree validation refuses, with the same located errors",
        arguments: [
            ("2025-02-30", "1", "urn:test:1"), ("2025-04-30", "one", "urn:test:1"), ("2025-04-30", "1", "urn:x"),
        ])
    func streamRefuses(due: String, version: String, namespace: String) throws {
        let validator = try XMLSchemaValidator(schemaData: Data(Self.schema.utf8), name: "test.xsd")
        let data = try invoice(due: due, version: version, namespace: namespace).finish()
        let streamed = try #require(throws: XMLValidationError.self) {
            try validator.validateStream(data, name: "bad.xml")
        }
        let parsed = try #require(throws: XMLValidationError.self) { try validator.validate(data, name: "bad.xml") }
        #expect(streamed.errors == parsed.errors)
        #expect(streamed.errors.allSatisfy { $0.line > 0 })
        // Bytes that are not even well-formed are refused too.
        let truncated = data.prefix(data.count - 12)
        #expect(throws: XMLValidationError.self) { try validator.validateStream(Data(truncated), name: "cut.xml") }
    }

    @Test("the fast name and text checks agree with libxml2's and with the scalar-by-scalar check")
    func fastChecks() throws {
        let names = [
            "invoice", "flat-fee", "as-of", "a", "_x", "A.b", "x1", "1abc", "-a", ".a", "", "a b", "é", "a:b",
            "cour-d-appel", "ns:tag", "a\u{00}",
        ]
        for name in names {
            let libxml = !name.isEmpty && xmlNameIsValid(name)
            if XMLTreeWriter.isPlainName(name) { #expect(libxml, "\(name)") }
        }
        #expect(XMLTreeWriter.isPlainName("invoice") && XMLTreeWriter.isPlainName("flat-fee"))
        #expect(!XMLTreeWriter.isPlainName("1abc") && !XMLTreeWriter.isPlainName(""))
        var texts = Self.values + ["\u{FFFD}", "\u{FFFF}", "a\u{FFFE}b", "\u{EFFF}", "\u{FEFF}", "\u{1F}", "\t\n\r"]
        // Every BMP scalar around the edges of the allowed ranges, and a sample of the rest.
        for value in Array(0...0x7F) + Array(0xD7F0...0xD7FF) + Array(0xE000...0xE010) + Array(0xEF00...0xFFFF)
            + Array(stride(from: 0x80, to: 0xD7F0, by: 97))
        {
            if let scalar = Unicode.Scalar(value) { texts.append("a" + String(Character(scalar)) + "z") }
        }
        for text in texts {
            let slow = text.unicodeScalars.allSatisfy { scalar in
                switch scalar.value {
                case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
                default: return false
                }
            }
            #expect(XMLDocumentWriter.isXMLText(text) == slow, "\(text.debugDescription)")
            // The plain-text shortcut of the tree-less writer: only texts the full path copies unchanged.
            let plain = text.utf8.withContiguousStorageIfAvailable(XMLTreeWriter.isPlainText) ?? false
            let escaped = XMLBytes(capacity: 64)
            XMLTreeWriter.escapeText(XMLDocumentWriter.sanitized(text), into: escaped)
            if plain { #expect(escaped.copy() == Data(text.utf8), "\(text.debugDescription)") }
            // And the tree-less writer writes what the tree writer writes, shortcut or not.
            let root = Node.element("v", namespace: nil, attributes: [], [.text(text)])
            let withTree = try XMLTreeWriter()
            try write(root, to: withTree)
            let bytesOnly = try XMLTreeWriter(buildsTree: false)
            try write(root, to: bytesOnly)
            #expect(try withTree.finish() == bytesOnly.finish(), "\(text.debugDescription)")
        }
        #expect(XMLTreeWriter.isPlainText(UnsafeBufferPointer(start: nil, count: 0)))
        for plain in ["2026-11-23", "1234.50", "FA-000001", "Bâtiments Durand", "a\tb\nc"] {
            #expect(plain.utf8.withContiguousStorageIfAvailable(XMLTreeWriter.isPlainText) == true, "\(plain)")
        }
        for other in ["a<b", "a&b", "\"", "a\rb", "\u{FFFE}", "\u{FEFF}", "\u{07}"] {
            #expect(other.utf8.withContiguousStorageIfAvailable(XMLTreeWriter.isPlainText) == false, "\(other)")
        }
    }

    @Test("the word-at-a-time plain-text check is the byte-by-byte one")
    func plainTextWords() {
        func check(_ bytes: [UInt8]) {
            bytes.withUnsafeBufferPointer { buffer in
                #expect(XMLTreeWriter.isPlainText(buffer) == XMLTreeWriter.isPlainTextByByte(buffer), "\(bytes)")
            }
        }
        // Every byte value at every position of texts of 1 to 25 bytes (the eight-byte words, their
        // edges and the tail), in an ASCII text and next to a two-byte scalar.
        for length in 1...25 {
            for position in 0..<length {
                for value in 0...255 {
                    var bytes = Array(repeating: UInt8(ascii: "a"), count: length)
                    bytes[position] = UInt8(value)
                    check(bytes)
                    if position + 2 < length {
                        bytes[position + 1] = 0xC3
                        bytes[position + 2] = 0xA9
                        check(bytes)
                    }
                }
            }
        }
        // Seeded random texts over the bytes that matter.
        var generator = SeededGenerator(seed: 0x1234_5678)
        func next() -> UInt64 { generator.next() }
        let alphabet: [UInt8] =
            [
                0x00, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x21, 0x22, 0x26, 0x3C, 0x3D, 0x3E, 0x7F, 0x80, 0xC3, 0xA9, 0xEF,
                0xBF,
            ]
            + Array("abcXYZ019-.:;/'".utf8)
        for _ in 0..<50_000 {
            let count = Int(next() % 40)
            let rare = next() % 4 == 0
            check(
                (0..<count).map { _ in
                    rare || next() % 16 == 0 ? alphabet[Int(next() % UInt64(alphabet.count))] : UInt8(ascii: "e")
                })
        }
        for text in [
            "", "Bâtiments Durand", "e\u{0301}té", "a\r\nb", "1\u{00A0}234,56\u{00A0}€", "\u{FFFE}\u{FFFF}",
            String(repeating: "averyverylongword", count: 20), "tab\there", "line\nfeed",
            "«\u{202F}guillemets\u{202F}»",
        ] {
            check(Array(text.utf8))
        }
    }

    /// libxml2's own check of a name (`XMLDocumentWriter` asks `xmlValidateName`).
    func xmlNameIsValid(_ name: String) -> Bool {
        (try? XMLDocumentWriter().element(name, text: "x")) != nil
    }

    @Test("misuse is refused as XMLDocumentWriter refuses it")
    func misuse() throws {
        let writer = try XMLTreeWriter()
        #expect(throws: XMLError.self) { try writer.text("loose") }
        #expect(throws: XMLError.self) { try writer.element("1abc", text: "x") }
        #expect(throws: XMLError.self) { try writer.finish() }
        try writer.element("root") {
            try writer.text("x")
            #expect(throws: XMLError.self) { try writer.attribute("late", "x") }
        }
        #expect(throws: XMLError.self) { try writer.element("second") {} }
        _ = try writer.finish()
        #expect(throws: XMLError.self) { try writer.finish() }
    }
}
