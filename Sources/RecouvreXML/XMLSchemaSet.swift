import CLibXML2
import Foundation

/// A schema made of several trusted XSD files in one folder (the shipped UBL 2.1, Factur-X and CDAR
/// schemas under `forms/schemas/einvoice/`), compiled once from its entry file by libxml2, which reads the
/// files the entry imports. Before compiling, every `schemaLocation` of every `.xsd` in the folder is
/// checked to be a relative path that stays inside the folder: no URL, no absolute path, so the
/// compilation reads nothing but the folder's own files. The documents validated are parsed by
/// `SafeXMLParser` (no DTD, no entity, no network), as everywhere.
public final class XMLSchemaSet: @unchecked Sendable {
    public let name: String
    private let schema: xmlSchemaPtr
    private let lock = NSLock()

    /// Compiles `entry`, a file inside `folder`.
    public init(folder: URL, entry: String) throws(XMLValidationError) {
        let name = entry
        func fail(_ message: String) -> XMLValidationError {
            XMLValidationError(
                name: name, errors: [XMLError(code: -1, message: message, line: 0, column: 0, file: name)])
        }
        let root = folder.standardizedFileURL.resolvingSymlinksInPath()
        let entryURL = root.appendingPathComponent(entry).standardizedFileURL
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
            throw fail("schema folder \(root.path) cannot be read")
        }
        for case let file as URL in enumerator where file.pathExtension == "xsd" {
            guard let text = try? String(contentsOf: file, encoding: .utf8) else {
                throw fail("schema file \(file.lastPathComponent) cannot be read as UTF-8")
            }
            var rest = text[...]
            while let range = rest.range(of: "schemaLocation=\"") {
                let after = rest[range.upperBound...]
                guard let end = after.firstIndex(of: "\"") else { break }
                let location = String(after[..<end])
                let target = file.deletingLastPathComponent().appendingPathComponent(location).standardizedFileURL
                if location.contains(":") || location.hasPrefix("/") || !target.path.hasPrefix(root.path + "/") {
                    throw fail(
                        "\(file.lastPathComponent) imports '\(location)', outside the schema folder: refused "
                            + "(no external resource is ever loaded)")
                }
                rest = after[end...]
            }
        }
        LibXML2.initialize()
        let collector = XMLErrorCollector(name: name)
        let compiled: xmlSchemaPtr? = withExtendedLifetime(collector) {
            guard let parser = xmlSchemaNewParserCtxt(entryURL.path) else { return nil }
            defer { xmlSchemaFreeParserCtxt(parser) }
            xmlSchemaSetParserStructuredErrors(parser, XMLErrorCollector.structuredHandler, collector.pointer)
            return xmlSchemaParse(parser)
        }
        guard let compiled, collector.errors.isEmpty else {
            if let compiled { xmlSchemaFree(compiled) }
            throw collector.failure(fallback: "libxml2 could not compile the schema \(entry)")
        }
        self.name = name
        self.schema = compiled
    }

    deinit { xmlSchemaFree(schema) }

    /// Validates `data`, parsed by `SafeXMLParser`; throws every error libxml2 reported, located.
    public func validate(_ data: Data, name: String) throws(XMLValidationError) {
        try validateDocument(data, name: name, schema: schema, schemaName: self.name, lock: lock)
    }
}
