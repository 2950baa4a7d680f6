import Foundation
import RecouvreModel

/// large-2 (issue 12): a `Decimal`'s integer mantissa read off its bytes, for `PenaltyArithmetic`
/// (a penalty line's base and rate as integers) without `NSDecimalNumber` (≈ 1,500 instructions a
/// conversion, two per line). The reading is `Money.mantissa`'s (RecouvreModel),
/// checked here on this module's own samples (rates too) by `layoutKnown`; when it does not hold, the callers take their
/// `NSDecimalNumber` path.
enum DecimalWords {
    /// The mantissa (a 128-bit integer, low and high 64 bits), read as `Money.mantissa` reads it.
    @inline(__always)
    static func mantissa(_ value: Decimal) -> (low: UInt64, high: UInt64) { Money.mantissa(value) }

    /// True when `value` is known not to be zero (its mantissa is not 0); false for a zero, or when the
    /// layout is not known. Adding the literal 0 to a non-zero value gives its own representation, bit for
    /// bit; a zero of exponent −2 (`0.00`) comes back as the plain 0 (`StatementFastPathTests`), so the
    /// callers that skip adding a literal 0 skip it only for a non-zero value.
    @inline(__always)
    static func isNonZero(_ value: Decimal) -> Bool {
        guard layoutKnown else { return false }
        let (low, high) = mantissa(value)
        return low != 0 || high != 0
    }

    /// Whether `mantissa` reads this Foundation's Decimals right: ±mantissa × 10^exponent gives the
    /// value back, and the mantissa is the significand's, for amounts, rates, tiny and huge values.
    static let layoutKnown: Bool = {
        guard MemoryLayout<Decimal>.size == 20 else { return false }
        let samples = [
            "-123.45", "0.001", "1", "2415.32", "12.15", "0.0425", "18446744073709551615", "18446744073709551616",
            "-1e-30", "123456789012345678901234567890", "340282366920938463463374607431768211455", "65535", "65536",
            "4294967296", "281474976710656", "9223372036854775807", "-9223372036854775808",
        ]
        for text in samples {
            // No locale: "." is the decimal separator.
            guard let value = Decimal(string: text) else { return false }
            let (low, high) = mantissa(value)
            var rebuilt = Decimal(high) * (Decimal(UInt64.max) + 1)
            rebuilt += Decimal(low)
            if rebuilt != value.significand { return false }
            rebuilt = Decimal(sign: value.sign, exponent: value.exponent, significand: rebuilt)
            if rebuilt != value { return false }
        }
        return true
    }()
}
