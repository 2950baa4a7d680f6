import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The block markup the templates of `forms/templates/` emit (documented in docs/pdf.md): plain
/// lines are prose, and a line that starts with `::` and a known name is a directive.
///
/// One-line directives, the text after the name on the same line:
///   `::heading TEXT`     a section heading
///   `::place-date TEXT`  `À Lyon, le 23 novembre 2026`, aligned with the addressee
///   `::page`             a page break
/// Block directives, closed by `::end` on a line of its own:
///   `::title`      the document's title, then the lines under it
///   `::sender`     the sender's identity block
///   `::addressee`  the addressee's block (placed for a window envelope)
///   `::signature`  the signature block
///   `::table`      rows `LABEL | AMOUNT` (cells separated by ` | `), `::total LABEL | AMOUNT` for
///                  the total; the last column is right-aligned
/// Outside blocks, a blank line is a line of space; consecutive lines form a paragraph, except
/// lines starting (after their indentation) with `- ` or `1. `, which form a list.
extension DocumentContent {
    /// Parses the markup a template rendered. `file` names the template in errors.
    public static func parse(markup: String, file: String) throws -> DocumentContent {
        var parser = MarkupParser(file: file)
        // large engineer (issue 12): the lines of a native string are found with memchr over its bytes
        // (a 100,000-invoice relevé has 2 million lines); the same cuts as the scan below.
        if let done = try markup.utf8.withContiguousStorageIfAvailable({ buffer in
            try parseLines(buffer, markup: markup, parser: &parser)
        }), done {
            return try parser.finish()
        }
        var lineNumber = 0
        var start = markup.startIndex
        // batch engineer: without a carriage return, a line feed byte is a line feed Character (only CR LF
        // makes one Character of two scalars around it), so the lines are found on the UTF-8 bytes.
        let bytes = markup.utf8.contains(0x0D) ? nil : markup.utf8
        while start < markup.endIndex {
            let end =
                (bytes.map { $0[start...].firstIndex(of: 0x0A) } ?? markup[start...].firstIndex(of: "\n"))
                ?? markup.endIndex
            lineNumber += 1
            try parser.take(markup[start..<end], line: lineNumber)
            guard end < markup.endIndex else { break }
            start = markup.index(after: end)
        }
        return try parser.finish()
    }

    /// `parse(markup:file:)` walking `Character`s only (no byte path, in the scan of lines nor in the
    /// parse of each line): the reference the byte paths are tested against (`MarkupBytePathTests`).
    static func parseByCharacters(markup: String, file: String) throws -> DocumentContent {
        var parser = MarkupParser(file: file)
        parser.bytes = false
        var lineNumber = 0
        var start = markup.startIndex
        while start < markup.endIndex {
            let end = markup[start...].firstIndex(of: "\n") ?? markup.endIndex
            lineNumber += 1
            try parser.take(markup[start..<end], line: lineNumber)
            guard end < markup.endIndex else { break }
            start = markup.index(after: end)
        }
        return try parser.finish()
    }

    /// The lines of `markup`, whose UTF-8 bytes are `buffer`, cut at each line feed byte and given to
    /// `parser`; false, having given nothing, when the text has a carriage return (then a line feed may
    /// belong to a CR LF `Character`, and the `Character` scan cuts the lines).
    fileprivate static func parseLines(
        _ buffer: UnsafeBufferPointer<UInt8>, markup: String, parser: inout MarkupParser
    ) throws -> Bool {
        var lineNumber = 0
        return try parseLines(buffer, markup: markup, parser: &parser, lineNumber: &lineNumber)
    }

    /// The same, numbering the lines from `lineNumber` (the lines before, in earlier pieces).
    fileprivate static func parseLines(
        _ buffer: UnsafeBufferPointer<UInt8>, markup: String, parser: inout MarkupParser, lineNumber: inout Int
    ) throws -> Bool {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return true }
        let count = buffer.count
        if memchr(base, 0x0D, count) != nil { return false }
        let utf8 = markup.utf8
        var offset = 0
        while offset < count {
            let found = memchr(base + offset, 0x0A, count - offset)
            let end = found.map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base } ?? count
            lineNumber += 1
            // A line feed byte is a whole scalar: both offsets fall between scalars.
            let start = utf8.index(utf8.startIndex, offsetBy: offset)
            try parser.take(markup[start..<utf8.index(start, offsetBy: end - offset)], line: lineNumber)
            offset = end + 1
        }
        return true
    }
}

/// The markup of a document parsed in pieces of whole lines while its template renders (large
/// engineer, issue 12: a 100,000-invoice relevé's markup was a 160 MB string, parsed once complete).
/// The lines are cut and numbered as `DocumentContent.parse(markup:)` cuts and numbers the whole text
/// (its line feed byte path), so the content and any error are the same; a piece with a carriage
/// return refuses (the whole text must then be parsed at once, by its `Character` scan).
///
/// With a `TextWriter` (`laidOut`), the blocks are laid out as they are complete and not kept: the
/// document's text with none of its content held (the blank lines at its start and end are dropped as
/// `parse` drops them: a run of spaces is laid out only once a block follows it).
struct MarkupFeed {
    private var parser: MarkupParser
    private var lineNumber = 0
    private var writer: TextWriter?
    /// Blank lines (`.space` blocks) waiting for a block after them; whether a block was laid out.
    private var spaces = 0
    private var started = false

    init(file: String, laidOut writer: TextWriter? = nil) {
        parser = MarkupParser(file: file)
        self.writer = writer
    }

    /// Lays out the complete blocks the parser holds, and drops them.
    private mutating func layOut(_ blocks: [DocumentBlock]) {
        for block in blocks {
            if block == .space {
                if started { spaces += 1 }
                continue
            }
            for _ in 0..<spaces { writer!.add(.space) }
            spaces = 0
            started = true
            writer!.add(block)
        }
    }

    /// The text's bytes, once every piece was taken (made with a `TextWriter`).
    mutating func finishData() throws -> Data {
        layOut(try parser.finishBlocks())
        return writer!.finishData()
    }

    /// Parses `markup`: whole lines (ending with a line feed), or the text's last piece. False, having
    /// parsed nothing, when it holds a carriage return.
    mutating func take(_ markup: String) throws -> Bool {
        var native = markup
        native.makeContiguousUTF8()
        guard
            let done = try native.utf8.withContiguousStorageIfAvailable({ buffer in
                writer == nil
                    ? try DocumentContent.parseLines(buffer, markup: native, parser: &parser, lineNumber: &lineNumber)
                    : try layOutLines(buffer, markup: native)
            })
        else { return false }
        if done, writer != nil { layOut(parser.takeBlocks()) }
        return done
    }

    /// `take` of the text whose UTF-8 bytes are `bytes` (render engineer, session 8: the fast renderer's
    /// byte buffer, never made a string — ≈ 30,000 instructions a document to validate it): laid out
    /// off the bytes, a line made a string only for the parser or a line the byte walk refuses. The
    /// lines are those of the string: cut at the same line feed bytes, where a `Character` always
    /// ends (no carriage return: refused as `take` refuses it), so a line's own string has the
    /// `Character`s of its slice of the whole text. Without a writer, the text is made a string and
    /// parsed as `take` parses it.
    mutating func take(bytes: UnsafeBufferPointer<UInt8>) throws -> Bool {
        guard writer != nil else { return try take(String(decoding: bytes, as: UTF8.self)) }
        let done = try layOutLines(bytes, markup: nil)
        if done { layOut(parser.takeBlocks()) }
        return done
    }

    /// `parseLines` and the layout of its blocks, at once (render engineer, issue 14): a prose line
    /// outside any block (what `MarkupParser.takeProse` takes: no `::` at its start, one scalar per
    /// column) is laid out straight from its bytes, with no string, line or block made for it. Its
    /// text is the same: a paragraph line lays out as its indentation and its text, a list item as
    /// its indentation, marker, space and text — in both, the line's own bytes up to its right trim
    /// (`TextWriter` trims and wraps them as it trims and wraps the rebuilt line) —, and a blank line is
    /// a `.space`. Lines are laid out one by one in either case, so where a paragraph or a list ends
    /// changes nothing in the text; any other line goes to the parser, whose pending prose and blocks
    /// are laid out before a line laid out here (the order of the text is the order of the lines).
    /// `markup`: the string of `buffer`; nil when there is none (`take(bytes:)`: a line's text is then
    /// made from its own bytes).
    private mutating func layOutLines(_ buffer: UnsafeBufferPointer<UInt8>, markup: String?) throws -> Bool {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return true }
        let count = buffer.count
        if memchr(base, 0x0D, count) != nil { return false }
        var offset = 0
        while offset < count {
            let found = memchr(base + offset, 0x0A, count - offset)
            let end = found.map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base } ?? count
            lineNumber += 1
            let line = UnsafeBufferPointer(start: base + offset, count: end - offset)
            // A line feed byte is a whole scalar: both offsets fall between scalars. The line's text
            // is cut only for the parser or a line the byte walk refuses (render engineer, issue 14).
            let (from, to) = (offset, end)
            func text() -> Substring {
                guard let markup else { return Substring(String(decoding: line, as: UTF8.self)) }
                let utf8 = markup.utf8
                let start = utf8.index(utf8.startIndex, offsetBy: from)
                return markup[start..<utf8.index(start, offsetBy: to - from)]
            }
            if parser.open == nil, let (blank, columns) = MarkupParser.proseLine(line) {
                if parser.hasPendingProse || !parser.blocks.isEmpty {
                    parser.flushProse()
                    layOut(parser.takeBlocks())
                }
                if blank {
                    if started { spaces += 1 }
                } else {
                    for _ in 0..<spaces { writer!.add(.space) }
                    spaces = 0
                    started = true
                    writer!.line(line, columns: columns)
                }
            } else {
                try parser.take(text(), line: lineNumber)
            }
            offset = end + 1
        }
        return true
    }

    /// The content, once every piece was taken.
    mutating func finish() throws -> DocumentContent { try parser.finish() }
}

struct MarkupParser {
    enum Open {
        case title, sender, addressee, signature, table
        var name: String {
            switch self {
            case .title: return "title"
            case .sender: return "sender"
            case .addressee: return "addressee"
            case .signature: return "signature"
            case .table: return "table"
            }
        }
    }

    let file: String
    var blocks: [DocumentBlock] = []
    var paragraph: [DocumentLine] = []
    var list: DocumentList?
    var open: (kind: Open, line: Int)?
    var lines: [String] = []
    var rows: [DocumentTable.Row] = []
    /// Whether a line whose scalars never join is read off its bytes (false: the `Character` walk only,
    /// the tests' reference).
    var bytes = true

    init(file: String) { self.file = file }

    mutating func take(_ raw: Substring, line: Int) throws {
        // large engineer (issue 12): a prose line outside any block, read off its bytes when each of its
        // `Character`s is one scalar (TextLayout.isOneScalarPerColumn): the same blocks as below.
        // render engineer (issue 14): a directive and a line inside a block the same way, off the bytes.
        if bytes, try raw.utf8.withContiguousStorageIfAvailable({ try takeBytes($0, raw, line: line) }) == true {
            return
        }
        let text = rightTrimmed(raw)
        if text.hasPrefix("::") {
            try directive(text.dropFirst(2), line: line)
            return
        }
        if let open {
            if open.kind == .table {
                if !text.allSatisfy({ $0 == " " }) { rows.append(Self.row(text, isTotal: false)) }
            } else {
                lines.append(String(text.drop(while: { $0 == " " })))
            }
            return
        }
        let indent = text.prefix(while: { $0 == " " }).count
        let body = text.dropFirst(indent)
        if body.isEmpty {
            flushProse()
            blocks.append(.space)
        } else {
            place(indent: indent, item: Self.listItem(body), prose: String(body))
        }
    }

    /// A list item (`item`: marker, text, ordered) joins the list open at its indent and kind, or opens
    /// one; any other line (`prose`) joins the paragraph.
    mutating func place(indent: Int, item: (String, String, Bool)?, prose: @autoclosure () -> String) {
        if let (marker, rest, ordered) = item {
            if let current = list, current.indent == indent, current.ordered == ordered {
                list!.items.append(.init(marker: marker, text: rest))
            } else {
                flushProse()
                list = DocumentList(indent: indent, ordered: ordered, items: [.init(marker: marker, text: rest)])
            }
        } else {
            flushList()
            paragraph.append(DocumentLine(indent: indent, text: prose()))
        }
    }

    /// `take` for a line outside a block that is not a directive, over its UTF-8 bytes `buffer`, when a
    /// space byte is a space `Character` and an ASCII byte an ASCII `Character` (no scalar of the line
    /// joins its neighbour): the right trim, the indentation, the blank line, the list item (`- `,
    /// `12. `) and the paragraph line as the `Character` code finds them. False, having done nothing,
    /// for any other line.
    /// Whether `takeProse` takes the line of UTF-8 bytes `buffer` (outside a block): nil when it
    /// does not (a directive, or a scalar that may join its neighbour), else whether the line is blank.
    /// With it, the line's columns (`TextLayout.oneScalarColumns`, the scan that decides): render
    /// engineer (issue 14), handed to `TextWriter.line(_:columns:)` so that the layout does not scan
    /// the line again (callgrind, b200 batch: `MarkupFeed.layOutLines` 83.1 → 70.8 M).
    static func proseLine(_ buffer: UnsafeBufferPointer<UInt8>) -> (blank: Bool, columns: Int)? {
        guard let columns = TextLayout.oneScalarColumns(buffer) else { return nil }
        var end = buffer.count
        while end > 0, buffer[end - 1] == 0x20 { end -= 1 }
        if end >= 2, buffer[0] == UInt8(ascii: ":"), buffer[1] == UInt8(ascii: ":") { return nil }
        return (end == 0, columns)
    }

    /// Whether a paragraph or a list is being gathered (not yet a block).
    var hasPendingProse: Bool { !paragraph.isEmpty || list != nil }

    mutating func takeProse(_ buffer: UnsafeBufferPointer<UInt8>, _ raw: Substring) -> Bool {
        guard TextLayout.isOneScalarPerColumn(buffer) else { return false }
        var end = buffer.count
        while end > 0, buffer[end - 1] == 0x20 { end -= 1 }
        if end >= 2, buffer[0] == UInt8(ascii: ":"), buffer[1] == UInt8(ascii: ":") { return false }
        var indent = 0
        while indent < end, buffer[indent] == 0x20 { indent += 1 }
        let utf8 = raw.utf8
        func text(_ from: Int, _ to: Int) -> String {
            let start = utf8.index(utf8.startIndex, offsetBy: from)
            return String(raw[start..<utf8.index(start, offsetBy: to - from)])
        }
        if indent == end {
            flushProse()
            blocks.append(.space)
            return true
        }
        var item: (marker: String, rest: String, ordered: Bool)?
        if end - indent >= 2, buffer[indent] == UInt8(ascii: "-"), buffer[indent + 1] == 0x20 {
            item = ("-", text(indent + 2, end), false)
        } else {
            var digit = indent
            while digit < end, buffer[digit] >= UInt8(ascii: "0"), buffer[digit] <= UInt8(ascii: "9") { digit += 1 }
            if digit > indent, end - digit >= 2, buffer[digit] == UInt8(ascii: "."), buffer[digit + 1] == 0x20 {
                item = (text(indent, digit + 1), text(digit + 2, end), true)
            }
        }
        place(indent: indent, item: item, prose: text(indent, end))
        return true
    }

    /// `take` over the line's UTF-8 bytes `buffer` when no scalar of it joins its neighbour
    /// (`TextLayout.isOneScalarPerColumn`: a space byte is a space `Character`, `:` and `|` bytes are
    /// those `Character`s): the prose line (`takeProse`), the directive, the line inside a block and the
    /// table row the `Character` code finds, cut at the same places. False, having done nothing, for
    /// any other line.
    mutating func takeBytes(_ buffer: UnsafeBufferPointer<UInt8>, _ raw: Substring, line: Int) throws -> Bool {
        if open == nil, takeProse(buffer, raw) { return true }
        guard TextLayout.isOneScalarPerColumn(buffer) else { return false }
        var end = buffer.count
        while end > 0, buffer[end - 1] == 0x20 { end -= 1 }
        let utf8 = raw.utf8
        func text(_ from: Int, _ to: Int) -> Substring {
            let start = utf8.index(utf8.startIndex, offsetBy: from)
            return raw[start..<utf8.index(start, offsetBy: to - from)]
        }
        if end >= 2, buffer[0] == UInt8(ascii: ":"), buffer[1] == UInt8(ascii: ":") {
            var nameEnd = 2
            while nameEnd < end, buffer[nameEnd] != 0x20 { nameEnd += 1 }
            var argument = nameEnd
            while argument < end, buffer[argument] == 0x20 { argument += 1 }
            let name = text(2, nameEnd)
            // A table's total row: its cells cut off the bytes as a table row's are (render engineer,
            // issue 14; `row` searched ` | ` with Foundation's `range(of:)`, ≈ 7,600 instructions a row).
            if open?.kind == .table, Self.directiveName(name) == .total {
                rows.append(DocumentTable.Row(cells: Self.cells(buffer, from: argument, to: end, text), isTotal: true))
                return true
            }
            try directive(name: name, argument: String(text(argument, end)), line: line)
            return true
        }
        guard let open else { return false }
        if open.kind == .table {
            guard end > 0 else { return true }
            rows.append(DocumentTable.Row(cells: Self.cells(buffer, from: 0, to: end, text), isTotal: false))
        } else {
            var start = 0
            while start < end, buffer[start] == 0x20 { start += 1 }
            lines.append(String(text(start, end)))
        }
        return true
    }

    /// The cells of the bytes `from ..< end` of `buffer`, separated by ` | `, each trimmed (`row`): the
    /// first separator, then the next after it.
    static func cells(
        _ buffer: UnsafeBufferPointer<UInt8>, from: Int, to end: Int, _ text: (Int, Int) -> Substring
    ) -> [String] {
        var cells: [String] = []
        var cell = from
        var index = from
        while index + 3 <= end {
            if buffer[index] == 0x20, buffer[index + 1] == UInt8(ascii: "|"), buffer[index + 2] == 0x20 {
                cells.append(Self.trimmed(buffer, cell, index, text))
                index += 3
                cell = index
            } else {
                index += 1
            }
        }
        cells.append(Self.trimmed(buffer, cell, end, text))
        return cells
    }

    /// `trimmed` of the bytes `from ..< to` of `buffer` (`text` cuts the line at byte offsets).
    static func trimmed(
        _ buffer: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, _ text: (Int, Int) -> Substring
    ) -> String {
        var start = from
        while start < to, buffer[start] == 0x20 { start += 1 }
        var end = to
        while end > start, buffer[end - 1] == 0x20 { end -= 1 }
        return String(text(start, end))
    }

    mutating func directive(_ text: Substring, line: Int) throws {
        let name = text.prefix(while: { $0 != " " })
        try directive(name: name, argument: String(text.dropFirst(name.count).drop(while: { $0 == " " })), line: line)
    }

    /// The directive `name`, with the text after it (`argument`, its leading spaces dropped).
    mutating func directive(name: Substring, argument: String, line: Int) throws {
        func opening(_ kind: Open) throws {
            if let open {
                throw DocumentError(
                    file: file,
                    message: "ligne \(line) : « ::\(name) » ouvert dans le bloc « ::\(open.kind.name) » "
                        + "de la ligne \(open.line), qui n'est pas fermé par « ::end »")
            }
            flushProse()
            open = (kind, line)
            lines = []
            rows = []
        }
        func noArgument() throws {
            guard argument.isEmpty else {
                throw DocumentError(file: file, message: "ligne \(line) : « ::\(name) » ne prend pas de texte")
            }
        }
        let kind = Self.directiveName(name)
        switch kind {
        case .heading, .placeDate, .page:
            if let open {
                throw DocumentError(
                    file: file,
                    message: "ligne \(line) : « ::\(name) » dans le bloc « ::\(open.kind.name) » "
                        + "de la ligne \(open.line), qui n'est pas fermé par « ::end »")
            }
            flushProse()
            if kind == .page {
                try noArgument()
                blocks.append(.pageBreak)
            } else {
                guard !argument.isEmpty else {
                    throw DocumentError(file: file, message: "ligne \(line) : « ::\(name) » sans texte")
                }
                blocks.append(kind == .heading ? .heading(argument) : .placeAndDate(argument))
            }
        case .title:
            try noArgument()
            try opening(.title)
        case .sender:
            try noArgument()
            try opening(.sender)
        case .addressee:
            try noArgument()
            try opening(.addressee)
        case .signature:
            try noArgument()
            try opening(.signature)
        case .table:
            try noArgument()
            try opening(.table)
        case .total:
            guard open?.kind == .table else {
                throw DocumentError(file: file, message: "ligne \(line) : « ::total » hors d'un bloc « ::table »")
            }
            rows.append(Self.row(Substring(argument), isTotal: true))
        case .end:
            try noArgument()
            guard let current = open else {
                throw DocumentError(file: file, message: "ligne \(line) : « ::end » sans bloc ouvert")
            }
            while lines.last == "" { lines.removeLast() }
            switch current.kind {
            case .title: blocks.append(.title(lines: lines))
            case .sender: blocks.append(.sender(lines: lines))
            case .addressee: blocks.append(.addressee(lines: lines))
            case .signature: blocks.append(.signature(lines: lines))
            case .table: blocks.append(.table(DocumentTable(rows: rows)))
            }
            open = nil
        case nil:
            throw DocumentError(
                file: file,
                message: "ligne \(line) : directive inconnue « ::\(name) » (connues : heading, place-date, "
                    + "page, title, sender, addressee, signature, table, total, end)")
        }
    }

    /// The directives' names.
    enum DirectiveName {
        case heading, placeDate, page, title, sender, addressee, signature, table, total, end
    }

    /// The directive `name` names, nil for an unknown name. Fast path (render engineer, issue 14): a
    /// name whose bytes are a known name's is that name (equal bytes are equal strings); any other goes
    /// through the string comparisons of the `switch` it replaced (`String ==`, canonical equivalence).
    static func directiveName(_ name: Substring) -> DirectiveName? {
        let found = name.utf8.withContiguousStorageIfAvailable { buffer -> DirectiveName? in
            guard let base = buffer.baseAddress else { return nil }
            func named(_ literal: StaticString) -> Bool {
                literal.utf8CodeUnitCount == buffer.count && memcmp(literal.utf8Start, base, buffer.count) == 0
            }
            switch buffer.count {
            case 3: return named("end") ? .end : nil
            case 4: return named("page") ? .page : nil
            case 5: return named("title") ? .title : named("table") ? .table : named("total") ? .total : nil
            case 6: return named("sender") ? .sender : nil
            case 7: return named("heading") ? .heading : nil
            case 9: return named("addressee") ? .addressee : named("signature") ? .signature : nil
            case 10: return named("place-date") ? .placeDate : nil
            default: return nil
            }
        }
        if let found, let found { return found }
        return directiveNameByStrings(name)
    }

    /// The `switch` of names by string comparison (the reference of `directiveName`).
    static func directiveNameByStrings(_ name: Substring) -> DirectiveName? {
        switch name {
        case "heading": return .heading
        case "place-date": return .placeDate
        case "page": return .page
        case "title": return .title
        case "sender": return .sender
        case "addressee": return .addressee
        case "signature": return .signature
        case "table": return .table
        case "total": return .total
        case "end": return .end
        default: return nil
        }
    }

    /// The complete blocks so far, handed over (`MarkupFeed` lays them out as they come).
    mutating func takeBlocks() -> [DocumentBlock] {
        defer { blocks = [] }
        return blocks
    }

    /// The last blocks, the text being complete (not trimmed of blank lines).
    mutating func finishBlocks() throws -> [DocumentBlock] {
        if let open {
            throw DocumentError(
                file: file,
                message: "le bloc « ::\(open.kind.name) » de la ligne \(open.line) n'est pas fermé par « ::end »")
        }
        flushProse()
        return takeBlocks()
    }

    mutating func finish() throws -> DocumentContent {
        if let open {
            throw DocumentError(
                file: file,
                message: "le bloc « ::\(open.kind.name) » de la ligne \(open.line) n'est pas fermé par « ::end »")
        }
        flushProse()
        // A document neither starts nor ends with blank lines.
        let first = blocks.firstIndex { $0 != .space } ?? blocks.endIndex
        let last = blocks.lastIndex { $0 != .space }.map { $0 + 1 } ?? first
        return DocumentContent(blocks: Array(blocks[first..<max(first, last)]))
    }

    mutating func flushList() {
        if let list { blocks.append(.list(list)) }
        list = nil
    }

    mutating func flushProse() {
        flushList()
        if !paragraph.isEmpty { blocks.append(.paragraph(paragraph)) }
        paragraph = []
    }

    func rightTrimmed(_ text: Substring) -> Substring {
        var end = text.endIndex
        while end > text.startIndex {
            let before = text.index(before: end)
            guard text[before] == " " || text[before] == "\r" else { break }
            end = before
        }
        return text[text.startIndex..<end]
    }

    /// `- text` or `12. text`.
    static func listItem(_ body: Substring) -> (String, String, Bool)? {
        if body.hasPrefix("- ") { return ("-", String(body.dropFirst(2)), false) }
        let digits = body.prefix(while: { $0.isASCII && $0.isNumber })
        guard !digits.isEmpty else { return nil }
        let rest = body.dropFirst(digits.count)
        guard rest.hasPrefix(". ") else { return nil }
        return (digits + ".", String(rest.dropFirst(2)), true)
    }

    /// Cells separated by ` | `, each trimmed.
    static func row(_ text: Substring, isTotal: Bool) -> DocumentTable.Row {
        var cells: [String] = []
        var rest = text
        while let range = rest.range(of: " | ") {
            cells.append(trimmed(rest[rest.startIndex..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        cells.append(trimmed(rest))
        return DocumentTable.Row(cells: cells, isTotal: isTotal)
    }

    static func trimmed(_ text: Substring) -> String {
        // batch engineer: the same trim as `drop(while:)` on both ends, by index (no reversed copies).
        let start = text.firstIndex { $0 != " " } ?? text.endIndex
        var end = text.endIndex
        while end > start, text[text.index(before: end)] == " " { end = text.index(before: end) }
        return String(text[start..<end])
    }
}
