import CLibXML2
import Foundation

/// Builds an XML document from the same calls as `XMLDocumentWriter` (`element`, `attribute`, `text`),
/// into two forms at once: a libxml2 tree in memory, which `XMLSchemaValidator.validate(_:)` checks
/// without parsing anything, and the document's bytes.
///
/// The bytes are exactly those `XMLDocumentWriter` (libxml2's `xmlTextWriter`, two-space indentation)
/// writes for the same calls — the same declaration, indentation, `<a/>` for an empty element, and the
/// same escaping: in text `<`, `>`, `&`, `"` and carriage returns (`xmlEncodeSpecialChars`), in
/// attribute values also line feeds and tabs (`xmlBufAttrSerializeTxtContent`). Characters XML 1.0
/// cannot carry become U+FFFD in both forms. Tests compare the two writers byte for byte, and parse
/// the bytes back to the tree's content.
///
/// What is validated is the tree; what is written is its serialisation. Validating the tree instead of
/// re-parsing the bytes saves libxml2's parse of every dossier (about half of the schema check).
///
/// Without the tree (`buildsTree: false`) the writer only serialises: a large dossier's tree costs
/// about 250 bytes and two libxml2 allocations per element (a 100,000-invoice dossier.xml has some
/// 8 million elements: 2 GB), so `dossier.xml` is written as bytes alone and validated while libxml2
/// streams them (`XMLSchemaValidator.validateStream`), which builds no tree either.
public final class XMLTreeWriter {
    private let document: xmlDocPtr
    /// Whether the libxml2 tree is built beside the bytes.
    public let buildsTree: Bool
    private let bytes = XMLBytes(capacity: 16 * 1024)
    /// The writer's changing state, behind a pointer (large engineer, issue 12): a stored property of a
    /// class is checked for exclusive access at each use (`swift_beginAccess`, ≈ 90 instructions:
    /// a sixth of writing an element); the same fields reached through the pointer are not.
    private struct State {
        var open: [Open] = []
        /// `xmlTextWriter`'s `doindent`: whether the next end tag goes on a line of its own.
        var indentNextEnd = false
        var finished = false
        /// The root element was started (in the tree, or in the bytes alone).
        var hasRoot = false
        /// The C copies of the names given as `String`s, validated (xml, issue 14: see `Name`).
        var names: [String: UnsafeMutablePointer<UInt8>] = [:]
        /// The C copies of the namespaces declared (sanitised), for the validation.
        var namespaces: [String: UnsafeMutablePointer<UInt8>] = [:]
    }
    private let state: UnsafeMutablePointer<State> = {
        let state = UnsafeMutablePointer<State>.allocate(capacity: 1)
        state.initialize(to: State())
        return state
    }()
    private var indentNextEnd: Bool {
        get { state.pointee.indentNextEnd }
        set { state.pointee.indentNextEnd = newValue }
    }
    private var finished: Bool {
        get { state.pointee.finished }
        set { state.pointee.finished = newValue }
    }
    private var hasRoot: Bool {
        get { state.pointee.hasRoot }
        set { state.pointee.hasRoot = newValue }
    }
    private let indentation: [UInt8]
    /// `indentation` 16 times: the indentation of up to 16 levels in one copy.
    private let indentationRun: [UInt8]
    /// The schema validation fed with the events as they are written (`validating:`), if any.
    private let validation: XMLEventValidation?
    /// Where the bytes go as they are written (`output:`), if anywhere: handed over in pieces of about
    /// `outputChunk` bytes at the end of an element, and the rest at `finish()`.
    private let output: ((UnsafeRawBufferPointer) throws -> Void)?
    /// The size of the pieces handed to `output`.
    static let outputChunk = 1 << 20

    /// A valid element or attribute name as the writer keeps it (xml, issue 14): NUL-terminated UTF-8
    /// that lives at least as long as the writer, handed as it is to libxml2 (the tree, the
    /// validator, which keeps the pointers) and copied into the bytes. A `StaticString` name is its own
    /// literal (no copy, no reference counting, no hashing); a `String` name is copied once per writer.
    struct Name {
        let pointer: UnsafePointer<UInt8>
        let count: Int

        var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: pointer, count: count) }
        var string: String { String(decoding: buffer, as: UTF8.self) }
    }

    /// An open element: nothing reference-counted (xml, issue 14: the stack is copied on every event).
    private struct Open {
        var node: xmlNodePtr?
        var name: Name
        var namespace: xmlNsPtr?
        /// The default namespace in scope (declared here or inherited), for the validation.
        var uri: UnsafePointer<UInt8>?
        /// The start tag is not closed yet (`<name attr="…"`): libxml2's `XML_TEXTWRITER_NAME` state.
        var startTagOpen: Bool
    }

    /// A writer with a started document (`<?xml version="1.0" encoding="UTF-8"?>`). With
    /// `validating`, the document is validated against that schema while it is written (large
    /// engineer, issue 12: its events go to libxml2's validator, nothing is parsed back); the verdict is
    /// `validationFailure` once `finish()` returned.
    ///
    /// With `output` (large engineer, issue 12; no tree), the bytes are not kept: they are handed to
    /// `output` in pieces of about a megabyte as the document is written (a 100,000-invoice dossier.xml
    /// is 330 MB), the last at `finish()`, which then returns no bytes. An error `output` throws is
    /// thrown by the call that was writing.
    public init(
        indentation: String = "  ", buildsTree: Bool = true, validating schema: XMLSchemaValidator? = nil,
        name: String = "document.xml", output: ((UnsafeRawBufferPointer) throws -> Void)? = nil
    ) throws(XMLError) {
        LibXML2.initialize()
        self.output = buildsTree ? nil : output
        guard let document = xmlNewDoc("1.0") else { throw Self.failure("xmlNewDoc") }
        self.document = document
        self.buildsTree = buildsTree
        self.indentation = Array(indentation.utf8)
        indentationRun = Array(repeating: self.indentation, count: 16).flatMap { $0 }
        if let schema {
            guard let validation = XMLEventValidation(schema, name: name) else {
                xmlFreeDoc(document)
                throw Self.failure("xmlSchemaSAXPlug")
            }
            self.validation = validation
        } else {
            self.validation = nil
        }
        append(#"<?xml version="1.0" encoding="UTF-8"?>"#)
        bytes.append(0x0A)
    }

    deinit {
        // The validation ends (its context freed) before the names it was given are.
        validation?.close()
        xmlFreeDoc(document)
        for pointer in state.pointee.names.values { free(pointer) }
        for pointer in state.pointee.namespaces.values { free(pointer) }
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// An element whose content `body` writes (attributes first, then child elements or text).
    /// With `namespace`, the element declares it as the default namespace (`xmlns="…"`).
    public func element(
        _ name: String, namespace: String? = nil, attributes: [(String, String)] = [],
        _ body: () throws -> Void
    ) throws {
        try start(name, namespace: namespace)
        for (key, value) in attributes { try attribute(key, value) }
        try body()
        try end()
    }

    /// Starts an element left open across calls (`endElement()` closes it): what `element(_:body)`
    /// does around its body, for a document written in two phases (large engineer, issue 12).
    public func startElement(
        _ name: String, namespace: String? = nil, attributes: [(String, String)] = []
    ) throws {
        try start(name, namespace: namespace)
        for (key, value) in attributes { try attribute(key, value) }
    }

    /// Ends the element `startElement` opened.
    public func endElement() throws { try end() }

    /// An element holding only `text` (`<city>Dijon</city>`).
    public func element(_ name: String, attributes: [(String, String)] = [], text: String) throws {
        try element(name, attributes: attributes) { try self.text(text) }
    }

    /// An element holding `text`, or nothing at all when `text` is `nil`.
    public func element(_ name: String, attributes: [(String, String)] = [], textIfPresent text: String?) throws {
        guard let text else { return }
        try element(name, attributes: attributes, text: text)
    }

    /// The same calls with names that are string literals (xml, issue 14): the writer uses the
    /// literal's own bytes instead of copying, hashing and reference-counting a `String` per element
    /// (dossier.xml writes some 300 elements per dossier). The bytes and the events are those of the
    /// `String` calls (`XMLTreeWriterTests` compares the two).
    public var literalNames: LiteralNames { LiteralNames(writer: self) }

    /// `XMLTreeWriter`'s element calls with `StaticString` names.
    public struct LiteralNames {
        let writer: XMLTreeWriter

        /// `element(_:_:)`.
        public func element(_ name: StaticString, _ body: () throws -> Void) throws {
            try writer.start(literal: name)
            try body()
            try writer.end()
        }

        /// `element(_:text:)`.
        public func element(_ name: StaticString, text: String) throws {
            try writer.leaf(literal: name, text: text)
        }

        /// `element(_:textIfPresent:)`.
        public func element(_ name: StaticString, textIfPresent text: String?) throws {
            guard let text else { return }
            try writer.leaf(literal: name, text: text)
        }
    }

    /// An attribute of the element just started (before any content).
    public func attribute(_ name: String, _ value: String) throws {
        guard !finished, let current = state.pointee.open.last, current.startTagOpen else {
            throw XMLError(
                code: -1, message: "attribute \(name) written outside a start tag", line: 0, column: 0)
        }
        let cName = try self.name(name)
        let value = XMLDocumentWriter.sanitized(value)
        if let node = current.node {
            guard xmlNewProp(node, cName.pointer, value) != nil else { throw Self.failure("xmlNewProp(\(name))") }
        }
        bytes.append(0x20)
        bytes.append(cName.buffer)
        bytes.append(contentsOf: #"=""#.utf8)
        Self.escapeAttribute(value, into: bytes)
        bytes.append(0x22)
        validation?.attribute(cName.pointer, value)
    }

    /// Text content of the current element, escaped.
    public func text(_ text: String) throws {
        guard !finished, let current = state.pointee.open.last else {
            throw XMLError(code: -1, message: "text written outside any element", line: 0, column: 0)
        }
        // large engineer (issue 12): without a tree, a text that needs neither sanitising nor escaping
        // (numbers, dates, most names: a 100,000-invoice dossier.xml has 8 million of them) is checked in
        // one pass over its bytes and copied.
        if !buildsTree, text.utf8.withContiguousStorageIfAvailable(Self.isPlainText) == true {
            closeStartTag(newline: false)
            bytes.append(contentsOf: text.utf8)
            validation?.characters(text)
            indentNextEnd = false
            return
        }
        let text = XMLDocumentWriter.sanitized(text)
        closeStartTag(newline: false)
        validation?.characters(text)
        let count = text.utf8.count
        if count > 0, let parent = current.node {
            guard let node = xmlNewDocTextLen(document, text, Int32(count)) else {
                throw Self.failure("xmlNewDocTextLen")
            }
            // The text node is owned by the element once added (merged into a preceding text node).
            if xmlAddChild(parent, node) == nil {
                xmlFreeNode(node)
                throw Self.failure("xmlAddChild")
            }
        }
        Self.escapeText(text, into: bytes)
        indentNextEnd = false
    }

    /// Ends the document and returns its bytes (UTF-8, ending with a line feed).
    public func finish() throws -> Data {
        guard !finished else {
            throw XMLError(code: -1, message: "the document was already finished", line: 0, column: 0)
        }
        guard state.pointee.open.isEmpty else {
            throw XMLError(
                code: -1, message: "element <\(state.pointee.open.last!.name.string)> is still open", line: 0, column: 0
            )
        }
        guard hasRoot else {
            throw XMLError(code: -1, message: "the document has no root element", line: 0, column: 0)
        }
        finished = true
        validationFailure = validation?.finish()
        if output != nil {
            try flushOutput()
            return Data()
        }
        // Without a tree the bytes become the `Data` (no copy: a 100,000-invoice dossier.xml is 330 MB);
        // with one they are kept for the validator's error report.
        return buildsTree ? bytes.copy() : bytes.take()
    }

    /// With `validating:`, after `finish()`: nil when the document conforms to the schema, else the
    /// validator's errors (not located: validate the bytes with `XMLSchemaValidator.validate(_:name:)`
    /// for their lines).
    public private(set) var validationFailure: XMLValidationError?

    /// The libxml2 document, for the schema validator (valid while the writer lives).
    var tree: xmlDocPtr { document }

    // MARK: -

    private static let finishedError = XMLError(
        code: -1, message: "the document was already finished", line: 0, column: 0)

    private func start(_ name: String, namespace: String?) throws {
        guard !finished else { throw Self.finishedError }
        try start(self.name(name), namespace: namespace)
    }

    private func start(literal name: StaticString) throws {
        guard !finished else { throw Self.finishedError }
        try start(self.name(literal: name), namespace: nil)
    }

    /// The writer's copy of a name given as a `String`, once it is known valid.
    private func name(_ name: String) throws -> Name {
        if let known = state.pointee.names[name] { return Name(pointer: UnsafePointer(known), count: name.utf8.count) }
        try validate(name: name)
        let copy = Self.cString(name)
        state.pointee.names[name] = copy
        return Name(pointer: UnsafePointer(copy), count: name.utf8.count)
    }

    /// A literal name as it is, when it is a plain name (`isPlainName`) stored NUL-terminated (as the
    /// compiler stores string literals); any other takes the `String` path (the same checks and errors).
    @inline(__always)
    private func name(literal name: StaticString) throws -> Name {
        if name.hasPointerRepresentation {
            let pointer = name.utf8Start
            let count = name.utf8CodeUnitCount
            if pointer[count] == 0, Self.isPlainName(UnsafeBufferPointer(start: pointer, count: count)) {
                return Name(pointer: pointer, count: count)
            }
        }
        return try self.name(name.description)
    }

    /// The C copy of a (sanitised) namespace, for the validation.
    private func namespacePointer(_ uri: String) -> UnsafePointer<UInt8> {
        if let known = state.pointee.namespaces[uri] { return UnsafePointer(known) }
        let copy = Self.cString(uri)
        state.pointee.namespaces[uri] = copy
        return UnsafePointer(copy)
    }

    /// A `malloc`'d NUL-terminated copy of `text`'s UTF-8.
    private static func cString(_ text: String) -> UnsafeMutablePointer<UInt8> {
        let count = text.utf8.count
        let pointer = malloc(count + 1)!.assumingMemoryBound(to: UInt8.self)
        let buffer = UnsafeMutableBufferPointer(start: pointer, count: count)
        _ = buffer.initialize(from: text.utf8)
        pointer[count] = 0
        return pointer
    }

    private func start(_ name: Name, namespace: String?) throws {
        if state.pointee.open.isEmpty, hasRoot {
            throw XMLError(code: -1, message: "a document has one root element", line: 0, column: 0)
        }
        hasRoot = true
        let parent = state.pointee.open.last
        let inherited = parent?.namespace
        var scope = inherited
        var created: xmlNodePtr?
        if buildsTree {
            guard let node = xmlNewDocNode(document, inherited, name.pointer, nil) else {
                throw Self.failure("xmlNewDocNode(\(name.string))")
            }
            if let parent = parent?.node {
                guard xmlAddChild(parent, node) != nil else {
                    xmlFreeNode(node)
                    throw Self.failure("xmlAddChild(\(name.string))")
                }
            } else {
                xmlDocSetRootElement(document, node)
            }
            if let namespace {
                let href = XMLDocumentWriter.sanitized(namespace)
                guard let declared = xmlNewNs(node, href, nil) else { throw Self.failure("xmlNewNs") }
                xmlSetNs(node, declared)
                scope = declared
            }
            created = node
        }
        let node = created
        closeStartTag(newline: true)
        indent(state.pointee.open.count)
        let declared = namespace.map { namespacePointer(XMLDocumentWriter.sanitized($0)) }
        let uri = declared ?? parent?.uri
        validation?.start(name.pointer, namespace: uri, declaring: declared)
        bytes.append(0x3C)
        bytes.append(name.buffer)
        state.pointee.open.append(Open(node: node, name: name, namespace: scope, uri: uri, startTagOpen: true))
        if let namespace {
            // `XMLDocumentWriter` writes the declaration as the first attribute.
            bytes.append(contentsOf: #" xmlns=""#.utf8)
            Self.escapeAttribute(XMLDocumentWriter.sanitized(namespace), into: bytes)
            bytes.append(0x22)
        }
    }

    /// `element(name, text: text)` with a literal name.
    ///
    /// Fast path (xml, issue 14): without a tree, inside an element, a text that needs neither
    /// sanitising nor escaping (`isPlainText`) — nearly every element of dossier.xml — is written in one
    /// go: `<name>text</name>` and its line feed after the indentation, and the validation's start,
    /// characters and end events; the same bytes and events as `start`, `text` and `end` one after the
    /// other (the state they leave: the parent's start tag closed, the next end tag indented). Any other
    /// case takes those three.
    private func leaf(literal literalName: StaticString, text: String) throws {
        guard !finished else { throw Self.finishedError }
        let name = try self.name(literal: literalName)
        let depth = state.pointee.open.count
        guard !buildsTree, depth > 0,
            let plain = text.utf8.withContiguousStorageIfAvailable({ buffer -> Bool in
                guard Self.isPlainText(buffer) else { return false }
                closeStartTag(newline: true)
                let parentURI = state.pointee.open[depth - 1].uri
                let indent = depth * indentation.count
                let total = indent + 2 * name.count + buffer.count + 6
                var at = bytes.tail(reserving: total)
                if indent <= indentationRun.count {
                    indentationRun.withUnsafeBufferPointer { at.update(from: $0.baseAddress!, count: indent) }
                    at += indent
                } else {
                    for _ in 0..<depth {
                        for byte in indentation {
                            at.pointee = byte
                            at += 1
                        }
                    }
                }
                at.pointee = 0x3C
                (at + 1).update(from: name.pointer, count: name.count)
                at += name.count + 1
                at.pointee = 0x3E
                at += 1
                if let base = buffer.baseAddress { at.update(from: base, count: buffer.count) }
                at += buffer.count
                at.pointee = 0x3C
                (at + 1).pointee = 0x2F
                (at + 2).update(from: name.pointer, count: name.count)
                at += name.count + 2
                at.pointee = 0x3E
                (at + 1).pointee = 0x0A
                bytes.advance(total)
                validation?.leaf(name.pointer, namespace: parentURI, text: buffer)
                indentNextEnd = true
                return true
            }), plain
        else {
            try start(name, namespace: nil)
            try self.text(text)
            try end()
            return
        }
        if output != nil, bytes.count >= Self.outputChunk { try flushOutput() }
    }

    /// The indentation of an element at `depth` (that many times `indentation`).
    @inline(__always)
    private func indent(_ depth: Int) {
        let count = depth * indentation.count
        if count <= indentationRun.count {
            indentationRun.withUnsafeBufferPointer { bytes.append(UnsafeBufferPointer(rebasing: $0[..<count])) }
        } else {
            for _ in 0..<depth { bytes.append(contentsOf: indentation) }
        }
    }

    private func end() throws {
        guard let current = state.pointee.open.last else {
            throw XMLError(code: -1, message: "no element is open", line: 0, column: 0)
        }
        if current.startTagOpen {
            bytes.append(contentsOf: "/>".utf8)
            validation?.startTagClosed()
            indentNextEnd = true
        } else {
            if indentNextEnd { indent(state.pointee.open.count - 1) }
            indentNextEnd = true
            bytes.append(contentsOf: "</".utf8)
            bytes.append(current.name.buffer)
            bytes.append(0x3E)
        }
        validation?.end(current.name.pointer, namespace: current.uri)
        bytes.append(0x0A)
        state.pointee.open.removeLast()
        if output != nil, bytes.count >= Self.outputChunk { try flushOutput() }
    }

    /// Hands the bytes written so far to `output`, and empties the buffer.
    private func flushOutput() throws {
        guard let output else { return }
        try bytes.drain(output)
    }

    /// Closes the current start tag (`>`), before content: a line feed follows before a child element.
    @inline(__always)
    private func closeStartTag(newline: Bool) {
        let last = state.pointee.open.count - 1
        guard last >= 0, state.pointee.open[last].startTagOpen else { return }
        state.pointee.open[last].startTagOpen = false
        bytes.append(0x3E)
        validation?.startTagClosed()
        if newline { bytes.append(0x0A) }
    }

    private func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    private func validate(name: String) throws {
        // The usual name (`invoice`, `flat-fee`: ASCII letters, digits, `-`, `_`, `.`, not starting with
        // a digit, `-` or `.`) is valid without asking libxml2, which needs a C copy of it each time.
        if Self.isPlainName(name) { return }
        guard !name.isEmpty, xmlValidateName(name, 0) == 0 else {
            throw XMLError(code: -1, message: "'\(name)' is not a valid XML name", line: 0, column: 0)
        }
    }

    /// An XML name made of ASCII letters, digits, `-`, `_` and `.`, starting with a letter or `_`
    /// (every such name is a valid XML 1.0 Name; `xmlValidateName` is asked about any other).
    static func isPlainName(_ name: String) -> Bool {
        var name = name
        return name.withUTF8(isPlainName)
    }

    /// `isPlainName` of UTF-8 bytes.
    static func isPlainName(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        var first = true
        for byte in name {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"): break
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."):
                if first { return false }
            default: return false
            }
            first = false
        }
        return !first
    }

    private static func failure(_ call: String) -> XMLError {
        XMLError(code: -1, message: "libxml2's \(call) failed", line: 0, column: 0)
    }

    /// UTF-8 text that `XMLDocumentWriter.sanitized` keeps as it is and `escapeText` copies unchanged:
    /// tabs, line feeds and bytes from 0x20, except `<`, `>`, `&`, `"` (escaped) and 0xEF (the lead byte
    /// of U+FFFE and U+FFFF, which the sanitising replaces; other EF-led scalars take the full check).
    ///
    /// Fast path (xml, issue 14): eight bytes at once (one 64-bit load) when none is below 0x20, `<`,
    /// `>`, `&`, `"` or 0xEF — bytes the walk below accepts one by one (the check is byte by byte, so
    /// the last eight bytes of a text may overlap the word before); any other eight bytes (a tab, a
    /// line feed, a character to escape), and a text under eight bytes, go through that walk
    /// (`isPlainTextByByte`, the tests' reference). dossier.xml's texts are some 27 bytes, accented
    /// ones included; callgrind, b200 batch: the leaf closure's own instructions 22.0 → 16.8 M (478 →
    /// 366 a leaf element).
    @inline(__always)
    static func isPlainText(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = buffer.count
        guard let base = buffer.baseAddress, count >= 8 else { return isPlainTextByByte(buffer) }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while true {
            let at = min(index, count &- 8)
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self))
            if !plainWord(word), !isPlainTextByByte(UnsafeBufferPointer(start: base + at, count: 8)) { return false }
            index = at &+ 8
            if index >= count { return true }
        }
    }

    private static let highBits: UInt64 = 0x8080_8080_8080_8080
    private static let ones: UInt64 = 0x0101_0101_0101_0101

    /// Whether none of eight bytes (`word`) is below 0x20, `<`, `>`, `&`, `"` or 0xEF. Exact byte by
    /// byte: for the ASCII bytes (high bit clear, `ascii`), with the high bit set in every lane
    /// (`| highBits`), subtracting at most 0x20 per lane never borrows from the next lane, and a lane
    /// keeps its high bit exactly when its byte was at least the amount subtracted (the `xor` makes a
    /// byte zero exactly when it was the character, and 0x80 − 1 loses the bit); 0xEF, the one byte
    /// with its high bit to find, is found exactly by the carry-free zero-byte test.
    @inline(__always)
    static func plainWord(_ word: UInt64) -> Bool {
        // The high bit of each lane whose byte is below its lane of `amount`, for ASCII bytes.
        func lanesBelow(_ lanes: UInt64, _ amount: UInt64) -> UInt64 { ~((lanes | highBits) &- amount) }
        let ascii = ~word & highBits
        let belowSpace = lanesBelow(word, 0x2020_2020_2020_2020)
        let lessThan = lanesBelow(word ^ 0x3C3C_3C3C_3C3C_3C3C, ones)
        let greaterThan = lanesBelow(word ^ 0x3E3E_3E3E_3E3E_3E3E, ones)
        let ampersand = lanesBelow(word ^ 0x2626_2626_2626_2626, ones)
        let quote = lanesBelow(word ^ 0x2222_2222_2222_2222, ones)
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let ef = word ^ 0xEFEF_EFEF_EFEF_EFEF
        let isEF = ~(((ef & low7) &+ low7) | ef | low7)
        return (belowSpace | lessThan | greaterThan | ampersand | quote) & ascii | isEF == 0
    }

    /// `isPlainText` one byte at a time (its reference, `XMLTreeWriterTests`).
    static func isPlainTextByByte(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in buffer {
            if byte < 0x20 {
                guard byte == 0x09 || byte == 0x0A else { return false }
            } else if byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0x22 || byte == 0xEF {
                return false
            }
        }
        return true
    }

    /// Text content as `xmlEncodeSpecialChars` escapes it.
    static func escapeText(_ text: String, into bytes: XMLBytes) {
        // Most values (numbers, dates, names) need no escaping: one copy.
        if !text.utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x0D }) {
            bytes.append(contentsOf: text.utf8)
            return
        }
        for byte in text.utf8 {
            switch byte {
            case 0x3C: bytes.append(contentsOf: "&lt;".utf8)
            case 0x3E: bytes.append(contentsOf: "&gt;".utf8)
            case 0x26: bytes.append(contentsOf: "&amp;".utf8)
            case 0x22: bytes.append(contentsOf: "&quot;".utf8)
            case 0x0D: bytes.append(contentsOf: "&#13;".utf8)
            default: bytes.append(byte)
            }
        }
    }

    /// An attribute value as `xmlBufAttrSerializeTxtContent` escapes it (a document with an encoding:
    /// other characters as they are).
    static func escapeAttribute(_ text: String, into bytes: XMLBytes) {
        for byte in text.utf8 {
            switch byte {
            case 0x0A: bytes.append(contentsOf: "&#10;".utf8)
            case 0x0D: bytes.append(contentsOf: "&#13;".utf8)
            case 0x09: bytes.append(contentsOf: "&#9;".utf8)
            case 0x22: bytes.append(contentsOf: "&quot;".utf8)
            case 0x3C: bytes.append(contentsOf: "&lt;".utf8)
            case 0x3E: bytes.append(contentsOf: "&gt;".utf8)
            case 0x26: bytes.append(contentsOf: "&amp;".utf8)
            default: bytes.append(byte)
            }
        }
    }
}

extension XMLSchemaValidator {
    /// Validates the tree `writer` built, in memory (nothing parsed); throws every error libxml2
    /// reported. The tree has no line numbers: on failure the errors are those of validating the
    /// serialised bytes, which locate each one (the document is wrong either way).
    public func validate(_ writer: XMLTreeWriter, name: String) throws(XMLValidationError) {
        guard writer.buildsTree else {
            throw XMLValidationError(
                name: name,
                errors: [
                    XMLError(
                        code: -1, message: "the writer built no tree: validate its bytes (validateStream)", line: 0,
                        column: 0, file: name)
                ])
        }
        let collector = XMLErrorCollector(name: name)
        let status: Int32 = withExtendedLifetime(collector) {
            withSchema { schema in
                guard let schema, let context = xmlSchemaNewValidCtxt(schema) else { return -1 }
                defer { xmlSchemaFreeValidCtxt(context) }
                xmlSchemaSetValidStructuredErrors(context, XMLErrorCollector.structuredHandler, collector.pointer)
                return xmlSchemaValidateDoc(context, writer.tree)
            }
        }
        guard status != 0 || !collector.errors.isEmpty else { return }
        if let data = try? writer.bytesSoFar() {
            try validate(data, name: name)
        }
        throw collector.failure(
            fallback: status < 0
                ? "libxml2 could not run the validation (internal error \(status))"
                : "the document does not conform to \(self.name)")
    }
}

extension XMLTreeWriter {
    /// The bytes of a finished document, for error reports.
    fileprivate func bytesSoFar() throws -> Data {
        guard state.pointee.open.isEmpty else { throw XMLError(code: -1, message: "unfinished", line: 0, column: 0) }
        return bytes.copy()
    }
}

/// The bytes an `XMLTreeWriter` writes: a growing `malloc` buffer that `take()` hands to `Data`
/// without copying it (an `[UInt8]` turned into `Data` is copied: twice the document at the end).
final class XMLBytes {
    /// The buffer's fields, behind a pointer (xml, issue 14): as `XMLTreeWriter`'s state, no
    /// exclusivity check at each use of a class's stored property.
    private struct Storage {
        var base: UnsafeMutablePointer<UInt8>
        var count: Int
        var capacity: Int
    }
    private let storage: UnsafeMutablePointer<Storage>

    var count: Int { storage.pointee.count }

    init(capacity: Int) {
        let capacity = max(capacity, 64)
        storage = UnsafeMutablePointer<Storage>.allocate(capacity: 1)
        storage.initialize(to: Storage(base: Self.allocate(capacity), count: 0, capacity: capacity))
    }

    deinit {
        free(storage.pointee.base)
        storage.deinitialize(count: 1)
        storage.deallocate()
    }

    private static func allocate(_ capacity: Int) -> UnsafeMutablePointer<UInt8> {
        guard let memory = malloc(capacity) else { fatalError("out of memory: \(capacity) bytes of XML") }
        return memory.assumingMemoryBound(to: UInt8.self)
    }

    @inline(__always)
    private func reserve(_ extra: Int) {
        if storage.pointee.count + extra > storage.pointee.capacity { grow(extra) }
    }

    @inline(never)
    private func grow(_ extra: Int) {
        let wanted = max(storage.pointee.count + extra, storage.pointee.capacity * 2)
        guard let memory = realloc(storage.pointee.base, wanted) else {
            fatalError("out of memory: \(wanted) bytes of XML")
        }
        storage.pointee.base = memory.assumingMemoryBound(to: UInt8.self)
        storage.pointee.capacity = wanted
    }

    /// Where the next `extra` bytes go, room made for them: write at most that many there, then
    /// `advance` by the number written.
    @inline(__always)
    func tail(reserving extra: Int) -> UnsafeMutablePointer<UInt8> {
        reserve(extra)
        return storage.pointee.base + storage.pointee.count
    }

    /// Counts `written` bytes put at `tail(reserving:)`.
    @inline(__always)
    func advance(_ written: Int) { storage.pointee.count += written }

    @inline(__always)
    func append(_ byte: UInt8) {
        reserve(1)
        storage.pointee.base[storage.pointee.count] = byte
        storage.pointee.count += 1
    }

    @inline(__always)
    func append(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard let source = buffer.baseAddress, buffer.count > 0 else { return }
        reserve(buffer.count)
        (storage.pointee.base + storage.pointee.count).update(from: source, count: buffer.count)
        storage.pointee.count += buffer.count
    }

    func append(contentsOf text: String.UTF8View) {
        if text.withContiguousStorageIfAvailable({ append($0) }) != nil { return }
        for byte in text { append(byte) }
    }

    func append(contentsOf bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// A copy of the bytes written so far.
    func copy() -> Data { Data(bytes: storage.pointee.base, count: storage.pointee.count) }

    /// Hands the bytes written so far to `consumer`, then empties the buffer (its capacity kept).
    func drain(_ consumer: (UnsafeRawBufferPointer) throws -> Void) throws {
        defer { storage.pointee.count = 0 }
        try consumer(UnsafeRawBufferPointer(start: storage.pointee.base, count: storage.pointee.count))
    }

    /// The bytes as `Data`, which now owns the buffer (freed with it); the writer's buffer is empty.
    func take() -> Data {
        let data = Data(bytesNoCopy: storage.pointee.base, count: storage.pointee.count, deallocator: .free)
        storage.pointee = Storage(base: Self.allocate(64), count: 0, capacity: 64)
        return data
    }
}
