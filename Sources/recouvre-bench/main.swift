// recouvre-bench: the statement of a 10,000-invoice case with 30,000 payments, built in memory,
// timed on the engine alone (tables loaded beforehand). Run a release build:
//   swift build -c release --product recouvre-bench && .build/release/recouvre-bench
import Foundation
import RecouvreForms
import RecouvreLaw
import RecouvreModel

let forms = try Forms.locate()
let tables = try LawBook.load(forms: forms).rates
let address = Address(lines: ["1 rue de la Paix"], postcode: "75002", city: "Paris")
let creditor = Party(kind: .company, name: "Créancier", legalForm: "SAS", address: address)
let debtor = Party(kind: .company, name: "Débiteur", legalForm: "SARL", address: address)
let first = Day(iso: "2024-01-01")!
var invoices: [Invoice] = []
var payments: [Payment] = []
for index in 0..<10_000 {
    let issued = first.adding(days: index % 600)
    invoices.append(
        Invoice(
            number: "F\(index)", issued: issued, due: issued.adding(days: 30),
            amount: Decimal(500 + (index * 37) % 5000)))
}
for index in 0..<30_000 {
    let named = index % 2 == 0 ? "F\(index / 3)" : nil
    payments.append(
        Payment(date: first.adding(days: 40 + index % 650), amount: Decimal(50 + (index * 13) % 300), invoice: named))
}
let claim = Case(reference: "BENCH", creditor: creditor, debtor: debtor, invoices: invoices, payments: payments)
let asOf = Day(iso: "2026-06-30")!
let clock = ContinuousClock()
var statement: Statement?
let elapsed = try clock.measure {
    statement = try StatementEngine(tables: tables).statement(for: claim, asOf: asOf)
}
let lines = statement?.invoices.reduce(0) { $0 + $1.periods.count } ?? 0
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
print(
    "recouvre-bench: 10000 invoices, 30000 payments, \(lines) penalty lines, total \(Money.plain(statement?.totals.total ?? 0))"
)
print(String(format: "statement wall time: %.3f s", seconds))
