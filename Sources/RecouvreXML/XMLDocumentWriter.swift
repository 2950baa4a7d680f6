import CLibXML2
import Foundation

/// Builds an XML document in memory through libxml2's `xmlTextWriter`: UTF-8, an XML declaration,
/// two-space indentation, `<`, `>`, `&`, quotes and line breaks escaped by the library.
///
/// The output depends only on the calls made: elements and attributes come out in call order, nothing
/// else (no timestamp, no generator comment) is added, so the same calls give the same bytes.
/// Nesting is expressed with closures, so an element cannot be left open by mistake.
///
/// ```swift
/// let writer = try XMLDocumentWriter()
/// try writer.element("dossier", namespace: "urn:recouvre:dossier:1") {
///     try writer.element("reference", text: "2026-0042")
/// }
/// let data = try writer.finish()
/// ```
///
/// Characters XML 1.0 cannot carry at all (control characters other than tab, line feed and carriage
/// return; U+FFFE, U+FFFF) are written as U+FFFD, the replacement character, so that the document
/// always parses.
public final class XMLDocumentWriter {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr
    private var openElements: [String] = []
    private var validNames: Set<String> = []
    private var finished = false

    /// A writer with a started document (`<?xml version="1.0" encoding="UTF-8"?>`).
    public init(indentation: String = "  ") throws(XMLError) {
        LibXML2.initialize()
        guard let buffer = xmlBufferCreate() else { throw Self.failure("xmlBufferCreate") }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            xmlBufferFree(buffer)
            throw Self.failure("xmlNewTextWriterMemory")
        }
        self.buffer = buffer
        self.writer = writer
        if !indentation.isEmpty {
            try check(xmlTextWriterSetIndent(writer, 1), "xmlTextWriterSetIndent")
            try check(xmlTextWriterSetIndentString(writer, indentation), "xmlTextWriterSetIndentString")
        }
        try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "xmlTextWriterStartDocument")
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    /// An element whose content `body` writes (attributes first, then child elements or text).
    /// With `namespace`, the element declares it as the default namespace (`xmlns="…"`).
    public func element(
        _ name: String, namespace: String? = nil, attributes: [(String, String)] = [],
        _ body: () throws -> Void
    ) throws {
        try start(name)
        if let namespace { try attribute("xmlns", namespace) }
        for (key, value) in attributes { try attribute(key, value) }
        try body()
        try end(name)
    }

    /// An element holding only `text` (`<city>Dijon</city>`).
    public func element(_ name: String, attributes: [(String, String)] = [], text: String) throws {
        try element(name, attributes: attributes) { try self.text(text) }
    }

    /// An element holding `text`, or nothing at all when `text` is `nil`.
    public func element(_ name: String, attributes: [(String, String)] = [], textIfPresent text: String?) throws {
        guard let text else { return }
        try element(name, attributes: attributes, text: text)
    }

    /// An attribute of the element just started (before any content).
    public func attribute(_ name: String, _ value: String) throws {
        try requireOpen("attribute \(name)")
        try validate(name: name)
        try check(
            xmlTextWriterWriteAttribute(writer, name, Self.sanitized(value)), "xmlTextWriterWriteAttribute(\(name))")
    }

    /// Text content of the current element, escaped.
    public func text(_ text: String) throws {
        try requireOpen("text")
        try check(xmlTextWriterWriteString(writer, Self.sanitized(text)), "xmlTextWriterWriteString")
    }

    /// A comment (`<!-- … -->`); `--` is not allowed in a comment and is refused.
    public func comment(_ text: String) throws {
        guard !text.contains("--"), !text.hasSuffix("-") else {
            throw XMLError(code: -1, message: "a comment cannot contain '--' or end with '-'", line: 0, column: 0)
        }
        try check(xmlTextWriterWriteComment(writer, Self.sanitized(text)), "xmlTextWriterWriteComment")
    }

    /// Ends the document and returns its bytes (UTF-8, ending with a line feed).
    public func finish() throws -> Data {
        guard !finished else {
            throw XMLError(code: -1, message: "the document was already finished", line: 0, column: 0)
        }
        guard openElements.isEmpty else {
            throw XMLError(code: -1, message: "element <\(openElements.last ?? "")> is still open", line: 0, column: 0)
        }
        try check(xmlTextWriterEndDocument(writer), "xmlTextWriterEndDocument")
        try check(xmlTextWriterFlush(writer), "xmlTextWriterFlush")
        finished = true
        let count = Int(xmlBufferLength(buffer))
        guard count > 0, let content = xmlBufferContent(buffer) else { return Data() }
        return Data(bytes: content, count: count)
    }

    // MARK: -

    private func start(_ name: String) throws {
        guard !finished else {
            throw XMLError(code: -1, message: "the document was already finished", line: 0, column: 0)
        }
        try validate(name: name)
        try check(xmlTextWriterStartElement(writer, name), "xmlTextWriterStartElement(\(name))")
        openElements.append(name)
    }

    private func end(_ name: String) throws {
        try check(xmlTextWriterEndElement(writer), "xmlTextWriterEndElement(\(name))")
        openElements.removeLast()
    }

    private func requireOpen(_ what: String) throws {
        guard !finished, !openElements.isEmpty else {
            throw XMLError(code: -1, message: "\(what) written outside any element", line: 0, column: 0)
        }
    }

    private func validate(name: String) throws {
        // A dossier.xml repeats a few dozen names hundreds of thousands of times: each is checked once.
        guard !validNames.contains(name) else { return }
        guard !name.isEmpty, xmlValidateName(name, 0) == 0 else {
            throw XMLError(code: -1, message: "'\(name)' is not a valid XML name", line: 0, column: 0)
        }
        validNames.insert(name)
    }

    /// `call` names the libxml2 call in the error; built only on failure (not once per element).
    private func check(_ status: Int32, _ call: @autoclosure () -> String) throws(XMLError) {
        if status < 0 { throw Self.failure(call()) }
    }

    private static func failure(_ call: String) -> XMLError {
        XMLError(code: -1, message: "libxml2's \(call) failed", line: 0, column: 0)
    }

    /// The text with the characters XML 1.0 forbids replaced by U+FFFD (XML 1.0 §2.2 `Char`).
    /// True when every scalar of `text` is one XML 1.0 allows, read off the UTF-8 bytes: a `String` is
    /// valid UTF-8 and holds no surrogate, so the scalars XML refuses are the controls below U+0020
    /// other than tab, line feed and carriage return (one byte each), and U+FFFE, U+FFFF
    /// (`EF BF BE`, `EF BF BF`). False sends the text to the scalar-by-scalar check.
    static func isXMLText(_ text: String) -> Bool {
        var utf8 = text.utf8.makeIterator()
        while let byte = utf8.next() {
            if byte < 0x20 {
                guard byte == 0x09 || byte == 0x0A || byte == 0x0D else { return false }
            } else if byte == 0xEF {
                // Any EF-led scalar other than EF BF BE / EF BF BF is allowed; look at the two bytes.
                guard let second = utf8.next(), let third = utf8.next() else { return false }
                if second == 0xBF && (third == 0xBE || third == 0xBF) { return false }
            }
        }
        return true
    }

    static func sanitized(_ text: String) -> String {
        func allowed(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
            default: return false
            }
        }
        if isXMLText(text) { return text }
        guard !text.unicodeScalars.allSatisfy(allowed) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            result.append(allowed(scalar) ? scalar : "\u{FFFD}")
        }
        return String(result)
    }
}
