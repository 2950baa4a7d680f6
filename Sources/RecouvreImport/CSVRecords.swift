/// Where the records of a CSV text begin and end, so that the text can be cut between two records
/// and each part read by its own CSV.swift reader on its own thread (`CSVLedgerImporter`).
///
/// This is not a second CSV parser: the fields are still read by CSV.swift. It only follows the
/// reader's rules for what ends a record (yaslab/CSV.swift 2.5, `CSVReader.readRow`/`readField`,
/// `trimFields: false`) — a CR, an LF or a CR LF outside quotes; a quote opens a quoted field only
/// as a field's first character; in a quoted field, `""` is a quote and a quote followed by the
/// separator, a line break or the end closes it; a quote followed by anything else keeps the field
/// open (the reader drops that next character) — over the UTF-8 bytes (the separator, the quote, CR
/// and LF are ASCII, or the separator's whole UTF-8 sequence, and UTF-8 never hides them inside
/// another character). The line of each record is counted as the importer counts it: a CR, an LF or
/// a CR LF is one line break, inside quotes too. A test reads many texts (quotes, CR, CR LF, empty
/// lines, escaped quotes, multi-line fields) whole and in parts and compares the rows and lines.
enum CSVRecords {
    struct Part: Sendable, Equatable {
        /// Byte offsets in the text's UTF-8: from the first record's first byte to after the last
        /// record's line break (or the end of the text).
        var start: Int
        var end: Int
        /// The line of the part's first record (1 is the header line).
        var line: Int
    }

    struct Boundaries: Sendable, Equatable {
        /// The end of the header record (after its line break).
        var headerEnd: Int
        /// The records after the header, in `parts` (or fewer: none when there is no record left).
        var parts: [Part]
    }

    /// The header record, then the other records cut in about `parts` parts of equal size.
    static func boundaries(_ text: String, delimiter: Unicode.Scalar, parts: Int) -> Boundaries {
        var text = text
        let separator = Array(String(delimiter).utf8)
        return text.withUTF8 { bytes in boundaries(bytes, separator: separator, parts: max(1, parts)) }
    }

    static func boundaries(_ bytes: UnsafeBufferPointer<UInt8>, separator: [UInt8], parts: Int) -> Boundaries {
        let cr = UInt8(ascii: "\r")
        let lf = UInt8(ascii: "\n")
        let quote = UInt8(ascii: "\"")
        let count = bytes.count
        let first = separator[0]
        func isSeparator(_ at: Int) -> Bool {
            guard bytes[at] == first else { return false }
            if separator.count == 1 { return true }
            guard at + separator.count <= count else { return false }
            for offset in 1..<separator.count where bytes[at + offset] != separator[offset] { return false }
            return true
        }
        var breaks = 0
        var headerEnd: Int?
        var cuts: [(end: Int, line: Int)] = []
        var bodySize = 0
        var nextTarget = Int.max
        // Called after each record's line break: `end` is the next record's first byte.
        func recordEnded(_ end: Int) -> Bool {
            if headerEnd == nil {
                headerEnd = end
                bodySize = count - end
                if parts <= 1 { return true }
                nextTarget = end + bodySize / parts
                return false
            }
            guard end >= nextTarget, end < count else { return false }
            cuts.append((end, 1 + breaks))
            if cuts.count >= parts - 1 { return true }
            nextTarget = headerEnd! + bodySize * (cuts.count + 1) / parts
            return false
        }
        var index = 0
        var fieldStart = true
        var quoted = false
        scan: while index < count {
            let byte = bytes[index]
            if quoted {
                if byte == cr {
                    breaks += 1
                } else if byte == lf {
                    if index == 0 || bytes[index - 1] != cr { breaks += 1 }
                } else if byte == quote {
                    let next = index + 1
                    if next >= count { break scan }
                    let after = bytes[next]
                    if after == cr || after == lf {
                        quoted = false
                        let end = after == cr && next + 1 < count && bytes[next + 1] == lf ? next + 2 : next + 1
                        breaks += 1
                        index = end
                        fieldStart = true
                        if recordEnded(end) { break scan }
                        continue
                    }
                    if isSeparator(next) {
                        quoted = false
                        fieldStart = true
                        index = next + separator.count
                        continue
                    }
                    // `""` is a quote; any other character after a quote is dropped by the reader and
                    // the field goes on (it is not a line break, a quote or the separator).
                    index = next + 1
                    continue
                }
                index += 1
                continue
            }
            if byte == cr || byte == lf {
                let end = byte == cr && index + 1 < count && bytes[index + 1] == lf ? index + 2 : index + 1
                breaks += 1
                index = end
                fieldStart = true
                if recordEnded(end) { break scan }
                continue
            }
            if fieldStart && byte == quote {
                quoted = true
                fieldStart = false
                index += 1
                continue
            }
            if isSeparator(index) {
                fieldStart = true
                index += separator.count
                continue
            }
            fieldStart = false
            index += 1
        }
        guard let headerEnd else { return Boundaries(headerEnd: count, parts: []) }
        var result: [Part] = []
        var start = headerEnd
        // The header's own line breaks: the first record after it is on line 1 + those.
        var line = 1 + lineBreaks(bytes, upTo: headerEnd)
        for cut in cuts {
            result.append(Part(start: start, end: cut.end, line: line))
            start = cut.end
            line = cut.line
        }
        if start < count { result.append(Part(start: start, end: count, line: line)) }
        return Boundaries(headerEnd: headerEnd, parts: result)
    }

    /// Line breaks (CR, LF, CR LF as one) before `end`.
    static func lineBreaks(_ bytes: UnsafeBufferPointer<UInt8>, upTo end: Int) -> Int {
        var breaks = 0
        for index in 0..<end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\r") || (byte == UInt8(ascii: "\n") && (index == 0 || bytes[index - 1] != 13)) {
                breaks += 1
            }
        }
        return breaks
    }

    /// The text between two byte offsets that `boundaries` gave (both after an ASCII byte, or 0).
    static func slice(_ text: String, _ start: Int, _ end: Int) -> String {
        var text = text
        return text.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
    }
}
