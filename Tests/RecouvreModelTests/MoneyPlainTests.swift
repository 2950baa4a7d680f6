import Foundation
import Testing

@testable import RecouvreModel

/// `Money.plain` prints from the rounded value's integer significand and exponent; the first
/// implementation (through `Decimal.description`) stays for what that path leaves, and here as the
/// reference: both must give the same text for every value, at every scale.
@Suite("Money.plain: the significand's text is the description's")
struct MoneyPlainTests {
    /// Values written out by hand, with what `plain` prints at scale 2.
    @Test(
        "hand-checked values",
        arguments: [
            // 1234.5 = 12345 × 10^-1 → ×10 → 123450 hundredths → "1234.50".
            ("1234.5", "1234.50"),
            // 0.005 rounds half-up to 0.01 (1 × 10^-2 → 1 hundredth → padded "0.01").
            ("0.005", "0.01"),
            // -0.004 rounds to 0: no sign on zero.
            ("-0.004", "0.00"),
            // -7 = 7 × 10^0 → 700 hundredths → "-7.00".
            ("-7", "-7.00"),
            // 1e20 is 10^22 hundredths, over the UInt64 path's bound: the description prints it.
            ("100000000000000000000", "100000000000000000000.00"),
            // 12345678901234567.891 rounds to …567.89: 1,234,567,890,123,456,789 hundredths ≥ 10^18.
            ("12345678901234567.891", "12345678901234567.89"),
            ("2415.32", "2415.32"), ("0", "0.00"), ("0.1", "0.10"), ("999999.995", "1000000.00"),
        ])
    func handChecked(text: String, printed: String) throws {
        let value = try #require(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")))
        #expect(Money.plain(value) == printed)
        #expect(Money.plainFromDescription(Money.rounded(value), scale: 2) == printed)
    }

    /// 40,000 generated values (amounts with 0 to 6 decimals, negative ones, sums and products of
    /// amounts and rates as the statement engine makes them, tiny and huge magnitudes) at scales 0 to 6.
    @Test("generated values print the same through both paths")
    func generated() throws {
        var generator = SplitMix(seed: 0x5EED_2026)
        let posix = Locale(identifier: "en_US_POSIX")
        var checked = 0
        var fast = 0
        for index in 0..<40_000 {
            let whole =
                generator.next() % [10, 1_000, 1_000_000, 1_000_000_000_000, 1_000_000_000_000_000_000][index % 5]
            let decimals = Int(generator.next() % 7)
            let fraction = generator.next() % 1_000_000
            var text = "\(whole)"
            if decimals > 0 {
                let digits = String(String(fraction).reversed()).padding(toLength: 6, withPad: "0", startingAt: 0)
                text += "." + digits.prefix(decimals)
            }
            if generator.next() % 4 == 0 { text = "-" + text }
            var value = try #require(Decimal(string: text, locale: posix))
            switch index % 7 {
            case 0: value *= try #require(Decimal(string: "0.1215", locale: posix))  // a rate
            case 1: value /= 365  // a day's interest: 38 digits
            case 2: value += try #require(Decimal(string: "0.005", locale: posix))
            case 3: value *= Decimal(sign: .plus, exponent: Int(generator.next() % 30), significand: 1)
            case 4: value *= Decimal(sign: .plus, exponent: -Int(generator.next() % 30), significand: 1)
            default: break
            }
            for scale in 0...6 {
                let rounded = Money.rounded(value, scale: scale)
                let reference = Money.plainFromDescription(rounded, scale: scale)
                if let text = Money.plainFromSignificand(rounded, scale: scale) {
                    fast += 1
                    #expect(text == reference, "\(value) at scale \(scale)")
                }
                #expect(Money.plain(value, scale: scale) == reference, "\(value) at scale \(scale)")
                checked += 1
            }
        }
        // Most values take the integer path (the others are beyond 10^18 units).
        #expect(fast > checked / 2)
    }
}

/// A small deterministic generator (SplitMix64).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
