import Foundation
import RecouvreXML
import Testing

/// A schema of several XSD files compiled from memory: the includes and imports are served from the
/// set (none of these files exists on disk), and nothing outside the set is ever loaded.
@Suite("XMLSchemaSet from memory")
struct XMLSchemaSetMemoryTests {
    static let main = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:test:types" xmlns="urn:test:main"
                   targetNamespace="urn:test:main" elementFormDefault="qualified">
          <xs:import namespace="urn:test:types" schemaLocation="../common/types.xsd"/>
          <xs:element name="invoice">
            <xs:complexType><xs:sequence><xs:element name="amount" type="t:amount"/></xs:sequence></xs:complexType>
          </xs:element>
        </xs:schema>
        """
    /// Imported by `main`, and itself including a third file one folder down and back up.
    static let types = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:test:types">
          <xs:include schemaLocation="./units/../../common/units.xsd"/>
        </xs:schema>
        """
    static let units = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:test:types">
          <xs:simpleType name="amount">
            <xs:restriction base="xs:decimal"><xs:pattern value="[0-9]+\\.[0-9]{2}"/></xs:restriction>
          </xs:simpleType>
        </xs:schema>
        """

    static func set(types: String = types) -> [String: Data] {
        [
            "maindoc/main.xsd": Data(main.utf8), "common/types.xsd": Data(types.utf8),
            "common/units.xsd": Data(units.utf8),
        ]
    }

    @Test("the entry's import and the import's include are served from the set; documents validate")
    func compilesFromMemory() throws {
        #expect(!FileManager.default.fileExists(atPath: "common/units.xsd"))
        let schema = try XMLSchemaSet(files: Self.set(), entry: "maindoc/main.xsd")
        try schema.validate(
            Data(#"<invoice xmlns="urn:test:main"><amount>12.50</amount></invoice>"#.utf8), name: "ok.xml")
        // The pattern comes from units.xsd, two files away: only compiled if the include was served.
        let error = #expect(throws: XMLValidationError.self) {
            try schema.validate(
                Data(#"<invoice xmlns="urn:test:main"><amount>12.5</amount></invoice>"#.utf8), name: "bad.xml")
        }
        #expect(error?.errors.first?.line == 1)
        #expect(error?.description.contains("amount") == true)
    }

    @Test(
        "a schemaLocation outside the set (absolute, URL, leaving it, or missing) is refused before libxml2 runs",
        arguments: ["/etc/passwd", "file:///etc/hosts", "http://example.com/units.xsd", "../../units.xsd", "nope.xsd"])
    func outsideTheSetIsRefused(location: String) {
        let types = Self.types.replacingOccurrences(of: "./units/../../common/units.xsd", with: location)
        let error = #expect(throws: XMLValidationError.self) {
            try XMLSchemaSet(files: Self.set(types: types), entry: "maindoc/main.xsd")
        }
        #expect(error?.description.contains("outside the schema set") == true, "\(String(describing: error))")
    }

    @Test(
        "a schema file with an external DTD, an external entity or a nested entity (XXE, expansion) is refused",
        arguments: [
            "<!DOCTYPE xs:schema [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>",
            "<!DOCTYPE xs:schema [<!ENTITY % x PUBLIC \"-//X//EN\" \"http://example.com/x.dtd\">]>",
            "<!DOCTYPE xs:schema SYSTEM \"http://example.com/schema.dtd\">",
            "<!DOCTYPE xs:schema [<!ENTITY a 'lol'><!ENTITY b '&a;&a;&a;&a;&a;'>]>",
            "<!DOCTYPE xs:schema [<!ENTITY u SYSTEM 'x' NDATA gif>]>",
        ])
    func entityIsRefused(doctype: String) {
        let types = Self.types.replacingOccurrences(of: "<xs:schema", with: doctype + "\n<xs:schema")
        let error = #expect(throws: XMLValidationError.self) {
            try XMLSchemaSet(files: Self.set(types: types), entry: "maindoc/main.xsd")
        }
        #expect(error?.description.contains("common/types.xsd refused") == true, "\(String(describing: error))")
    }

    @Test("an internal literal entity (as W3C's xmldsig schema declares) is accepted and substituted")
    func literalEntityIsAccepted() throws {
        let units = Self.units
            .replacingOccurrences(
                of: "<xs:schema", with: "<!DOCTYPE xs:schema [<!ENTITY two '{2}'><!ENTITY % p ''>]>\n<xs:schema"
            )
            .replacingOccurrences(of: "[0-9]{2}", with: "[0-9]&two;")
        var files = Self.set()
        files["common/units.xsd"] = Data(units.utf8)
        let schema = try XMLSchemaSet(files: files, entry: "maindoc/main.xsd")
        try schema.validate(
            Data(#"<invoice xmlns="urn:test:main"><amount>3.25</amount></invoice>"#.utf8), name: "ok.xml")
        #expect(throws: XMLValidationError.self) {
            try schema.validate(
                Data(#"<invoice xmlns="urn:test:main"><amount>3.2</amount></invoice>"#.utf8), name: "bad.xml")
        }
    }

    @Test("the library asks for the files once and compiles each entry once, from any thread")
    func libraryCompilesOnce() throws {
        final class Counter: @unchecked Sendable {
            let lock = NSLock()
            var calls = 0
        }
        let counter = Counter()
        let library = XMLSchemaLibrary {
            counter.lock.lock()
            counter.calls += 1
            counter.lock.unlock()
            return Self.set()
        }
        let schemas = Schemas()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            if let schema = try? library.schema("maindoc/main.xsd") { schemas.add(schema) }
        }
        #expect(counter.calls == 1)
        #expect(schemas.count == 8)
        #expect(schemas.distinct == 1)
    }

    final class Schemas: @unchecked Sendable {
        private let lock = NSLock()
        private var all: [ObjectIdentifier] = []
        func add(_ schema: XMLSchemaSet) {
            lock.lock()
            all.append(ObjectIdentifier(schema))
            lock.unlock()
        }
        var count: Int { all.count }
        var distinct: Int { Set(all).count }
    }
}
