import Foundation
import RecouvreLaw
import RecouvreModel
import RecouvreTestSupport
import Testing

@Suite("Statement formatter")
struct StatementFormatterTests {
    /// interfaces.md's example: 1800 € due 2025-04-30, 120 credited on 05-15, 500 paid on 06-02.
    /// Lines: 1800 × 13.15 % × 15 / 365 = 9.7274 → 9.73; 1680 × 13.15 % × 18 / 365 = 10.8946 → 10.89;
    /// 1180 × 13.15 % × 28 / 365 = 11.9034 → 11.90. Penalties 32.52; total 1180 + 32.52 + 40 = 1252.52.
    var example: Statement {
        get throws {
            let claim = Case(
                reference: "2026-0042", creditor: company, debtor: companyDebtor,
                invoices: [invoice("FA2025-118", due: "2025-04-30", "1800", issued: "2025-03-31")],
                payments: [Payment(date: day("2025-06-02"), amount: 500, invoice: "FA2025-118", reference: "VIR-0320")],
                creditNotes: [
                    CreditNote(number: "AV2025-001", date: day("2025-05-15"), amount: 120, invoice: "FA2025-118")
                ])
            return try StatementEngine(tables: shippedTables, messages: shippedMessages).statement(
                for: claim, asOf: day("2025-06-30"))
        }
    }

    @Test("JSON follows recouvre.statement/1 (golden file)")
    func json() throws {
        let text = StatementFormatter.json(try example)
        if let diff = Golden.mismatch(text, target: "RecouvreLawTests", name: "statement-example.json") {
            Issue.record("\(diff)")
        }
        #expect(text.contains("\"amount\": \"9.73\""))
        #expect(text.contains("\"total\": \"1252.52\""))
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(parsed?["schema"] as? String == "recouvre.statement/1")
        #expect((parsed?["totals"] as? [String: Any])?["flat_fees"] as? String == "40.00")
    }

    @Test("JSON total keeps the contract formula when extra recovery costs are claimed")
    func jsonTotalWithExtraCosts() throws {
        // Same invoice as the example with 100 € of proven costs: total = 1180 + 32.52 + 40 = 1252.52
        // (interfaces.md: principal + penalties + flat_fees); total_claimed = 1252.52 + 100 = 1352.52.
        let claim = Case(
            reference: "2026-0042", creditor: company, debtor: companyDebtor,
            contract: Contract(extraRecoveryCosts: 100),
            invoices: [invoice("FA2025-118", due: "2025-04-30", "1800", issued: "2025-03-31")],
            payments: [Payment(date: day("2025-06-02"), amount: 500, invoice: "FA2025-118")],
            creditNotes: [
                CreditNote(
                    number: "AV2025-001", date: day("2025-05-15"), amount: 120,
                    invoice: "FA2025-118")
            ])
        let statement = try StatementEngine(tables: shippedTables, messages: shippedMessages).statement(
            for: claim, asOf: day("2025-06-30"))
        let parsed = try JSONSerialization.jsonObject(with: Data(StatementFormatter.json(statement).utf8))
        let totals = try #require((parsed as? [String: Any])?["totals"] as? [String: Any])
        #expect(totals["total"] as? String == "1252.52")
        #expect(totals["extra_recovery_costs"] as? String == "100.00")
        #expect(totals["total_claimed"] as? String == "1352.52")
    }

    @Test("text is the relevé de compte (golden file)")
    func text() throws {
        let text = StatementFormatter.text(try example, messages: shippedMessages)
        if let diff = Golden.mismatch(text, target: "RecouvreLawTests", name: "statement-example.txt") {
            Issue.record("\(diff)")
        }
        #expect(text.contains("9,73\u{00A0}€"))
        #expect(text.contains("1\u{00A0}252,52\u{00A0}€"))
        #expect(text.contains("Convention : "))
    }

    @Test("domain.md's hand-checked figures print exactly in text and JSON", arguments: [0, 1, 2])
    func domainFigures(index: Int) throws {
        let expected = handChecked[index]
        let statement = try StatementEngine(tables: shippedTables, messages: shippedMessages).statement(
            for: expected.claim, asOf: day(expected.asOf))
        let figure = String(expected.lines[0].split(separator: " ").last!)
        #expect(StatementFormatter.json(statement).contains("\"amount\": \"\(figure)\""))
        #expect(
            StatementFormatter.text(statement, messages: shippedMessages).contains(
                figure.replacingOccurrences(of: ".", with: ",") + "\u{00A0}€"))
    }
}
