import Foundation
import RecouvreTestSupport
import Testing

/// `check`'s "reste dû" is the statement engine's principal, not a second computation.
@Suite("recouvre check: the principal due")
struct CheckSummaryCLITests {
    @Test("an unallocated payment above the invoices leaves 0 € due, not a negative principal")
    func overpaid() async throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = """
            version: 1
            reference: "T-OVER"
            as_of: 2026-11-23
            creditor:
              kind: company
              name: "Atelier Lumière"
              legal_form: SARL
              siren: "123456782"
              address: { lines: ["12 rue des Lilas"], postcode: "69003", city: "Lyon" }
            debtor:
              kind: company
              name: "Bâtiments Durand"
              legal_form: SAS
              siren: "552100554"
              address: { lines: ["4 avenue Jean Jaurès"], postcode: "21000", city: "Dijon" }
            invoices:
              - { number: "FA-1", issued: 2025-03-31, due: 2025-04-30, amount: 1000.00 }
            payments:
              - { date: 2025-05-15, amount: 1200.00 }

            """
        let file = folder.appendingPathComponent("case.yaml")
        try Data(text.utf8).write(to: file)
        let result = try await CLI.run(["check", file.path])
        #expect(result.status == 0, "\(result)")
        // 1000 − 1200 would be −200 by subtraction; the engine settles the invoice and keeps nothing due.
        #expect(result.stdout.contains("Reste dû en principal : 0,00\u{00A0}€"), "\(result)")
    }
}
