import CLibXML2
import Foundation

/// The process-wide set-up of libxml2 and the plumbing shared by the writer, the parser and the
/// validator. Nothing here is mutable global state: errors are gathered per call through a context
/// pointer handed to libxml2's structured error hooks.
enum LibXML2 {
    /// `xmlInitParser` must run once, before any thread uses the library (libxml2's threads
    /// documentation); a global `let` is initialised exactly once, thread-safely.
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Call before touching libxml2.
    static func initialize() {
        _ = initialized
    }

    /// A Swift string from a libxml2 string that libxml2 keeps owning.
    static func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
    }

    /// A Swift string from a libxml2 string that the caller owns: freed with `xmlFree`.
    static func takeString(_ pointer: UnsafeMutablePointer<xmlChar>?) -> String? {
        guard let pointer else { return nil }
        defer { recouvre_xmlFree(pointer) }
        return string(pointer)
    }
}

/// Gathers every error libxml2 reports during one operation (parse, schema compilation or
/// validation). Handed to libxml2 as an unretained context pointer that lives as long as the call.
final class XMLErrorCollector {
    let name: String
    private(set) var errors: [XMLError] = []

    init(name: String) {
        self.name = name
    }

    func record(_ error: XMLError) {
        errors.append(error)
    }

    /// Keeps errors and fatal errors; warnings do not make a document wrong.
    func record(_ error: xmlError) {
        guard error.level == XML_ERR_ERROR || error.level == XML_ERR_FATAL else { return }
        let message =
            LibXML2.string(UnsafeRawPointer(error.message)?.assumingMemoryBound(to: xmlChar.self))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "unknown libxml2 error"
        record(
            XMLError(
                code: Int(error.code), message: message, line: Int(error.line),
                column: Int(error.int2), file: name))
    }

    /// The errors, or one generic error when libxml2 failed without saying why.
    func failure(fallback: String) -> XMLValidationError {
        XMLValidationError(
            name: name,
            errors: errors.isEmpty
                ? [XMLError(code: -1, message: fallback, line: 0, column: 0, file: name)] : errors)
    }

    var pointer: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    static func from(_ pointer: UnsafeMutableRawPointer) -> XMLErrorCollector {
        Unmanaged<XMLErrorCollector>.fromOpaque(pointer).takeUnretainedValue()
    }

    /// The structured error hook for the schema parser and validator, whose context is the collector.
    static let structuredHandler: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        XMLErrorCollector.from(context).record(error.pointee)
    }
}
