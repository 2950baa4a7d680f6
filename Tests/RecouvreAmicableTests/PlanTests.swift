import Foundation
import RecouvreAmicable
import RecouvreModel
import RecouvreTestSupport
import Testing

@Suite("Payment plan: arithmetic, hand-checked")
struct PlanTests {
    @Test func centsAddUpExactlyWithTheRemainderOnTheFirstInstalment() {
        // 1 000,00 € = 100 000 cents; 100 000 / 3 = 33 333 rest 1 → 333,34 + 333,33 + 333,33.
        let split = PaymentPlanner.split(money("1000.00"), count: 3, first: day("2026-04-30"), every: .month)
        #expect(split.map(\.amount) == [money("333.34"), money("333.33"), money("333.33")])
        #expect(split.map(\.date) == [day("2026-04-30"), day("2026-05-30"), day("2026-06-30")])
        // 2 640,00 € / 7 = 377,142857… : 264 000 cents = 7 × 37 714 + 2 → 377,16 then six × 377,14.
        let seven = PaymentPlanner.split(money("2640.00"), count: 7, first: day("2026-01-31"), every: .month)
        #expect(seven.reduce(Decimal(0)) { $0 + $1.amount } == money("2640.00"))
        #expect(seven[0].amount == money("377.16"))
        #expect(seven.dropFirst().allSatisfy { $0.amount == money("377.14") })
        // Monthly from 31 January: the shorter months clamp, each date counted from the first.
        #expect(
            seven.map(\.date.iso) == [
                "2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30", "2026-07-31",
            ])
        let weekly = PaymentPlanner.split(money("100.00"), count: 3, first: day("2026-04-01"), every: .week)
        #expect(weekly.map(\.date.iso) == ["2026-04-01", "2026-04-08", "2026-04-15"])
    }

    @Test func thePenaltiesThePlanStillCarries() throws {
        // 1 000,00 € due 31 March 2026, B2B default rate 2026 H1 = ECB 2,15 % + 10 = 12,15 %.
        // Plan on 10 April: 333,34 on 30 April, 333,33 on 30 May, 333,33 on 30 June.
        //   1 April–30 April: 30 days × 1 000,00 × 12,15 % / 365 = 9,9863 → 9,99
        //   1 May–30 May:     30 days ×   666,66 × 12,15 % / 365 = 6,6574 → 6,66
        //   31 May–30 June:   31 days ×   333,33 × 12,15 % / 365 = 3,4396 → 3,44
        //   total 20,09 €, of which 1 April–10 April (10 days × 1 000 × 12,15 % / 365 = 3,33) before the plan.
        let claim = sampleCase(amount: "1000.00")
        let proposal = try PaymentPlanner.propose(
            case: claim, asOf: day("2026-04-10"), count: 3, first: day("2026-04-30"),
            every: .month, graceDays: 5, engine: engine)
        #expect(proposal.claim == money("1000.00"))
        #expect(proposal.instalments.map(\.amount) == [money("333.34"), money("333.33"), money("333.33")])
        #expect(proposal.atEnd.invoices[0].periods.map(\.amount) == [money("9.99"), money("6.66"), money("3.44")])
        #expect(proposal.penaltiesCarried == money("20.09"))
        #expect(proposal.now.totals.penalties == money("3.33"))
        #expect(proposal.penaltiesDuringPlan == money("16.76"))
        // Principal paid off; the penalties and the 40 € fee remain: 20,09 + 40,00 = 60,09.
        #expect(proposal.atEnd.totals.principal == 0)
        #expect(proposal.remainingAfterPlan == money("60.09"))
        // First instalment missed: broken on 30 April + 5 + 1 = 6 May; 1 April–6 May = 36 days:
        // 1 000 × 12,15 % × 36 / 365 = 11,9836 → 11,98; + 1 000 + 40 = 1 051,98.
        #expect(proposal.ifFirstMissed.day == day("2026-05-06"))
        #expect(proposal.ifFirstMissed.total == money("1051.98"))
    }

    @Test func theLetterProposingThePlan() throws {
        let claim = sampleCase(amount: "1000.00")
        let proposal = try PaymentPlanner.propose(
            case: claim, asOf: day("2026-04-10"), count: 3, first: day("2026-04-30"),
            every: .month, graceDays: 5, engine: engine)
        let letter = try PaymentPlanner.letter(
            case: claim, proposal: proposal, asOf: day("2026-04-10"), tables: tables, forms: amicableForms)
        #expect(letter.contains("333,34\u{00A0}€"))
        #expect(letter.contains("20,09\u{00A0}€"))
        if let problem = Golden.mismatch(letter, target: "RecouvreAmicableTests", name: "plan-echeancier.txt") {
            Issue.record(Comment(rawValue: problem))
        }
    }

    @Test func aFirstInstalmentBeforeThePlanIsRefused() {
        #expect(throws: AmicableError.self) {
            try PaymentPlanner.propose(
                case: sampleCase(), asOf: day("2026-04-10"), count: 3, first: day("2026-04-01"),
                every: .month, graceDays: 5, engine: engine)
        }
    }
}
