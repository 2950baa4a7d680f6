import CQPDF
import Foundation

/// A file embedded in a PDF (a PDF/A-3 associated file: the CII XML of a Factur-X invoice).
public struct EmbeddedFile: Sendable, Hashable {
    /// The file name (`/UF`, else `/F`, of the file specification; else the name-tree key).
    public var name: String
    /// `/AFRelationship` (`Data`, `Alternative`, `Source`…) when given.
    public var relationship: String?
    /// `/Subtype` of the embedded stream (`text/xml`, as a PDF name), when given.
    public var mimeType: String?
    /// The decoded bytes.
    public var data: Data

    public init(name: String, relationship: String?, mimeType: String?, data: Data) {
        self.name = name
        self.relationship = relationship
        self.mimeType = mimeType
        self.data = data
    }
}

/// Why a PDF could not be read.
public struct PDFReadError: Error, Sendable, CustomStringConvertible {
    /// qpdf's own message (in English), or ours.
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}

/// Reads the embedded files of a PDF with qpdf's C API, from memory: nothing is written, nothing is
/// fetched, no content stream is interpreted. Files are found in the catalog's `/Names /EmbeddedFiles`
/// name tree and in its `/AF` array (PDF/A-3 associated files), each once.
public enum PDFAttachments {
    /// A PDF larger than this is refused before qpdf sees it.
    public static let maximumBytes = 100 * 1024 * 1024
    /// An embedded file larger than this (decoded) is skipped: a Factur-X XML is a few hundred kilobytes.
    public static let maximumFileBytes = 20 * 1024 * 1024
    /// Name trees deeper than this are not followed (a loop or a hostile file).
    static let maximumDepth = 32

    public static func embeddedFiles(
        in data: Data, name: String = "document.pdf"
    ) throws(PDFReadError)
        -> [EmbeddedFile]
    {
        guard data.count <= maximumBytes else {
            throw PDFReadError(message: "the PDF is larger than \(maximumBytes / 1_048_576) MB")
        }
        guard data.starts(with: Array("%PDF-".utf8)) || data.prefix(1024).range(of: Data("%PDF-".utf8)) != nil else {
            throw PDFReadError(message: "not a PDF file (no %PDF- header)")
        }
        guard let qpdf = qpdf_init() else { throw PDFReadError(message: "qpdf could not be initialised") }
        defer {
            var handle: qpdf_data? = qpdf
            qpdf_cleanup(&handle)
        }
        qpdf_silence_errors(qpdf)
        qpdf_set_suppress_warnings(qpdf, QPDF_TRUE)
        let status = data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> QPDF_ERROR_CODE in
            qpdf_read_memory(
                qpdf, name, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), UInt64(bytes.count), nil)
        }
        if status & QPDF_ERRORS != 0 {
            throw PDFReadError(message: lastError(qpdf) ?? "qpdf could not read the PDF")
        }
        var reader = Reader(qpdf: qpdf)
        let root = qpdf_get_root(qpdf)
        let names = qpdf_oh_get_key_if_dict(qpdf, root, "/Names")
        let tree = qpdf_oh_get_key_if_dict(qpdf, names, "/EmbeddedFiles")
        if qpdf_oh_is_dictionary(qpdf, tree) == QPDF_TRUE { reader.walkNameTree(tree, depth: 0) }
        let associated = qpdf_oh_get_key_if_dict(qpdf, root, "/AF")
        if qpdf_oh_is_array(qpdf, associated) == QPDF_TRUE {
            for index in 0..<min(Int(qpdf_oh_get_array_n_items(qpdf, associated)), 1000) {
                reader.fileSpecification(qpdf_oh_get_array_item(qpdf, associated, Int32(index)), key: nil)
            }
        }
        if let message = lastError(qpdf), reader.files.isEmpty {
            throw PDFReadError(message: message)
        }
        return reader.files
    }

    static func lastError(_ qpdf: qpdf_data) -> String? {
        guard qpdf_has_error(qpdf) == QPDF_TRUE, let error = qpdf_get_error(qpdf) else { return nil }
        return qpdf_get_error_full_text(qpdf, error).map { String(cString: $0) }
    }

    private struct Reader {
        let qpdf: qpdf_data
        var files: [EmbeddedFile] = []
        /// Object ids of the file specifications already read (the name tree and /AF often list the same).
        var seen: Set<Int32> = []

        init(qpdf: qpdf_data) { self.qpdf = qpdf }

        mutating func walkNameTree(_ node: qpdf_oh, depth: Int) {
            guard depth < PDFAttachments.maximumDepth else { return }
            let pairs = qpdf_oh_get_key_if_dict(qpdf, node, "/Names")
            if qpdf_oh_is_array(qpdf, pairs) == QPDF_TRUE {
                let count = Int(qpdf_oh_get_array_n_items(qpdf, pairs))
                var index = 0
                while index + 1 < count, index < 20_000 {
                    let key = qpdf_oh_get_array_item(qpdf, pairs, Int32(index))
                    let value = qpdf_oh_get_array_item(qpdf, pairs, Int32(index + 1))
                    fileSpecification(value, key: string(key))
                    index += 2
                }
            }
            let kids = qpdf_oh_get_key_if_dict(qpdf, node, "/Kids")
            if qpdf_oh_is_array(qpdf, kids) == QPDF_TRUE {
                for index in 0..<min(Int(qpdf_oh_get_array_n_items(qpdf, kids)), 1000) {
                    walkNameTree(qpdf_oh_get_array_item(qpdf, kids, Int32(index)), depth: depth + 1)
                }
            }
        }

        mutating func fileSpecification(_ spec: qpdf_oh, key: String?) {
            guard qpdf_oh_is_dictionary(qpdf, spec) == QPDF_TRUE else { return }
            if qpdf_oh_is_indirect(qpdf, spec) == QPDF_TRUE {
                let id = qpdf_oh_get_object_id(qpdf, spec)
                guard !seen.contains(id) else { return }
                seen.insert(id)
            }
            let ef = qpdf_oh_get_key_if_dict(qpdf, spec, "/EF")
            var stream = qpdf_oh_get_key_if_dict(qpdf, ef, "/UF")
            if qpdf_oh_is_stream(qpdf, stream) != QPDF_TRUE { stream = qpdf_oh_get_key_if_dict(qpdf, ef, "/F") }
            guard qpdf_oh_is_stream(qpdf, stream) == QPDF_TRUE else { return }
            let name =
                string(qpdf_oh_get_key_if_dict(qpdf, spec, "/UF"))
                ?? string(qpdf_oh_get_key_if_dict(qpdf, spec, "/F")) ?? key ?? ""
            let relationship = nameValue(qpdf_oh_get_key_if_dict(qpdf, spec, "/AFRelationship"))
            let dictionary = qpdf_oh_get_dict(qpdf, stream)
            let mimeType = nameValue(qpdf_oh_get_key_if_dict(qpdf, dictionary, "/Subtype"))
            var buffer: UnsafeMutablePointer<UInt8>?
            var length = 0
            var filtered: QPDF_BOOL = QPDF_FALSE
            let status = qpdf_oh_get_stream_data(qpdf, stream, qpdf_dl_generalized, &filtered, &buffer, &length)
            defer { if let buffer { recouvre_qpdf_free(buffer) } }
            guard status & QPDF_ERRORS == 0, let buffer, filtered == QPDF_TRUE,
                length <= PDFAttachments.maximumFileBytes
            else { return }
            files.append(
                EmbeddedFile(
                    name: name, relationship: relationship, mimeType: mimeType, data: Data(bytes: buffer, count: length)
                ))
        }

        func string(_ oh: qpdf_oh) -> String? {
            guard qpdf_oh_is_string(qpdf, oh) == QPDF_TRUE, let text = qpdf_oh_get_utf8_value(qpdf, oh) else {
                return nil
            }
            return String(cString: text)
        }

        func nameValue(_ oh: qpdf_oh) -> String? {
            guard qpdf_oh_is_name(qpdf, oh) == QPDF_TRUE, let text = qpdf_oh_get_name(qpdf, oh) else { return nil }
            let name = String(cString: text)
            return name.hasPrefix("/") ? String(name.dropFirst()) : name
        }
    }
}
