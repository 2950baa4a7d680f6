import Foundation
import RecouvreModel
import RecouvreTestSupport
import Testing

@testable import RecouvreLaw

/// Issue 12 (large cases): a penalty line's amount is computed in integers (`PenaltyArithmetic`), and
/// must be the `Decimal` computation's value with the same representation (the documents print it
/// from its significand and exponent), for every base, rate, number of days and basis.
@Suite("Penalty line arithmetic")
struct PenaltyArithmeticTests {
    /// Both paths, compared on everything a printer or a comparison can see.
    static func expectSame(_ base: Decimal, _ rate: Decimal, _ days: Int, _ denominator: Int) {
        let reference = PenaltyArithmetic.decimalAmount(base: base, rate: rate, days: days, denominator: denominator)
        let amount = PenaltyArithmetic.amount(base: base, rate: rate, days: days, denominator: denominator)
        #expect(amount == reference, "\(base) × \(rate) × \(days) / \(denominator)")
        #expect(amount.exponent == reference.exponent, "\(base) × \(rate) × \(days) / \(denominator)")
        #expect(amount.significand == reference.significand, "\(base) × \(rate) × \(days) / \(denominator)")
        #expect(amount.isSignMinus == reference.isSignMinus)
        #expect("\(amount)" == "\(reference)")
        #expect(Money.plain(amount) == Money.plain(reference))
    }

    @Test("hand-checked lines: the integer path is taken and rounds half away from zero")
    func handChecked() throws {
        // 1,000.00 € × 12.15 % × 30 / 365 = 9.98630… → 9.99 €.
        let line = try #require(
            PenaltyArithmetic.fastAmount(
                base: Decimal(string: "1000.00")!, rate: Decimal(string: "12.15")!, days: 30, denominator: 365))
        #expect(line == Decimal(string: "9.99")!)
        // 182.50 € × 1 % × 1 / 365 = 0.005 € exactly → 0.01 € (half up, domain.md §2.3).
        let half = try #require(
            PenaltyArithmetic.fastAmount(base: Decimal(string: "182.50")!, rate: 1, days: 1, denominator: 365))
        #expect(half == Decimal(string: "0.01")!)
        // 182.49 € × 1 % × 1 / 365 = 0.0049997… → 0.00 €: zero takes the Decimal path (its exponent).
        #expect(
            PenaltyArithmetic.fastAmount(base: Decimal(string: "182.49")!, rate: 1, days: 1, denominator: 365) == nil)
        Self.expectSame(Decimal(string: "182.49")!, 1, 1, 365)
        // 2,000.00 € × 11.5 % × 184 / 366 = 115.6284… → 115.63 €.
        let leap = try #require(
            PenaltyArithmetic.fastAmount(base: 2000, rate: Decimal(string: "11.5")!, days: 184, denominator: 366))
        #expect(leap == Decimal(string: "115.63")!)
    }

    @Test("what the integers cannot carry takes the Decimal computation: same result")
    func fallbacks() {
        // A rate with five decimals, a base with three, a huge base.
        #expect(
            PenaltyArithmetic.fastAmount(base: 1000, rate: Decimal(string: "3.14159")!, days: 10, denominator: 365)
                == nil)
        Self.expectSame(1000, Decimal(string: "3.14159")!, 10, 365)
        #expect(
            PenaltyArithmetic.fastAmount(base: Decimal(string: "10.005")!, rate: 12, days: 10, denominator: 365) == nil)
        Self.expectSame(Decimal(string: "10.005")!, 12, 10, 365)
        Self.expectSame(Decimal(string: "99999999999999999.99")!, Decimal(string: "99.9999")!, 400, 366)
        Self.expectSame(Decimal(string: "1234.56")!, Decimal(string: "-0.5")!, 31, 365)
    }

    @Test("seeded random lines: the integer path gives the Decimal computation's value and representation")
    func randomLines() {
        var generator = SeededGenerator(seed: 0x1234_5678)
        let rates = ["12.15", "10", "3.5", "11.5", "13.25", "4.12", "12", "0.0001", "2.8125", "-0.5", "100", "8.1"]
            .map { Decimal(string: $0)! }
        for index in 0..<20_000 {
            let cents = Int64.random(in: 1...(index % 3 == 0 ? 100_000_000_000 : 10_000_000), using: &generator)
            let base = Decimal(cents) / 100
            let rate =
                index % 5 == 0
                ? Decimal(Int.random(in: -50_000...300_000, using: &generator)) / 10_000 : rates[index % rates.count]
            Self.expectSame(base, rate, Int.random(in: 1...400, using: &generator), index % 2 == 0 ? 365 : 366)
        }
    }
}
