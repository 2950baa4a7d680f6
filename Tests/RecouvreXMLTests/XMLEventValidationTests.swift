import Foundation
import Testing

@testable import RecouvreXML

/// Issue 12 (large cases): `XMLTreeWriter(validating:)` hands its events to libxml2's schema validator
/// instead of having the bytes parsed back. Its verdict must be the one of validating the bytes it
/// wrote (`validateStream`, the parser's events), on documents made valid and invalid in many ways:
/// element order and counts, patterns, whitespace, fixed values, mixed and element-only content, empty
/// content, attribute values with `&`, namespaces.
@Suite("XMLTreeWriter(validating:): the verdict of validating the written bytes")
struct XMLEventValidationTests {
    static let schema = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns="urn:test:2"
                   targetNamespace="urn:test:2" elementFormDefault="qualified">
          <xs:element name="root">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="code" minOccurs="0" maxOccurs="unbounded">
                  <xs:simpleType>
                    <xs:restriction base="xs:string"><xs:pattern value="[A-Z]{2}-[0-9]+"/></xs:restriction>
                  </xs:simpleType>
                </xs:element>
                <xs:element name="amount" type="xs:decimal" minOccurs="0" maxOccurs="unbounded"/>
                <xs:element name="fixed" type="xs:string" fixed="a &amp; b" minOccurs="0"/>
                <xs:element name="token" type="xs:token" minOccurs="0" maxOccurs="unbounded"/>
                <xs:element name="text" type="xs:string" minOccurs="0" maxOccurs="unbounded"/>
                <xs:element name="mixed" minOccurs="0" maxOccurs="unbounded">
                  <xs:complexType mixed="true">
                    <xs:sequence><xs:element name="b" type="xs:string" minOccurs="0" maxOccurs="unbounded"/></xs:sequence>
                  </xs:complexType>
                </xs:element>
                <xs:element name="group" minOccurs="0" maxOccurs="unbounded">
                  <xs:complexType>
                    <xs:sequence><xs:element name="item" type="xs:integer" maxOccurs="3"/></xs:sequence>
                    <xs:attribute name="kind">
                      <xs:simpleType>
                        <xs:restriction base="xs:string">
                          <xs:enumeration value="a&amp;b"/><xs:enumeration value="plain"/>
                          <xs:enumeration value="a&amp;#38;b"/>
                        </xs:restriction>
                      </xs:simpleType>
                    </xs:attribute>
                  </xs:complexType>
                </xs:element>
                <xs:element name="empty" minOccurs="0"><xs:complexType/></xs:element>
              </xs:sequence>
              <xs:attribute name="version" type="xs:integer" use="required"/>
            </xs:complexType>
          </xs:element>
        </xs:schema>
        """

    /// The calls a document is written with, and their writing: `XMLTreeWriterTests`'.
    typealias Node = XMLTreeWriterTests.Node

    func write(_ node: Node, to writer: XMLTreeWriter) throws {
        try XMLTreeWriterTests().write(node, to: writer)
    }

    static let texts = [
        "AB-12", "ab-1", "AB-", "12.50", "1,5", "-0.001", "a & b", " a & b ", "a &amp; b", "  spaced  token ", "x<y>z",
        "", "\n", " ", "line\nnext", "é€ 請求書 🧾", "\r", "tab\there", "3", "4", "x", "\"quoted\"", "bell\u{07}",
    ]
    static let kinds = ["a&b", "plain", "a&#38;b", "a&amp;b", "other", "", "line\nfeed"]
    static let names = ["code", "amount", "fixed", "token", "text", "mixed", "group", "empty", "b", "item", "unknown"]

    /// A seeded generator (the same documents on every run).
    struct Seeded {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    func child(_ random: inout Seeded, depth: Int) -> Node {
        let name = random.next(5) == 0 ? Self.names[random.next(Self.names.count)] : Self.names[random.next(8)]
        var children: [Node] = []
        switch name {
        case "group":
            for _ in 0..<random.next(5) {
                children.append(
                    random.next(6) == 0
                        ? .text(Self.texts[random.next(Self.texts.count)])
                        : .element(
                            random.next(8) == 0 ? "b" : "item", namespace: nil, attributes: [],
                            [.text(Self.texts[random.next(Self.texts.count)])]))
            }
            let attributes = random.next(3) == 0 ? [] : [("kind", Self.kinds[random.next(Self.kinds.count)])]
            return .element(name, namespace: nil, attributes: attributes, children)
        case "mixed":
            for _ in 0..<random.next(4) {
                children.append(
                    random.next(2) == 0
                        ? .text(Self.texts[random.next(Self.texts.count)])
                        : .element(
                            "b", namespace: nil, attributes: [], [.text(Self.texts[random.next(Self.texts.count)])]))
            }
        case "empty":
            if random.next(3) == 0 { children.append(.text(Self.texts[random.next(Self.texts.count)])) }
            if random.next(4) == 0, depth < 3 { children.append(child(&random, depth: depth + 1)) }
        default:
            for _ in 0..<(random.next(6) == 0 ? 2 : 1) {
                children.append(.text(Self.texts[random.next(Self.texts.count)]))
            }
            if random.next(12) == 0, depth < 3 { children.append(child(&random, depth: depth + 1)) }
        }
        let attributes = random.next(15) == 0 ? [("kind", "plain")] : []
        return .element(name, namespace: random.next(30) == 0 ? "urn:other" : nil, attributes: attributes, children)
    }

    func document(_ random: inout Seeded) -> Node {
        var children: [Node] = []
        for _ in 0..<random.next(7) { children.append(child(&random, depth: 0)) }
        var attributes: [(String, String)] = []
        switch random.next(8) {
        case 0: break
        case 1: attributes = [("version", "one")]
        case 2: attributes = [("version", "1"), ("extra", "a&b")]
        default: attributes = [("version", "1")]
        }
        let namespace = random.next(12) == 0 ? "urn:test:3" : "urn:test:2"
        return .element(random.next(25) == 0 ? "toor" : "root", namespace: namespace, attributes: attributes, children)
    }

    @Test("1,500 seeded documents: the same verdict and the same bytes as validating what was written")
    func sameVerdict() throws {
        let validator = try XMLSchemaValidator(schemaData: Data(Self.schema.utf8), name: "test.xsd")
        var random = Seeded(state: 12)
        var accepted = 0
        for index in 0..<1_500 {
            let root = document(&random)
            let plain = try XMLTreeWriter(buildsTree: false)
            try write(root, to: plain)
            let bytes = try plain.finish()
            let validating = try XMLTreeWriter(buildsTree: false, validating: validator, name: "doc\(index).xml")
            try write(root, to: validating)
            #expect(try validating.finish() == bytes, "document \(index)")
            let streamed = Result { try validator.validateStream(bytes, name: "doc\(index).xml") }
            let whileWritten = validating.validationFailure
            switch streamed {
            case .success:
                accepted += 1
                #expect(whileWritten == nil, "document \(index): \(String(decoding: bytes, as: UTF8.self))")
            case .failure:
                #expect(whileWritten != nil, "document \(index): \(String(decoding: bytes, as: UTF8.self))")
            }
        }
        // Both kinds were tried, in numbers.
        #expect(accepted > 100)
        #expect(accepted < 1_400)
    }

    @Test("many validations and many distinct names: the verdict of the bytes, one compiled copy of the schema")
    func manyNames() throws {
        let validator = try XMLSchemaValidator(schemaData: Data(Self.schema.utf8), name: "test.xsd")
        var random = Seeded(state: 99)
        for index in 0..<200 {
            let validating = try XMLTreeWriter(buildsTree: false, validating: validator, name: "doc\(index).xml")
            try write(document(&random), to: validating)
            _ = try validating.finish()
        }
        // xml (issue 14): one validation at a time, so one copy served the 200 (see `XMLSchemaValidator`).
        #expect(validator.compiledCopies == 1)
        // The names are the writer's own C copies (they used to be shared by the validations of a schema,
        // 4,096 at most): more distinct names than that, the same verdict as the bytes'.
        let limit = 4_096
        let many = Node.element(
            "root", namespace: "urn:test:2", attributes: [("version", "1")],
            (0..<(limit + 300)).map { .element("n\($0)", namespace: nil, attributes: [], [.text("1")]) })
        for round in 0..<2 {
            let validating = try XMLTreeWriter(buildsTree: false, validating: validator, name: "many.xml")
            try write(many, to: validating)
            let bytes = try validating.finish()
            #expect(validating.validationFailure != nil, "round \(round)")
            #expect(throws: XMLValidationError.self) { try validator.validateStream(bytes, name: "many.xml") }
            let valid = try XMLTreeWriter(buildsTree: false, validating: validator, name: "ok.xml")
            try write(
                .element(
                    "root", namespace: "urn:test:2", attributes: [("version", "1")],
                    [.element("amount", namespace: nil, attributes: [], [.text("12.50")])]), to: valid)
            _ = try valid.finish()
            #expect(valid.validationFailure == nil, "round \(round)")
        }
        #expect(validator.compiledCopies == 1)
    }

    @Test("hand-made cases: whitespace, text in element-only content, empty content, fixed values, &")
    func handMade() throws {
        let validator = try XMLSchemaValidator(schemaData: Data(Self.schema.utf8), name: "test.xsd")
        func verdicts(_ children: [Node], attributes: [(String, String)] = [("version", "1")]) throws -> (Bool, Bool) {
            let root = Node.element("root", namespace: "urn:test:2", attributes: attributes, children)
            let writer = try XMLTreeWriter(buildsTree: false, validating: validator, name: "hand.xml")
            try write(root, to: writer)
            let bytes = try writer.finish()
            let streamed = (try? validator.validateStream(bytes, name: "hand.xml")) != nil
            return (writer.validationFailure == nil, streamed)
        }
        let cases: [[Node]] = [
            [],
            [.element("fixed", namespace: nil, attributes: [], [.text("a & b")])],
            [.element("fixed", namespace: nil, attributes: [], [.text("a &amp; b")])],
            [.element("fixed", namespace: nil, attributes: [], [])],
            [.element("empty", namespace: nil, attributes: [], [])],
            [.element("empty", namespace: nil, attributes: [], [.text(" ")])],
            [.element("empty", namespace: nil, attributes: [], [.element("b", namespace: nil, attributes: [], [])])],
            [
                .element(
                    "group", namespace: nil, attributes: [("kind", "a&b")],
                    [.element("item", namespace: nil, attributes: [], [.text("1")])])
            ],
            [
                .element(
                    "group", namespace: nil, attributes: [("kind", "a&#38;b")],
                    [.element("item", namespace: nil, attributes: [], [.text("1")])])
            ],
            [
                .element(
                    "group", namespace: nil, attributes: [],
                    [.text("stray"), .element("item", namespace: nil, attributes: [], [.text("1")])])
            ],
            [
                .element(
                    "group", namespace: nil, attributes: [],
                    [.text("\n  "), .element("item", namespace: nil, attributes: [], [.text("1")])])
            ],
            [.element("token", namespace: nil, attributes: [], [.text("  a  b  ")])],
            [
                .element(
                    "mixed", namespace: nil, attributes: [],
                    [.text("x"), .element("b", namespace: nil, attributes: [], []), .text("y")])
            ],
            [
                .element(
                    "code", namespace: nil, attributes: [],
                    [.text("AB-1"), .element("b", namespace: nil, attributes: [], [])])
            ],
            [.element("amount", namespace: nil, attributes: [], [.text(" 12.5\n")])],
        ]
        for (index, children) in cases.enumerated() {
            let (whileWritten, streamed) = try verdicts(children)
            #expect(whileWritten == streamed, "case \(index)")
        }
        let (missing, missingStreamed) = try verdicts([], attributes: [])
        #expect(!missing && !missingStreamed)
    }

    @Test("a refusal while written keeps the errors libxml2 gave; the bytes' validation locates them")
    func refusalErrors() throws {
        let validator = try XMLSchemaValidator(schemaData: Data(Self.schema.utf8), name: "test.xsd")
        let writer = try XMLTreeWriter(buildsTree: false, validating: validator, name: "bad.xml")
        try writer.element("root", namespace: "urn:test:2", attributes: [("version", "1")]) {
            try writer.element("amount", text: "1,5")
        }
        let bytes = try writer.finish()
        let failure = try #require(writer.validationFailure)
        let located = try #require(throws: XMLValidationError.self) { try validator.validate(bytes, name: "bad.xml") }
        #expect(failure.errors.map(\.message) == located.errors.map(\.message))
        #expect(located.errors.allSatisfy { $0.line > 0 })
    }
}
