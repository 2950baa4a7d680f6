import Foundation
import RecouvreModel
import RecouvreTestSupport
import Testing

@testable import RecouvreLaw

/// Issue 12 (large cases): the statement engine skips adding a term that is the literal 0 (no
/// capitalised interest yet, nothing paid on interest without C. civ. 1343-1 imputation). That relies
/// on `x + 0` and `x - 0` giving `x`'s own representation; these tests check it on this Foundation and
/// compare the engine with and without the skips on seeded random cases (value, representation,
/// description and printed French amounts of every figure).
@Suite("Statement fast path")
struct StatementFastPathTests {
    static func bits(_ value: Decimal) -> [UInt8] { withUnsafeBytes(of: value) { Array($0) } }

    @Test("adding or subtracting the literal 0 keeps a non-zero Decimal's representation (a zero's, not always)")
    func zeroTerms() {
        var random = SeededGenerator(seed: 12)
        var values: [Decimal] = [0, Decimal(0), money("0.00"), money("-0.01"), money("40.00"), money("12.15")]
        for _ in 0..<20_000 {
            let units = Int64.random(in: -100_000_000...100_000_000, using: &random)
            let exponent = Int.random(in: -6...2, using: &random)
            values.append(
                Decimal(sign: units < 0 ? .minus : .plus, exponent: exponent, significand: Decimal(units.magnitude)))
            values.append(money(String(format: "%.2f", Double(units) / 100)))
        }
        let zero: Decimal = 0
        // A zero of exponent −2 comes back as the plain 0: why the engine skips only for non-zero values.
        #expect(Self.bits(money("0.00") + zero) != Self.bits(money("0.00")) || money("0.00").exponent == 0)
        #expect(!DecimalWords.isNonZero(money("0.00")) && !DecimalWords.isNonZero(zero))
        for x in values where DecimalWords.isNonZero(x) {
            #expect(Self.bits(x + zero) == Self.bits(x), "\(x) + 0")
            #expect(Self.bits(zero + x) == Self.bits(x), "0 + \(x)")
            #expect(Self.bits(x - zero) == Self.bits(x), "\(x) - 0")
            var sum = x
            sum += zero
            #expect(Self.bits(sum) == Self.bits(x), "\(x) += 0")
        }
    }

    /// Invoices, payments (some named), credit notes; B2B, civil (interest first) or capitalised.
    static func randomCase(_ random: inout SeededGenerator) -> Case {
        let count = Int.random(in: 1...8, using: &random)
        var invoices: [Invoice] = []
        for index in 0..<count {
            let due = day("2023-01-15").adding(days: Int.random(in: 0...900, using: &random))
            let cents = Int64.random(in: 1...2_000_000, using: &random)
            // Some amounts written as in a case file ("1234.50"), some zero ("0.00"), most in cents.
            let amount =
                switch Int.random(in: 0...9, using: &random) {
                case 0: money("0.00")
                case 1, 2: money(String(format: "%.2f", Double(cents) / 100))
                default: Decimal(sign: .plus, exponent: -2, significand: Decimal(cents))
                }
            invoices.append(Invoice(number: "F\(index)", issued: due.adding(days: -30), due: due, amount: amount))
        }
        var payments: [Payment] = []
        for _ in 0..<Int.random(in: 0...10, using: &random) {
            let cents = Int64.random(in: 1...900_000, using: &random)
            payments.append(
                Payment(
                    date: day("2023-02-01").adding(days: Int.random(in: 0...1000, using: &random)),
                    amount: money(String(format: "%.2f", Double(cents) / 100)),
                    invoice: Bool.random(using: &random) ? "F\(Int.random(in: 0..<count, using: &random))" : nil))
        }
        var credits: [CreditNote] = []
        for index in 0..<Int.random(in: 0...2, using: &random) {
            credits.append(
                CreditNote(
                    number: "A\(index)", date: day("2023-03-01").adding(days: Int.random(in: 0...900, using: &random)),
                    amount: Decimal(Int.random(in: 1...3000, using: &random)),
                    invoice: Bool.random(using: &random) ? "F0" : nil))
        }
        switch Int.random(in: 0...2, using: &random) {
        case 0:
            return makeCase(invoices: invoices, payments: payments, creditNotes: credits)
        case 1:
            return makeCase(
                creditor: person, debtor: personDebtor, invoices: invoices, payments: payments, creditNotes: credits,
                events: [notice(received: "2023-04-01")])
        default:
            return makeCase(
                contract: Contract(capitalisation: true), invoices: invoices, payments: payments, creditNotes: credits)
        }
    }

    static func expectSame(_ a: Decimal, _ b: Decimal, _ what: String) {
        #expect(a == b, "\(what)")
        #expect(bits(a) == bits(b), "\(what): \(a) vs \(b)")
        #expect(a.description == b.description, "\(what)")
        #expect(Money.french(a) == Money.french(b), "\(what)")
        #expect(Money.plain(a) == Money.plain(b), "\(what)")
    }

    @Test("the engine with the skips equals the engine adding every term, on 600 seeded cases")
    func sameStatements() throws {
        let engine = StatementEngine(tables: shippedTables, messages: shippedMessages)
        var random = SeededGenerator(seed: 2026)
        var periods = 0
        for round in 0..<600 {
            let claim = Self.randomCase(&random)
            let asOf = day("2025-06-30").adding(days: Int.random(in: 0...500, using: &random))
            let fast = try engine.statement(for: claim, asOf: asOf, dayBasis: .d365, skipZeroTerms: true)
            let slow = try engine.statement(for: claim, asOf: asOf, dayBasis: .d365, skipZeroTerms: false)
            #expect(fast == slow, "case \(round)")
            #expect("\(fast)" == "\(slow)", "case \(round)")
            #expect(fast.invoices.count == slow.invoices.count)
            for (f, s) in zip(fast.invoices, slow.invoices) {
                for (name, a, b) in [
                    ("amount", f.amount, s.amount), ("paid", f.paid, s.paid), ("credited", f.credited, s.credited),
                    ("outstanding", f.outstanding, s.outstanding), ("penalties", f.penalties, s.penalties),
                    ("flatFee", f.flatFee, s.flatFee), ("interestPaid", f.interestPaid, s.interestPaid),
                ] {
                    Self.expectSame(a, b, "case \(round) \(f.number) \(name)")
                }
                #expect(f.periods.count == s.periods.count)
                for (p, q) in zip(f.periods, s.periods) {
                    periods += 1
                    Self.expectSame(p.base, q.base, "case \(round) \(f.number) base")
                    Self.expectSame(p.rate, q.rate, "case \(round) \(f.number) rate")
                    Self.expectSame(p.amount, q.amount, "case \(round) \(f.number) line")
                }
            }
            for (name, a, b) in [
                ("principal", fast.totals.principal, slow.totals.principal),
                ("penalties", fast.totals.penalties, slow.totals.penalties),
                ("flatFees", fast.totals.flatFees, slow.totals.flatFees),
                ("total", fast.totals.total, slow.totals.total),
            ] {
                Self.expectSame(a, b, "case \(round) totals \(name)")
            }
            for (p, q) in zip(fast.payments, slow.payments) {
                Self.expectSame(p.unallocated, q.unallocated, "case \(round) unallocated")
                for (i, j) in zip(p.imputed, q.imputed) {
                    Self.expectSame(i.amount, j.amount, "case \(round) imputed")
                    Self.expectSame(i.interest, j.interest, "case \(round) imputed interest")
                }
            }
        }
        // The cases do produce lines to compare (not a test that cannot fail by being empty).
        #expect(periods > 1000)
    }
    @Test("a line's base and rate read off the Decimal's bytes equal the NSDecimalNumber reading")
    func scaledReading() {
        var random = SeededGenerator(seed: 7)
        var values: [Decimal] = [
            0, money("0.00"), money("-0.01"), money("12.15"), money("0.0425"), Decimal(Int64.max),
            Decimal(Int64.max) - 1, -Decimal(Int64.max) + 1, money("92233720368547758.07"), money("1e-30"),
            money("123456789012345678901234567890"), Decimal(sign: .plus, exponent: -2, significand: 0),
            Decimal(sign: .plus, exponent: 3, significand: 5), money("65535"), money("65536"), money("4294967296"),
        ]
        for _ in 0..<30_000 {
            let magnitude =
                UInt64.random(in: 0...UInt64.max, using: &random) >> UInt64.random(in: 0...63, using: &random)
            let exponent = Int.random(in: -8...4, using: &random)
            let negative = Bool.random(using: &random)
            values.append(
                Decimal(sign: negative ? .minus : .plus, exponent: exponent, significand: Decimal(magnitude)))
            let cents = Int64.random(in: -1_000_000_000...1_000_000_000, using: &random)
            values.append(money(String(format: "%.2f", Double(cents) / 100)))
        }
        var read = 0
        for value in values {
            for scale in [2, 4] {
                let fast = PenaltyArithmetic.scaled(value, by: scale)
                #expect(fast == PenaltyArithmetic.scaledByNumber(value, by: scale), "\(value) scale \(scale)")
                if fast != nil { read += 1 }
            }
        }
        #expect(DecimalWords.layoutKnown)
        #expect(read > 30_000)
    }
}
