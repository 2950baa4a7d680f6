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
final class TextBytes {
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        guard let memory = malloc(self.capacity) else { fatalError("out of memory: \(capacity) bytes of text") }
        base = memory.assumingMemoryBound(to: UInt8.self)
    }

    deinit { free(base) }

    func append(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            guard let source = buffer.baseAddress, buffer.count > 0 else { return }
            if count + buffer.count > capacity {
                let wanted = max(count + buffer.count, capacity * 2)
                guard let memory = realloc(base, wanted) else { fatalError("out of memory: \(wanted) bytes of text") }
                base = memory.assumingMemoryBound(to: UInt8.self)
                capacity = wanted
            }
            (base + count).update(from: source, count: buffer.count)
            count += buffer.count
        }
    }

    /// The bytes as `Data`, which now owns the buffer; this one is left empty.
    func take() -> Data {
        let data = Data(bytesNoCopy: base, count: count, deallocator: .free)
        capacity = 64
        count = 0
        base = malloc(capacity)!.assumingMemoryBound(to: UInt8.self)
        return data
    }
}

/// The plain-text layout of a document's blocks, given one after the other (large engineer, issue 12:
/// so that a long document is laid out as its markup is parsed, `TemplateSet.streamedData`): the text of
/// `DocumentContent.text()` — each line wrapped, lines joined by line feeds, one at the end — into a
/// string, or into UTF-8 bytes through a string of about a megabyte moved into them at a line's end.
struct TextWriter {
    let width: Int
    private var out = ""
    private var first = true
    private let bytes: TextBytes?

    /// The size at which the laid-out text is moved into the bytes.
    static let chunk = 1 << 20

    /// `reserving`: about the text's size (the string's, or the bytes' capacity); `bytes`: whether the
    /// text ends as bytes (`finishData`) or as a string (`finishText`).
    init(width: Int, reserving: Int, bytes: Bool) {
        self.width = width
        if bytes {
            self.bytes = TextBytes(capacity: reserving)
            out.reserveCapacity(Self.chunk + 64 * 1024)
        } else {
            self.bytes = nil
            out.reserveCapacity(reserving)
        }
    }

    private mutating func line(_ text: Substring) {
        if !first {
            if let bytes, out.utf8.count >= Self.chunk {
                bytes.append(out)
                out.removeAll(keepingCapacity: true)
            }
            out.append("\n")
        }
        first = false
        TextLayout.appendWrapped(text, width: width, to: &out)
    }

    private mutating func line(_ text: String) { line(Substring(text)) }

    private mutating func line(indent: Int, _ text: String) {
        if indent == 0 { return line(text) }
        var built = String(repeating: " ", count: indent)
        built.append(text)
        line(built)
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
            for item in list.items { line(indent: list.indent, item.marker + " " + item.text) }
        case .table(let table):
            for text in DocumentContent.tableLines(table) { line(text) }
        case .space: line("")
        case .pageBreak: line("\u{0C}")
        }
    }

    /// The text (made with `bytes: false`).
    mutating func finishText() -> String {
        out.append("\n")
        return out
    }

    /// The bytes (made with `bytes: true`).
    mutating func finishData() -> Data {
        out.append("\n")
        guard let bytes else { return Data(out.utf8) }
        bytes.append(out)
        out = ""
        return bytes.take()
    }
}
