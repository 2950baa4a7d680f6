import Foundation
import RecouvreXML
import Testing

@Suite("XMLSchemaValidator")
struct XMLSchemaValidatorTests {
    static let schema = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns="urn:test:1"
                   targetNamespace="urn:test:1" elementFormDefault="qualified">
          <xs:simpleType name="day">
            <xs:restriction base="xs:date"><xs:pattern value="[0-9]{4}-[0-9]{2}-[0-9]{2}"/></xs:restriction>
          </xs:simpleType>
          <xs:simpleType name="amount">
            <xs:restriction base="xs:decimal"><xs:pattern value="[0-9]+\\.[0-9]{2}"/></xs:restriction>
          </xs:simpleType>
          <xs:simpleType name="regime">
            <xs:restriction base="xs:string">
              <xs:enumeration value="b2b"/><xs:enumeration value="civil"/>
            </xs:restriction>
          </xs:simpleType>
          <xs:element name="invoice">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="due" type="day"/>
                <xs:element name="amount" type="amount"/>
                <xs:element name="regime" type="regime"/>
              </xs:sequence>
            </xs:complexType>
          </xs:element>
        </xs:schema>
        """

    static func document(
        due: String = "2025-04-30", amount: String = "1800.00", regime: String? = "b2b",
        namespace: String = "urn:test:1"
    ) -> Data {
        var xml = "<?xml version=\"1.0\"?>\n<invoice xmlns=\"\(namespace)\">\n  <due>\(due)</due>\n"
        xml += "  <amount>\(amount)</amount>\n"
        if let regime { xml += "  <regime>\(regime)</regime>\n" }
        xml += "</invoice>\n"
        return Data(xml.utf8)
    }

    private func validator() throws -> XMLSchemaValidator {
        try XMLSchemaValidator(schemaData: Data(Self.schema.utf8), name: "test.xsd")
    }

    @Test("a conforming document passes")
    func accepts() throws {
        try validator().validate(Self.document(), name: "good.xml")
    }

    private func errors(_ data: Data) throws -> [XMLError] {
        let error = try #require(throws: XMLValidationError.self) { try validator().validate(data, name: "bad.xml") }
        return error.errors
    }

    @Test("an impossible date is rejected on its line, with libxml2's reason")
    func badDate() throws {
        let errors = try errors(Self.document(due: "2025-02-30"))
        let first = try #require(errors.first)
        #expect(first.line == 3)
        #expect(first.file == "bad.xml")
        // XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_1 = 1824
        #expect(first.code == 1824)
        #expect(first.message.contains("'2025-02-30' is not a valid value of the atomic type"))
    }

    @Test("an amount with three decimals is rejected by the pattern")
    func threeDecimals() throws {
        let first = try #require(try errors(Self.document(amount: "1800.005")).first)
        #expect(first.line == 4)
        // XML_SCHEMAV_CVC_PATTERN_VALID = 1839
        #expect(first.code == 1839)
        #expect(first.message.contains("'1800.005' is not accepted by the pattern"))
    }

    @Test("an unknown enumeration value is rejected")
    func unknownEnumeration() throws {
        let first = try #require(try errors(Self.document(regime: "b2c")).first)
        #expect(first.line == 5)
        // XML_SCHEMAV_CVC_ENUMERATION_VALID = 1840
        #expect(first.code == 1840)
        #expect(first.message.contains("[facet 'enumeration'] The value 'b2c' is not an element of the set"))
    }

    @Test("a missing element is rejected at its parent")
    func missingElement() throws {
        let first = try #require(try errors(Self.document(regime: nil)).first)
        #expect(first.line == 2)
        // XML_SCHEMAV_ELEMENT_CONTENT = 1871
        #expect(first.code == 1871)
        #expect(first.message.contains("Missing child element(s). Expected is ( {urn:test:1}regime )"))
    }

    @Test("a root element in the wrong namespace is rejected")
    func wrongNamespace() throws {
        let first = try #require(try errors(Self.document(namespace: "urn:test:2")).first)
        // XML_SCHEMAV_CVC_ELT_1 = 1845
        #expect(first.code == 1845)
        #expect(first.message.contains("No matching global declaration available for the validation root"))
    }

    @Test("every error is reported, not only the first")
    func everyError() throws {
        let errors = try errors(Self.document(due: "2025-13-01", amount: "1,800.00", regime: "b2c"))
        #expect(Set(errors.map(\.line)).isSuperset(of: [3, 4, 5]))
    }

    @Test("a document that is not well-formed is rejected with the parser's error")
    func notWellFormed() throws {
        let first = try #require(try errors(Data("<invoice xmlns=\"urn:test:1\"><due>".utf8)).first)
        #expect(first.line == 1)
        #expect(first.message.contains("Premature end of data") || first.message.contains("EndTag"))
    }

    @Test("a schema that is not a schema is refused when compiled, with a located error")
    func brokenSchema() throws {
        let broken = Self.schema.replacingOccurrences(of: "type=\"amount\"", with: "type=\"nosuchtype\"")
        let error = try #require(throws: XMLValidationError.self) {
            try XMLSchemaValidator(schemaData: Data(broken.utf8), name: "broken.xsd")
        }
        let first = try #require(error.errors.first)
        #expect(first.file == "broken.xsd")
        #expect(first.message.contains("nosuchtype"))
        #expect(first.line > 0)
    }

    @Test("a schema declaring entities is refused before compilation")
    func schemaWithEntities() throws {
        let hostile = Self.schema.replacingOccurrences(
            of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            with: "<?xml version=\"1.0\"?><!DOCTYPE xs:schema [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>")
        #expect(throws: XMLValidationError.self) {
            try XMLSchemaValidator(schemaData: Data(hostile.utf8), name: "hostile.xsd")
        }
    }

    @Test("a schema including another one by location is refused: no file or URL is fetched")
    func schemaWithInclude() throws {
        let including = Self.schema.replacingOccurrences(
            of: "<xs:simpleType name=\"day\">",
            with: "<xs:include schemaLocation=\"http://127.0.0.1:9/other.xsd\"/>\n  <xs:simpleType name=\"day\">")
        let error = try #require(throws: XMLValidationError.self) {
            try XMLSchemaValidator(schemaData: Data(including.utf8), name: "including.xsd")
        }
        #expect(error.errors.first?.message.contains("xs:include of 'http://127.0.0.1:9/other.xsd' refused") == true)
        #expect(error.errors.first?.line == 4)
    }

    @Test("one validator can be used from many tasks at once")
    func concurrent() async throws {
        let validator = try validator()
        try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<32 {
                group.addTask {
                    let good = index % 2 == 0
                    do {
                        try validator.validate(Self.document(amount: good ? "10.00" : "10.0"), name: "t\(index).xml")
                        return good
                    } catch {
                        return !good
                    }
                }
            }
            for try await ok in group { #expect(ok) }
        }
    }

    #if os(Linux)
        @Test("compiling and validating in a loop does not leak")
        func noLeak() throws {
            var body = ""
            for _ in 0..<2_000 { body += "<due>2025-04-30</due>" }
            // Not valid (too many <due>), so every round also builds and frees an error list.
            let data = Data("<invoice xmlns=\"urn:test:1\">\(body)</invoice>".utf8)
            func round() throws {
                let validator = try validator()
                #expect(throws: XMLValidationError.self) { try validator.validate(data, name: "loop.xml") }
                try validator.validate(Self.document(), name: "good.xml")
            }
            for _ in 0..<20 { try round() }
            // Each round parses a schema and a 40 kB document (several hundred kB of trees): 300 leaky
            // rounds exceed 60 MB, every time. The resident size is the whole test process's, and other
            // suites run beside this one (a 5,000-invoice build takes 150 MB at once): the smallest growth
            // of three measures is kept, since a leak grows in each of them and a neighbour's peak does not
            // repeat (freed pages stay resident and are reused).
            var growths: [Int] = []
            for _ in 0..<3 {
                let before = try residentBytes()
                for _ in 0..<300 { try round() }
                growths.append(try residentBytes() - before)
                if growths.last! < 24 * 1024 * 1024 { break }
            }
            #expect(growths.min()! < 24 * 1024 * 1024, "resident memory grew by \(growths) bytes")
        }

        private func residentBytes() throws -> Int {
            let statm = try String(contentsOfFile: "/proc/self/statm", encoding: .utf8)
            let pages = Int(statm.split(separator: " ")[1]) ?? 0
            return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
        }
    #endif
}
