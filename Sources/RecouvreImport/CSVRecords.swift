import CSV

/// Where the records of a CSV text begin and end, so that the text can be cut between two records
/// and each part read on its own thread (`CSVLedgerImporter`), and the fields of the records without a
/// quote taken between their separators (`CSVRow`; a record with a quote is read by CSV.swift).
///
/// This is not a second CSV parser: every quoted field is still read by CSV.swift. It only follows the
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
        let count = bytes.count
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
        while index < count {
            let found = record(bytes, from: index, separator: separator)
            breaks += found.breaks
            index = found.end
            if found.terminated, recordEnded(found.end) { break }
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

    /// One record of the text, as CSV.swift's reader delimits it.
    struct Record: Equatable {
        /// Its first byte.
        var start: Int
        /// After its last field (before its line break).
        var contentEnd: Int
        /// After its line break (the next record's first byte), or the end of the text.
        var end: Int
        /// Line breaks in it, its own included (CR, LF, CR LF as one, inside quotes too).
        var breaks: Int
        /// Whether it ends with a line break (else at the end of the text).
        var terminated: Bool
        /// Whether a quote appears in it: such a record is read by CSV.swift itself.
        var hasQuote: Bool
    }

    /// The record that begins at `start` (< `bytes.count`), by the reader's rules (see the type's comment).
    static func record(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, separator: [UInt8]) -> Record {
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
        func lineEnd(_ at: Int) -> Int { bytes[at] == cr && at + 1 < count && bytes[at + 1] == lf ? at + 2 : at + 1 }
        var breaks = 0
        var hasQuote = false
        var index = start
        var fieldStart = true
        var quoted = false
        while index < count {
            let byte = bytes[index]
            if quoted {
                if byte == cr {
                    breaks += 1
                } else if byte == lf {
                    if index == 0 || bytes[index - 1] != cr { breaks += 1 }
                } else if byte == quote {
                    let next = index + 1
                    if next >= count { break }
                    let after = bytes[next]
                    if after == cr || after == lf {
                        return Record(
                            start: start, contentEnd: next, end: lineEnd(next), breaks: breaks + 1, terminated: true,
                            hasQuote: true)
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
                return Record(
                    start: start, contentEnd: index, end: lineEnd(index), breaks: breaks + 1, terminated: true,
                    hasQuote: hasQuote)
            }
            if byte == quote {
                hasQuote = true
                if fieldStart {
                    quoted = true
                    fieldStart = false
                    index += 1
                    continue
                }
            }
            if isSeparator(index) {
                fieldStart = true
                index += separator.count
                continue
            }
            fieldStart = false
            index += 1
        }
        return Record(
            start: start, contentEnd: count, end: count, breaks: breaks, terminated: false,
            hasQuote: hasQuote || quoted)
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

/// The fields of one CSV record, as CSV.swift's reader gives them (`trimFields: false`): for a record
/// without a quote, the byte ranges between its separators (no `String` is made for a field the
/// importer does not read); for a record with a quote, the strings CSV.swift itself read.
///
/// Why not CSV.swift for every record: its reader takes one `Unicode.Scalar` at a time through an
/// `AnyIterator` and appends each to a `String.UnicodeScalarView` (`CSVReader.readField`), about 50,000
/// instructions a line of 130 bytes (callgrind, `import csv` of `make-ledger.py 15000`: 386 M of
/// 1,661 M on the main thread, as much on the other), the library's design, with no byte-level entry
/// point. A record without a quote has no escapes, no quoted separator, no line break inside: its fields
/// are the bytes between its separators, which is what the reader's `readField(quoted: false)` appends,
/// scalar by scalar. Every record with a quote (`"a;b"`, `""`, a line break in a field) is still read by
/// CSV.swift. A test reads random texts both ways and compares every field, blank check and line.
struct CSVRow {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let ranges: [Range<Int>]
    private let strings: [String]?

    init(bytes: UnsafeBufferPointer<UInt8>, ranges: [Range<Int>]) {
        self.bytes = bytes
        self.ranges = ranges
        strings = nil
    }

    init(strings: [String]) {
        bytes = UnsafeBufferPointer(start: nil, count: 0)
        ranges = []
        self.strings = strings
    }

    var count: Int { strings?.count ?? ranges.count }

    /// The field as read.
    func field(_ index: Int) -> String {
        if let strings { return strings[index] }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[ranges[index]]), as: UTF8.self)
    }

    /// The field without its leading and trailing spaces: `field(index).trimmedSpaces`, the ASCII
    /// spaces and tabs cut over the bytes before the string is made.
    func trimmed(_ index: Int) -> String {
        if let strings { return strings[index].trimmedSpaces }
        let (low, high) = asciiTrimmed(index)
        guard low < high else { return "" }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[low..<high]), as: UTF8.self)
        // A non-ASCII first or last byte may be a Unicode space (no-break space…): the general trim.
        return bytes[low] < 0x80 && bytes[high - 1] < 0x80 ? text : text.trimmedSpaces
    }

    /// Whether every field is empty once trimmed (a blank line, `;;;`).
    var isBlank: Bool {
        if let strings { return strings.allSatisfy { $0.trimmedSpaces.isEmpty } }
        for index in ranges.indices {
            let (low, high) = asciiTrimmed(index)
            if low == high { continue }
            if bytes[low] < 0x80 || !trimmed(index).isEmpty { return false }
        }
        return true
    }

    /// Line breaks inside the fields (only a quoted field holds one).
    var newlines: Int { strings.map(CSVLedgerImporter.newlines(in:)) ?? 0 }

    private func asciiTrimmed(_ index: Int) -> (Int, Int) {
        var low = ranges[index].lowerBound
        var high = ranges[index].upperBound
        while low < high, bytes[low] == 0x20 || bytes[low] == 0x09 { low += 1 }
        while high > low, bytes[high - 1] == 0x20 || bytes[high - 1] == 0x09 { high -= 1 }
        return (low, high)
    }
}

extension CSVRecords {
    /// Each record of `bytes[start..<end]` (whole records, as `boundaries` cuts them) as a `CSVRow`, in
    /// order: what a CSV.swift reader of that text returns, row by row.
    static func forEachRow(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, separator: [UInt8],
        delimiter: Unicode.Scalar, _ body: (CSVRow) -> Void
    ) throws {
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(32)
        let first = separator[0]
        var index = start
        while index < end {
            let found = record(bytes, from: index, separator: separator)
            index = found.end
            if found.hasQuote {
                let text = String(
                    decoding: UnsafeBufferPointer(rebasing: bytes[found.start..<found.end]), as: UTF8.self)
                let reader = try CSVReader(string: text, hasHeaderRow: false, trimFields: false, delimiter: delimiter)
                if let row = reader.next() { body(CSVRow(strings: row)) }
                if let error = reader.error { throw error }
                continue
            }
            ranges.removeAll(keepingCapacity: true)
            var fieldStart = found.start
            var at = found.start
            while at < found.contentEnd {
                if bytes[at] == first,
                    separator.count == 1
                        || (at + separator.count <= found.contentEnd
                            && (1..<separator.count).allSatisfy { bytes[at + $0] == separator[$0] })
                {
                    ranges.append(fieldStart..<at)
                    at += separator.count
                    fieldStart = at
                } else {
                    at += 1
                }
            }
            ranges.append(fieldStart..<found.contentEnd)
            body(CSVRow(bytes: bytes, ranges: ranges))
        }
    }
}
