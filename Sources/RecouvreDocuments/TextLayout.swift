#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Lays text out for an A4 page in a fixed-width font: lines longer than `width` columns are broken
/// at spaces, and the continuation keeps the line's indentation (and hangs under a list marker).
/// No-break spaces (U+00A0) never break, so `1 234,56 €` and `L441-10 II` stay whole.
///
/// One pass over each line, appending to the caller's output: no reversed copies, no per-word
/// recount of the line built so far (a column is a `Character`, as `String.count` counts).
public enum TextLayout {
    /// About 90 columns fit an A4 page at 10 pt with the usual margins.
    public static let a4Width = 90

    public static func wrap(_ text: String, width: Int = a4Width) -> String {
        if let fast = wrapIntoBytes(text, width: width) { return fast }
        return wrapByStrings(text, width: width)
    }

    /// Fast path (render engineer, issue 14): the text of `wrapByStrings` for a native string without
    /// a carriage return, each line laid out straight into bytes (`appendWrapped(_:width:to:)`, the
    /// `Character` walk for a line it refuses, as `appendWrapped` into a string does), the lines cut
    /// at the line feed bytes (there a line feed byte is a line feed `Character`) and joined by them.
    /// Nil for any other string.
    static func wrapIntoBytes(_ text: String, width: Int) -> String? {
        let result = text.utf8.withContiguousStorageIfAvailable { buffer -> String? in
            guard let base = buffer.baseAddress else { return "" }
            let count = buffer.count
            if memchr(base, 0x0D, count) != nil { return nil }
            let out = TextBytes(capacity: count + count / 16 + 16)
            let utf8 = text.utf8
            var offset = 0
            while true {
                let found = memchr(base + offset, 0x0A, count - offset)
                let end = found.map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base } ?? count
                if offset > 0 { out.append(byte: 0x0A) }
                let line = UnsafeBufferPointer(start: base + offset, count: end - offset)
                if !appendWrapped(line, width: width, to: out) {
                    let start = utf8.index(utf8.startIndex, offsetBy: offset)
                    var piece = ""
                    appendWrappedByCharacters(
                        text[start..<utf8.index(start, offsetBy: end - offset)], width: width, to: &piece)
                    out.append(piece)
                }
                guard end < count else { break }
                offset = end + 1
            }
            return out.takeText()
        }
        return result ?? nil
    }

    /// `wrap` cutting the lines into substrings and wrapping each into the output string: any text.
    static func wrapByStrings(_ text: String, width: Int = a4Width) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count + text.utf8.count / 16)
        var first = true
        var start = text.startIndex
        // render engineer (issue 14): without a carriage return, a line feed byte is a line feed
        // `Character` (only CR LF joins one to its neighbour), so the lines are found on the UTF-8 bytes.
        let bytes = text.utf8.contains(0x0D) ? nil : text.utf8
        while true {
            let end =
                (bytes.map { $0[start...].firstIndex(of: 0x0A) } ?? text[start...].firstIndex(of: "\n"))
                ?? text.endIndex
            if !first { output.append("\n") }
            first = false
            appendWrapped(text[start..<end], width: width, to: &output)
            guard end < text.endIndex else { break }
            start = text.index(after: end)
        }
        return output
    }

    /// Appends `line` (without its newline), right-trimmed and wrapped at `width`, the pieces joined
    /// by `\n`, to `output`.
    public static func appendWrapped(_ line: Substring, width: Int, to output: inout String) {
        if appendWrappedByBytes(line, width: width, to: &output) { return }
        appendWrappedByCharacters(line, width: width, to: &output)
    }

    /// The layout walking `Character`s: any line.
    static func appendWrappedByCharacters(_ line: Substring, width: Int, to output: inout String) {
        // Right-trim: walk back over the trailing spaces only.
        var end = line.endIndex
        while end > line.startIndex {
            let before = line.index(before: end)
            guard line[before] == " " else { break }
            end = before
        }
        let trimmed = line[line.startIndex..<end]
        // The common case, a line that fits, costs one count and one append.
        var columns = 0
        var index = trimmed.startIndex
        while index < trimmed.endIndex, columns <= width {
            columns += 1
            index = trimmed.index(after: index)
        }
        guard columns > width else {
            output.append(contentsOf: trimmed)
            return
        }
        let hanging = hangingIndent(of: trimmed)
        var leading = 0
        var wordStart = trimmed.startIndex
        while wordStart < trimmed.endIndex, trimmed[wordStart] == " " {
            leading += 1
            wordStart = trimmed.index(after: wordStart)
        }
        output.append(contentsOf: trimmed[trimmed.startIndex..<wordStart])
        var current = leading
        var atLineStart = true
        var cursor = wordStart
        while cursor < trimmed.endIndex {
            // Skip the spaces between words, then take the word and count its columns.
            while cursor < trimmed.endIndex, trimmed[cursor] == " " { cursor = trimmed.index(after: cursor) }
            guard cursor < trimmed.endIndex else { break }
            let start = cursor
            var length = 0
            while cursor < trimmed.endIndex, trimmed[cursor] != " " {
                length += 1
                cursor = trimmed.index(after: cursor)
            }
            let word = trimmed[start..<cursor]
            place(
                word, length: length, width: width, hanging: hanging, current: &current, atLineStart: &atLineStart,
                to: &output)
        }
    }

    /// The same layout read off the UTF-8 bytes, for the lines where a column is one scalar: scalars
    /// below U+0300 (ASCII, Latin-1 with its accents and no-break space, Latin Extended) other than the
    /// carriage return, and those of U+2000–U+20CF (dashes, quotes, `…`, `•`, the narrow no-break space,
    /// `€`) other than U+200C and U+200D. No such scalar joins its neighbour into one `Character`
    /// (Unicode's grapheme break rules: only CR LF, the Extend and ZWJ classes — combining marks from
    /// U+0300, U+200C, U+200D, U+20D0… —, prepended, regional-indicator and Hangul scalars do, all
    /// excluded), so there the count of scalars is the count of `Character`s, and a space byte is a
    /// space character (UTF-8 continuation bytes are never 0x20). Returns false, having appended
    /// nothing, for any other line (the `Character` walk then lays it out).
    static func appendWrappedByBytes(_ line: Substring, width: Int, to output: inout String) -> Bool {
        // The same walk over the bytes in memory (a native string): no index checks per byte.
        if let done = line.utf8.withContiguousStorageIfAvailable({ buffer in
            appendWrapped(buffer, line: line, width: width, to: &output)
        }) {
            return done
        }
        // A string without contiguous UTF-8 (not native): the same walk over a native copy, whose bytes
        // and offsets are the line's.
        let native = String(line)
        return native.utf8.withContiguousStorageIfAvailable { buffer in
            appendWrapped(buffer, line: Substring(native), width: width, to: &output)
        } ?? false
    }

    /// `appendWrappedByBytes` over `line`'s UTF-8 bytes in memory (`buffer`): the same scan and the
    /// same placement of words, read off the buffer; the text appended is `line`'s, cut at the same
    /// byte offsets (always after a whole scalar).
    static func appendWrapped(
        _ buffer: UnsafeBufferPointer<UInt8>, line: Substring, width: Int, to output: inout String
    ) -> Bool {
        var sink = StringWrapSink(line: line)
        swap(&sink.output, &output)  // appended in place, not copied
        defer { swap(&sink.output, &output) }
        return layOutBytes(buffer, width: width, into: &sink)
    }

    /// `appendWrapped(_:line:width:to:)` writing the UTF-8 bytes of its text into `out` (render
    /// engineer, issue 14: the text writer's bytes, with no `String` in between): the same scan, the
    /// same placement of words, the same byte ranges of the line appended. False, having appended
    /// nothing, for a line that walk refuses (the `Character` walk then lays it out).
    static func appendWrapped(_ buffer: UnsafeBufferPointer<UInt8>, width: Int, to out: TextBytes) -> Bool {
        var sink = BytesWrapSink(buffer: buffer, out: out)
        return layOutBytes(buffer, width: width, into: &sink)
    }

    /// `appendWrapped(_:width:to:)` of a line that walk accepts, whose `columns` its scan counted
    /// (`oneScalarColumns` was not nil): the placement alone.
    static func appendWrapped(_ buffer: UnsafeBufferPointer<UInt8>, columns: Int, width: Int, to out: TextBytes) {
        var sink = BytesWrapSink(buffer: buffer, out: out)
        layOutBytes(buffer, columns: columns, width: width, into: &sink)
    }

    /// The one byte walk of both: scans `buffer` (false, having written nothing, for a line it
    /// refuses: a scalar that may join its neighbour, a CR), then places its words within `width`,
    /// handing `sink` runs of the line's bytes, single spaces and line breaks with their indentation.
    ///
    /// Fast path (render engineer, issue 14): the same result as `layOutBytesByByte` because eight
    /// ASCII bytes without a CR (one 64-bit load: no high bit, no byte 0D) are eight columns the byte
    /// walk accepts one by one; any other eight bytes go through that walk's own step, scalar by
    /// scalar. The trailing spaces are found from the end (a space byte is never part of a longer
    /// scalar, so the bytes after the last non-space byte are the spaces the walk skips, one column
    /// each), and a word's end is the first space byte of an ASCII word of eight bytes.
    @inline(__always)
    static func layOutBytes<Sink: WrapSink>(
        _ buffer: UnsafeBufferPointer<UInt8>, width: Int, into sink: inout Sink
    ) -> Bool {
        guard let columns = oneScalarColumns(buffer) else { return false }
        layOutBytes(buffer, columns: columns, width: width, into: &sink)
        return true
    }

    /// The scan of `layOutBytes`: the columns of `buffer` (its scalars' lead bytes) when every scalar
    /// is one of the byte walk's (what `isOneScalarPerColumn` accepts), else nil.
    @inline(__always)
    static func oneScalarColumns(_ buffer: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = buffer.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        var columns = 0
        var index = 0
        let count = buffer.count
        while index < count {
            if index &+ 8 <= count {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                if word & highBits == 0 {
                    if hasZeroByte(word ^ carriageReturns) { return nil }
                    columns &+= 8
                    index &+= 8
                    continue
                }
            }
            let byte = buffer[index]
            index += 1
            if byte >= 0xCC {
                guard byte == 0xE2, index < count else { return nil }
                let second = buffer[index]
                index += 1
                guard index < count else { return nil }
                let third = buffer[index]
                index += 1
                guard isOneColumnAfterE2(second, third) else { return nil }
                columns += 1
                continue
            }
            if byte == 0x0D { return nil }
            if byte & 0xC0 != 0x80 { columns += 1 }
        }
        return columns
    }

    /// The placement of `layOutBytes` for a line it accepts, whose `columns` (`oneScalarColumns`) are
    /// known: render engineer (issue 14), so that a caller that scanned the line already (the markup
    /// feed's prose lines, `MarkupParser.proseLine`) does not scan it twice.
    @inline(__always)
    static func layOutBytes<Sink: WrapSink>(
        _ buffer: UnsafeBufferPointer<UInt8>, columns: Int, width: Int, into sink: inout Sink
    ) {
        guard let base = buffer.baseAddress else {
            sink.run(0, 0)
            return
        }
        let raw = UnsafeRawPointer(base)
        let count = buffer.count
        var trimmedEnd = count
        while trimmedEnd > 0, buffer[trimmedEnd - 1] == 0x20 { trimmedEnd -= 1 }
        let trimmedColumns = columns - (count - trimmedEnd)
        guard trimmedColumns > width else {
            sink.run(0, trimmedEnd)
            return
        }
        let hanging = hangingIndent(buffer, end: trimmedEnd)
        var cursor = 0
        while cursor < trimmedEnd, buffer[cursor] == 0x20 { cursor += 1 }
        let leading = cursor
        // large engineer (issue 12): the words that stay on one output line and are one space apart in
        // the input are appended as one run of the input (`run`), not word by word; a word after several
        // spaces, or on a new line, starts a new run. The same text as `place` word by word.
        var placer = WordPlacer(run: 0..<cursor, current: leading, width: width, hanging: hanging)
        while cursor < trimmedEnd {
            while cursor < trimmedEnd, buffer[cursor] == 0x20 { cursor += 1 }
            guard cursor < trimmedEnd else { break }
            let start = cursor
            var length = 0
            scan: while cursor < trimmedEnd {
                if cursor &+ 8 <= trimmedEnd {
                    let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: cursor, as: UInt64.self))
                    if word & highBits == 0 {
                        let spaces = zeroBytes(word ^ spaceBytes)
                        if spaces != 0 {
                            let before = spaces.trailingZeroBitCount >> 3
                            cursor &+= before
                            length &+= before
                            break scan
                        }
                        cursor &+= 8
                        length &+= 8
                        continue
                    }
                }
                let byte = buffer[cursor]
                if byte == 0x20 { break }
                if byte & 0xC0 != 0x80 { length += 1 }
                cursor += 1
            }
            placer.place(start, cursor, length: length, into: &sink)
        }
        placer.finish(into: &sink)
    }

    /// The high bit of each of eight bytes (a byte of a scalar above U+007F).
    static let highBits: UInt64 = 0x8080_8080_8080_8080
    /// Eight CR bytes; eight space bytes.
    static let carriageReturns: UInt64 = 0x0D0D_0D0D_0D0D_0D0D
    static let spaceBytes: UInt64 = 0x2020_2020_2020_2020

    /// The high bit of each zero byte of `word` (eight bytes, none with its high bit): exact for each
    /// byte, as no lane borrows from the next (each lane of `word | highBits` is at least 80, and
    /// `0x80 + b - 1` lacks its high bit only when b is 0).
    @inline(__always)
    static func zeroBytes(_ word: UInt64) -> UInt64 {
        ~((word | highBits) &- 0x0101_0101_0101_0101) & highBits
    }

    /// Whether one of the eight bytes of `word` (none with its high bit) is zero.
    @inline(__always)
    static func hasZeroByte(_ word: UInt64) -> Bool { zeroBytes(word) != 0 }

    /// The byte walk one byte at a time: the reference `layOutBytes` is tested against
    /// (`TextLayoutWordTests`), and what it does for every line before the word-at-a-time scans.
    static func layOutBytesByByte<Sink: WrapSink>(
        _ buffer: UnsafeBufferPointer<UInt8>, width: Int, into sink: inout Sink
    ) -> Bool {
        var columns = 0
        var trimmedColumns = 0
        var trimmedEnd = 0
        var index = 0
        let count = buffer.count
        while index < count {
            let byte = buffer[index]
            index += 1
            if byte >= 0xCC {
                guard byte == 0xE2, index < count else { return false }
                let second = buffer[index]
                index += 1
                guard index < count else { return false }
                let third = buffer[index]
                index += 1
                guard isOneColumnAfterE2(second, third) else { return false }
                columns += 1
                trimmedEnd = index
                trimmedColumns = columns
                continue
            }
            if byte == 0x0D { return false }
            if byte & 0xC0 != 0x80 { columns += 1 }
            if byte != 0x20 {
                trimmedEnd = index
                trimmedColumns = columns
            }
        }
        guard trimmedColumns > width else {
            sink.run(0, trimmedEnd)
            return true
        }
        let hanging = hangingIndent(buffer, end: trimmedEnd)
        var cursor = 0
        while cursor < trimmedEnd, buffer[cursor] == 0x20 { cursor += 1 }
        let leading = cursor
        // large engineer (issue 12): the words that stay on one output line and are one space apart in
        // the input are appended as one run of the input (`run`), not word by word; a word after several
        // spaces, or on a new line, starts a new run. The same text as `place` word by word.
        var placer = WordPlacer(run: 0..<cursor, current: leading, width: width, hanging: hanging)
        while cursor < trimmedEnd {
            while cursor < trimmedEnd, buffer[cursor] == 0x20 { cursor += 1 }
            guard cursor < trimmedEnd else { break }
            let start = cursor
            var length = 0
            while cursor < trimmedEnd, buffer[cursor] != 0x20 {
                if buffer[cursor] & 0xC0 != 0x80 { length += 1 }
                cursor += 1
            }
            placer.place(start, cursor, length: length, into: &sink)
        }
        placer.finish(into: &sink)
        return true
    }

    /// `hangingIndent(of:)` read off the bytes of a line of one-scalar columns (the byte path's lines),
    /// up to `end`: there a space byte is a space `Character`, an ASCII byte an ASCII `Character`, and
    /// `•` is the bytes E2 80 A2.
    static func hangingIndent(_ buffer: UnsafeBufferPointer<UInt8>, end: Int) -> Int {
        var index = 0
        while index < end, buffer[index] == 0x20 { index += 1 }
        let leading = index
        func at(_ offset: Int) -> UInt8? { offset < end ? buffer[offset] : nil }
        if at(index) == UInt8(ascii: "-"), at(index + 1) == 0x20 { return leading + 2 }
        if at(index) == 0xE2, at(index + 1) == 0x80, at(index + 2) == 0xA2, at(index + 3) == 0x20 { return leading + 2 }
        var opener = false
        if let first = at(index), first == UInt8(ascii: "[") || first == UInt8(ascii: "(") {
            opener = true
            index += 1
        }
        var digits = 0
        while let byte = at(index), byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
            digits += 1
            index += 1
        }
        guard digits > 0, let closer = at(index) else { return leading }
        let valid =
            opener
            ? (closer == UInt8(ascii: "]") || closer == UInt8(ascii: ")"))
            : (closer == UInt8(ascii: ".") || closer == UInt8(ascii: ")"))
        guard valid else { return leading }
        index += 1
        var spaces = 0
        while at(index) == 0x20 {
            spaces += 1
            index += 1
        }
        guard spaces > 0 else { return leading }
        return leading + (opener ? 1 : 0) + digits + 1 + spaces
    }

    /// `text.count` (its `Character`s: the columns of a fixed-width font). Fast path (render engineer,
    /// issue 14): the same count, off the bytes, when every scalar is one `isOneScalarPerColumn`
    /// accepts, because each is then a `Character` of its own: its lead bytes are counted.
    static func columns(_ text: String) -> Int {
        let counted = text.utf8.withContiguousStorageIfAvailable { buffer -> Int? in
            guard isOneScalarPerColumn(buffer) else { return nil }
            var count = 0
            for byte in buffer where byte & 0xC0 != 0x80 { count += 1 }
            return count
        }
        if let counted, let counted { return counted }
        return text.count
    }

    /// Whether every scalar of the UTF-8 `buffer` is one of those that `appendWrappedByBytes` lays out
    /// (below U+0300 other than the carriage return, or U+2000–U+20CF other than U+200C and U+200D): each
    /// is then a `Character` of its own, so a space byte is a space `Character`.
    static func isOneScalarPerColumn(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = buffer.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var index = 0
        let count = buffer.count
        while index < count {
            // Fast path (render engineer, issue 14): eight ASCII bytes without a CR, the bytes the
            // walk below accepts one by one, at once.
            if index &+ 8 <= count {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                if word & highBits == 0 {
                    if hasZeroByte(word ^ carriageReturns) { return false }
                    index &+= 8
                    continue
                }
            }
            let byte = buffer[index]
            index += 1
            if byte >= 0xCC {
                guard byte == 0xE2, index + 1 < count else { return false }
                let second = buffer[index]
                let third = buffer[index + 1]
                index += 2
                guard isOneColumnAfterE2(second, third) else { return false }
            } else if byte == 0x0D {
                return false
            }
        }
        return true
    }

    /// Whether the three-byte scalar `E2 second third` is one of the byte paths' one-column scalars:
    /// U+2000–U+20CF (dashes, quotes, spaces, `€`) but the joiners U+200C and U+200D. The one
    /// statement of that rule for the layout walks, their references and `isOneScalarPerColumn`.
    @inline(__always)
    static func isOneColumnAfterE2(_ second: UInt8, _ third: UInt8) -> Bool {
        (second >= 0x80 && second <= 0x82 && !(second == 0x80 && (third == 0x8C || third == 0x8D)))
            || (second == 0x83 && third < 0x90)
    }

    /// `isOneScalarPerColumn` one byte at a time (its reference, `RenderCutsTests`).
    static func isOneScalarPerColumnByByte(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = buffer.count
        while index < count {
            let byte = buffer[index]
            index += 1
            if byte >= 0xCC {
                guard byte == 0xE2, index + 1 < count else { return false }
                let second = buffer[index]
                let third = buffer[index + 1]
                index += 2
                guard isOneColumnAfterE2(second, third) else { return false }
            } else if byte == 0x0D {
                return false
            }
        }
        return true
    }

    /// Puts one word after the words already laid out: on the same line when it fits within `width`
    /// columns, else on a new line indented by `hanging` (both wrapping paths place words this way).
    @inline(__always)
    static func place(
        _ word: Substring, length: Int, width: Int, hanging: Int, current: inout Int, atLineStart: inout Bool,
        to output: inout String
    ) {
        if atLineStart {
            output.append(contentsOf: word)
            current += length
            atLineStart = false
        } else if current + 1 + length <= width {
            output.append(" ")
            output.append(contentsOf: word)
            current += 1 + length
        } else {
            output.append("\n")
            for _ in 0..<hanging { output.append(" ") }
            output.append(contentsOf: word)
            current = hanging + length
        }
    }

    /// Indentation for continuation lines: the leading spaces, plus the width of a list marker
    /// (`- `, `• `, `1. `, `[12] `) when the line starts with one.
    static func hangingIndent(of line: Substring) -> Int {
        let leading = line.prefix(while: { $0 == " " }).count
        let rest = line.dropFirst(leading)
        if rest.hasPrefix("- ") || rest.hasPrefix("• ") { return leading + 2 }
        var digits = 0
        var index = rest.startIndex
        var opener = false
        if index < rest.endIndex, rest[index] == "[" || rest[index] == "(" {
            opener = true
            index = rest.index(after: index)
        }
        while index < rest.endIndex, rest[index].isASCII, rest[index].isNumber {
            digits += 1
            index = rest.index(after: index)
        }
        guard digits > 0, index < rest.endIndex else { return leading }
        let closer = rest[index]
        let valid = opener ? (closer == "]" || closer == ")") : (closer == "." || closer == ")")
        guard valid else { return leading }
        index = rest.index(after: index)
        var spaces = 0
        while index < rest.endIndex, rest[index] == " " {
            spaces += 1
            index = rest.index(after: index)
        }
        guard spaces > 0 else { return leading }
        return leading + (opener ? 1 : 0) + digits + 1 + spaces
    }
}

/// Where `TextLayout.layOutBytes` writes a laid-out line: runs of the line's own bytes (offsets into
/// it), a single space, a line break followed by an indentation.
/// The placing of a wrapped line's words, shared by `layOutBytes` and its byte-by-byte reference:
/// the words that stay on one output line and are one space apart in the input make one run of the
/// input, appended at once; a word after several spaces, or on a new line, starts a new run.
struct WordPlacer {
    var run: Range<Int>
    var current: Int
    let width: Int
    let hanging: Int
    var atLineStart = true

    /// The word `start..<end` of `length` columns.
    @inline(__always)
    mutating func place<Sink: WrapSink>(_ start: Int, _ end: Int, length: Int, into sink: inout Sink) {
        if atLineStart {
            run = run.lowerBound..<end
            current += length
            atLineStart = false
        } else if current + 1 + length <= width {
            if start == run.upperBound + 1 {
                run = run.lowerBound..<end
            } else {
                sink.run(run.lowerBound, run.upperBound)
                sink.space()
                run = start..<end
            }
            current += 1 + length
        } else {
            sink.run(run.lowerBound, run.upperBound)
            sink.newLine(indent: hanging)
            run = start..<end
            current = hanging + length
        }
    }

    /// The last run.
    func finish<Sink: WrapSink>(into sink: inout Sink) {
        sink.run(run.lowerBound, run.upperBound)
    }
}

protocol WrapSink {
    mutating func run(_ from: Int, _ to: Int)
    mutating func space()
    mutating func newLine(indent: Int)
}

/// Into a `String`: the runs are slices of the line (cut after whole scalars).
struct StringWrapSink: WrapSink {
    let line: Substring
    var output = ""

    init(line: Substring) { self.line = line }

    mutating func run(_ from: Int, _ to: Int) {
        let utf8 = line.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: from)
        output.append(contentsOf: line[start..<utf8.index(start, offsetBy: to - from)])
    }

    mutating func space() { output.append(" ") }

    mutating func newLine(indent: Int) {
        output.append("\n")
        output.append(contentsOf: String(repeating: " ", count: indent))
    }
}

/// Into the text writer's bytes.
struct BytesWrapSink: WrapSink {
    let buffer: UnsafeBufferPointer<UInt8>
    let out: TextBytes

    mutating func run(_ from: Int, _ to: Int) { out.append(buffer, from, to) }
    mutating func space() { out.append(byte: 0x20) }
    mutating func newLine(indent: Int) {
        out.append(byte: 0x0A)
        out.appendSpaces(indent)
    }
}
