import Foundation
import RecouvreTestSupport
import RecouvreXML
import Testing

@Suite("SafeXMLParser")
struct SafeXMLParserTests {
    @Test("parses elements, namespaces, attributes, text, CDATA and line numbers")
    func smoke() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
                     xmlns:cbc="urn:cbc" currency="EUR">
              <cbc:ID>FA2025-118</cbc:ID>
              <Note><![CDATA[1 < 2 & "ok"]]></Note>
              <Amount cbc:unit="EUR">1800.00</Amount>
            </Invoice>
            """
        let root = try SafeXMLParser.parse(Data(xml.utf8))
        #expect(root.name == "Invoice")
        #expect(root.namespace == "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2")
        #expect(root.attribute("currency") == "EUR")
        // libxml2 numbers an element by the line where its start tag ends.
        #expect(root.line == 3)
        let id = try #require(root.child("ID"))
        #expect(id.namespace == "urn:cbc")
        #expect(id.text == "FA2025-118")
        #expect(id.line == 4)
        #expect(root.child("Note")?.text == #"1 < 2 & "ok""#)
        #expect(root.child("Amount")?.attributes == [.init(name: "unit", namespace: "urn:cbc", value: "EUR")])
        #expect(root.children.map(\.name) == ["ID", "Note", "Amount"])
    }

    @Test("a DOCTYPE without declarations is accepted")
    func bareDoctype() throws {
        let root = try SafeXMLParser.parse(Data("<!DOCTYPE note [<!ELEMENT note (#PCDATA)>]><note>hi</note>".utf8))
        #expect(root.text == "hi")
    }

    @Test("a malformed document reports libxml2's code, message, line and column")
    func malformed() throws {
        let xml = "<a>\n  <b>text</c>\n</a>\n"
        let error = try #require(throws: XMLValidationError.self) {
            try SafeXMLParser.parse(Data(xml.utf8), name: "broken.xml")
        }
        let first = try #require(error.errors.first)
        // XML_ERR_TAG_NAME_MISMATCH = 76
        #expect(first.code == 76)
        #expect(first.line == 2)
        #expect(first.column > 0)
        #expect(first.message.contains("Opening and ending tag mismatch: b"))
        #expect(first.file == "broken.xml")
        #expect(error.description.hasPrefix("broken.xml:2:"))
    }

    @Test("an empty document is refused")
    func empty() throws {
        let error = try #require(throws: XMLValidationError.self) { try SafeXMLParser.parse(Data()) }
        #expect(error.errors.first?.message == "Document is empty")
    }

    @Test("billion laughs: the entity declarations are refused before any expansion")
    func billionLaughs() throws {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
        for level in 1...9 {
            let previous = level == 1 ? "lol" : "lol\(level - 1)"
            xml += " <!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">\n"
        }
        xml += "]>\n<lolz>&lol9;</lolz>\n"
        let clock = ContinuousClock()
        let start = clock.now
        let error = try #require(throws: XMLValidationError.self) { try SafeXMLParser.parse(Data(xml.utf8)) }
        #expect(clock.now - start < .seconds(1))
        let first = try #require(error.errors.first)
        #expect(first.line == 3)
        #expect(first.message.contains("entity declaration 'lol' refused"))
    }

    @Test("XXE: an external entity naming a local file is refused and the file is never read into the result")
    func externalEntityFile() throws {
        let folder = try TestPaths.temporaryFolder("xxe")
        defer { try? FileManager.default.removeItem(at: folder) }
        let secret = folder.appendingPathComponent("secret.txt")
        try Data("TOP-SECRET-CONTENT".utf8).write(to: secret)
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE r [<!ENTITY xxe SYSTEM "\(secret.absoluteString)">]>
            <r>&xxe;</r>
            """
        let error = try #require(throws: XMLValidationError.self) { try SafeXMLParser.parse(Data(xml.utf8)) }
        #expect(error.errors.first?.message.contains("entity declaration 'xxe' refused") == true)
        #expect(!error.description.contains("TOP-SECRET-CONTENT"))
    }

    @Test("a parameter entity pulling a remote DTD is refused")
    func parameterEntity() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE r [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;]>
            <r/>
            """
        let error = try #require(throws: XMLValidationError.self) { try SafeXMLParser.parse(Data(xml.utf8)) }
        #expect(error.errors.first?.message.contains("entity declaration 'remote' refused") == true)
    }

    @Test("a DOCTYPE naming an external DTD on the network is refused")
    func externalDTD() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE r SYSTEM "http://127.0.0.1:9/evil.dtd">
            <r/>
            """
        let error = try #require(throws: XMLValidationError.self) { try SafeXMLParser.parse(Data(xml.utf8)) }
        #expect(error.errors.first?.message.contains("external DTD ('http://127.0.0.1:9/evil.dtd') refused") == true)
        #expect(error.errors.first?.line == 2)
    }

    @Test("an unparsed (NDATA) entity declaration is refused")
    func unparsedEntity() throws {
        let xml = """
            <!DOCTYPE r [<!NOTATION gif SYSTEM "image/gif"><!ENTITY logo SYSTEM "logo.gif" NDATA gif>]>
            <r/>
            """
        let error = try #require(throws: XMLValidationError.self) { try SafeXMLParser.parse(Data(xml.utf8)) }
        #expect(error.errors.first?.message.contains("entity declaration 'logo' refused") == true)
    }

    @Test("an undeclared entity reference is an error, not an empty string")
    func undeclaredEntity() throws {
        let error = try #require(throws: XMLValidationError.self) {
            try SafeXMLParser.parse(Data("<r>&nope;</r>".utf8))
        }
        // XML_ERR_UNDECLARED_ENTITY = 26
        #expect(error.errors.first?.code == 26)
    }

    #if os(Linux)
        @Test("parsing in a loop does not leak: resident memory stays flat over 200 parses of a 100 kB document")
        func noLeak() throws {
            var xml = "<root>"
            for index in 0..<2_500 { xml += "<item n=\"\(index)\">value \(index)</item>" }
            xml += "</root>"
            let data = Data(xml.utf8)
            for _ in 0..<20 { try SafeXMLParser.parse(data) }
            // A leaked tree of this document (5 000 nodes) is over half a megabyte: 200 leaks exceed 100 MB,
            // every time. The resident size is the whole test process's, shared with the suites running
            // beside this one: the smallest growth of three measures is kept (a leak grows in each, a
            // neighbour's peak does not repeat).
            var growths: [Int] = []
            for _ in 0..<3 {
                let before = try residentBytes()
                for _ in 0..<200 { try SafeXMLParser.parse(data) }
                growths.append(try residentBytes() - before)
                if growths.last! < 32 * 1024 * 1024 { break }
            }
            #expect(growths.min()! < 32 * 1024 * 1024, "resident memory grew by \(growths) bytes")
        }

        private func residentBytes() throws -> Int {
            let statm = try String(contentsOfFile: "/proc/self/statm", encoding: .utf8)
            let pages = Int(statm.split(separator: " ")[1]) ?? 0
            return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
        }
    #endif
}
