import Foundation

/// Refuses bytes that are not UTF-8 text before the YAML parser sees them, with the place of the
/// first bad byte: binary files, UTF-16 exports and files cut in the middle of a character.
enum TextCheck {
    static func utf8Text(_ data: Data, name: String) throws(CaseFileError) -> String {
        // The usual case, fast: valid UTF-8 without NUL. Otherwise walk the bytes to locate the fault.
        let hasNUL = data.withUnsafeBytes { $0.contains(0) }
        if !hasNUL, let text = String(validating: data, as: UTF8.self) { return text }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = data.makeIterator()
        var offset = 0
        var line = 1
        var column = 1
        func fail(_ message: String, _ remedy: String) -> CaseFileError {
            CaseFileError(problems: [
                CaseFileProblem(
                    file: name, line: line, column: column, keyPath: "",
                    message: message, remedy: remedy)
            ])
        }
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                if scalar == "\0" {
                    throw fail(
                        "binary data (a NUL byte at byte \(offset)), not text",
                        "a case file is UTF-8 YAML or JSON text")
                }
                offset += encoded.count
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .error(let length):
                let byte = data[data.startIndex + offset]
                _ = length
                throw fail(
                    "not UTF-8 text (byte 0x\(String(byte, radix: 16, uppercase: true)) at byte \(offset))",
                    "a case file is UTF-8 YAML or JSON text; save it as UTF-8")
            case .emptyInput:
                return String(decoding: data, as: UTF8.self)
            }
        }
    }

    /// Line and column (both from 1, columns in Unicode scalars as libyaml counts them) of a byte offset.
    static func location(ofByte target: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var offset = 0
        for scalar in text.unicodeScalars {
            if offset >= target { break }
            offset += UTF8.width(scalar)
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }
}

extension TextCheck {
    /// The place of the first YAML anchor (`&name`) or alias (`*name`), if any.
    ///
    /// A case file never needs them, and an alias used as a mapping key makes the parser hash the
    /// whole aliased tree, which nested aliases make exponentially large (a "billion laughs" that
    /// would hang the reader). So they are refused before parsing. The scan is lexical: it skips
    /// comments and quoted texts, and looks only where a YAML node can start.
    static func firstAnchorOrAlias(in text: String) -> (line: Int, column: Int, indicator: Character)? {
        // Every character the scan looks for is ASCII, so it walks the UTF-8 bytes (a few megabytes
        // for a large ledger) and counts a column for each byte that starts a scalar.
        var text = text
        return text.withUTF8 { bytes in
            var line = 1
            var column = 0
            var quote: UInt8?
            var flowDepth = 0
            var inComment = false
            var atNodeStart = true  // start of line (after indentation), or after an indicator
            var previous = UInt8(ascii: "\n")
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if byte & 0xC0 != 0x80 { column += 1 }
                defer { previous = byte }
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    column = 0
                    inComment = false
                    atNodeStart = quote == nil
                    continue
                }
                if inComment { continue }
                if let open = quote {
                    if byte == open && !(open == UInt8(ascii: "\"") && previous == UInt8(ascii: "\\")) { quote = nil }
                    continue
                }
                switch byte {
                case UInt8(ascii: " "), UInt8(ascii: "\t"):
                    continue
                case UInt8(ascii: "#") where previous == UInt8(ascii: " ") || previous == UInt8(ascii: "\t")
                    || previous == UInt8(ascii: "\n"):
                    inComment = true
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    if atNodeStart { quote = byte }
                    atNodeStart = false
                case UInt8(ascii: "&"), UInt8(ascii: "*"):
                    if atNodeStart, index < bytes.count {
                        let next = bytes[index]
                        index += 1
                        if next != UInt8(ascii: " ") && next != UInt8(ascii: "\t") && next != UInt8(ascii: "\n") {
                            return (line, column, Character(Unicode.Scalar(byte)))
                        }
                        column += 1
                        if next == UInt8(ascii: "\n") {
                            line += 1
                            column = 0
                        }
                    }
                    atNodeStart = false
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    flowDepth += 1
                    atNodeStart = true
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    flowDepth = max(0, flowDepth - 1)
                    atNodeStart = false
                case UInt8(ascii: ","):
                    atNodeStart = flowDepth > 0
                case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"):
                    atNodeStart = atNodeStart || byte == UInt8(ascii: ":")
                    if byte == UInt8(ascii: ":") && !(flowDepth > 0) {
                        atNodeStart = true
                    }
                default:
                    atNodeStart = false
                }
            }
            return nil
        }
    }
}
