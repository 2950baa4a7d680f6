import CLibXML2
import Foundation

/// An XSD compiled once by libxml2, against which documents are validated.
///
/// Every error of a validation is kept (libxml2's code, message, line, column), not just the first,
/// through a structured error handler whose context is per call. The compiled schema is only read
/// while validating; calls are still serialised with a lock, so one validator can be shared.
public final class XMLSchemaValidator: @unchecked Sendable {
    /// The schema's name in error messages (`dossier.xsd`).
    public let name: String
    // Internal (not private): the in-memory validation of `XMLTreeWriter` uses them.
    let schema: xmlSchemaPtr
    let lock = NSLock()
    /// The C copies of the names validations fed from a writer's events were given (`XMLEventValidation`),
    /// kept while the validator lives: a batch validates thousands of small dossiers with the same few
    /// dozen names (large engineer, issue 12).
    let internedNames = InternedNames()

    static let xsdNamespace = "http://www.w3.org/2001/XMLSchema"

    /// Compiles the schema. The XSD is first read by `SafeXMLParser` (so that a malformed schema
    /// reports its line, and that a schema declaring entities is refused before libxml2's schema parser,
    /// which substitutes entities, sees it), then compiled from memory. Only self-contained schemas are
    /// accepted: an `xs:include`, `xs:import` or `xs:redefine` naming a `schemaLocation` would make
    /// libxml2 fetch a file or a URL, and is refused.
    public init(schemaData: Data, name: String) throws(XMLValidationError) {
        let root = try SafeXMLParser.parse(schemaData, name: name)
        let external = root.children.filter {
            $0.namespace == Self.xsdNamespace && ["include", "import", "redefine"].contains($0.name)
                && $0.attribute("schemaLocation") != nil
        }
        guard external.isEmpty else {
            throw XMLValidationError(
                name: name,
                errors: external.map {
                    XMLError(
                        code: -1,
                        message: "xs:\($0.name) of '\($0.attribute("schemaLocation") ?? "")' refused: "
                            + "recouvre compiles self-contained schemas only and loads no external resource",
                        line: $0.line, column: 0, file: name)
                })
        }
        let collector = XMLErrorCollector(name: name)
        let compiled: xmlSchemaPtr? = withExtendedLifetime(collector) {
            schemaData.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> xmlSchemaPtr? in
                guard let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self),
                    let parser = xmlSchemaNewMemParserCtxt(base, Int32(bytes.count))
                else { return nil }
                defer { xmlSchemaFreeParserCtxt(parser) }
                xmlSchemaSetParserStructuredErrors(parser, XMLErrorCollector.structuredHandler, collector.pointer)
                return xmlSchemaParse(parser)
            }
        }
        guard let compiled, collector.errors.isEmpty else {
            if let compiled { xmlSchemaFree(compiled) }
            throw collector.failure(fallback: "libxml2 could not compile the schema")
        }
        self.name = name
        self.schema = compiled
    }

    deinit {
        xmlSchemaFree(schema)
    }

    /// Validates bytes recouvre itself serialised (`XMLTreeWriter` without a tree: `dossier.xml`) while
    /// libxml2 streams them through its SAX parser into the schema validator: no tree is built, so a
    /// 100,000-invoice dossier is checked in constant memory. The SAX handler is empty (the events go to
    /// the validator only); the parser runs with its default limits and loads nothing (the bytes have
    /// no DTD). Input from outside (`verify`) goes through `validate(_:name:)` and `SafeXMLParser`'s
    /// limits instead. On failure the bytes are validated again by `validate(_:name:)`, whose errors
    /// are located (the document is wrong either way).
    public func validateStream(_ data: Data, name: String) throws(XMLValidationError) {
        LibXML2.initialize()
        let collector = XMLErrorCollector(name: name)
        let valid: Bool = withExtendedLifetime(collector) {
            lock.lock()
            defer { lock.unlock() }
            guard let context = xmlSchemaNewValidCtxt(schema) else { return false }
            defer { xmlSchemaFreeValidCtxt(context) }
            xmlSchemaSetValidStructuredErrors(context, XMLErrorCollector.structuredHandler, collector.pointer)
            // An empty SAX2 handler: the validator's plug gets every event, nothing builds a tree.
            let handler = UnsafeMutablePointer<xmlSAXHandler>.allocate(capacity: 1)
            handler.initialize(to: xmlSAXHandler())
            handler.pointee.initialized = UInt32(XML_SAX2_MAGIC)
            defer { handler.deallocate() }
            var sax: xmlSAXHandlerPtr? = handler
            var user: UnsafeMutableRawPointer? = nil
            guard let plug = xmlSchemaSAXPlug(context, &sax, &user) else { return false }
            var wellFormed = false
            // A push parser fed 1 MB at a time: libxml2 copies one chunk, never the whole document.
            if let parser = xmlCreatePushParserCtxt(sax, user, nil, 0, name) {
                data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                    let chunk = 1 << 20
                    var offset = 0
                    while offset < raw.count {
                        let size = min(chunk, raw.count - offset)
                        let start = raw.baseAddress!.advanced(by: offset).assumingMemoryBound(to: CChar.self)
                        if xmlParseChunk(parser, start, Int32(size), 0) != 0 { break }
                        offset += size
                    }
                    _ = xmlParseChunk(parser, nil, 0, 1)
                }
                wellFormed = parser.pointee.wellFormed != 0
                xmlFreeParserCtxt(parser)
            }
            xmlSchemaSAXUnplug(plug)
            return wellFormed && xmlSchemaIsValid(context) == 1
        }
        guard !valid || !collector.errors.isEmpty else { return }
        try validate(data, name: name)
        throw collector.failure(fallback: "the document does not conform to \(self.name)")
    }

    /// Validates `data` (parsed with `SafeXMLParser`); throws every error, located, when it is not
    /// well-formed or does not conform to the schema.
    public func validate(_ data: Data, name: String) throws(XMLValidationError) {
        try validateDocument(data, name: name, schema: schema, schemaName: self.name, lock: lock)
    }
}

/// Validates `data` (parsed with `SafeXMLParser`) against a compiled schema, with a validation context
/// per call and the calls serialised by `lock`; throws every error libxml2 reported, located. The one
/// validation both `XMLSchemaValidator` and `XMLSchemaSet` run.
func validateDocument(
    _ data: Data, name: String, schema: xmlSchemaPtr, schemaName: String, lock: NSLock
) throws(XMLValidationError) {
    try SafeXMLParser.withDocument(data, name: name) { document throws(XMLValidationError) in
        let collector = XMLErrorCollector(name: name)
        let status: Int32 = withExtendedLifetime(collector) {
            lock.lock()
            defer { lock.unlock() }
            guard let context = xmlSchemaNewValidCtxt(schema) else { return -1 }
            defer { xmlSchemaFreeValidCtxt(context) }
            xmlSchemaSetValidStructuredErrors(context, XMLErrorCollector.structuredHandler, collector.pointer)
            return xmlSchemaValidateDoc(context, document)
        }
        if status != 0 || !collector.errors.isEmpty {
            throw collector.failure(
                fallback: status < 0
                    ? "libxml2 could not run the validation (internal error \(status))"
                    : "the document does not conform to \(schemaName)")
        }
    }
}

/// Names as NUL-terminated C strings that live as long as their table (libxml2's validator keeps
/// pointers to the names it is given), shared by the validations of one schema under a lock; at most
/// `limit` of them (beyond, a validation keeps its own copies).
final class InternedNames: @unchecked Sendable {
    private let lock = NSLock()
    private var table: [String: UnsafeMutablePointer<xmlChar>] = [:]
    static let limit = 4_096

    deinit { for pointer in table.values { free(pointer) } }

    /// How many names are shared.
    var count: Int { lock.withLock { table.count } }

    /// The shared copy of `name`, made on first use; nil when the table is full and has no copy of it.
    func pointer(_ name: String) -> UnsafeMutablePointer<xmlChar>? {
        lock.lock()
        defer { lock.unlock() }
        if let known = table[name] { return known }
        guard table.count < Self.limit else { return nil }
        let pointer = Self.cString(name)
        table[name] = pointer
        return pointer
    }

    /// A `malloc`'d NUL-terminated copy of `text`'s UTF-8.
    static func cString(_ text: String) -> UnsafeMutablePointer<xmlChar> {
        let bytes = Array(text.utf8)
        let pointer = malloc(bytes.count + 1)!.assumingMemoryBound(to: xmlChar.self)
        bytes.withUnsafeBufferPointer { buffer in
            if let base = buffer.baseAddress { pointer.update(from: base, count: bytes.count) }
        }
        pointer[bytes.count] = 0
        return pointer
    }
}
