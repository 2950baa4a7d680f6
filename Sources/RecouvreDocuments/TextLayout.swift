/// Lays text out for an A4 page in a fixed-width font: lines longer than `width` columns are broken
/// at spaces, and the continuation keeps the line's indentation (and hangs under a list marker).
/// No-break spaces (U+00A0) never break, so `1 234,56 €` and `L441-10 II` stay whole.
public enum TextLayout {
    /// About 90 columns fit an A4 page at 10 pt with the usual margins.
    public static let a4Width = 90

    public static func wrap(_ text: String, width: Int = a4Width) -> String {
        var output: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            output.append(contentsOf: wrapLine(String(line), width: width))
        }
        return output.joined(separator: "\n")
    }

    static func wrapLine(_ line: String, width: Int) -> [String] {
        let trimmedRight = String(line.reversed().drop(while: { $0 == " " }).reversed())
        guard trimmedRight.count > width else { return [trimmedRight] }
        let hanging = String(repeating: " ", count: hangingIndent(of: trimmedRight))
        var lines: [String] = []
        var current = ""
        let leading = String(trimmedRight.prefix(while: { $0 == " " }))
        let words = trimmedRight.dropFirst(leading.count).split(separator: " ", omittingEmptySubsequences: true)
        current = leading
        var atLineStart = true
        for word in words {
            if atLineStart {
                current += word
                atLineStart = false
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = hanging + word
            }
        }
        lines.append(current)
        return lines
    }

    /// Indentation for continuation lines: the leading spaces, plus the width of a list marker
    /// (`- `, `• `, `1. `, `[12] `) when the line starts with one.
    static func hangingIndent(of line: String) -> Int {
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
