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
