import Foundation
import RecouvreModel
import Testing

@testable import RecouvreAmicable

@Suite("Aged balance")
struct AgedBalanceTests {
    @Test(arguments: [(-5, 0), (0, 0), (1, 1), (30, 1), (31, 2), (60, 2), (61, 3), (90, 3), (91, 4), (400, 4)])
    func buckets(daysLate: Int, bucket: Int) {
        #expect(AgedBalance.Bucket.of(daysLate: daysLate).rawValue == bucket)
    }

    /// A generated ledger: `count` debtors, each with one 100,00 € invoice at every boundary
    /// (-5, 0, 1, 30, 31, 60, 61, 90, 91 days past due on the as-of day).
    static func ledger(count: Int, asOf: Day) -> [Case] {
        (0..<count).map { n in
            var party = debtor
            party.name = "Débiteur \(n)"
            party.siren = nil
            let invoices = [-5, 0, 1, 30, 31, 60, 61, 90, 91].map { late in
                Invoice(
                    number: "F\(n)-\(late)", issued: asOf.adding(days: -late - 30), due: asOf.adding(days: -late),
                    amount: money("100.00"))
            }
            return Case(reference: "L-\(n)", creditor: creditor, debtor: party, invoices: invoices)
        }
    }

    @Test func generatedLedgerWithTheBoundaries() throws {
        let asOf = day("2026-11-20")
        let rows = try Self.ledger(count: 20, asOf: asOf).map { claim in
            AgedBalance.row(case: claim, statement: try engine.statement(for: claim, asOf: asOf), decision: nil)
        }
        let aged = AgedBalance(asOf: asOf, rows: rows)
        #expect(aged.rows.count == 20)
        // Per debtor: not due -5, 0 → 200; 1–30: 1, 30 → 200; 31–60: 31, 60 → 200; 61–90: 61, 90 → 200; > 90: 91 → 100.
        #expect(aged.rows[0].buckets == [200, 200, 200, 200, 100].map { Decimal($0) })
        #expect(aged.totals == [4000, 4000, 4000, 4000, 2000].map { Decimal($0) })
        #expect(aged.total == 18000)
        // 4 000 / 18 000 = 22,22… → 22,2 %; 2 000 / 18 000 = 11,11… → 11,1 %.
        #expect(aged.percentages == [money("22.2"), money("22.2"), money("22.2"), money("22.2"), money("11.1")])
        // Weighted by the amounts past due: (1 + 30 + 31 + 60 + 61 + 90 + 91) × 100 / 700 = 364 / 7 = 52,0 days.
        #expect(aged.rows[0].averageDaysLate == money("52.0"))
        #expect(aged.averageDaysLate == money("52.0"))
    }

    /// Computes the indices on several threads, the last ones first: what the CLI's pool may do.
    struct ShuffledConcurrentMapper: IndexMapper {
        final class Slots<T>: @unchecked Sendable {
            var values: [T?]
            let lock = NSLock()
            init(_ count: Int) { values = Array(repeating: nil, count: count) }
        }

        func map<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
            let slots = Slots<T>(count)
            withoutActuallyEscaping(body) { body in
                nonisolated(unsafe) let body = body
                DispatchQueue.concurrentPerform(iterations: count) { step in
                    let index = count - 1 - step
                    let value = body(index)
                    slots.lock.lock()
                    slots.values[index] = value
                    slots.lock.unlock()
                }
            }
            return slots.values.map { $0! }
        }
    }

    @Test("The text table formatted on several threads, in any order: the bytes of one thread")
    func textOnSeveralThreads() throws {
        let asOf = day("2026-11-20")
        var cases = Self.ledger(count: 300, asOf: asOf)
        // Debtors of different totals and names (the sort, the widths), one with nothing past due.
        for index in cases.indices where index % 7 == 0 { cases[index].invoices.removeLast(index % 5) }
        cases[3].invoices = [cases[3].invoices[0]]
        var rows = try cases.map { claim in
            AgedBalance.row(case: claim, statement: try engine.statement(for: claim, asOf: asOf), decision: nil)
        }
        // Some debtors at the formal notice, some at the court (the two lists after the table).
        for index in rows.indices where index % 4 == 1 {
            rows[index].escalation = index % 8 == 1 ? .formalNotice : .court
            rows[index].claim = rows[index].total + 40
        }
        let aged = AgedBalance(asOf: asOf, rows: rows)
        let one = AgedFormatter.text(aged, messages: amicableForms.messages)
        #expect(one.components(separatedBy: "\n").count > 300 + 75)
        #expect(one.contains("À mettre en demeure") && one.contains("saisir le juge"))
        #expect(AgedFormatter.text(aged, messages: amicableForms.messages, mapper: ShuffledConcurrentMapper()) == one)
    }

    @Test("A SIREN's merge key: what CompanyIdentifier.digits gives, spaces or not")
    func mergeKeys() {
        for siren in ["552100554", "552 100 554", "552\u{00A0}100\u{00A0}554", "", "a\tb", "552100554 ", "５52"] {
            #expect(AgedBalance.withoutSpaces(siren) == CompanyIdentifier.digits(siren), "\(siren.debugDescription)")
        }
    }

    @Test func twoCasesOfTheSameDebtorAreOneRow() throws {
        let asOf = day("2026-05-15")
        let a = sampleCase(amount: "100.00", due: "2026-04-30")
        var b = sampleCase(amount: "300.00", due: "2026-03-31")
        b.reference = "2026-0043"
        let rows = try [a, b].map {
            AgedBalance.row(case: $0, statement: try engine.statement(for: $0, asOf: asOf), decision: nil)
        }
        let aged = AgedBalance(asOf: asOf, rows: rows)
        #expect(aged.rows.count == 1)
        #expect(aged.rows[0].references == ["2026-0042", "2026-0043"])
        // 100 × 15 days + 300 × 45 days = 15 000 / 400 = 37,5 days.
        #expect(aged.rows[0].averageDaysLate == money("37.5"))
        #expect(aged.rows[0].buckets == [0, 100, 300, 0, 0].map { Decimal($0) })
    }

    @Test func debtorsAtTheFormalNoticeWithTheAmountItWouldClaim() throws {
        let asOf = day("2026-05-10")
        let claim = sampleCase()
        let statement = try engine.statement(for: claim, asOf: asOf)
        let decision = try decide(claim, on: "2026-05-10")
        let row = AgedBalance.row(case: claim, statement: statement, decision: decision)
        #expect(row.escalation == .formalNotice)
        // 1 200,00 € × 12,15 % × 40 days / 365 = 15,978 → 15,98; + 40,00 fee = 1 255,98.
        #expect(row.claim == money("1255.98"))
        let text = AgedFormatter.text(AgedBalance(asOf: asOf, rows: [row]), messages: amicableForms.messages)
        #expect(text.contains("À mettre en demeure"))
        // Worded by forms/messages/aged.yaml: the title (one debtor: singular), the headers, the
        // average (1 200,00 € 40 days late: 40,0 j) and the next step.
        #expect(text.hasPrefix("Balance âgée au 10/05/2026 — 1 débiteur\n\nDébiteur "))
        for words in ["Non échu", "1-30 j", "> 90 j", "Étape suivante", "40,0 j", "mise en demeure", "Part"] {
            #expect(text.contains(words), "\(words)")
        }
        #expect(text.contains("\nRetard moyen pondéré par les montants échus.\n"))
        #expect(!text.contains("[aged."))
        let csv = AgedFormatter.csv(AgedBalance(asOf: asOf, rows: [row]))
        #expect(
            csv.contains(
                "Bâtiments Durand,552100554,2026-0042,0.00,0.00,1200.00,0.00,0.00,1200.00,40.0,formal_notice,1255.98"))
        let json = AgedFormatter.json(AgedBalance(asOf: asOf, rows: [row]))
        #expect(json.contains("\"format\": \"recouvre.aged/1\""))
        #expect(json.contains("\"next_step\": \"formal_notice\""))
    }
}
