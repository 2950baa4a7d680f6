/// A reader of our own for the YAML that case files are written in, in front of libyaml: it makes
/// the same `FlatYAML` (the same nodes, texts, styles, lines and columns, through the same
/// `FlatYAML.Builder`) as `YAMLEvents.compose`, or declines (`nil`) and the libyaml path reads the
/// text as before, with its refusals and Yams's messages.
///
/// What it reads: block mappings whose keys are plain one-line scalars; block sequences (also
/// indentless, `key:` then `- item` at the key's column) whose items are on the line of their `-`;
/// flow mappings and sequences on one line; plain scalars on one line; single-quoted and
/// double-quoted scalars on one line (escapes `\\`, `\"`, `\/`, `\n`, `\t` only); comments and
/// blank lines. It declines everything else, and any doubt: tabs, carriage returns and other
/// control characters, a byte-order mark, NEL and the Unicode line separators, document markers and
/// directives, anchors, aliases, tags, block scalars, multi-line scalars, a key without a value, a
/// quoted key, a line indented in a way it does not expect, a key written twice (Yams names it),
/// nesting deeper than `CaseLimits.depth` (the libyaml path refuses it), and any syntax error.
///
/// libyaml's marks: a block mapping is at its first key, a block sequence at its first `-`, a flow
/// collection at its bracket, a scalar at its first character (its quote); columns count Unicode
/// scalars from 1.
enum CaseYAMLReader {
    /// The document of `text`, or `nil` when the reader declines.
    static func compose(_ text: String) -> FlatYAML? {
        var text = text
        return text.withUTF8 { compose(bytes: $0) }
    }

    static func compose(bytes: UnsafeBufferPointer<UInt8>) -> FlatYAML? {
        guard bytes.count > 0, acceptsCharacters(bytes) else { return nil }
        var reader = Reader(bytes: bytes)
        return reader.document()
    }

    /// Only what libyaml reads as printable characters and `\n`: no tab, no `\r`, no other control
    /// character, no DEL, no C1 control (NEL among them), no U+2028/U+2029 (line breaks to libyaml),
    /// no U+FEFF (a byte-order mark), no U+FFFE/U+FFFF. The text is valid UTF-8 (a `String`).
    static func acceptsCharacters(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        // Eight ASCII bytes at a time: none below 0x20 but `\n`, none 0x7F.
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            let high: UInt64 = 0x8080_8080_8080_8080
            let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
            let ones: UInt64 = 0x0101_0101_0101_0101
            while index + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if word & high != 0 {
                    // A non-ASCII byte among them: one by one below.
                    if !acceptsCharacters(bytes, from: index, to: index + 8) { return false }
                    index += 8
                    continue
                }
                // A byte b ≤ 0x7F: b + 0x60 has its high bit clear when b < 0x20; b + 1 has it set
                // when b is 0x7F (no carry from one byte to the next).
                if (word &+ ones) & high != 0 { return false }
                let control = ~(word &+ 0x6060_6060_6060_6060) & high
                if control != 0 {
                    // Only line feeds allowed: the bytes equal to 0x0A (zero after the xor).
                    let other = word ^ 0x0A0A_0A0A_0A0A_0A0A
                    let lineFeeds = ~(((other & low) &+ low) | other | low)
                    if control & ~lineFeeds != 0 { return false }
                }
                index += 8
            }
        }
        return acceptsCharacters(bytes, from: index, to: count)
    }

    /// The same check, byte by byte, of `start..<end` (a sequence may run past `end`: its bytes are
    /// looked at; each lead byte is looked at once, wherever the ranges split).
    static func acceptsCharacters(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        var index = start
        let count = bytes.count
        while index < end {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte < 0x20 && byte != 0x0A || byte == 0x7F { return false }
                index += 1
                continue
            }
            switch byte {
            case 0xC2:
                // U+0080–U+009F.
                if index + 1 < count, bytes[index + 1] < 0xA0 { return false }
            case 0xE2:
                // U+2028, U+2029.
                if index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                    return false
                }
            case 0xEF:
                // U+FEFF, U+FFFE, U+FFFF.
                if index + 2 < count {
                    let second = bytes[index + 1]
                    let third = bytes[index + 2]
                    if second == 0xBB && third == 0xBF || second == 0xBF && (third == 0xBE || third == 0xBF) {
                        return false
                    }
                }
            default:
                break
            }
            index += 1
        }
        return true
    }

    private static let space = UInt8(ascii: " ")
    private static let newline = UInt8(ascii: "\n")
    private static let colon = UInt8(ascii: ":")
    private static let hash = UInt8(ascii: "#")
    private static let dash = UInt8(ascii: "-")
    private static let comma = UInt8(ascii: ",")
    private static let doubleQuote = UInt8(ascii: "\"")
    private static let singleQuote = UInt8(ascii: "'")
    private static let backslash = UInt8(ascii: "\\")
    private static let openBracket = UInt8(ascii: "[")
    private static let closeBracket = UInt8(ascii: "]")
    private static let openBrace = UInt8(ascii: "{")
    private static let closeBrace = UInt8(ascii: "}")

    /// A simple key of libyaml is at most 1,024 characters; longer ones are left to it.
    private static let longestKey = 1_000

    /// Whether a plain scalar may start with `byte` (followed by `next`, or `nil` at the end of the
    /// line): not a blank and not an indicator. A `-` followed by a digit (a negative number) is a
    /// plain scalar too; `?`, `:`, and a `-` otherwise are declined.
    private static func startsPlain(_ byte: UInt8, next: UInt8?) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","),
            UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"),
            UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"),
            UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"),
            UInt8(ascii: "."):
            return false
        case UInt8(ascii: "-"):
            guard let next else { return false }
            return next >= UInt8(ascii: "0") && next <= UInt8(ascii: "9")
        default:
            return true
        }
    }

    /// Declining, as a thrown value: the reader stops at the first doubt.
    struct Decline: Error {}

    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var builder: FlatYAML.Builder
        /// The current position, and the start and number (from 1) of its line.
        var position = 0
        var lineStart = 0
        var line = 1
        /// Where the current content line's text starts (after its indentation), and its indentation;
        /// `atEnd` when no content line is left.
        var indent = 0
        var atEnd = false

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            builder = FlatYAML.Builder(reservingFor: bytes.count)
        }

        mutating func document() -> FlatYAML? {
            do {
                lineStart = 0
                position = 0
                try toContentLine()
                // Only blanks and comments: libyaml's path says so in its words.
                if atEnd { return nil }
                // A document marker or a directive at the start of a line.
                if byte(position) == UInt8(ascii: "%") { return nil }
                try blockNode(column: indent)
                guard atEnd, !builder.overflowed else { return nil }
                return builder.finish()
            } catch {
                return nil
            }
        }

        @inline(__always) func byte(_ index: Int) -> UInt8? {
            index < bytes.count ? bytes[index] : nil
        }

        /// The end of the line holding `index` (the position of its `\n`, or the end of the text).
        @inline(__always) func endOfLine(from index: Int) -> Int {
            var end = index
            while end < bytes.count && bytes[end] != CaseYAMLReader.newline { end += 1 }
            return end
        }

        /// The column (from 1, in Unicode scalars) of `index` on the current line.
        func column(_ index: Int) -> Int {
            var column = 1
            var at = lineStart
            while at < index {
                if bytes[at] & 0xC0 != 0x80 { column += 1 }
                at += 1
            }
            return column
        }

        /// Moves from `position` (at the start of a line) to the next line holding something other
        /// than blanks and a comment; sets `indent` and `position` to its text, or `atEnd`.
        mutating func toContentLine() throws(Decline) {
            while true {
                if position >= bytes.count {
                    atEnd = true
                    return
                }
                lineStart = position
                var at = position
                while at < bytes.count && bytes[at] == CaseYAMLReader.space { at += 1 }
                guard at < bytes.count else {
                    atEnd = true
                    return
                }
                let first = bytes[at]
                if first == CaseYAMLReader.newline || first == CaseYAMLReader.hash {
                    position = endOfLine(from: at) + 1
                    line += 1
                    continue
                }
                indent = at - lineStart
                position = at
                // `---` and `...` at the start of a line: document markers (or doubt).
                if indent == 0 && (first == CaseYAMLReader.dash || first == UInt8(ascii: ".")),
                    byte(at + 1) == first, byte(at + 2) == first
                {
                    throw Decline()
                }
                return
            }
        }

        /// After a value on the current line: only blanks, then a comment after a blank or the end of
        /// the line; then on to the next content line.
        mutating func endLine() throws(Decline) {
            var at = position
            while at < bytes.count && bytes[at] == CaseYAMLReader.space { at += 1 }
            if at < bytes.count && bytes[at] != CaseYAMLReader.newline {
                guard bytes[at] == CaseYAMLReader.hash, at > position else { throw Decline() }
                at = endOfLine(from: at)
            }
            position = at + 1
            line += 1
            try toContentLine()
        }

        mutating func open(_ kind: FlatYAML.Kind, line: Int, column: Int) throws(Decline) {
            builder.open(kind, line: line, column: column)
            if builder.depth > CaseLimits.depth { throw Decline() }
        }

        mutating func close() throws(Decline) {
            if builder.close() { throw Decline() }
        }

        /// Whether the text at `index` is a block entry: `-` then a blank or the end of the line.
        func isEntry(_ index: Int) -> Bool {
            guard byte(index) == CaseYAMLReader.dash else { return false }
            let next = byte(index + 1)
            return next == nil || next == CaseYAMLReader.space || next == CaseYAMLReader.newline
        }

        /// A block collection whose first line is the current content line, at `column` (0-based).
        mutating func blockNode(column: Int) throws(Decline) {
            if isEntry(position) {
                try blockSequence(column: column, indentless: false)
            } else {
                try blockMapping(column: column)
            }
        }

        /// The end of a plain key starting at `start`: the position of its `:` (followed by a blank
        /// or the end of the line), or `nil` when the line holds no key there.
        func keyEnd(from start: Int) -> Int? {
            guard let first = byte(start), CaseYAMLReader.startsPlain(first, next: byte(start + 1)) else {
                return nil
            }
            var at = start
            while at < bytes.count {
                let current = bytes[at]
                if current == CaseYAMLReader.newline { return nil }
                if current == CaseYAMLReader.colon {
                    let next = byte(at + 1)
                    if next == nil || next == CaseYAMLReader.space || next == CaseYAMLReader.newline {
                        // A blank before the `:`, or a key too long for a simple key: declined.
                        if bytes[at - 1] == CaseYAMLReader.space || at - start > CaseYAMLReader.longestKey {
                            return nil
                        }
                        return at
                    }
                }
                if current == CaseYAMLReader.hash && bytes[at - 1] == CaseYAMLReader.space { return nil }
                at += 1
            }
            return nil
        }

        /// A block mapping whose first key is at `position`, at `column` (0-based; every other key at
        /// the start of a line indented so).
        mutating func blockMapping(column mappingColumn: Int) throws(Decline) {
            try open(.mapping, line: line, column: column(position))
            while true {
                guard let end = keyEnd(from: position) else { throw Decline() }
                scalar(from: position, to: end, plain: true)
                position = end + 1
                while byte(position) == CaseYAMLReader.space { position += 1 }
                let next = byte(position)
                if next == nil || next == CaseYAMLReader.newline || next == CaseYAMLReader.hash {
                    // The value is on the next lines: a deeper block, or a sequence at this column.
                    position = endOfLine(from: position)
                    position += 1
                    line += 1
                    try toContentLine()
                    if atEnd { throw Decline() }
                    if indent > mappingColumn {
                        try blockNode(column: indent)
                    } else if indent == mappingColumn && isEntry(position) {
                        try blockSequence(column: indent, indentless: true)
                    } else {
                        // A key without a value (an empty scalar, whose mark is libyaml's to say).
                        throw Decline()
                    }
                } else {
                    try inlineValue(flow: false)
                    try endLine()
                }
                if atEnd || indent < mappingColumn { break }
                if indent > mappingColumn || isEntry(position) { throw Decline() }
            }
            try close()
        }

        /// A block sequence whose first `-` is at `position`, at `column` (0-based). An indentless one
        /// (the value of a key at the same column) ends at the first line that is not an entry.
        mutating func blockSequence(column sequenceColumn: Int, indentless: Bool) throws(Decline) {
            try open(.sequence, line: line, column: column(position))
            while true {
                // `position` is at the `-`.
                position += 1
                guard byte(position) == CaseYAMLReader.space else { throw Decline() }
                while byte(position) == CaseYAMLReader.space { position += 1 }
                guard let first = byte(position), first != CaseYAMLReader.newline, first != CaseYAMLReader.hash,
                    !isEntry(position)
                else { throw Decline() }
                if first != CaseYAMLReader.doubleQuote && first != CaseYAMLReader.singleQuote
                    && first != CaseYAMLReader.openBracket && first != CaseYAMLReader.openBrace
                    && keyEnd(from: position) != nil
                {
                    // A mapping in the entry: its keys at the column of its first.
                    let itemColumn = position - lineStart
                    try blockMapping(column: itemColumn)
                } else {
                    try inlineValue(flow: false)
                    try endLine()
                }
                if atEnd || indent < sequenceColumn { break }
                if indent > sequenceColumn { throw Decline() }
                if !isEntry(position) {
                    if indentless { break }
                    throw Decline()
                }
            }
            try close()
        }

        /// Records the scalar `start..<end` of the current line.
        mutating func scalar(from start: Int, to end: Int, plain: Bool) {
            builder.scalar(
                UnsafeBufferPointer(rebasing: bytes[start..<end]), plain: plain, line: line, column: column(start))
        }

        /// A value on the current line at `position`: a quoted scalar, a flow collection, or a plain
        /// scalar (in a flow collection when `flow`); `position` ends after it.
        mutating func inlineValue(flow: Bool) throws(Decline) {
            guard let first = byte(position) else { throw Decline() }
            switch first {
            case CaseYAMLReader.doubleQuote:
                try doubleQuoted()
            case CaseYAMLReader.singleQuote:
                try singleQuoted()
            case CaseYAMLReader.openBracket:
                try flowCollection(.sequence, closer: CaseYAMLReader.closeBracket)
            case CaseYAMLReader.openBrace:
                try flowCollection(.mapping, closer: CaseYAMLReader.closeBrace)
            default:
                try plain(flow: flow)
            }
            if flow && byte(position) == CaseYAMLReader.colon {
                // `[a: b]`, `{"a": b}`: a pair where a value was expected, or a quoted key.
                throw Decline()
            }
        }

        /// A plain scalar on the current line. In a block, it ends at the end of the line or at a
        /// comment; in a flow collection, also at `,`, `[`, `]`, `{`, `}`. Its blanks at the end are
        /// not part of it. A `: ` in it (a second pair) is declined, and in a flow collection any `:`
        /// or `#`.
        mutating func plain(flow: Bool) throws(Decline) {
            let start = position
            guard let first = byte(start), CaseYAMLReader.startsPlain(first, next: byte(start + 1)) else {
                throw Decline()
            }
            var at = start
            var end = start
            while at < bytes.count {
                let current = bytes[at]
                if current == CaseYAMLReader.newline { break }
                if current == CaseYAMLReader.space {
                    at += 1
                    continue
                }
                if current == CaseYAMLReader.colon {
                    if flow { throw Decline() }
                    let next = byte(at + 1)
                    if next == nil || next == CaseYAMLReader.space || next == CaseYAMLReader.newline {
                        throw Decline()
                    }
                }
                if current == CaseYAMLReader.hash {
                    if flow { throw Decline() }
                    if bytes[at - 1] == CaseYAMLReader.space { break }
                }
                if flow
                    && (current == CaseYAMLReader.comma || current == CaseYAMLReader.openBracket
                        || current == CaseYAMLReader.closeBracket || current == CaseYAMLReader.openBrace
                        || current == CaseYAMLReader.closeBrace)
                {
                    break
                }
                at += 1
                end = at
            }
            scalar(from: start, to: end, plain: true)
            position = end
        }

        /// A single-quoted scalar closed on its line (`''` is a quote).
        mutating func singleQuoted() throws(Decline) {
            let start = position
            var at = start + 1
            var doubled = false
            while true {
                guard at < bytes.count, bytes[at] != CaseYAMLReader.newline else { throw Decline() }
                if bytes[at] == CaseYAMLReader.singleQuote {
                    if byte(at + 1) == CaseYAMLReader.singleQuote {
                        doubled = true
                        at += 2
                        continue
                    }
                    break
                }
                at += 1
            }
            if doubled {
                var value: [UInt8] = []
                value.reserveCapacity(at - start)
                var index = start + 1
                while index < at {
                    value.append(bytes[index])
                    index += bytes[index] == CaseYAMLReader.singleQuote ? 2 : 1
                }
                let column = column(start)
                value.withUnsafeBufferPointer { builder.scalar($0, plain: false, line: line, column: column) }
            } else {
                builder.scalar(
                    UnsafeBufferPointer(rebasing: bytes[(start + 1)..<at]), plain: false, line: line,
                    column: column(start))
            }
            position = at + 1
        }

        /// A double-quoted scalar closed on its line, with the escapes `\\`, `\"`, `\/`, `\n`, `\t`.
        mutating func doubleQuoted() throws(Decline) {
            let start = position
            var at = start + 1
            var escaped = false
            while true {
                guard at < bytes.count, bytes[at] != CaseYAMLReader.newline else { throw Decline() }
                let current = bytes[at]
                if current == CaseYAMLReader.doubleQuote { break }
                if current == CaseYAMLReader.backslash {
                    switch byte(at + 1) {
                    case CaseYAMLReader.backslash, CaseYAMLReader.doubleQuote, UInt8(ascii: "/"), UInt8(ascii: "n"),
                        UInt8(ascii: "t"):
                        escaped = true
                        at += 2
                        continue
                    default:
                        throw Decline()
                    }
                }
                at += 1
            }
            if escaped {
                var value: [UInt8] = []
                value.reserveCapacity(at - start)
                var index = start + 1
                while index < at {
                    var current = bytes[index]
                    if current == CaseYAMLReader.backslash {
                        index += 1
                        switch bytes[index] {
                        case UInt8(ascii: "n"): current = CaseYAMLReader.newline
                        case UInt8(ascii: "t"): current = 0x09
                        default: current = bytes[index]
                        }
                    }
                    value.append(current)
                    index += 1
                }
                let column = column(start)
                value.withUnsafeBufferPointer { builder.scalar($0, plain: false, line: line, column: column) }
            } else {
                builder.scalar(
                    UnsafeBufferPointer(rebasing: bytes[(start + 1)..<at]), plain: false, line: line,
                    column: column(start))
            }
            position = at + 1
        }

        mutating func skipSpaces() {
            while byte(position) == CaseYAMLReader.space { position += 1 }
        }

        /// `[a, b, …]` (`.sequence`, closed by `]`) or `{k: v, …}` (`.mapping`, closed by `}`: plain keys,
        /// each followed by `: ` and a value) on one line; no entry after a last comma.
        mutating func flowCollection(_ kind: FlatYAML.Kind, closer: UInt8) throws(Decline) {
            try open(kind, line: line, column: column(position))
            position += 1
            skipSpaces()
            if byte(position) != closer {
                while true {
                    if kind == .mapping {
                        try flowKey()
                        skipSpaces()
                        guard let first = byte(position), first != CaseYAMLReader.comma, first != closer else {
                            throw Decline()
                        }
                    }
                    try inlineValue(flow: true)
                    skipSpaces()
                    guard let next = byte(position) else { throw Decline() }
                    position += 1
                    if next == closer { break }
                    guard next == CaseYAMLReader.comma else { throw Decline() }
                    skipSpaces()
                    if byte(position) == closer { throw Decline() }
                }
            } else {
                position += 1
            }
            try close()
        }

        /// A plain key of a flow mapping, then its `:` and a blank.
        mutating func flowKey() throws(Decline) {
            let start = position
            guard let first = byte(start), CaseYAMLReader.startsPlain(first, next: byte(start + 1)) else {
                throw Decline()
            }
            var at = start
            while true {
                guard at < bytes.count else { throw Decline() }
                let current = bytes[at]
                if current == CaseYAMLReader.colon { break }
                switch current {
                case CaseYAMLReader.newline, CaseYAMLReader.hash, CaseYAMLReader.comma, CaseYAMLReader.openBracket,
                    CaseYAMLReader.closeBracket, CaseYAMLReader.openBrace, CaseYAMLReader.closeBrace:
                    throw Decline()
                default:
                    at += 1
                }
            }
            guard bytes[at - 1] != CaseYAMLReader.space, at - start <= CaseYAMLReader.longestKey,
                byte(at + 1) == CaseYAMLReader.space
            else { throw Decline() }
            scalar(from: start, to: at, plain: true)
            position = at + 1
        }
    }
}
