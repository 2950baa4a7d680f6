import Foundation

/// The plain-text renderer: lays a document out for an A4 page in a fixed-width font
/// (`TextLayout.a4Width` columns), as the bundle's `.txt` files. One pass over the blocks, appending
/// to one string.
extension DocumentContent {
    /// Layout constants of the text rendering.
    public enum TextMetrics {
        /// The column of the addressee's block and of the place and date: the right half of the page,
        /// where a window envelope shows it.
        public static let addresseeColumn = 50
        /// Indentation of a table.
        public static let tableIndent = 4
        /// Columns from the table's indentation to its first amount column.
        public static let tableLabelWidth = 60
        /// Spaces between two amount columns.
        public static let tableColumnGap = 2
    }

    /// The document as UTF-8 text for A4, ending with one newline.
    public func text(width: Int = TextLayout.a4Width) -> String {
        // large engineer (issue 12): room for the whole text at once (a 100,000-invoice relevé is 157 MB:
        // grown by doubling from 4 KB it was copied some 16 times and could hold twice its size).
        var writer = TextWriter(width: width, reserving: estimatedBytes(), bytes: false)
        for block in blocks { writer.add(block) }
        return writer.finishText()
    }

    /// `text(width:)` as its UTF-8 bytes, without the whole text ever being a `String` (large engineer,
    /// issue 12: a bundle needs the bytes; a 100,000-invoice relevé's text beside its bytes was 314 MB).
    /// The same layout (`TextWriter`) appends to a string of about a megabyte, moved into the bytes at
    /// each line once full: the same bytes as `Data(text(width:).utf8)`.
    public func textData(width: Int = TextLayout.a4Width) -> Data {
        var writer = TextWriter(width: width, reserving: estimatedBytes(), bytes: true)
        for block in blocks { writer.add(block) }
        return writer.finishData()
    }

    /// About the bytes of `text()`: each line's bytes, its indentation and its line feed, and a little
    /// for the breaks of wrapped lines (a reservation: more or less only changes the string's growth).
    func estimatedBytes() -> Int {
        var total = 64
        for block in blocks {
            switch block {
            case .title(let lines), .sender(let lines), .signature(let lines):
                for text in lines { total += text.utf8.count + 1 }
            case .heading(let text): total += text.utf8.count + 1
            case .addressee(let lines):
                for text in lines { total += TextMetrics.addresseeColumn + text.utf8.count + 1 }
            case .placeAndDate(let text): total += TextMetrics.addresseeColumn + text.utf8.count + 1
            case .paragraph(let lines):
                for item in lines { total += item.indent + item.text.utf8.count + 1 }
            case .list(let list):
                for item in list.items { total += list.indent + item.marker.utf8.count + item.text.utf8.count + 2 }
            case .table(let table):
                for row in table.rows {
                    total += TextMetrics.tableIndent + TextMetrics.tableLabelWidth + 1
                    for cell in row.cells { total += cell.utf8.count + TextMetrics.tableColumnGap }
                }
            case .space, .pageBreak: total += 2
            }
        }
        return total + total / 32
    }

    /// A table's lines: the label, then each further column right-aligned to its widest cell. A label
    /// too long for its column takes a line of its own, the amounts on the next line.
    static func tableLines(_ table: DocumentTable) -> [String] {
        let columns = table.rows.map { $0.cells.count }.max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in table.rows where row.cells.count > 1 {
            for (index, cell) in row.cells.enumerated().dropFirst() { widths[index] = max(widths[index], cell.count) }
        }
        let indent = String(repeating: " ", count: TextMetrics.tableIndent)
        var lines: [String] = []
        for row in table.rows {
            guard let label = row.cells.first else { continue }
            guard row.cells.count > 1 else {
                lines.append(indent + label)
                continue
            }
            var amounts = ""
            for (index, cell) in row.cells.enumerated().dropFirst() {
                if index > 1 { amounts += String(repeating: " ", count: TextMetrics.tableColumnGap) }
                amounts += String(repeating: " ", count: widths[index] - cell.count) + cell
            }
            let labelColumns = label.count
            if labelColumns + 1 <= TextMetrics.tableLabelWidth {
                lines.append(
                    indent + label + String(repeating: " ", count: TextMetrics.tableLabelWidth - labelColumns) + amounts
                )
            } else {
                lines.append(indent + label)
                lines.append(indent + String(repeating: " ", count: TextMetrics.tableLabelWidth) + amounts)
            }
        }
        return lines
    }
}

/// The bytes `DocumentContent.textData` fills: a `malloc` buffer handed to `Data` without a copy.
/// Render engineer (issue 14): the text writer lays its lines out straight into these bytes (no
/// `String` in between, no `String(repeating:)` for a padding).
final class TextBytes {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        guard let memory = malloc(self.capacity) else { fatalError("out of memory: \(capacity) bytes of text") }
        base = memory.assumingMemoryBound(to: UInt8.self)
    }

    deinit { free(base) }

    /// Room for `more` bytes after the `count` there are; where they go.
    @inline(__always)
    private func room(_ more: Int) -> UnsafeMutablePointer<UInt8> {
        if count + more > capacity {
            let wanted = max(count + more, capacity * 2)
            guard let memory = realloc(base, wanted) else { fatalError("out of memory: \(wanted) bytes of text") }
            base = memory.assumingMemoryBound(to: UInt8.self)
            capacity = wanted
        }
        return base + count
    }

    func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// The bytes of `buffer`.
    func append(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard let source = buffer.baseAddress, buffer.count > 0 else { return }
        room(buffer.count).update(from: source, count: buffer.count)
        count += buffer.count
    }

    /// The bytes `from ..< to` of `buffer`.
    @inline(__always)
    func append(_ buffer: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) {
        guard to > from, let source = buffer.baseAddress else { return }
        room(to - from).update(from: source + from, count: to - from)
        count += to - from
    }

    /// One byte.
    @inline(__always)
    func append(byte: UInt8) {
        room(1).pointee = byte
        count += 1
    }

    /// `spaces` space bytes.
    func appendSpaces(_ spaces: Int) {
        guard spaces > 0 else { return }
        room(spaces).update(repeating: 0x20, count: spaces)
        count += spaces
    }

    /// The bytes as `Data`, which now owns the buffer; this one is left empty.
    func take() -> Data {
        let data = Data(bytesNoCopy: base, count: count, deallocator: .free)
        capacity = 64
        count = 0
        base = malloc(capacity)!.assumingMemoryBound(to: UInt8.self)
        return data
    }

    /// The bytes as a `String` (they are the UTF-8 of whole strings), this buffer freed at once.
    func takeText() -> String {
        let text = String(unsafeUninitializedCapacity: count) { target in
            _ = target.initialize(from: UnsafeBufferPointer(start: base, count: count))
            return count
        }
        free(base)
        capacity = 64
        count = 0
        base = malloc(capacity)!.assumingMemoryBound(to: UInt8.self)
        return text
    }
}

/// The plain-text layout of a document's blocks, given one after the other (large engineer, issue 12:
/// so that a long document is laid out as its markup is parsed, `TemplateSet.streamedData`): the text of
/// `DocumentContent.text()` — each line wrapped, lines joined by line feeds, one at the end — as UTF-8
/// bytes. Render engineer (issue 14): each line is laid out straight into the bytes
/// (`TextLayout.appendWrapped(_:width:to:)` over its UTF-8, the `Character` walk into a string only
/// for the rare line the byte walk refuses), the same text as `TextLayout.appendWrapped` into a
/// string (`TextWriterTests` holds the two together).
struct TextWriter {
    let width: Int
    private var first = true
    private let bytes: TextBytes
    /// A line with its indentation put before it (an addressee's, a list item's), reused.
    private var scratch: [UInt8] = []

    /// `reserving`: about the text's size (the bytes' capacity); `bytes`: whether the text ends as bytes
    /// (`finishData`) or as a string (`finishText`): both are laid out into the bytes.
    init(width: Int, reserving: Int, bytes: Bool) {
        self.width = width
        self.bytes = TextBytes(capacity: reserving)
    }

    /// The line feed between two lines.
    @inline(__always)
    private mutating func newLine() {
        if !first { bytes.append(byte: 0x0A) }
        first = false
    }

    /// A line of the markup the byte walk takes (`MarkupParser.proseLine`), as its UTF-8 bytes
    /// `buffer` whose `columns` that scan counted (`TextLayout.oneScalarColumns`), wrapped: what
    /// `line(_:_:)` writes for it, without scanning it again.
    mutating func line(_ buffer: UnsafeBufferPointer<UInt8>, columns: Int) {
        newLine()
        TextLayout.appendWrapped(buffer, columns: columns, width: width, to: bytes)
    }

    /// A line of the markup, as its UTF-8 bytes `buffer` (`line` gives its text, for a line the byte
    /// walk refuses), wrapped: any line (`line(_:columns:)`'s reference in `MarkupBytePathTests`).
    mutating func line(_ buffer: UnsafeBufferPointer<UInt8>, _ line: () -> Substring) {
        newLine()
        if TextLayout.appendWrapped(buffer, width: width, to: bytes) { return }
        var text = ""
        TextLayout.appendWrappedByCharacters(line(), width: width, to: &text)
        bytes.append(text)
    }

    private mutating func line(_ text: Substring) {
        if let done = text.utf8.withContiguousStorageIfAvailable({ buffer -> Bool in
            newLine()
            return TextLayout.appendWrapped(buffer, width: width, to: bytes)
        }) {
            if done { return }
        } else {
            newLine()
        }
        var out = ""
        TextLayout.appendWrappedByCharacters(text, width: width, to: &out)
        bytes.append(out)
    }

    private mutating func line(_ text: String) { line(Substring(text)) }

    private mutating func line(indent: Int, _ text: String) {
        if indent == 0 { return line(text) }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: repeatElement(0x20, count: indent))
        scratch.append(contentsOf: text.utf8)
        scratchLine()
    }

    /// The line whose UTF-8 bytes are in `scratch`, wrapped: what `line(_:)` does with the string of
    /// those bytes (the same byte walk, or the same `Character` walk over the same text).
    private mutating func scratchLine() {
        newLine()
        let done = scratch.withUnsafeBufferPointer { TextLayout.appendWrapped($0, width: width, to: bytes) }
        if done { return }
        let built = String(decoding: scratch, as: UTF8.self)
        var out = ""
        TextLayout.appendWrappedByCharacters(Substring(built), width: width, to: &out)
        bytes.append(out)
    }

    /// A table's lines (render engineer, issue 14): the lines of `DocumentContent.tableLines`, each
    /// laid out as `line(_:)` lays it out, built in `scratch` instead of as strings, each cell's
    /// columns counted by `TextLayout.columns` (its `count`, off the bytes when it can).
    private mutating func table(_ table: DocumentTable) {
        typealias Metrics = DocumentContent.TextMetrics
        var columns = 0
        for row in table.rows { columns = max(columns, row.cells.count) }
        // Each cell's columns (rows of more than one cell), and the widest of each column.
        var widths = [Int](repeating: 0, count: columns)
        var counts: [Int] = []
        for row in table.rows where row.cells.count > 1 {
            for index in 1..<row.cells.count {
                let count = TextLayout.columns(row.cells[index])
                counts.append(count)
                widths[index] = max(widths[index], count)
            }
        }
        var next = 0
        for row in table.rows {
            guard let label = row.cells.first else { continue }
            scratch.removeAll(keepingCapacity: true)
            scratch.append(contentsOf: repeatElement(0x20, count: Metrics.tableIndent))
            scratch.append(contentsOf: label.utf8)
            guard row.cells.count > 1 else {
                scratchLine()
                continue
            }
            let labelColumns = TextLayout.columns(label)
            if labelColumns + 1 <= Metrics.tableLabelWidth {
                scratch.append(contentsOf: repeatElement(0x20, count: Metrics.tableLabelWidth - labelColumns))
            } else {
                scratchLine()
                scratch.removeAll(keepingCapacity: true)
                scratch.append(contentsOf: repeatElement(0x20, count: Metrics.tableIndent + Metrics.tableLabelWidth))
            }
            for index in 1..<row.cells.count {
                if index > 1 { scratch.append(contentsOf: repeatElement(0x20, count: Metrics.tableColumnGap)) }
                scratch.append(contentsOf: repeatElement(0x20, count: widths[index] - counts[next]))
                scratch.append(contentsOf: row.cells[index].utf8)
                next += 1
            }
            scratchLine()
        }
    }

    /// A list item: `marker`, a space, `text`, indented by `indent`.
    private mutating func item(indent: Int, _ marker: String, _ text: String) {
        line(indent: indent, marker + " " + text)
    }

    /// Lays `block` out after the blocks before it.
    mutating func add(_ block: DocumentBlock) {
        typealias Metrics = DocumentContent.TextMetrics
        switch block {
        case .title(let lines), .sender(let lines), .signature(let lines):
            for text in lines { line(text) }
        case .heading(let text): line(text)
        case .addressee(let lines):
            for text in lines { line(indent: Metrics.addresseeColumn, text) }
        case .placeAndDate(let text): line(indent: Metrics.addresseeColumn, text)
        case .paragraph(let lines):
            for item in lines { line(indent: item.indent, item.text) }
        case .list(let list):
            for item in list.items { self.item(indent: list.indent, item.marker, item.text) }
        case .table(let table):
            self.table(table)
        case .space: line("")
        case .pageBreak: line("\u{0C}")
        }
    }

    /// The text (made with `bytes: false`).
    mutating func finishText() -> String {
        bytes.append(byte: 0x0A)
        return bytes.takeText()
    }

    /// The bytes (made with `bytes: true`).
    mutating func finishData() -> Data {
        bytes.append(byte: 0x0A)
        return bytes.take()
    }
}
