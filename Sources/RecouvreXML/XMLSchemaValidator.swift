import CLibXML2
import Foundation

/// An XSD compiled once by libxml2, against which documents are validated.
///
/// Every error of a validation is kept (libxml2's code, message, line, column), not just the first,
/// through a structured error handler whose context is per call.
///
/// xml (issue 14): a compiled schema is used by one validation at a time, as before, but validations no
/// longer queue for the one copy: the validator keeps a small pool of copies compiled from the same
/// XSD. A validation checks one copy out (under the pool's lock, once) and gives it back when it ends;
/// another copy is compiled only when every copy is in use, so there are at most as many as validations
/// ever ran at once (one per worker in a batch). Each copy is the same compilation of the same bytes:
/// the same verdicts and the same errors. A validation fed event by event (`XMLEventValidation`) thus
/// takes no lock per event: two batch workers no longer contend on every element.
public final class XMLSchemaValidator: @unchecked Sendable {
    /// The schema's name in error messages (`dossier.xsd`).
    public let name: String
    /// The XSD, for the copies compiled when every copy is in use.
    private let schemaData: Data
    /// Guards `idle` and `compiled`.
    private let lock = NSLock()
    /// The compiled copies no validation is using.
    private var idle: [xmlSchemaPtr]
    /// Every compiled copy (freed with the validator).
    private var compiled: [xmlSchemaPtr]

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
        guard let compiled = Self.compile(schemaData, collector: collector) else {
            throw collector.failure(fallback: "libxml2 could not compile the schema")
        }
        self.name = name
        self.schemaData = schemaData
        idle = [compiled]
        self.compiled = [compiled]
    }

    deinit {
        for schema in compiled { xmlSchemaFree(schema) }
    }

    /// libxml2's compilation of `data`, nil when it failed or reported an error (into `collector`).
    private static func compile(_ data: Data, collector: XMLErrorCollector) -> xmlSchemaPtr? {
        let compiled: xmlSchemaPtr? = withExtendedLifetime(collector) {
            data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> xmlSchemaPtr? in
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
            return nil
        }
        return compiled
    }

    /// A compiled copy of the schema for one validation alone, until `checkIn`: an idle one, else one
    /// compiled now (outside the lock: the other validations go on meanwhile). Nil only when libxml2
    /// cannot compile another copy (out of memory): the validation then fails as when libxml2 cannot
    /// create a validation context.
    func checkOut() -> xmlSchemaPtr? {
        lock.lock()
        if let schema = idle.popLast() {
            lock.unlock()
            return schema
        }
        lock.unlock()
        guard let schema = Self.compile(schemaData, collector: XMLErrorCollector(name: name)) else { return nil }
        lock.lock()
        compiled.append(schema)
        lock.unlock()
        return schema
    }

    /// Gives back a copy `checkOut` gave, once its validation context is freed.
    func checkIn(_ schema: xmlSchemaPtr) {
        lock.lock()
        idle.append(schema)
        lock.unlock()
    }

    /// `body` with a copy of the schema of its own (nil: none could be compiled), given back after.
    func withSchema<T>(_ body: (xmlSchemaPtr?) throws -> T) rethrows -> T {
        let schema = checkOut()
        defer { if let schema { checkIn(schema) } }
        return try body(schema)
    }

    /// How many copies of the schema were compiled (for the tests).
    var compiledCopies: Int { lock.withLock { compiled.count } }

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
            withSchema { schema in
                guard let schema else { return false }
                return Self.stream(data, name: name, schema: schema, collector: collector)
            }
        }
        guard !valid || !collector.errors.isEmpty else { return }
        try validate(data, name: name)
        throw collector.failure(fallback: "the document does not conform to \(self.name)")
    }

    /// `validateStream`'s run of libxml2's push parser into the validator of `schema`.
    private static func stream(_ data: Data, name: String, schema: xmlSchemaPtr, collector: XMLErrorCollector) -> Bool {
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

    /// Validates `data` (parsed with `SafeXMLParser`); throws every error, located, when it is not
    /// well-formed or does not conform to the schema.
    public func validate(_ data: Data, name: String) throws(XMLValidationError) {
        try validateDocument(data, name: name, schemaName: self.name) { body in withSchema(body) }
    }
}

/// Validates `data` (parsed with `SafeXMLParser`) against a compiled schema, with a validation context
/// per call, the schema lent by `lending` for the validation alone (nil: none, an internal error);
/// throws every error libxml2 reported, located. The one validation both `XMLSchemaValidator` (a copy
/// of its own) and `XMLSchemaSet` (its schema, under its lock) run.
func validateDocument(
    _ data: Data, name: String, schemaName: String,
    lending: ((xmlSchemaPtr?) -> Int32) -> Int32
) throws(XMLValidationError) {
    try SafeXMLParser.withDocument(data, name: name) { document throws(XMLValidationError) in
        let collector = XMLErrorCollector(name: name)
        let status: Int32 = withExtendedLifetime(collector) {
            lending { schema in
                guard let schema, let context = xmlSchemaNewValidCtxt(schema) else { return -1 }
                defer { xmlSchemaFreeValidCtxt(context) }
                xmlSchemaSetValidStructuredErrors(context, XMLErrorCollector.structuredHandler, collector.pointer)
                return xmlSchemaValidateDoc(context, document)
            }
        }
        if status != 0 || !collector.errors.isEmpty {
            throw collector.failure(
                fallback: status < 0
                    ? "libxml2 could not run the validation (internal error \(status))"
                    : "the document does not conform to \(schemaName)")
        }
    }
}
