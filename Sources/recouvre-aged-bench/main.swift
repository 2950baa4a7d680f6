// Times the aged balance of N debtors built in memory (what a CSV ledger or FEC import hands over:
// a sequence of cases), without the YAML case reader: statement + ladder + row per debtor on every
// core, then the table. Release build:
//   swift build -c release --product recouvre-aged-bench && .build/release/recouvre-aged-bench 10000
import Dispatch
import Foundation
import RecouvreAmicable
import RecouvreForms
import RecouvreLaw
import RecouvreModel

let count = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 10_000 : 10_000
let book = try LawBook.load(forms: Forms.locate())
let asOf = Day(iso: "2026-11-20")!
let creditor = Party(
    kind: .company, name: "Atelier Lumière", legalForm: "SARL", siren: "123456782",
    address: Address(lines: ["12 rue des Lilas"], postcode: "69003", city: "Lyon"), email: "compta@atelier-lumiere.fr")
// The same debtors as scripts/make-debtor-folder.py: 1 to 4 invoices due from 2026-05-01, partial payments, reminders.
let first = Day(iso: "2026-05-01")!
let cases: [Case] = (0..<count).map { n in
    let invoices = (0..<(1 + n % 4)).map { k in
        let due = first.adding(days: (n * 37 + k * 53) % 234)
        let cents = 10_000 + (n * 7901 + k * 3331) % 990_000
        return Invoice(number: "F\(n)-\(k)", issued: due.adding(days: -30), due: due, amount: Decimal(cents) / 100)
    }
    let debtor = Party(
        kind: .company, name: "Client \(n)", legalForm: "SAS", siren: nil,
        address: Address(lines: ["\(1 + n % 200) rue du Commerce"], postcode: "21000", city: "Dijon"))
    return Case(
        reference: "D-\(n)", creditor: creditor, debtor: debtor, invoices: invoices,
        payments: n % 3 == 0 ? [Payment(date: invoices[0].due, amount: 50)] : [],
        events: n % 5 == 0 ? [Event(type: .reminder, date: invoices[0].due.adding(days: 2), channel: .email)] : [])
}

final class Rows: @unchecked Sendable {
    var rows: [AgedBalance.Row?]
    let lock = NSLock()
    init(_ n: Int) { rows = Array(repeating: nil, count: n) }
}

let engine = book.statementEngine
let forms = book.amicable
let start = DispatchTime.now().uptimeNanoseconds
let rows = Rows(count)
DispatchQueue.concurrentPerform(iterations: count) { index in
    let claim = cases[index]
    guard let statement = try? engine.statement(for: claim, asOf: asOf) else { return }
    let decision = LadderEngine.decide(
        case: claim, statement: statement, history: AmicableHistory(case: claim), ladder: forms.ladder,
        profile: forms.profiles.standard, asOf: asOf,
        formalNoticeDays: book.documentSettings.formalNoticeDays(for: statement.regime))
    let row = AgedBalance.row(case: claim, statement: statement, decision: decision)
    rows.lock.lock()
    rows.rows[index] = row
    rows.lock.unlock()
}
let aged = AgedBalance(asOf: asOf, rows: rows.rows.compactMap { $0 })
let text = AgedFormatter.text(aged, messages: book.messages)
let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
print(
    "aged balance of \(aged.rows.count) debtors (\(text.utf8.count) bytes of text): \(String(format: "%.3f", elapsed)) s"
)
