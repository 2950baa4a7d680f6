import Foundation
import RecouvreModel

/// How French legal documents print dates, amounts, rates and small numbers.
public enum FrenchFormat {
    /// Dates written out (`23 novembre 2026`) take the catalogue's month names: `FrenchDates` (built
    /// from `forms/messages/calendar.yaml` with the law book), not a list in Swift.

    /// `23/11/2026`, for the narrow columns of a table.
    public static func shortDate(_ day: Day) -> String {
        // Fast path (render engineer, issue 14): the ten bytes `shortDateByInterpolation` writes when
        // the day and month are 0–99 (two digits each, a leading zero below 10) and the year has four
        // digits; any other date goes that way.
        guard (0...99).contains(day.day), (0...99).contains(day.month), (1000...9999).contains(day.year) else {
            return shortDateByInterpolation(day)
        }
        let year = day.year
        return String(unsafeUninitializedCapacity: 10) { out in
            out[0] = UInt8(truncatingIfNeeded: 0x30 + day.day / 10)
            out[1] = UInt8(truncatingIfNeeded: 0x30 + day.day % 10)
            out[2] = UInt8(ascii: "/")
            out[3] = UInt8(truncatingIfNeeded: 0x30 + day.month / 10)
            out[4] = UInt8(truncatingIfNeeded: 0x30 + day.month % 10)
            out[5] = UInt8(ascii: "/")
            out[6] = UInt8(truncatingIfNeeded: 0x30 + year / 1000)
            out[7] = UInt8(truncatingIfNeeded: 0x30 + year / 100 % 10)
            out[8] = UInt8(truncatingIfNeeded: 0x30 + year / 10 % 10)
            out[9] = UInt8(truncatingIfNeeded: 0x30 + year % 10)
            return 10
        }
    }

    /// `shortDate` by string interpolation: any date (the reference of its fast path).
    static func shortDateByInterpolation(_ day: Day) -> String {
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(pad(day.day))/\(pad(day.month))/\(day.year)"
    }

    /// `1 234,56 €` (no-break spaces: the amount never splits across lines).
    public static func amount(_ value: Decimal) -> String { Money.french(value) }

    /// `12,15 %`.
    public static func rate(_ value: Decimal) -> String { Money.frenchRate(value) }

    /// `552 100 554`: a SIREN grouped by three, as printed on Kbis extracts.
    public static func siren(_ digits: String) -> String {
        if let fast = sirenByBytes(digits) { return fast }
        return sirenByCharacters(digits)
    }

    /// Fast path (render engineer, issue 14): the text of `sirenByCharacters` for an ASCII string,
    /// because there each byte is a `Character` of its own (only CR LF joins two, and both are
    /// whitespace) and an ASCII `Character` is whitespace exactly when it is a byte 09–0D or 20
    /// (Unicode's White_Space): `CompanyIdentifier.digits` keeps the other bytes, in order. Nil for
    /// any other string.
    static func sirenByBytes(_ text: String) -> String? {
        var kept: [UInt8] = []
        kept.reserveCapacity(16)
        for byte in text.utf8 {
            if byte >= 0x80 { return nil }
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) { continue }
            kept.append(byte)
        }
        guard kept.count == 9 else { return String(decoding: kept, as: UTF8.self) }
        // The three groups joined by U+00A0 (C2 A0).
        var grouped: [UInt8] = []
        grouped.reserveCapacity(13)
        grouped.append(contentsOf: kept[0..<3])
        grouped.append(contentsOf: [0xC2, 0xA0])
        grouped.append(contentsOf: kept[3..<6])
        grouped.append(contentsOf: [0xC2, 0xA0])
        grouped.append(contentsOf: kept[6..<9])
        return String(decoding: grouped, as: UTF8.self)
    }

    /// `siren` walking `Character`s: any string (the reference of `sirenByBytes`).
    static func sirenByCharacters(_ digits: String) -> String {
        let plain = CompanyIdentifier.digits(digits)
        guard plain.count == 9 else { return plain }
        let chars = Array(plain)
        return [chars[0..<3], chars[3..<6], chars[6..<9]].map { String($0) }.joined(separator: "\u{00A0}")
    }

    /// Small numbers of days written in letters then in figures, as in a formal notice: `huit (8)`,
    /// `quinze (15)`; the words are the catalogue's (`forms/messages/calendar.yaml`, `NumberWord`).
    public static func days(_ count: Int, messages: MessageCatalogue) -> String {
        guard let word = NumberWord(count) else { return String(count) }
        return "\(messages.text(word)) (\(count))"
    }

    /// `10`, `7,5`: points or a multiple, decimal comma, no trailing zeros.
    public static func number(_ value: Decimal) -> String { number(plain: Money.plain(value)) }

    /// `number` of the text `Money.plain` gave.
    static func number(plain text: String) -> String {
        numberByBytes(plain: text) ?? numberByCharacters(plain: text)
    }

    /// Fast path (render engineer, session 8: Foundation's `replacingOccurrences` made a statutory
    /// figure ≈ 17,000 instructions): the text of `numberByCharacters` for an ASCII text, off its bytes —
    /// there a `Character` `.` or `0` is that byte, the last `Character` ends with the last byte (CR LF
    /// is neither), and replacing `.` replaces its bytes. Nil for any other text.
    static func numberByBytes(plain text: String) -> String? {
        var bytes = Array(text.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        if bytes.contains(UInt8(ascii: ".")) {
            while bytes.last == UInt8(ascii: "0") { bytes.removeLast() }
            if bytes.last == UInt8(ascii: ".") { bytes.removeLast() }
        }
        for index in bytes.indices where bytes[index] == UInt8(ascii: ".") { bytes[index] = UInt8(ascii: ",") }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `number` of a plain text by `Character`s and Foundation (the reference of `numberByBytes`).
    static func numberByCharacters(plain: String) -> String {
        var text = plain
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text.replacingOccurrences(of: ".", with: ",")
    }

    /// An address line written in capitals by a directory (`13 BOULEVARD CLEMENCEAU`, `21000 DIJON`) in
    /// ordinary case (`13 boulevard Clemenceau`, `21000 Dijon`); a line with lower-case letters is kept.
    public static func ordinaryCase(_ line: String) -> String {
        if let fast = ordinaryCaseByBytes(line) { return fast }
        return ordinaryCaseByCharacters(line)
    }

    /// The words `ordinaryCase` writes in lower case after the first.
    static let smallWords: Set<String> = [
        "rue", "avenue", "boulevard", "quai", "place", "allee", "allée", "chemin", "impasse", "cours", "route",
        "square", "esplanade", "parvis", "rond-point", "de", "des", "du", "la", "le", "les", "et", "au", "aux",
        "sur", "bis", "ter", "cs", "bp", "en",
    ]

    /// Fast path (render engineer, session 8: ≈ 60,000 instructions a line through `Character`s,
    /// Foundation's `capitalized` and a set built at each call): the text of `ordinaryCaseByCharacters`
    /// for an ASCII line, off its bytes. In ASCII each byte is a `Character` (only CR LF joins two, and
    /// neither is a letter nor a space), a letter is `A`–`Z` or `a`–`z` and a lower-case one `a`–`z`,
    /// `lowercased()` and `uppercased()` map those letters only, and `capitalized` of a run of lower-case
    /// letters upper-cases its first and keeps the others (of a run of digits, or of nothing, changes
    /// nothing). Nil — the `Character` code decides — for any other line, or one where `capitalized`
    /// would meet anything else (a digit beside a letter, a dot, an apostrophe inside…).
    static func ordinaryCaseByBytes(_ line: String) -> String? {
        var copy = line
        return copy.withUTF8 { bytes -> String? in
            var letter = false
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") { return line }
                if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { letter = true }
            }
            guard letter else { return line }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var wordStart = 0
            var index = 0
            while wordStart <= bytes.count {
                var wordEnd = wordStart
                while wordEnd < bytes.count, bytes[wordEnd] != 0x20 { wordEnd += 1 }
                if index > 0 { out.append(0x20) }
                guard appendOrdinaryWord(UnsafeBufferPointer(rebasing: bytes[wordStart..<wordEnd]), index, &out)
                else { return nil }
                index += 1
                wordStart = wordEnd + 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// One word of an upper-case ASCII line (`raw`, the `index`th), as `ordinaryCaseByCharacters` writes it;
    /// false when `capitalized` would meet more than lower-case letters, or digits, alone.
    private static func appendOrdinaryWord(
        _ raw: UnsafeBufferPointer<UInt8>, _ index: Int, _ out: inout [UInt8]
    ) -> Bool {
        let lower = raw.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 | 0x20 : $0 }
        let text = String(decoding: lower, as: UTF8.self)
        if text == "cs" || text == "bp" {
            out.append(contentsOf: raw)
        } else if text == "cedex" {
            out.append(contentsOf: Array("Cedex".utf8))
        } else if index > 0 && smallWords.contains(text) {
            out.append(contentsOf: lower)
        } else if lower.count >= 2, lower[0] == UInt8(ascii: "d") || lower[0] == UInt8(ascii: "l"),
            lower[1] == UInt8(ascii: "'")
        {
            out.append(contentsOf: lower[0..<2])
            return appendCapitalized(lower[2...], &out)
        } else {
            var start = 0
            while start <= lower.count {
                var end = start
                while end < lower.count, lower[end] != UInt8(ascii: "-") { end += 1 }
                if start > 0 { out.append(UInt8(ascii: "-")) }
                guard appendCapitalized(lower[start..<end], &out) else { return false }
                start = end + 1
            }
        }
        return true
    }

    /// `capitalized` of a run of lower-case ASCII letters, of digits, or of nothing; false for any other text.
    private static func appendCapitalized(_ part: ArraySlice<UInt8>, _ out: inout [UInt8]) -> Bool {
        guard let first = part.first else { return true }
        if part.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            out.append(contentsOf: part)
            return true
        }
        guard part.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) else { return false }
        out.append(first & ~0x20)
        out.append(contentsOf: part.dropFirst())
        return true
    }

    /// `ordinaryCase` walking `Character`s, with Foundation's `capitalized`: any line (the reference of
    /// `ordinaryCaseByBytes`).
    static func ordinaryCaseByCharacters(_ line: String) -> String {
        guard line.contains(where: \.isLetter), !line.contains(where: \.isLowercase) else { return line }
        let small: Set<String> = [
            "rue", "avenue", "boulevard", "quai", "place", "allee", "allée", "chemin", "impasse", "cours", "route",
            "square", "esplanade", "parvis", "rond-point", "de", "des", "du", "la", "le", "les", "et", "au", "aux",
            "sur", "bis", "ter", "cs", "bp", "en",
        ]
        var words: [String] = []
        for (index, raw) in line.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
            let lower = raw.lowercased()
            if lower == "cs" || lower == "bp" || lower == "cedex" {
                words.append(lower == "cedex" ? "Cedex" : raw.uppercased())
            } else if index > 0 && small.contains(lower) {
                words.append(lower)
            } else if lower.hasPrefix("d'") || lower.hasPrefix("l'") {
                words.append(String(lower.prefix(2)) + lower.dropFirst(2).capitalized)
            } else {
                words.append(
                    lower.split(separator: "-", omittingEmptySubsequences: false).map { $0.capitalized }
                        .joined(separator: "-"))
            }
        }
        return words.joined(separator: " ")
    }
}
