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
        if let (units, negative) = scaledUnits(value, scale: scale) {
            return text(units: units, negative: negative, scale: scale, grouped: false, currency: false)
        }
        return plainByRounding(value, scale: scale)
    }

    /// The first implementation of `plain` (through `NSDecimalRound`), for what `scaledUnits` leaves and
    /// for the test comparing both.
    static func plainByRounding(_ value: Decimal, scale: Int) -> String {
        let r = rounded(value, scale: scale)
        if let text = plainFromSignificand(r, scale: scale) { return text }
        return plainFromDescription(r, scale: scale)
    }

    /// `value` rounded half away from zero to `scale` decimals, as an integer count of 10^-scale
    /// (`-1234.505`, scale 2 → 123451, negative), read off the Decimal's own fields — its mantissa (eight
    /// 16-bit words: a 128-bit integer) and its exponent — without `NSDecimalRound`, `NSDecimalNumber` or
    /// a description (≈ 20,000 instructions an amount before). nil (then `plainByRounding`) for a NaN,
    /// a scale outside 0…18, or a result of 10^18 units or more.
    static func scaledUnits(_ value: Decimal, scale: Int) -> (units: UInt64, negative: Bool)? {
        guard (0...18).contains(scale), mantissaLayoutKnown, !value.isNaN else { return nil }
        let (low, high) = mantissa(value)
        if low == 0 && high == 0 { return (0, false) }
        // value = ±mantissa × 10^exponent; units = value × 10^scale.
        let shift = value.exponent + scale
        var units: UInt64
        if high == 0 && shift >= 0 {
            guard shift < 19 else { return nil }
            let (product, overflow) = low.multipliedReportingOverflow(by: powersOfTen64[shift])
            guard !overflow else { return nil }
            units = product
        } else if high == 0 && shift > -20 {
            let divisor = powersOfTen64[-shift]
            units = low / divisor
            // Half away from zero (NSDecimalRound's .plain): a remainder of half the divisor rounds up.
            let remainder = low % divisor
            if remainder >= divisor - remainder { units += 1 }
        } else if shift >= 0 {
            // A mantissa of 2^64 or more is ≥ 10^18 units at any scale.
            return nil
        } else if shift <= -39 {
            // 10^39 > 2 × (2^128 - 1): below half a unit, rounds to zero.
            units = 0
        } else {
            let mantissa = UInt128(high) << 64 | UInt128(low)
            let divisor = powersOfTen128[-shift]
            let quotient = mantissa / divisor
            let remainder = mantissa % divisor
            guard quotient < UInt128(exactUnitsLimit) else { return nil }
            units = UInt64(quotient)
            if remainder >= divisor - remainder { units += 1 }
        }
        guard units < exactUnitsLimit else { return nil }
        return (units, value.sign == .minus && units != 0)
    }

    /// `lhs == rhs`. Fast path (render engineer, issue 14): Foundation's `==` (`Decimal._compare`) costs
    /// ≈ 1,050 instructions, and the relevé's memo of printed values and the rates compare the same
    /// few values again and again (callgrind, b200 batch: 8,755 comparisons, 7.6 → 2.3 M). `_compare` finds two
    /// values that are not NaN the same when both are zero (no mantissa word: `_length` 0), never when
    /// only one is; with the same sign and exponent, when their mantissas are the same integer. That
    /// is answered here off the bytes (once `mantissaLayoutKnown`) for values whose words past
    /// `_length` are zero (as Foundation leaves them: its versions read those words differently), and
    /// for two exponents when the exact product fits 128 bits; anything else — a NaN, two signs, a
    /// product past 128 bits — is Foundation's `==` (`equalByCompare`, the tests' reference).
    public static func equal(_ lhs: Decimal, _ rhs: Decimal) -> Bool {
        guard mantissaLayoutKnown, !lhs.isNaN, !rhs.isNaN else { return equalByCompare(lhs, rhs) }
        let (left, right) = (words(lhs), words(rhs))
        if left.length == 0 || right.length == 0 { return left.length == right.length }
        if left.canonical, right.canonical, lhs.sign == rhs.sign {
            let (exponent, otherExponent) = (lhs.exponent, rhs.exponent)
            let (mantissa, other) = (
                UInt128(left.high) << 64 | UInt128(left.low), UInt128(right.high) << 64 | UInt128(right.low)
            )
            if exponent == otherExponent { return mantissa == other }
            // Two exponents: `_compare` brings the larger one down to the smaller by multiplying its
            // mantissa by 10^difference, exact when the product fits its 128 bits, as here.
            let (larger, smaller, difference) =
                exponent > otherExponent
                ? (mantissa, other, exponent - otherExponent) : (other, mantissa, otherExponent - exponent)
            if difference < powersOfTen128.count {
                let (product, overflow) = larger.multipliedReportingOverflow(by: powersOfTen128[difference])
                if !overflow { return product == smaller }
            }
        }
        return equalByCompare(lhs, rhs)
    }

    /// The count of mantissa words (`_length`), the 128-bit mantissa (`mantissa`) and whether the
    /// words past the count are zero.
    @inline(__always)
    static func words(_ value: Decimal) -> (length: Int, low: UInt64, high: UInt64, canonical: Bool) {
        let (low, high) = mantissa(value)
        return withUnsafeBytes(of: value) { raw in
            let header = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
            let rawLow = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 4, as: UInt64.self))
            let rawHigh = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 12, as: UInt64.self))
            return (Int((header >> 12) & 0xF), low, high, rawLow == low && rawHigh == high)
        }
    }

    /// Foundation's `==`.
    static func equalByCompare(_ lhs: Decimal, _ rhs: Decimal) -> Bool { lhs == rhs }

    /// The Decimal's mantissa, a 128-bit integer (low and high 64 bits). Foundation keeps it as eight
    /// 16-bit words after a 32-bit word holding the exponent, the count of words used (bits 12–15) and
    /// the flags (NSDecimal's layout), but does not make them public: they are read from the value's
    /// bytes (the words past the count masked off), once `mantissaLayoutKnown` has checked that reading
    /// on values whose mantissa is known.
    @inlinable @inline(__always)
    public static func mantissa(_ value: Decimal) -> (low: UInt64, high: UInt64) {
        withUnsafeBytes(of: value) { raw in
            let header = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
            let length = Int((header >> 12) & 0xF)
            var low = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 4, as: UInt64.self))
            var high = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 12, as: UInt64.self))
            if length < 4 {
                low &= (1 << (16 * UInt64(length))) &- 1
                high = 0
            } else if length < 8 {
                high &= (1 << (16 * UInt64(length - 4))) &- 1
            }
            return (low, high)
        }
    }

    /// Whether `mantissa` reads this Foundation's Decimals right: ±mantissa × 10^exponent gives the
    /// value back for amounts, tiny and huge values. If not (another layout), every amount is printed
    /// by the first implementation.
    static let mantissaLayoutKnown: Bool = {
        guard MemoryLayout<Decimal>.size == 20 else { return false }
        let posix = Locale(identifier: "en_US_POSIX")
        let samples = [
            "-123.45", "0.001", "1", "2415.32", "18446744073709551615", "18446744073709551616", "-1e-30",
            "123456789012345678901234567890", "340282366920938463463374607431768211455", "65535", "65536",
            "4294967296", "281474976710656",
        ]
        for text in samples {
            guard let value = Decimal(string: text, locale: posix) else { return false }
            let (low, high) = mantissa(value)
            // high × 2^64 + low, with the value's sign and exponent.
            var rebuilt = Decimal(high) * (Decimal(UInt64.max) + 1)
            rebuilt += Decimal(low)
            rebuilt = Decimal(sign: value.sign, exponent: value.exponent, significand: rebuilt)
            if rebuilt != value { return false }
        }
        return true
    }()

    /// 10^0 … 10^19, and 10^0 … 10^38.
    static let powersOfTen64: [UInt64] = (0...19).map { exponent in
        (0..<exponent).reduce(UInt64(1)) { power, _ in power * 10 }
    }
    static let powersOfTen128: [UInt128] = (0...38).map { exponent in
        (0..<exponent).reduce(UInt128(1)) { power, _ in power * 10 }
    }
    /// 10^18 units: the text paths below print at most 18 digits.
    static let exactUnitsLimit: UInt64 = 1_000_000_000_000_000_000

    /// `units` × 10^-scale as text: `-1234.56`, or grouped by three with no-break spaces and a decimal
    /// comma (`-1 234,56`), with ` €` after it when `currency`. Written as UTF-8 bytes in one buffer.
    static func text(units: UInt64, negative: Bool, scale: Int, grouped: Bool, currency: Bool) -> String {
        // Digits of `units`, least significant first; at least scale + 1 of them (`0.05`).
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8
            ) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            var rest = units
            repeat {
                buffer[count] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            while count <= scale {
                buffer[count] = UInt8(ascii: "0")
                count += 1
            }
        }
        let whole = count - scale
        // Sign, digits, a no-break space (2 bytes) per group, the separator, ` €` (5 bytes).
        let capacity = 1 + count + (grouped ? 2 * (whole / 3) : 0) + 1 + (currency ? 5 : 0)
        return withUnsafeBytes(of: &digits) { digits in
            String(unsafeUninitializedCapacity: capacity) { output in
                var at = 0
                if negative {
                    output[at] = UInt8(ascii: "-")
                    at += 1
                }
                for index in 0..<whole {
                    if grouped && index > 0 && (whole - index) % 3 == 0 {
                        output[at] = 0xC2
                        output[at + 1] = 0xA0
                        at += 2
                    }
                    output[at] = digits[count - 1 - index]
                    at += 1
                }
                if scale > 0 {
                    output[at] = grouped ? UInt8(ascii: ",") : UInt8(ascii: ".")
                    at += 1
                    for index in whole..<count {
                        output[at] = digits[count - 1 - index]
                        at += 1
                    }
                }
                if currency {
                    // U+00A0 then U+20AC.
                    for byte: UInt8 in [0xC2, 0xA0, 0xE2, 0x82, 0xAC] {
                        output[at] = byte
                        at += 1
                    }
                }
                return at
            }
        }
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
    /// a no-break space (the typography of a French legal document). Rounds half-up to the cent first.
    public static func french(_ value: Decimal, currency: Bool = true) -> String {
        if let (units, negative) = scaledUnits(value, scale: 2) {
            return text(units: units, negative: negative, scale: 2, grouped: true, currency: currency)
        }
        return frenchFromPlain(value, currency: currency)
    }

    /// The first implementation of `french` (over `plain`'s text), for amounts of 10^16 euros or more
    /// and for the test comparing both.
    static func frenchFromPlain(_ value: Decimal, currency: Bool) -> String {
        let text = plainByRounding(value, scale: 2)
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
        var bytes = Array(plain(rate).utf8)
        if let dot = bytes.firstIndex(of: UInt8(ascii: ".")) { bytes[dot] = UInt8(ascii: ",") }
        bytes += [0xC2, 0xA0, UInt8(ascii: "%")]
        return String(decoding: bytes, as: UTF8.self)
    }
}
