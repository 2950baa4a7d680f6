import CLibXML2
import Foundation

/// A schema made of several XSD files held in memory (the e-invoice schemas of
/// `forms/schemas/einvoice/`: UBL 2.1, Factur-X, CDAR), compiled by libxml2 from one entry file without
/// any file access: the law-book loader reads the bytes (RecouvreForms), this type compiles them.
///
/// libxml2 2.9 fetches each `xs:include` / `xs:import` through its process-wide external entity loader;
/// recouvre installs one (`MemorySchemaResolver`) that serves only the files of the sets being compiled,
/// under a private URL scheme (`recouvre-xsd://<set>/ubl-2.1/maindoc/UBL-Invoice-2.1.xsd`), and refuses
/// every other resource (no file, no network). Before compiling, the files the entry reaches are
/// checked: each `schemaLocation` is a relative path that stays inside the set and names one of its
/// files (no URL, no absolute path), and a file's DOCTYPE names no external DTD and declares only
/// internal entities whose values refer to no other entity (W3C's xmldsig schema, imported by UBL,
/// declares `<!ENTITY dsig 'http://www.w3.org/2000/09/xmldsig#'>`): libxml2's schema parser
/// substitutes entities, so an external or nested one is refused before it sees it (XXE, entity
/// expansion). The documents validated are parsed by `SafeXMLParser`, as everywhere.
public final class XMLSchemaSet: @unchecked Sendable {
    public let name: String
    private let schema: xmlSchemaPtr
    private let lock = NSLock()

    /// Compiles `entry`, a key of `files` (paths relative to the set's root, `/`-separated, → bytes).
    public init(files: [String: Data], entry: String) throws(XMLValidationError) {
        let name = entry
        func fail(_ message: String, file: String? = nil) -> XMLValidationError {
            XMLValidationError(
                name: name, errors: [XMLError(code: -1, message: message, line: 0, column: 0, file: file ?? name)])
        }
        // The files the entry reaches, each checked once.
        var reached: [String] = []
        var pending = [entry]
        var seen: Set<String> = [entry]
        while let path = pending.popLast() {
            guard let data = files[path] else { throw fail("schema file \(path) is not in the set") }
            if let problem = Self.doctypeProblem(data) {
                throw fail("schema file \(path) refused: \(problem)", file: path)
            }
            reached.append(path)
            for location in Self.schemaLocations(in: data) {
                guard let target = Self.resolve(location, from: path), files[target] != nil else {
                    throw fail(
                        "\(path) imports '\(location)', outside the schema set: refused "
                            + "(no external resource is ever loaded)", file: path)
                }
                if seen.insert(target).inserted { pending.append(target) }
            }
        }
        LibXML2.initialize()
        MemorySchemaResolver.install()
        let set = MemorySchemaResolver.register(files.filter { seen.contains($0.key) })
        defer { MemorySchemaResolver.unregister(set) }
        let collector = XMLErrorCollector(name: name)
        let compiled: xmlSchemaPtr? = withExtendedLifetime(collector) {
            guard let parser = xmlSchemaNewParserCtxt(MemorySchemaResolver.url(set: set, path: entry)) else {
                return nil
            }
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
        try validateDocument(data, name: name, schemaName: self.name) { body in
            lock.lock()
            defer { lock.unlock() }
            return body(schema)
        }
    }

    /// The `schemaLocation="…"` values of an XSD's text (includes, imports, redefines).
    static func schemaLocations(in data: Data) -> [String] {
        guard let text = String(data: data, encoding: .utf8) else { return [] }
        var locations: [String] = []
        var rest = text[...]
        while let range = rest.range(of: "schemaLocation=") {
            var after = rest[range.upperBound...]
            guard let quote = after.first, quote == "\"" || quote == "'" else {
                rest = after
                continue
            }
            after = after.dropFirst()
            guard let end = after.firstIndex(of: quote) else { break }
            locations.append(String(after[..<end]))
            rest = after[end...]
        }
        return locations
    }

    /// Why a schema file's DOCTYPE is refused, if it is: an external DTD (`SYSTEM`, `PUBLIC`), an
    /// external or unparsed entity, or an entity whose value refers to another (`&`, `%`). A file
    /// without DOCTYPE, or with internal literal entities only, passes. Conservative: text the check
    /// cannot read is refused.
    static func doctypeProblem(_ data: Data) -> String? {
        guard let text = String(data: data, encoding: .utf8) else { return "not UTF-8 text" }
        guard let start = text.range(of: "<!DOCTYPE") else {
            return text.contains("<!ENTITY") ? "entity declaration outside a DOCTYPE" : nil
        }
        let rest = text[start.upperBound...]
        guard let open = rest.firstIndex(where: { $0 == "[" || $0 == ">" }) else { return "unterminated DOCTYPE" }
        let head = rest[..<open]
        if head.contains("SYSTEM") || head.contains("PUBLIC") {
            return "the DOCTYPE names an external DTD (no external resource is ever loaded)"
        }
        guard rest[open] == "[" else { return nil }
        guard let close = rest.range(of: "]>") else { return "unterminated internal DTD subset" }
        var subset = rest[rest.index(after: open)..<close.lowerBound]
        while let entity = subset.range(of: "<!ENTITY") {
            let declaration = subset[entity.upperBound...]
            guard let quote = declaration.firstIndex(where: { $0 == "\"" || $0 == "'" }) else {
                return "entity declaration without a literal value (external or unparsed): refused"
            }
            let before = declaration[..<quote]
            if before.contains("SYSTEM") || before.contains("PUBLIC") {
                return "external entity declaration refused (no external resource is ever loaded)"
            }
            let valueStart = declaration.index(after: quote)
            guard let valueEnd = declaration[valueStart...].firstIndex(of: declaration[quote]) else {
                return "unterminated entity value"
            }
            let value = declaration[valueStart..<valueEnd]
            if value.contains("&") || value.contains("%") {
                return "entity whose value refers to another entity refused (entity expansion)"
            }
            guard let end = declaration[valueEnd...].firstIndex(of: ">") else { return "unterminated entity" }
            if declaration[declaration.index(after: valueEnd)..<end].contains("NDATA") {
                return "unparsed entity declaration refused"
            }
            subset = declaration[end...]
        }
        return nil
    }

    /// `location` relative to the file `from`, normalised (`a/b/../c.xsd` → `a/c.xsd`); nil for a URL,
    /// an absolute path, or a path that leaves the set.
    static func resolve(_ location: String, from: String) -> String? {
        guard !location.isEmpty, !location.contains(":"), !location.hasPrefix("/"), !location.contains("\\")
        else { return nil }
        var parts = from.split(separator: "/").dropLast().map(String.init)
        for part in location.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }
}

/// A compiled schema per entry of one in-memory set, compiled on first use and kept (thread-safe):
/// the files are asked for once, when the first schema is compiled.
public final class XMLSchemaLibrary: @unchecked Sendable {
    private let files: @Sendable () throws -> [String: Data]
    private let lock = NSLock()
    private var loaded: [String: Data]?
    private var compiled: [String: XMLSchemaSet] = [:]

    /// `files`: the set's files (path → bytes), read by the caller on first use.
    public init(files: @escaping @Sendable () throws -> [String: Data]) { self.files = files }

    /// The schema of `entry`, compiled once.
    public func schema(_ entry: String) throws -> XMLSchemaSet {
        lock.lock()
        defer { lock.unlock() }
        if let schema = compiled[entry] { return schema }
        let set: [String: Data]
        if let loaded {
            set = loaded
        } else {
            set = try files()
            loaded = set
        }
        let schema = try XMLSchemaSet(files: set, entry: entry)
        compiled[entry] = schema
        return schema
    }
}

/// libxml2's external entity loader for the in-memory schema sets (see `XMLSchemaSet`). libxml2 2.9
/// has no per-parser resource loader, so the hook is process-wide: installed once, it serves the files
/// of the sets registered while they compile and refuses every other URL or path — from then on
/// libxml2 loads nothing from disk or network in this process (recouvre's other parses load nothing
/// either: `SafeXMLParser` refuses external resources, `XMLSchemaValidator` refuses includes).
enum MemorySchemaResolver {
    static let scheme = "recouvre-xsd"

    private final class Registry: @unchecked Sendable {
        let lock = NSLock()
        var next = 0
        var sets: [Int: [String: Data]] = [:]
    }

    private static let registry = Registry()

    private static let installed: Bool = {
        xmlSetExternalEntityLoader(load)
        return true
    }()

    static func install() { _ = installed }

    static func register(_ files: [String: Data]) -> Int {
        registry.lock.lock()
        defer { registry.lock.unlock() }
        registry.next += 1
        registry.sets[registry.next] = files
        return registry.next
    }

    static func unregister(_ set: Int) {
        registry.lock.lock()
        registry.sets[set] = nil
        registry.lock.unlock()
    }

    static func url(set: Int, path: String) -> String { "\(scheme)://set\(set)/\(path)" }

    /// The bytes behind `url`, if it names a file of a registered set.
    static func data(_ url: String) -> Data? {
        let prefix = "\(scheme)://set"
        guard url.hasPrefix(prefix) else { return nil }
        let rest = url.dropFirst(prefix.count)
        guard let slash = rest.firstIndex(of: "/"), let set = Int(rest[..<slash]) else { return nil }
        let path = String(rest[rest.index(after: slash)...])
        registry.lock.lock()
        defer { registry.lock.unlock() }
        guard let files = registry.sets[set] else { return nil }
        return files[path] ?? path.removingPercentEncoding.flatMap { files[$0] }
    }

    private static let load: xmlExternalEntityLoader = { url, _, context in
        guard let url, let context, let data = MemorySchemaResolver.data(String(cString: url)),
            data.count < Int(Int32.max)
        else { return nil }
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> xmlParserInputPtr? in
            // libxml2 copies the bytes into its own buffer.
            guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self),
                let buffer = xmlParserInputBufferCreateMem(base, Int32(raw.count), XML_CHAR_ENCODING_NONE)
            else { return nil }
            guard let input = xmlNewIOInputStream(context, buffer, XML_CHAR_ENCODING_NONE) else {
                xmlFreeParserInputBuffer(buffer)
                return nil
            }
            // The input's name is its URL: libxml2 resolves the file's own includes against it.
            input.pointee.filename = UnsafeRawPointer(xmlCharStrdup(url)).map {
                $0.assumingMemoryBound(to: CChar.self)
            }
            return input
        }
    }
}
