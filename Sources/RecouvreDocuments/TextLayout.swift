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
        var output = ""
        output.reserveCapacity(text.utf8.count + text.utf8.count / 16)
        var first = true
        var start = text.startIndex
        while true {
            let end = text[start...].firstIndex(of: "\n") ?? text.endIndex
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
