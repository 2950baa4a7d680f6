import CLibXML2
import Foundation

/// A schema validation fed with a document's events as `XMLTreeWriter` writes it (large engineer,
/// issue 12): the start tags, attributes, text and end tags go straight to libxml2's schema validator
/// through the handler `xmlSchemaSAXPlug` gives for a parser-less stream (its `startElementNs`,
/// `characters`, `endElementNs`), so the bytes are never parsed back. The events are those libxml2's
/// SAX2 parser reports for the same bytes: the same names and namespaces, an attribute's value with
/// `&` as `&#38;` (the parser's quirk, undone by the validator), the text unescaped, nothing outside the
/// root element. The writer's own line feeds and indentation between tags are not sent: the parser
/// reports them, but whitespace-only text only ever sits next to a child element, and wherever the
/// validator reads such whitespace at all (simple, empty or nilled content, a fixed value on mixed
/// content) a child element is itself an error; in element-only and mixed content it is allowed. So
/// the verdict is the one of `XMLSchemaValidator.validateStream` over the written bytes (tests compare
/// the two on 1,500 documents made valid and invalid in many ways).
///
/// Each call into the validator holds the schema's lock, as the other validations do. Names are
/// interned as C strings that live as long as the validation (the validator keeps pointers to them).
final class XMLEventValidation {
    private let validator: XMLSchemaValidator
    private let collector: XMLErrorCollector
    private let context: xmlSchemaValidCtxtPtr
    private var plug: xmlSchemaSAXPlugPtr?
    private let handler: xmlSAXHandlerPtr
    private let user: UnsafeMutableRawPointer?
    /// The changing state, behind a pointer: no exclusivity check at each use (see `XMLTreeWriter`).
    private struct State {
        /// The names of this validation's own copies (when the schema's shared table is full).
        var names: [String: UnsafeMutablePointer<xmlChar>] = [:]
        /// The names of this validation only (the schema's shared table was full).
        /// Interned names by the raw bits of an immortal string (a literal or a small string, whose
        /// bits are its bytes or its never-freed storage): one compare instead of a hash per element.
        var recent: [(bits: (UInt64, UInt64), pointer: UnsafeMutablePointer<xmlChar>?)] =
            Array(repeating: ((0, 0), nil), count: 256)
        var namespaces: [String: UnsafeMutablePointer<xmlChar>] = [:]
        /// The start tag being written: its name, the namespace it declares, its attributes (interned
        /// name, value with `&` as `&#38;`).
        var pendingName: UnsafeMutablePointer<xmlChar>?
        var pendingDeclaration: UnsafeMutablePointer<xmlChar>?
        var attributes: [(UnsafeMutablePointer<xmlChar>, [UInt8])] = []
        /// The open elements: name and namespace (inherited by the children).
        var open: [(name: UnsafeMutablePointer<xmlChar>, namespace: UnsafeMutablePointer<xmlChar>?)] = []
    }
    private let state: UnsafeMutablePointer<State>
    private var finished = false
    /// The verdict, once `finish()` ran: nil when valid.
    private(set) var failure: XMLValidationError?

    /// A validation against `validator`'s schema, or nil when libxml2 cannot set one up.
    init?(_ validator: XMLSchemaValidator, name: String) {
        LibXML2.initialize()
        self.validator = validator
        collector = XMLErrorCollector(name: name)
        state = UnsafeMutablePointer<State>.allocate(capacity: 1)
        state.initialize(to: State())
        guard let context = xmlSchemaNewValidCtxt(validator.schema) else {
            state.deinitialize(count: 1)
            state.deallocate()
            return nil
        }
        self.context = context
        xmlSchemaSetValidStructuredErrors(context, XMLErrorCollector.structuredHandler, collector.pointer)
        // No user handler: the plug hands back its own, which calls the validator directly.
        var sax: xmlSAXHandlerPtr? = nil
        var user: UnsafeMutableRawPointer? = nil
        validator.lock.lock()
        let plug = xmlSchemaSAXPlug(context, &sax, &user)
        validator.lock.unlock()
        guard let plug, let sax, sax.pointee.startElementNs != nil, sax.pointee.endElementNs != nil,
            sax.pointee.characters != nil
        else {
            if let plug { xmlSchemaSAXUnplug(plug) }
            xmlSchemaFreeValidCtxt(context)
            state.deinitialize(count: 1)
            state.deallocate()
            return nil
        }
        self.plug = plug
        self.handler = sax
        self.user = user
    }

    deinit {
        if let plug { xmlSchemaSAXUnplug(plug) }
        xmlSchemaFreeValidCtxt(context)
        for pointer in state.pointee.names.values { free(pointer) }
        for pointer in state.pointee.namespaces.values { free(pointer) }
        state.deinitialize(count: 1)
        state.deallocate()
    }

    private func intern(_ name: String) -> UnsafeMutablePointer<xmlChar> {
        let bits = unsafeBitCast(name, to: (UInt64, UInt64).self)
        let immortal = bits.1 >> 63 == 1
        let slot = Int(
            truncatingIfNeeded: ((bits.0 &* 0xFF51_AFD7_ED55_8CCD) ^ (bits.1 &* 0x9E37_79B9_7F4A_7C15)) >> 56)
        if immortal, let pointer = state.pointee.recent[slot].pointer, state.pointee.recent[slot].bits == bits {
            return pointer
        }
        let pointer: UnsafeMutablePointer<xmlChar>
        if let shared = validator.internedNames.pointer(name) {
            pointer = shared
        } else if let known = state.pointee.names[name] {
            pointer = known
        } else {
            pointer = Self.cString(name)
            state.pointee.names[name] = pointer
        }
        if immortal { state.pointee.recent[slot] = (bits, pointer) }
        return pointer
    }

    private static func cString(_ text: String) -> UnsafeMutablePointer<xmlChar> { InternedNames.cString(text) }

    /// A start tag begins (its attributes follow); `namespace`: the default namespace it declares.
    func start(_ name: String, declaring namespace: String?) {
        state.pointee.pendingName = intern(name)
        state.pointee.pendingDeclaration = namespace.map { uri in
            if let known = state.pointee.namespaces[uri] { return known }
            let pointer = Self.cString(uri)
            state.pointee.namespaces[uri] = pointer
            return pointer
        }
        if !state.pointee.attributes.isEmpty { state.pointee.attributes.removeAll(keepingCapacity: true) }
    }

    /// An attribute of the start tag being written (its value as sanitised).
    func attribute(_ name: String, _ value: String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count + 1)
        for byte in value.utf8 {
            if byte == 0x26 { bytes.append(contentsOf: "&#38;".utf8) } else { bytes.append(byte) }
        }
        bytes.append(0)
        state.pointee.attributes.append((intern(name), bytes))
    }

    /// The start tag is complete: the element's start event.
    func startTagClosed() {
        guard let name = state.pointee.pendingName else { return }
        state.pointee.pendingName = nil
        let declared = state.pointee.pendingDeclaration
        state.pointee.pendingDeclaration = nil
        let namespace = declared ?? state.pointee.open.last?.namespace
        state.pointee.open.append((name, namespace))
        let attributes = state.pointee.attributes
        let uri = namespace.map { UnsafePointer($0) }
        validator.lock.lock()
        defer { validator.lock.unlock() }
        if attributes.isEmpty && declared == nil {
            handler.pointee.startElementNs(user, name, nil, uri, 0, nil, 0, 0, nil)
            return
        }
        // The five pointers per attribute SAX2 passes (name, prefix, URI, value, end of value).
        let values = attributes.map(\.1)
        withValuePointers(values) { valuePointers in
            var storage: [UnsafePointer<xmlChar>?] = []
            storage.reserveCapacity(attributes.count * 5)
            for (index, attribute) in attributes.enumerated() {
                let value = valuePointers[index]
                storage.append(UnsafePointer(attribute.0))
                storage.append(nil)
                storage.append(nil)
                storage.append(value)
                storage.append(value.map { $0 + values[index].count - 1 })
            }
            var declaration: [UnsafePointer<xmlChar>?] = declared.map { [nil, UnsafePointer($0)] } ?? []
            declaration.withUnsafeMutableBufferPointer { namespaces in
                storage.withUnsafeMutableBufferPointer { attributePointers in
                    handler.pointee.startElementNs(
                        user, name, nil, uri, Int32(namespaces.count / 2), namespaces.baseAddress,
                        Int32(attributes.count), 0, attributePointers.baseAddress)
                }
            }
        }
    }

    private func withValuePointers(_ values: [[UInt8]], _ body: ([UnsafePointer<xmlChar>?]) -> Void) {
        var pointers: [UnsafePointer<xmlChar>?] = []
        func next(_ index: Int) {
            guard index < values.count else { return body(pointers) }
            values[index].withUnsafeBufferPointer { buffer in
                pointers.append(buffer.baseAddress)
                next(index + 1)
            }
        }
        next(0)
    }

    /// Text content (sanitised, unescaped), inside the root element.
    func characters(_ text: String) {
        guard !state.pointee.open.isEmpty, !text.isEmpty else { return }
        validator.lock.lock()
        defer { validator.lock.unlock() }
        if text.utf8.withContiguousStorageIfAvailable({ buffer in
            handler.pointee.characters(user, buffer.baseAddress, Int32(buffer.count))
        }) != nil {
            return
        }
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { handler.pointee.characters(user, $0.baseAddress, Int32($0.count)) }
    }

    /// The element's end event.
    func end() {
        guard let (name, namespace) = state.pointee.open.popLast() else { return }
        validator.lock.lock()
        handler.pointee.endElementNs(user, name, nil, namespace.map { UnsafePointer($0) })
        validator.lock.unlock()
    }

    /// Ends the validation: nil when the document conforms, else the (unlocated) errors.
    @discardableResult
    func finish() -> XMLValidationError? {
        guard !finished else { return failure }
        finished = true
        validator.lock.lock()
        if let plug { xmlSchemaSAXUnplug(plug) }
        plug = nil
        let valid = xmlSchemaIsValid(context) == 1
        validator.lock.unlock()
        if !valid || !collector.errors.isEmpty {
            failure = collector.failure(fallback: "the document does not conform to \(validator.name)")
        }
        return failure
    }
}
