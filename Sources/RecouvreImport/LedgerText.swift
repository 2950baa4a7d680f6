import Foundation
import RecouvreModel

/// The text of a ledger as accounting software writes it: UTF-8 with or without a byte-order mark,
/// or Windows-1252 (Excel and older French software), detected and converted.
public enum LedgerText {
    /// Whether `text` contains `part` as Foundation's `contains` says (`range(of:) != nil`), over the
    /// bytes when both are printable ASCII (a label citing an invoice number: the usual case), where
    /// the two agree; through Foundation otherwise.
    static func contains(_ text: String, _ part: String) -> Bool {
        var text = text
        var part = part
        let fast: Bool? = text.withUTF8 { haystack in
            part.withUTF8 { needle -> Bool? in
                func printable(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
                    for byte in bytes where byte < 0x20 || byte > 0x7E { return false }
                    return true
                }
                guard printable(haystack), printable(needle) else { return nil }
                if needle.isEmpty { return nil }
                if needle.count > haystack.count { return false }
                let first = needle[0]
                for start in 0...(haystack.count - needle.count) where haystack[start] == first {
                    var index = 1
                    while index < needle.count, haystack[start + index] == needle[index] { index += 1 }
                    if index == needle.count { return true }
                }
                return false
            }
        }
        return fast ?? text.contains(part)
    }

    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8"
        case utf8BOM = "UTF-8 (avec BOM)"
        case windows1252 = "Windows-1252"
    }

    /// The text and the encoding it was found in. UTF-16 or UTF-32 (NUL bytes), or bytes that are
    /// neither UTF-8 nor Windows-1252, are refused with the file's name and the first bad byte's line.
    public static func decode(_ data: Data, name: String) throws(ImportError) -> (text: String, encoding: Encoding) {
        if data.isEmpty { throw ImportError("le fichier est vide", at: SourceLocation(file: name)) }
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || bytes.prefix(4096).contains(0) {
            throw ImportError(
                "encodage non pris en charge (UTF-16 ou fichier binaire : octets nuls)",
                at: SourceLocation(file: name),
                remedy:
                    "exportez le fichier en CSV UTF-8 ou Windows-1252 (« CSV (séparateur : point-virgule) » dans Excel)"
            )
        }
        var body = bytes[...]
        var encoding = Encoding.utf8
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            body = bytes.dropFirst(3)
            encoding = .utf8BOM
        }
        if let text = String(validating: body, as: UTF8.self) {
            return (text, encoding)
        }
        // Not UTF-8: Windows-1252, unless it holds bytes that code page leaves undefined.
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(body.count)
        var line = 1
        for byte in body {
            if byte == 0x0A { line += 1 }
            if byte < 0x80 || byte >= 0xA0 {
                scalars.append(Unicode.Scalar(byte))
            } else if let scalar = windows1252High[Int(byte - 0x80)] {
                scalars.append(scalar)
            } else {
                throw ImportError(
                    "ni UTF-8 ni Windows-1252 : l'octet 0x\(String(byte, radix: 16, uppercase: true)) n'a pas de sens dans ces encodages",
                    at: SourceLocation(file: name, line: line),
                    remedy: "exportez le fichier en CSV UTF-8")
            }
        }
        return (String(scalars), .windows1252)
    }

    /// Windows-1252's 0x80–0x9F (the rest of its upper half is Latin-1); `nil` for the five undefined bytes.
    static let windows1252High: [Unicode.Scalar?] = [
        "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
        nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
    ]
}

/// French amounts and dates as exported by accounting software.
public enum FrenchValues {
    /// `1 234,56`, `1234.56`, `-1 234,56`, `1.234,56`, `(1 234,56)`, `1 234,56 €`, `0000001234,56`,
    /// `+12,00`, `12,00-` (trailing sign): the amount, exactly, as a `Decimal`; `nil` when the text is
    /// not an amount. A comma is the decimal separator; a dot is too when it is the only separator and
    /// is followed by one or two digits (`1234.5`), otherwise a thousands separator (`1.234,56`).
    public static func amount(_ raw: Substring) -> Decimal? {
        // The same rules as the first version (arrays of digits and separators, kept in the import tests as
        // `FrenchValues.generalAmount` to compare), in one pass with counters instead of arrays (no allocation:
        // a ledger line has two to five amounts).
        var negative = false
        var digitCount = 0
        var units: UInt64 = 0
        var commaCount = 0
        var lastComma = 0
        var dotCount = 0
        var lastDot = 0
        var sawSign = false
        var parenthesis = false
        var trailingSign = false
        for byte in raw.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if trailingSign { return nil }
                if digitCount < 19 { units = units * 10 + UInt64(byte - UInt8(ascii: "0")) }
                digitCount += 1
            case UInt8(ascii: ","):
                if trailingSign { return nil }
                commaCount += 1
                lastComma = digitCount
            case UInt8(ascii: "."):
                if trailingSign { return nil }
                dotCount += 1
                lastDot = digitCount
            case UInt8(ascii: "-"), UInt8(ascii: "+"):
                if digitCount > 0 {
                    guard !sawSign else { return nil }
                    trailingSign = true
                } else if sawSign {
                    return nil
                }
                sawSign = true
                if byte == UInt8(ascii: "-") { negative = true }
            case UInt8(ascii: "("):
                guard digitCount == 0, !parenthesis else { return nil }
                parenthesis = true
                negative = true
            case UInt8(ascii: ")"):
                guard parenthesis, digitCount > 0 else { return nil }
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "'"), 0xC2, 0xA0, 0xE2, 0x80, 0xAF, 0x82, 0xAC,
                UInt8(ascii: "E"), UInt8(ascii: "U"), UInt8(ascii: "R"):
                continue
            default:
                return nil
            }
        }
        guard digitCount > 0 else { return nil }
        var fractionCount = 0
        if commaCount > 0 {
            // Dots are counted in the same digit positions: each one before the comma (the last dot is).
            guard commaCount == 1, dotCount == 0 || lastDot < lastComma else { return nil }
            fractionCount = digitCount - lastComma
        } else if dotCount == 1 {
            if digitCount - lastDot == 3 { return nil }
            fractionCount = digitCount - lastDot
        }
        guard fractionCount <= 4, digitCount <= 19 else { return nil }
        return Decimal(sign: negative ? .minus : .plus, exponent: -fractionCount, significand: Decimal(units))
    }

    public static func amount(_ raw: String) -> Decimal? { amount(raw[...]) }

    /// `31/12/2025`, `31-12-2025`, `31.12.2025`, `2025-12-31`, `20251231`, `31/12/25` (20xx), with an
    /// optional time after a space or a `T` (`2025-12-31 00:00:00`).
    public static func day(_ raw: Substring) -> Day? {
        // ASCII text (every date a ledger writes): read over its bytes, without the copies and the
        // set of separators the general path builds (it was 6 % of a CSV import); the same rules.
        if let fast = raw.utf8.withContiguousStorageIfAvailable({ asciiDay($0) }), let result = fast { return result }
        return generalDay(raw)
    }

    /// `day` over ASCII bytes: `.some(nil)` for text that is not a date, `nil` for text the general
    /// path must read (a non-ASCII byte: a no-break space, a Unicode letter).
    static func asciiDay(_ all: UnsafeBufferPointer<UInt8>) -> Day?? {
        var start = 0
        var end = all.count
        for byte in all where byte >= 0x80 { return nil }
        while start < end, all[start] == 0x20 || all[start] == 0x09 { start += 1 }
        while end > start, all[end - 1] == 0x20 || all[end - 1] == 0x09 { end -= 1 }
        if let cut = (start..<end).first(where: { all[$0] == 0x20 || all[$0] == UInt8(ascii: "T") }) { end = cut }
        let count = end - start
        func number(_ range: Range<Int>) -> Int? {
            Day.digits(all, (start + range.lowerBound)..<(start + range.upperBound))
        }
        func isSeparator(_ index: Int) -> Bool {
            let c = all[start + index]
            return c == UInt8(ascii: "/") || c == UInt8(ascii: "-") || c == UInt8(ascii: ".")
        }
        switch count {
        case 8 where !(0..<8).contains(where: isSeparator):
            guard let y = number(0..<4), let m = number(4..<6), let d = number(6..<8) else { return .some(nil) }
            return .some(Day(year: y, month: m, day: d))
        case 10 where isSeparator(4) && all[start + 4] == all[start + 7]:
            guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return .some(nil) }
            return .some(Day(year: y, month: m, day: d))
        case 10 where isSeparator(2) && all[start + 2] == all[start + 5]:
            guard let d = number(0..<2), let m = number(3..<5), let y = number(6..<10) else { return .some(nil) }
            return .some(Day(year: y, month: m, day: d))
        case 8 where isSeparator(2) && all[start + 2] == all[start + 5]:
            guard let d = number(0..<2), let m = number(3..<5), let y = number(6..<8) else { return .some(nil) }
            return .some(Day(year: 2000 + y, month: m, day: d))
        default:
            // `1/2/2025` and the rest: the general path.
            return nil
        }
    }

    /// `day` for any text (the reference the ASCII path is tested against).
    static func generalDay(_ raw: Substring) -> Day? {
        var text = raw.trimmedSpaces[...]
        if let cut = text.firstIndex(where: { $0 == " " || $0 == "T" }) { text = text[..<cut] }
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? { bytes.withUnsafeBufferPointer { Day.digits($0, range) } }
        let separators: Set<UInt8> = [UInt8(ascii: "/"), UInt8(ascii: "-"), UInt8(ascii: ".")]
        switch bytes.count {
        case 8 where !bytes.contains(where: separators.contains):
            guard let y = number(0..<4), let m = number(4..<6), let d = number(6..<8) else { return nil }
            return Day(year: y, month: m, day: d)
        case 10 where separators.contains(bytes[4]) && bytes[4] == bytes[7]:
            guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
            return Day(year: y, month: m, day: d)
        case 10 where separators.contains(bytes[2]) && bytes[2] == bytes[5]:
            guard let d = number(0..<2), let m = number(3..<5), let y = number(6..<10) else { return nil }
            return Day(year: y, month: m, day: d)
        case 8 where separators.contains(bytes[2]) && bytes[2] == bytes[5]:
            guard let d = number(0..<2), let m = number(3..<5), let y = number(6..<8) else { return nil }
            return Day(year: 2000 + y, month: m, day: d)
        default:
            // `1/2/2025`: day and month without their zero.
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]),
                parts[2].count == 4
            else { return nil }
            return Day(year: y, month: m, day: d)
        }
    }

    public static func day(_ raw: String) -> Day? { day(raw[...]) }
}

extension Substring {
    /// The text without leading and trailing spaces: what `trimmingCharacters(in: .whitespaces)` gives
    /// (Unicode category Zs, the tab and U+200B), without Foundation's round trip through `NSString`, which
    /// was a quarter of a 100,000-line import's time.
    var trimmedSpaces: String {
        let bytes = utf8
        guard let first = bytes.first, let last = bytes.last else { return "" }
        func plain(_ byte: UInt8) -> Bool { byte != 0x20 && byte != 0x09 && byte < 0x80 }
        if plain(first), plain(last) { return String(self) }
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, Self.isSpace(scalars[start]) { start = scalars.index(after: start) }
        while end > start, Self.isSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar == " " || scalar == "\t" }
        // Foundation's set also holds the zero-width space (U+200B), as CoreFoundation always has.
        return scalar.value == 0x200B || scalar.properties.generalCategory == .spaceSeparator
    }
}

extension String {
    /// See `Substring.trimmedSpaces`.
    var trimmedSpaces: String { self[...].trimmedSpaces }
}
