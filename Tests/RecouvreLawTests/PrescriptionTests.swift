import Foundation
import RecouvreLaw
import RecouvreModel
import Testing

@Suite("Prescription (domain.md §3)")
struct PrescriptionTests {
    @Test("commercial: 5 years from issue, warned within 90 days, then expired")
    func commercial() throws {
        let claim = makeCase(invoices: [invoice("F1", due: "2021-03-31", "1000", issued: "2021-03-01")])
        let rules = shippedTables.prescription
        // 2021-03-01 + 5 years = 2026-03-01 (C. civ. 2229: acquired at the end of that day)
        #expect(Prescription.check(case: claim, asOf: day("2025-11-01"), rules: rules).isEmpty)
        let near = Prescription.check(case: claim, asOf: day("2026-01-01"), rules: rules)
        #expect(near.map(\.runsOut) == [day("2026-03-01")])
        #expect(near.first?.expired == false)
        let past = Prescription.check(case: claim, asOf: day("2026-03-02"), rules: rules)
        #expect(past.first?.expired == true)
    }

    @Test("consumer: 2 years (C. consom. L218-2); a named payment restarts it (C. civ. 2240)")
    func consumer() throws {
        let rules = shippedTables.prescription
        let claim = makeCase(
            debtor: personDebtor, invoices: [invoice("F1", due: "2024-02-01", "1000", issued: "2024-01-15")])
        #expect(Prescription.check(case: claim, asOf: day("2026-01-16"), rules: rules).first?.expired == true)
        var paid = claim
        paid.payments = [pay("2025-06-01", "100", invoice: "F1")]
        #expect(Prescription.check(case: paid, asOf: day("2026-01-16"), rules: rules).isEmpty)
    }

    @Test("the statement carries the prescription warning")
    func inStatement() throws {
        let claim = makeCase(
            debtor: personDebtor, invoices: [invoice("F1", due: "2024-02-01", "1000", issued: "2024-01-15")],
            events: [notice(received: "2024-03-01")])
        let statement = try StatementEngine(tables: shippedTables, messages: shippedMessages).statement(
            for: claim, asOf: day("2026-01-16"))
        #expect(statement.warnings.contains { $0.contains("Prescription acquise") })
    }
}
