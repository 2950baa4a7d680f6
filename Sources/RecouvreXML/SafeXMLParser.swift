import CLibXML2
import Foundation

/// Parses XML that comes from outside (a UBL or CII invoice, a dossier handed back for `verify`)
/// without giving it any power over the machine: no network access, no external entity, no DTD
/// loading, no entity expansion.
///
/// The installed libxml2 (2.9.14) has no `XML_PARSE_NO_XXE`, so the same protection is built from
/// the parser's own hooks, per parse and without global state: any entity declaration
/// (`<!ENTITY …>`, general or parameter, parsed or not) and any DOCTYPE naming an external DTD stop the
/// parse at once with an error, before anything could be expanded or fetched (XXE, billion laughs,
/// SSRF); the entity resolver refuses every external resource; `XML_PARSE_NONET` forbids the network.
/// `XML_PARSE_NOENT`, `XML_PARSE_DTDLOAD`, `XML_PARSE_DTDATTR`, `XML_PARSE_XINCLUDE` and
/// `XML_PARSE_HUGE` are never set, so libxml2's own size and depth limits stay in force.
public enum SafeXMLParser {
    /// The libxml2 options of every parse: no network, line numbers above 65 535 kept, CDATA as text.
    static let options = Int32(
        XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue
            | XML_PARSE_NOCDATA.rawValue)

    /// Parses `data` and returns its root element; throws every error libxml2 reported, located.
    @discardableResult
    public static func parse(
        _ data: Data, name: String = "document.xml"
    ) throws(XMLValidationError)
        -> XMLElementNode
    {
        try withDocument(data, name: name) { document throws(XMLValidationError) in
            guard let root = xmlDocGetRootElement(document) else {
                throw XMLValidationError(
                    name: name,
                    errors: [
                        XMLError(code: -1, message: "the document has no root element", line: 0, column: 0, file: name)
                    ])
            }
            return element(root, in: document)
        }
    }

    /// Parses `data` safely, hands the libxml2 document to `body`, then frees it.
    static func withDocument<T>(
        _ data: Data, name: String,
        _ body: (xmlDocPtr) throws(XMLValidationError) -> T
    ) throws(XMLValidationError) -> T {
        LibXML2.initialize()
        let collector = XMLErrorCollector(name: name)
        guard !data.isEmpty else {
            throw XMLValidationError(
                name: name,
                errors: [
                    XMLError(
                        code: Int(XML_ERR_DOCUMENT_EMPTY.rawValue), message: "Document is empty", line: 1, column: 1,
                        file: name)
                ])
        }
        guard data.count < Int(Int32.max) else {
            throw collector.failure(fallback: "the document is larger than libxml2 can parse (\(data.count) bytes)")
        }
        if let line = tooManyAttributes(data) {
            throw XMLValidationError(
                name: name,
                errors: [
                    XMLError(
                        code: -1,
                        message: "an element has more than \(maxAttributesPerElement) attributes, which recouvre "
                            + "refuses (libxml2 checks duplicates in quadratic time)", line: line, column: 0, file: name
                    )
                ])
        }
        let document: xmlDocPtr? = withExtendedLifetime(collector) {
            data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> xmlDocPtr? in
                parse(bytes.baseAddress?.assumingMemoryBound(to: CChar.self), count: bytes.count, collector: collector)
            }
        }
        guard let document else { throw collector.failure(fallback: "the document could not be parsed") }
        defer { xmlFreeDoc(document) }
        if let subset = document.pointee.intSubset,
            subset.pointee.entities != nil || subset.pointee.pentities != nil
        {
            // Unreachable while the hooks below hold; kept so that a change of libxml2 cannot reopen XXE.
            throw collector.failure(fallback: "the document declares entities, which recouvre refuses")
        }
        return try body(document)
    }

    /// The most attributes one start tag may carry. libxml2 2.9 looks for duplicate attributes by
    /// comparing each with every other, so 200,000 attributes would keep it busy for minutes; no
    /// document recouvre reads has more than a handful.
    public static let maxAttributesPerElement = 256

    /// The line of the first start tag with more than `maxAttributesPerElement` attributes, found by
    /// one pass over the bytes (an `=` outside quotes inside a tag; comments, CDATA, processing
    /// instructions and declarations are skipped), or nil.
    /// The byte patterns `tooManyAttributes` looks for, built once (not four allocations at every `<`
    /// of a dossier.xml that has a million tags in a 10,000-invoice case).
    enum Markup {
        static let commentStart = Array("<!--".utf8)
        static let commentEnd = Array("-->".utf8)
        static let cdataStart = Array("<![CDATA[".utf8)
        static let cdataEnd = Array("]]>".utf8)
        static let instructionStart = Array("<?".utf8)
        static let instructionEnd = Array("?>".utf8)
        static let declarationStart = Array("<!".utf8)
        static let declarationEnd = Array(">".utf8)
    }

    static func tooManyAttributes(_ data: Data) -> Int? {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Int? in
            let bytes = raw.bindMemory(to: UInt8.self)
            let count = bytes.count
            var index = 0
            var line = 1
            func skip(past terminator: [UInt8]) {
                while index < count {
                    if bytes[index] == 0x0A { line += 1 }
                    if bytes[index] == terminator[0], index + terminator.count <= count,
                        terminator.indices.allSatisfy({ bytes[index + $0] == terminator[$0] })
                    {
                        index += terminator.count
                        return
                    }
                    index += 1
                }
            }
            func starts(_ pattern: [UInt8]) -> Bool {
                index + pattern.count <= count && pattern.indices.allSatisfy { bytes[index + $0] == pattern[$0] }
            }
            while index < count {
                let byte = bytes[index]
                if byte == 0x0A { line += 1 }
                guard byte == UInt8(ascii: "<") else {
                    index += 1
                    continue
                }
                if starts(Markup.commentStart) {
                    skip(past: Markup.commentEnd)
                } else if starts(Markup.cdataStart) {
                    skip(past: Markup.cdataEnd)
                } else if starts(Markup.instructionStart) {
                    skip(past: Markup.instructionEnd)
                } else if starts(Markup.declarationStart) {
                    skip(past: Markup.declarationEnd)
                } else {
                    let tagLine = line
                    var attributes = 0
                    var quote: UInt8 = 0
                    index += 1
                    while index < count {
                        let current = bytes[index]
                        if current == 0x0A { line += 1 }
                        if quote != 0 {
                            if current == quote { quote = 0 }
                        } else if current == UInt8(ascii: "\"") || current == UInt8(ascii: "'") {
                            quote = current
                        } else if current == UInt8(ascii: "=") {
                            attributes += 1
                            if attributes > maxAttributesPerElement { return tagLine }
                        } else if current == UInt8(ascii: ">") {
                            index += 1
                            break
                        }
                        index += 1
                    }
                }
            }
            return nil
        }
    }

    private static func parse(_ base: UnsafePointer<CChar>?, count: Int, collector: XMLErrorCollector) -> xmlDocPtr? {
        guard let base, let context = xmlCreateMemoryParserCtxt(base, Int32(count)) else {
            collector.record(
                XMLError(
                    code: -1, message: "libxml2 could not create a parser (out of memory?)",
                    line: 0, column: 0, file: collector.name))
            return nil
        }
        defer { xmlFreeParserCtxt(context) }
        _ = xmlCtxtUseOptions(context, options)
        context.pointee._private = collector.pointer
        if let sax = context.pointee.sax {
            sax.pointee.serror = parserErrorHandler
            sax.pointee.entityDecl = refuseEntityDeclaration
            sax.pointee.unparsedEntityDecl = refuseUnparsedEntityDeclaration
            sax.pointee.internalSubset = checkDoctype
            sax.pointee.externalSubset = nil
            sax.pointee.resolveEntity = refuseExternalResource
        }
        _ = xmlParseDocument(context)
        let document = context.pointee.myDoc
        context.pointee.myDoc = nil
        if context.pointee.wellFormed == 0 || !collector.errors.isEmpty {
            if let document { xmlFreeDoc(document) }
            if collector.errors.isEmpty {
                collector.record(
                    XMLError(
                        code: Int(context.pointee.errNo), message: "the document is not well-formed",
                        line: 0, column: 0, file: collector.name))
            }
            return nil
        }
        return document
    }

    // MARK: libxml2 hooks (C function pointers: no captures; the state comes through `_private`)

    private static func collector(_ context: UnsafeMutableRawPointer?) -> XMLErrorCollector? {
        guard let context else { return nil }
        let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let state = parser.pointee._private else { return nil }
        return XMLErrorCollector.from(state)
    }

    /// Records the refusal where the parser stands, then stops it.
    private static func refuse(_ context: UnsafeMutableRawPointer?, _ message: String) {
        guard let context, let collector = collector(context) else { return }
        let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
        collector.record(
            XMLError(
                code: Int(XML_ERR_USER_STOP.rawValue), message: message,
                line: Int(xmlSAX2GetLineNumber(parser)),
                column: Int(xmlSAX2GetColumnNumber(parser)), file: collector.name))
        parser.pointee.wellFormed = 0
        xmlStopParser(parser)
    }

    private static let parserErrorHandler: xmlStructuredErrorFunc = { context, error in
        guard let error, let collector = collector(context) else { return }
        collector.record(error.pointee)
    }

    private static let refuseEntityDeclaration: entityDeclSAXFunc = { context, name, _, _, _, _ in
        refuse(
            context,
            "entity declaration '\(LibXML2.string(name) ?? "")' refused: recouvre neither expands "
                + "nor loads entities (protection against XXE and entity expansion)")
    }

    private static let refuseUnparsedEntityDeclaration: unparsedEntityDeclSAXFunc = { context, name, _, _, _ in
        refuse(
            context,
            "entity declaration '\(LibXML2.string(name) ?? "")' refused: recouvre neither expands "
                + "nor loads entities (protection against XXE and entity expansion)")
    }

    private static let checkDoctype: internalSubsetSAXFunc = { context, name, externalID, systemID in
        if externalID != nil || systemID != nil {
            refuse(
                context,
                "DOCTYPE naming an external DTD ('\(LibXML2.string(systemID) ?? LibXML2.string(externalID) ?? "")') "
                    + "refused: no external resource is ever loaded")
            return
        }
        xmlSAX2InternalSubset(context, name, externalID, systemID)
    }

    private static let refuseExternalResource: resolveEntitySAXFunc = { context, publicID, systemID in
        refuse(
            context,
            "external resource '\(LibXML2.string(systemID) ?? LibXML2.string(publicID) ?? "")' "
                + "refused: no external resource is ever loaded")
        return nil
    }

    // MARK: libxml2 tree → Swift values

    static func element(_ node: xmlNodePtr, in document: xmlDocPtr) -> XMLElementNode {
        var attributes: [XMLElementNode.Attribute] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            let value = LibXML2.takeString(xmlNodeListGetString(document, current.pointee.children, 1)) ?? ""
            attributes.append(
                .init(
                    name: LibXML2.string(current.pointee.name) ?? "",
                    namespace: LibXML2.string(current.pointee.ns?.pointee.href), value: value))
            attribute = current.pointee.next
        }
        var children: [XMLElementNode] = []
        var text = ""
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                children.append(element(current, in: document))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                text += LibXML2.string(current.pointee.content) ?? ""
            default:
                break
            }
            child = current.pointee.next
        }
        return XMLElementNode(
            name: LibXML2.string(node.pointee.name) ?? "",
            namespace: LibXML2.string(node.pointee.ns?.pointee.href),
            attributes: attributes, children: children, text: text,
            line: Int(xmlGetLineNo(node)))
    }
}
