import Foundation
import RecouvreTestSupport
import Testing

@testable import RecouvreXML

/// xml (issue 14): dossier.xml is written through `XMLTreeWriter.literalNames` (literal names used as
/// they are, and a one-go path for an element holding a plain text), validated with a compiled copy of
/// the schema of its own (the validator's pool). The bytes and the verdicts must be those of the
/// `String` calls and of validating the written bytes.
@Suite("XMLTreeWriter.literalNames and the schema pool: the same bytes and verdicts")
struct XMLLiteralNamesTests {
    /// A document as calls: elements with literal names, texts.
    indirect enum Node {
        case element(StaticString, [Node])
        case leaf(StaticString, String)
        case optional(StaticString, String?)
        case text(String)
    }

    /// The names of `XMLEventValidationTests.schema`, and a few it does not know.
    static let names: [StaticString] = [
        "code", "amount", "fixed", "token", "text", "mixed", "group", "empty", "b", "item", "unknown", "x-y.z", "_u",
    ]

    func writeLiteral(_ node: Node, to writer: XMLTreeWriter.LiteralNames) throws {
        switch node {
        case .element(let name, let children):
            try writer.element(name) { for child in children { try writeLiteral(child, to: writer) } }
        case .leaf(let name, let text): try writer.element(name, text: text)
        case .optional(let name, let text): try writer.element(name, textIfPresent: text)
        case .text(let text): try writer.writer.text(text)
        }
    }

    func writeStrings(_ node: Node, to writer: XMLTreeWriter) throws {
        switch node {
        case .element(let name, let children):
            try writer.element(name.description) { for child in children { try writeStrings(child, to: writer) } }
        case .leaf(let name, let text): try writer.element(name.description, text: text)
        case .optional(let name, let text): try writer.element(name.description, textIfPresent: text)
        case .text(let text): try writer.text(text)
        }
    }

    /// Writes `children` under the test schema's root, both ways; the bytes, and the verdicts while
    /// written (literal, strings) and of the bytes streamed.
    func both(
        _ children: [Node], validator: XMLSchemaValidator?, buildsTree: Bool, version: String = "1"
    ) throws -> (literal: Data, strings: Data, verdicts: [Bool]) {
        let literal = try XMLTreeWriter(buildsTree: buildsTree, validating: validator, name: "literal.xml")
        try literal.startElement("root", namespace: "urn:test:2", attributes: [("version", version)])
        for child in children { try writeLiteral(child, to: literal.literalNames) }
        try literal.endElement()
        let a = try literal.finish()
        // (Started once the first is finished: one validation at a time, one compiled copy.)
        let strings = try XMLTreeWriter(buildsTree: buildsTree, validating: validator, name: "strings.xml")
        try strings.startElement("root", namespace: "urn:test:2", attributes: [("version", version)])
        for child in children { try writeStrings(child, to: strings) }
        try strings.endElement()
        let b = try strings.finish()
        guard let validator else { return (a, b, []) }
        let streamed = (try? validator.validateStream(a, name: "bytes.xml")) != nil
        return (a, b, [literal.validationFailure == nil, strings.validationFailure == nil, streamed])
    }

    static let texts =
        XMLEventValidationTests.texts + [
            "Dupont & Fils <SARL>", "carriage\r\nreturn", "bell\u{07}null\u{00}end\u{FFFE}", "\u{FEFF}", "  ",
            String(repeating: "long text ", count: 50),
        ]

    func generated(_ random: inout SeededGenerator, depth: Int) -> Node {
        let name = Self.names[Int.random(in: 0..<Self.names.count, using: &random)]
        let text = Self.texts[Int.random(in: 0..<Self.texts.count, using: &random)]
        switch Int.random(in: 0..<10, using: &random) {
        case 0..<5: return .leaf(name, text)
        case 5: return .optional(name, Bool.random(using: &random) ? text : nil)
        case 6: return .text(text)
        default:
            guard depth < 4 else { return .leaf(name, text) }
            return .element(
                name, (0..<Int.random(in: 0...4, using: &random)).map { _ in generated(&random, depth: depth + 1) })
        }
    }

    @Test("2,000 seeded documents: the same bytes as the String calls, with and without a tree, validated or not")
    func sameBytesAndVerdicts() throws {
        let validator = try XMLSchemaValidator(
            schemaData: Data(XMLEventValidationTests.schema.utf8), name: "test.xsd")
        var random = SeededGenerator(seed: 2_014)
        var accepted = 0
        for index in 0..<2_000 {
            var children = (0..<Int.random(in: 0...8, using: &random)).map { _ in generated(&random, depth: 0) }
            // Valid documents too: amounts and codes in order.
            if index % 3 == 0 {
                children =
                    [.leaf("code", "AB-12"), .leaf("amount", "12.50"), .optional("token", " a  b ")]
                    + (index % 2 == 0 ? [.element("group", [.leaf("item", "3")])] : [])
            }
            let version = index % 17 == 0 ? "one" : "1"
            let tree = try both(children, validator: nil, buildsTree: true, version: version)
            #expect(tree.literal == tree.strings, "document \(index)")
            let bytes = try both(children, validator: validator, buildsTree: false, version: version)
            #expect(bytes.literal == bytes.strings, "document \(index)")
            #expect(bytes.literal == tree.literal, "document \(index)")
            #expect(Set(bytes.verdicts).count == 1, "document \(index): \(bytes.verdicts)")
            if bytes.verdicts.first == true { accepted += 1 }
        }
        #expect(accepted > 300 && accepted < 1_900)
        // One validation at a time: one compiled copy served them all.
        #expect(validator.compiledCopies == 1)
    }

    @Test("literal names are refused or accepted as the String calls; misuse is refused the same way")
    func misuse() throws {
        let writer = try XMLTreeWriter(buildsTree: false)
        let names = writer.literalNames
        #expect(throws: XMLError.self) { try names.writer.text("loose") }
        #expect(throws: XMLError.self) { try names.element("1abc") {} }
        try names.element("root") {
            #expect(throws: XMLError.self) { try names.element("a b", text: "x") }
            try names.element("ok", text: "1")
            try names.element("é", text: "2")  // a valid name libxml2 is asked about
            try names.element("skipped", textIfPresent: nil)
        }
        #expect(throws: XMLError.self) { try names.element("second", text: "x") }
        let bytes = String(decoding: try writer.finish(), as: UTF8.self)
        #expect(bytes.hasSuffix("<root>\n  <ok>1</ok>\n  <é>2</é>\n</root>\n"))
        #expect(throws: XMLError.self) { try names.element("late", text: "x") }
    }

    @Test("concurrent validations each get a compiled copy of their own: at most one per validation at once")
    func poolUnderConcurrency() async throws {
        let validator = try XMLSchemaValidator(
            schemaData: Data(XMLEventValidationTests.schema.utf8), name: "test.xsd")
        let good: [Node] = [.leaf("code", "AB-12"), .leaf("amount", "12.50")]
        let bad: [Node] = [.leaf("amount", "1,5")]
        let expected = try both(good, validator: validator, buildsTree: false).literal
        let results = try await withThrowingTaskGroup(of: (Bool, Bool, Bool).self) { group in
            for index in 0..<64 {
                group.addTask {
                    let valid = index % 2 == 0
                    let run = try both(valid ? good : bad, validator: validator, buildsTree: false)
                    let sameBytes = !valid || run.literal == expected
                    return (valid, run.verdicts.allSatisfy { $0 == valid }, sameBytes)
                }
            }
            var all: [(Bool, Bool, Bool)] = []
            for try await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 64)
        #expect(results.allSatisfy { $0.1 && $0.2 })
        // Never more copies than validations ran at once (each task one at a time, on the pool's threads).
        #expect(validator.compiledCopies >= 1)
        #expect(validator.compiledCopies <= ProcessInfo.processInfo.activeProcessorCount + 1)
        // A validation abandoned before its end gives its copy back.
        let before = validator.compiledCopies
        for _ in 0..<20 {
            let abandoned = try XMLTreeWriter(buildsTree: false, validating: validator, name: "abandoned.xml")
            try abandoned.startElement("root", namespace: "urn:test:2", attributes: [("version", "1")])
            try abandoned.literalNames.element("code", text: "AB-1")
        }
        #expect(validator.compiledCopies == before)
        // The other validations use copies too: the same verdicts and errors as before.
        let data = try both(bad, validator: nil, buildsTree: false).literal
        let streamed = try #require(throws: XMLValidationError.self) {
            try validator.validateStream(data, name: "bad.xml")
        }
        let parsed = try #require(throws: XMLValidationError.self) { try validator.validate(data, name: "bad.xml") }
        #expect(streamed.errors == parsed.errors)
        #expect(validator.compiledCopies == before)
    }
}
