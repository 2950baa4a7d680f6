import Foundation
import RecouvreModel

/// The amount of one penalty or interest line, domain.md §2.3: base × rate / 100 × days / basis,
/// rounded half away from zero to the cent once per line (`Money.rounded`).
///
/// A line's base is in cents and its rate has at most four decimals, so the exact amount is an integer
/// fraction: cents × rate·10⁴ × days / (basis × 10⁶) cents. `amount` divides those integers (128-bit,
/// no overflow possible below the bounds checked) and rounds the remainder half up, which gives the
/// same value, with the same `Decimal` representation (exponent −2, significand in cents), as the
/// `Decimal` arithmetic of `decimalAmount` — a `Decimal` division costs about 40,000 instructions and a
/// large case has one line per invoice and half-year. Anything else (more decimals, a zero result, a
/// value beyond 64 bits) takes `decimalAmount` itself. `PenaltyArithmeticTests` compares both over
/// random and edge values.
enum PenaltyArithmetic {
    static func amount(base: Decimal, rate: Decimal, days: Int, denominator: Int) -> Decimal {
        fastAmount(base: base, rate: rate, days: days, denominator: denominator)
            ?? decimalAmount(base: base, rate: rate, days: days, denominator: denominator)
    }

    /// The `Decimal` arithmetic itself (the reference).
    static func decimalAmount(base: Decimal, rate: Decimal, days: Int, denominator: Int) -> Decimal {
        Money.rounded(base * rate * Decimal(days) / Decimal(100 * denominator))
    }

    /// The integer path, or nil when it does not apply.
    static func fastAmount(base: Decimal, rate: Decimal, days: Int, denominator: Int) -> Decimal? {
        guard days > 0, denominator > 0, let cents = scaled(base, by: 2), let points = scaled(rate, by: 4) else {
            return nil
        }
        let negative = (cents < 0) != (points < 0)
        let (product, overflow) = (UInt128(cents.magnitude) * UInt128(points.magnitude))
            .multipliedReportingOverflow(by: UInt128(days))
        guard !overflow else { return nil }
        // cents × points × days / (denominator × 100 × 10⁴) euros = … / (denominator × 10⁶) cents.
        let divisor = UInt128(denominator) * 1_000_000
        var (quotient, remainder) = product.quotientAndRemainder(dividingBy: divisor)
        if remainder * 2 >= divisor { quotient += 1 }
        // A zero keeps the representation `Money.rounded` gives it (exponent −2): the Decimal path.
        guard quotient > 0, quotient <= UInt128(Int64.max) else { return nil }
        return Decimal(
            sign: negative ? .minus : .plus, exponent: -2, significand: Decimal(Int64(quotient)))
    }

    /// `value` × 10^`scale` as an integer, when it is one and fits in 64 bits (a significand below
    /// `Int64.max`). The mantissa is read off the value's bytes (`DecimalWords`); `scaledByNumber`, the
    /// first implementation, when that reading is not known to hold. `StatementFastPathTests` compares both.
    static func scaled(_ value: Decimal, by scale: Int) -> Int64? {
        guard value.isFinite, value.exponent >= -scale else { return nil }
        guard DecimalWords.layoutKnown else { return scaledByNumber(value, by: scale) }
        let (low, high) = DecimalWords.mantissa(value)
        guard high == 0, low < UInt64(Int64.max) else { return nil }
        return shifted(Int64(low), by: value.exponent + scale, negative: value.sign == .minus)
    }

    /// The same through `NSDecimalNumber` (the reference).
    static func scaledByNumber(_ value: Decimal, by scale: Int) -> Int64? {
        guard value.isFinite, value.exponent >= -scale else { return nil }
        let significand = value.significand
        guard significand < int64Limit else { return nil }
        return shifted(
            NSDecimalNumber(decimal: significand).int64Value, by: value.exponent + scale, negative: value < 0)
    }

    /// `units` × 10^`shift` (shift ≥ 0), negated when `negative`; nil on overflow.
    static func shifted(_ units: Int64, by shift: Int, negative: Bool) -> Int64? {
        var units = units
        var shift = shift
        while shift > 0 {
            let (next, overflow) = units.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            units = next
            shift -= 1
        }
        return negative ? -units : units
    }

    static let int64Limit = Decimal(Int64.max)
}
