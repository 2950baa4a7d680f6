import Foundation
import PropertyBased
import RecouvreLaw
import RecouvreModel
import Testing

/// Generated B2B and civil cases: a few invoices due in 2024–2025 and payments on them.
private func generatedCase(seed: [Int], civil: Bool) -> Case {
    var invoices: [Invoice] = []
    for (index, value) in seed.prefix(4).enumerated() {
        let due = day("2024-01-15").adding(days: (value * 37) % 500)
        invoices.append(
            Invoice(
                number: "F\(index)", issued: due.adding(days: -30), due: due,
                amount: Decimal(100 + (value * 131) % 9000)))
    }
    var payments: [Payment] = []
    for (index, value) in seed.dropFirst(4).enumerated() {
        payments.append(
            Payment(
                date: day("2024-02-01").adding(days: (value * 53) % 600),
                amount: Decimal(10 + (value * 71) % 2000), invoice: index % 3 == 0 ? "F0" : nil))
    }
    return civil
        ? makeCase(
            creditor: person, debtor: personDebtor, invoices: invoices, payments: payments,
            events: [notice(received: "2024-03-01")])
        : makeCase(invoices: invoices, payments: payments)
}

@Suite("Statement properties")
struct StatementPropertyTests {
    let engine = StatementEngine(tables: shippedTables, messages: shippedMessages)

    @Test("the total is the sum of the printed lines, fees and outstanding principal")
    func totalAddsUp() async {
        await propertyCheck(input: Gen.int(in: 0...10_000).array(of: 1...9), Gen.bool) { seed, civil in
            let statement = try engine.statement(for: generatedCase(seed: seed, civil: civil), asOf: day("2025-12-31"))
            let lines = statement.invoices.flatMap(\.periods).reduce(Decimal(0)) { $0 + $1.amount }
            let interestPaid = statement.invoices.reduce(Decimal(0)) { $0 + $1.interestPaid }
            let fees = statement.invoices.reduce(Decimal(0)) { $0 + $1.flatFee }
            let principal = statement.invoices.reduce(Decimal(0)) { $0 + $1.outstanding }
            #expect(statement.totals.total == principal + lines - interestPaid + fees)
            for line in statement.invoices.flatMap(\.periods) { #expect(line.amount == Money.rounded(line.amount)) }
            // Printed figures add up too (JSON strings).
            let json = StatementFormatter.json(statement)
            #expect(json.contains("\"total\": \"\(Money.plain(statement.totals.total))\""))
        }
    }

    @Test("paying in one or several instalments the same day gives the same penalty")
    func instalments() async {
        await propertyCheck(input: Gen.int(in: 1...400), Gen.int(in: 1...2000).array(of: 1...5), Gen.bool) {
            offset, parts, civil in
            let date = day("2024-02-01").adding(days: offset)
            let invoices = [invoice("A", due: "2024-01-31", "5000"), invoice("B", due: "2024-03-31", "3000")]
            let split = parts.map { Payment(date: date, amount: Decimal($0)) }
            let whole = [Payment(date: date, amount: Decimal(parts.reduce(0, +)))]
            func total(_ payments: [Payment]) throws -> (Decimal, Decimal) {
                let claim =
                    civil
                    ? makeCase(
                        creditor: person, debtor: personDebtor, invoices: invoices, payments: payments,
                        events: [notice(received: "2024-02-15")])
                    : makeCase(invoices: invoices, payments: payments)
                let s = try engine.statement(for: claim, asOf: day("2025-06-30"))
                return (s.totals.penalties, s.totals.total)
            }
            let a = try total(split)
            let b = try total(whole)
            #expect(a == b)
        }
    }

    @Test("a later as-of date never lowers the penalties")
    func monotone() async {
        await propertyCheck(input: Gen.int(in: 0...10_000).array(of: 1...9), Gen.int(in: 0...300), Gen.int(in: 1...200))
        { seed, first, more in
            let claim = generatedCase(seed: seed, civil: false)
            let earlier = day("2025-01-01").adding(days: first)
            let a = try engine.statement(for: claim, asOf: earlier)
            let b = try engine.statement(for: claim, asOf: earlier.adding(days: more))
            let accrued = { (s: Statement) in s.invoices.flatMap(\.periods).reduce(Decimal(0)) { $0 + $1.amount } }
            #expect(accrued(b) >= accrued(a))
        }
    }
}
