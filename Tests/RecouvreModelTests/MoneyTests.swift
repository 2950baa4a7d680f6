import Foundation
import Testing

@testable import RecouvreModel

@Suite("Money: decimal euros from their text")
struct MoneyTests {
    @Test(
        "reads plain amounts exactly",
        arguments: [
            ("1800", "1800.00"), ("1800.5", "1800.50"), ("0.10", "0.10"),
            ("123456789.99", "123456789.99"), ("0", "0.00"),
        ])
    func parses(text: String, printed: String) throws {
        let value = try Money.parse(text).get()
        #expect(Money.plain(value) == printed)
    }

    @Test("refuses grouping, commas, signs, too many decimals")
    func refuses() {
        #expect(Money.parse("1,800.00") == .failure(.thousandsSeparator))
        #expect(Money.parse("1 800") == .failure(.thousandsSeparator))
        #expect(Money.parse("1800,50") == .failure(.decimalComma))
        #expect(Money.parse("12.345") == .failure(.tooManyDecimals(3)))
        #expect(Money.parse("-5") == .failure(.negative))
        #expect(Money.parse("1e3") == .failure(.notANumber))
        #expect(Money.parse("") == .failure(.empty))
        #expect(Money.parse("12.") == .failure(.notANumber))
        #expect(Money.parse(".5") == .failure(.notANumber))
    }

    @Test("rounds half-up to the cent")
    func rounding() {
        // 1000 × 14.50 % × 30 / 365 = 11.9178… → 11.92
        let penalty = Decimal(1000) * Decimal(string: "14.50")! / 100 * 30 / 365
        #expect(Money.plain(penalty) == "11.92")
        #expect(Money.plain(Decimal(string: "2.345")!) == "2.35")
        #expect(Money.plain(Decimal(string: "2.344999")!) == "2.34")
        #expect(Money.plain(Decimal(string: "0.005")!) == "0.01")
    }

    @Test("prints French amounts with grouping and decimal comma")
    func french() {
        #expect(Money.french(Decimal(string: "1234.56")!) == "1\u{00A0}234,56\u{00A0}€")
        #expect(Money.french(Decimal(string: "1234567")!) == "1\u{00A0}234\u{00A0}567,00\u{00A0}€")
        #expect(Money.french(Decimal(string: "40")!) == "40,00\u{00A0}€")
        #expect(Money.french(Decimal(string: "999.999")!) == "1\u{00A0}000,00\u{00A0}€")
        #expect(Money.frenchRate(Decimal(string: "12.15")!) == "12,15\u{00A0}%")
    }

    @Test("Money.equal is Foundation's ==, for the same value, other representations, zeros and NaN")
    func equalIsFoundations() {
        let texts = [
            "0", "0.00", "-0", "1", "1.0", "1.00", "-1", "12.15", "12.150", "0.0425", "1234.56", "-1234.56",
            "18446744073709551615", "18446744073709551616", "123456789012345678901234567890", "-1e-30", "1e30",
            "340282366920938463463374607431768211455", "0.1", "0.10", "10", "1e1", "100e-1", "-12.15", "-12.150",
            "1000000000000000000000000000000", "12.1500", "3.4e38", "34e37", "1e-38",
            "0.00000000000000000000000000000000000001",
        ]
        var values = texts.map { Decimal(string: $0)! }
        values += [.nan, .nan, Decimal(0), Decimal(12.15), Decimal(sign: .minus, exponent: -2, significand: 1215)]
        // Computed values: sums and products that may keep other representations of the same value.
        values += [Decimal(string: "12.10")! + Decimal(string: "0.05")!, Decimal(1) / Decimal(3) * Decimal(3)]
        values += [Decimal(string: "0.1")! * 10, Decimal(string: "1234.56")! - 0, Decimal(string: "0.00")! + 0]
        for lhs in values {
            for rhs in values {
                #expect(Money.equal(lhs, rhs) == (lhs == rhs), "\(lhs) \(rhs)")
            }
            var copy = lhs
            copy += 0
            #expect(Money.equal(lhs, copy) == (lhs == copy), "\(lhs)")
        }
    }
}
