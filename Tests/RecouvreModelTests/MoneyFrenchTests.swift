import Foundation
import Testing

@testable import RecouvreModel

/// `Money.french` and `Money.plain` print from the Decimal's own mantissa and exponent (`scaledUnits`);
/// the first implementations (`NSDecimalRound`, then the significand or the description, then grouping
/// the text) stay as the reference: both must give the same bytes for every value.
@Suite("Money.french: the mantissa's text is the first implementation's")
struct MoneyFrenchTests {
    static let posix = Locale(identifier: "en_US_POSIX")

    /// Values written out by hand, with what `french` prints (no-break spaces shown as `_`).
    @Test(
        "hand-checked values",
        arguments: [
            // 1234.5 → 123450 cents → "1 234,50 €".
            ("1234.5", "1_234,50_€"),
            // 0.005 rounds half away from zero to one cent.
            ("0.005", "0,01_€"),
            // -0.005 rounds away from zero too: -1 cent.
            ("-0.005", "-0,01_€"),
            // -0.004 rounds to zero: no sign.
            ("-0.004", "0,00_€"),
            ("0", "0,00_€"), ("-7", "-7,00_€"), ("999.995", "1_000,00_€"),
            // 10^12 euros: four groups of three after the 1.
            ("1000000000000", "1_000_000_000_000,00_€"),
            // 10^16 euros is 10^18 cents: beyond the mantissa path, through the first implementation.
            ("10000000000000000", "10_000_000_000_000_000,00_€"),
            ("-123456789.125", "-123_456_789,13_€"),
        ])
    func handChecked(text: String, printed: String) throws {
        let value = try #require(Decimal(string: text, locale: Self.posix))
        let expected = printed.replacingOccurrences(of: "_", with: "\u{00A0}")
        #expect(Money.french(value) == expected)
        #expect(Money.frenchFromPlain(value, currency: true) == expected)
        #expect(Money.french(value, currency: false) == String(expected.dropLast(2)))
    }

    /// `plain` at the scales the documents use, `french`, and `frenchRate` over 60,000 generated values
    /// (whole amounts up to 10^15, 0 to 8 decimals, negatives, products by a rate, divisions by 365 —
    /// 38 digits —, half-cent offsets, powers of ten up to 10^25 and down to 10^-25), plus edge values.
    @Test("generated and edge values print the same bytes through both paths")
    func generated() throws {
        var generator = SplitMix(seed: 0xF2E4_C11)
        var values: [Decimal] = []
        for text in [
            "0", "0.005", "-0.005", "0.004999", "0.015", "0.025", "-0.015", "999.995", "999999.995", "-999999.995",
            "1000000000000", "1000000000000.005", "99999999999999.99", "9999999999999999.99", "10000000000000000",
            "18446744073709551615", "18446744073709551616", "1844674407370955161.5", "0.0000000000000000000001",
            "-0.0000000000000000000001", "123456789012345678901234567890", "1e-30", "1e30", "-1e30",
        ] {
            values.append(try #require(Decimal(string: text, locale: Self.posix)))
        }
        for index in 0..<60_000 {
            let whole = generator.next() % [10, 1_000, 1_000_000, 1_000_000_000, 1_000_000_000_000_000][index % 5]
            let decimals = Int(generator.next() % 9)
            var text = "\(whole)"
            if decimals > 0 {
                text +=
                    "."
                    + String(String(generator.next() % 100_000_000).reversed()).padding(
                        toLength: 8, withPad: "0", startingAt: 0
                    ).prefix(decimals)
            }
            if generator.next() % 3 == 0 { text = "-" + text }
            var value = try #require(Decimal(string: text, locale: Self.posix))
            switch index % 8 {
            case 0: value *= try #require(Decimal(string: "0.1215", locale: Self.posix))
            case 1: value /= 365
            case 2: value += try #require(Decimal(string: "0.005", locale: Self.posix))
            case 3: value -= try #require(Decimal(string: "0.005", locale: Self.posix))
            case 4: value *= Decimal(sign: .plus, exponent: Int(generator.next() % 26), significand: 1)
            case 5: value *= Decimal(sign: .plus, exponent: -Int(generator.next() % 26), significand: 1)
            default: break
            }
            values.append(value)
        }
        var fast = 0
        for value in values {
            if Money.scaledUnits(value, scale: 2) != nil { fast += 1 }
            #expect(Money.french(value) == Money.frenchFromPlain(value, currency: true), "\(value)")
            #expect(Money.french(value, currency: false) == Money.frenchFromPlain(value, currency: false), "\(value)")
            for scale in [0, 2, 4] {
                #expect(Money.plain(value, scale: scale) == Money.plainByRounding(value, scale: scale), "\(value)")
            }
            let rate = Money.plainByRounding(value, scale: 2).replacingOccurrences(of: ".", with: ",") + "\u{00A0}%"
            #expect(Money.frenchRate(value) == rate, "\(value)")
        }
        // Most values take the mantissa path; the others (38-digit quotients, huge powers) the first one.
        #expect(fast > values.count / 2)
        #expect(fast < values.count)
    }
}
