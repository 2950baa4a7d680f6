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
/// xml (issue 14): the validation uses a compiled copy of the schema of its own, checked out of the
/// validator's pool when it starts and given back when it ends (`XMLSchemaValidator.checkOut`), so no
/// call takes a lock. The names are the writer's (`XMLTreeWriter.Name`: literals, or copies that live
/// as long as the writer), handed as they are: the validator keeps pointers to them.
final class XMLEventValidation {
    private let validator: XMLSchemaValidator
    private let collector: XMLErrorCollector
    /// The SAX2 calls of the plug's handler, which call the validator directly.
    private let startElementNs: startElementNsSAX2Func
    private let endElementNs: endElementNsSAX2Func
    private let charactersCall: charactersSAXFunc
    private let user: UnsafeMutableRawPointer?
    /// The changing state, behind a pointer: no exclusivity check at each use (see `XMLTreeWriter`).
    private struct State {
        /// The copy of the schema, its validation context and the plug, until the validation ends.
        var schema: xmlSchemaPtr?
        var context: xmlSchemaValidCtxtPtr?
        var plug: xmlSchemaSAXPlugPtr?
        /// The start tag being written: its name, its namespace, the namespace it declares, its
        /// attributes (name, value with `&` as `&#38;`).
        var pendingName: UnsafePointer<xmlChar>?
        var pendingNamespace: UnsafePointer<xmlChar>?
        var pendingDeclaration: UnsafePointer<xmlChar>?
        var attributes: [(UnsafePointer<xmlChar>, [UInt8])] = []
        var finished = false
        /// The verdict, once `finish()` ran: nil when valid.
        var failure: XMLValidationError?
    }
    private let state: UnsafeMutablePointer<State>

    /// A validation against `validator`'s schema, or nil when libxml2 cannot set one up.
    init?(_ validator: XMLSchemaValidator, name: String) {
        LibXML2.initialize()
        self.validator = validator
        collector = XMLErrorCollector(name: name)
        guard let schema = validator.checkOut() else { return nil }
        guard let context = xmlSchemaNewValidCtxt(schema) else {
            validator.checkIn(schema)
            return nil
        }
        xmlSchemaSetValidStructuredErrors(context, XMLErrorCollector.structuredHandler, collector.pointer)
        // No user handler: the plug hands back its own, which calls the validator directly.
        var sax: xmlSAXHandlerPtr? = nil
        var user: UnsafeMutableRawPointer? = nil
        let plug = xmlSchemaSAXPlug(context, &sax, &user)
        guard let plug, let sax, let startElementNs = sax.pointee.startElementNs,
            let endElementNs = sax.pointee.endElementNs, let characters = sax.pointee.characters
        else {
            if let plug { xmlSchemaSAXUnplug(plug) }
            xmlSchemaFreeValidCtxt(context)
            validator.checkIn(schema)
            return nil
        }
        self.startElementNs = startElementNs
        self.endElementNs = endElementNs
        charactersCall = characters
        self.user = user
        state = UnsafeMutablePointer<State>.allocate(capacity: 1)
        state.initialize(to: State(schema: schema, context: context, plug: plug))
    }

    deinit {
        close()
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// Unplugs, frees the validation context and gives the schema's copy back (once; `finish` and the
    /// writer's end call it).
    func close() {
        if let plug = state.pointee.plug { xmlSchemaSAXUnplug(plug) }
        state.pointee.plug = nil
        if let context = state.pointee.context { xmlSchemaFreeValidCtxt(context) }
        state.pointee.context = nil
        if let schema = state.pointee.schema { validator.checkIn(schema) }
        state.pointee.schema = nil
    }

    /// A start tag begins (its attributes follow), in the default namespace `namespace` (nil: none),
    /// which it declares when `declaring` (its C string) is given.
    func start(
        _ name: UnsafePointer<xmlChar>, namespace: UnsafePointer<xmlChar>?, declaring: UnsafePointer<xmlChar>?
    ) {
        state.pointee.pendingName = name
        state.pointee.pendingNamespace = namespace
        state.pointee.pendingDeclaration = declaring
        if !state.pointee.attributes.isEmpty { state.pointee.attributes.removeAll(keepingCapacity: true) }
    }

    /// An attribute of the start tag being written (its value as sanitised).
    func attribute(_ name: UnsafePointer<xmlChar>, _ value: String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count + 1)
        for byte in value.utf8 {
            if byte == 0x26 { bytes.append(contentsOf: "&#38;".utf8) } else { bytes.append(byte) }
        }
        bytes.append(0)
        state.pointee.attributes.append((name, bytes))
    }

    /// An element holding only `text` (not empty: no event; at most `Int32.max` bytes), in `namespace`,
    /// with no attribute and declaring none: the events of `start`, `startTagClosed`, `characters`
    /// and `end` (xml, issue 14: the writer's fast path for such elements).
    func leaf(_ name: UnsafePointer<xmlChar>, namespace: UnsafePointer<xmlChar>?, text: UnsafeBufferPointer<UInt8>) {
        startElementNs(user, name, nil, namespace, 0, nil, 0, 0, nil)
        if text.count > 0 { charactersCall(user, text.baseAddress, Int32(text.count)) }
        endElementNs(user, name, nil, namespace)
    }

    /// The start tag is complete: the element's start event.
    func startTagClosed() {
        guard let name = state.pointee.pendingName else { return }
        state.pointee.pendingName = nil
        let declared = state.pointee.pendingDeclaration
        state.pointee.pendingDeclaration = nil
        let uri = state.pointee.pendingNamespace
        if state.pointee.attributes.isEmpty && declared == nil {
            startElementNs(user, name, nil, uri, 0, nil, 0, 0, nil)
            return
        }
        let attributes = state.pointee.attributes
        // The five pointers per attribute SAX2 passes (name, prefix, URI, value, end of value).
        let values = attributes.map(\.1)
        withValuePointers(values) { valuePointers in
            var storage: [UnsafePointer<xmlChar>?] = []
            storage.reserveCapacity(attributes.count * 5)
            for (index, attribute) in attributes.enumerated() {
                let value = valuePointers[index]
                storage.append(attribute.0)
                storage.append(nil)
                storage.append(nil)
                storage.append(value)
                storage.append(value.map { $0 + values[index].count - 1 })
            }
            var declaration: [UnsafePointer<xmlChar>?] = declared.map { [nil, $0] } ?? []
            declaration.withUnsafeMutableBufferPointer { namespaces in
                storage.withUnsafeMutableBufferPointer { attributePointers in
                    startElementNs(
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
        guard !text.isEmpty else { return }
        if text.utf8.withContiguousStorageIfAvailable({ buffer in
            charactersCall(user, buffer.baseAddress, Int32(buffer.count))
        }) != nil {
            return
        }
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { charactersCall(user, $0.baseAddress, Int32($0.count)) }
    }

    /// The end event of the element `name` in `namespace`.
    func end(_ name: UnsafePointer<xmlChar>, namespace: UnsafePointer<xmlChar>?) {
        endElementNs(user, name, nil, namespace)
    }

    /// Ends the validation: nil when the document conforms, else the (unlocated) errors. The schema's
    /// copy goes back to the pool.
    @discardableResult
    func finish() -> XMLValidationError? {
        guard !state.pointee.finished else { return state.pointee.failure }
        state.pointee.finished = true
        if let plug = state.pointee.plug { xmlSchemaSAXUnplug(plug) }
        state.pointee.plug = nil
        let valid = state.pointee.context.map { xmlSchemaIsValid($0) == 1 } ?? false
        close()
        if !valid || !collector.errors.isEmpty {
            state.pointee.failure = collector.failure(fallback: "the document does not conform to \(validator.name)")
        }
        return state.pointee.failure
    }
}
