import Foundation

/// Money is `Decimal` euros. These helpers read amounts from their literal text (never through a
/// binary floating-point number), round where the law or a document requires, and print them.
public enum Money {
    /// Why an amount's text was refused.
    public enum ParseError: Error, Sendable, Equatable {
        case empty
        case thousandsSeparator  // "1,800.00" or "1 800"
        case decimalComma  // "1800,50"
        case tooManyDecimals(Int)  // "12.345"
        case negative
        case notANumber
    }

    /// Parses a plain decimal amount: digits, an optional `.` and at most two decimals
    /// (`1800`, `1800.5`, `1800.00`). Signs, exponents, grouping and commas are refused.
    public static func parse(_ raw: String) -> Result<Decimal, ParseError> {
        let text = raw.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return .failure(.empty) }
        if text.hasPrefix("-") { return .failure(.negative) }
        if text.contains(",") {
            // "1,800.00" groups thousands; "1800,50" is a French decimal comma.
            return .failure(
                text.contains(".") || text.split(separator: ",").last?.count == 3
                    ? .thousandsSeparator : .decimalComma)
        }
        if text.contains(" ") || text.contains("\u{00A0}") || text.contains("\u{202F}") {
            return .failure(.thousandsSeparator)
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty,
            whole.allSatisfy({ $0.isASCII && $0.isNumber })
        else { return .failure(.notANumber) }
        if parts.count == 2 {
            let fraction = parts[1]
            guard !fraction.isEmpty, fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                return .failure(.notANumber)
            }
            if fraction.count > 2 { return .failure(.tooManyDecimals(fraction.count)) }
        }
        guard whole.count <= 15, let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
            return .failure(.notANumber)
        }
        return .success(value)
    }

    /// Rounds half-up (half away from zero) to `scale` decimals: the rounding of every
    /// printed penalty line (domain.md §2.3).
    public static func rounded(_ value: Decimal, scale: Int = 2) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, scale, .plain)
        return result
    }

    /// `1234.50`: two decimals, a dot, no grouping (JSON, XML). Rounds half-up first.
    public static func plain(_ value: Decimal, scale: Int = 2) -> String {
        let r = rounded(value, scale: scale)
        if let text = plainFromSignificand(r, scale: scale) { return text }
        return plainFromDescription(r, scale: scale)
    }

    /// Below 10^18 units of the last decimal: the text is the rounded value's integer significand and
    /// exponent (`1234.5` = 12345 × 10^-1 → 123450 hundredths → `1234.50`), printed as an integer,
    /// without `Decimal.description` (≈ 10 times the work, and `plain` runs ≈ 130 times per dossier).
    /// nil (then the description's path) for a NaN, a scale outside 0…18, or more digits than that.
    static func plainFromSignificand(_ r: Decimal, scale: Int) -> String? {
        guard (0...18).contains(scale), !r.isNaN, !r.isInfinite else { return nil }
        // The significand is the magnitude: r = ±significand × 10^exponent.
        let significand = r.significand
        guard significand < exactSignificandLimit else { return nil }
        var units = NSDecimalNumber(decimal: significand).uint64Value
        var shift = r.exponent + scale
        // After rounding to `scale` decimals the digits below it are zeros (12300 × 10^-4, scale 2).
        while shift < 0 {
            guard units % 10 == 0 else { return nil }
            units /= 10
            shift += 1
        }
        while shift > 0 {
            guard units < exactSignificandBound else { return nil }
            units *= 10
            shift -= 1
        }
        var digits = Array(String(units).utf8)
        if digits.count <= scale {
            digits.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: scale + 1 - digits.count), at: 0)
        }
        if scale > 0 { digits.insert(UInt8(ascii: "."), at: digits.count - scale) }
        if r < 0 { digits.insert(UInt8(ascii: "-"), at: 0) }
        return String(decoding: digits, as: UTF8.self)
    }

    /// 10^18: significands below it are read exactly as a `UInt64`, and scaled by ten while below 10^17.
    static let exactSignificandLimit = Decimal(1_000_000_000_000_000_000 as UInt64)
    static let exactSignificandBound: UInt64 = 100_000_000_000_000_000

    /// The first implementation, for what `plainFromSignificand` leaves (and the test comparing them).
    static func plainFromDescription(_ r: Decimal, scale: Int) -> String {
        let negative = r < 0
        let magnitude = negative ? -r : r
        // Decimal's description is exact and locale-independent ("1234.5").
        var text = "\(magnitude)"
        var whole = text
        var fraction = ""
        if let dot = text.firstIndex(of: ".") {
            whole = String(text[..<dot])
            fraction = String(text[text.index(after: dot)...])
        }
        if scale > 0 {
            fraction += String(repeating: "0", count: max(0, scale - fraction.count))
            text = whole + "." + fraction.prefix(scale)
        } else {
            text = whole
        }
        return (negative ? "-" : "") + text
    }

    /// `1 234,56 €`: French grouping with a no-break space, decimal comma, euro sign after
    /// a no-break space (the typography of a French legal document).
    public static func french(_ value: Decimal, currency: Bool = true) -> String {
        let text = plain(value)
        let negative = text.hasPrefix("-")
        let digits = negative ? String(text.dropFirst()) : text
        let pieces = digits.split(separator: ".", omittingEmptySubsequences: false)
        let whole = Array(pieces[0])
        var grouped = ""
        for (index, character) in whole.enumerated() {
            if index > 0 && (whole.count - index) % 3 == 0 { grouped.append("\u{00A0}") }
            grouped.append(character)
        }
        let fraction = pieces.count > 1 ? "," + pieces[1] : ""
        return (negative ? "-" : "") + grouped + fraction + (currency ? "\u{00A0}€" : "")
    }

    /// A rate in percent for print: `12.15` → `12,15 %` (French) or `12.15` (plain).
    public static func frenchRate(_ rate: Decimal) -> String {
        plain(rate).replacingOccurrences(of: ".", with: ",") + "\u{00A0}%"
    }
}
