import Foundation
import RecouvreTestSupport
import Testing

private func writeCase(asOf: String) throws -> URL {
    let folder = try TestPaths.temporaryFolder("statement-cli")
    let file = folder.appendingPathComponent("case.yaml")
    let yaml = """
        version: 1
        reference: "2026-0042"
        as_of: \(asOf)
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
          - number: "F1"
            issued: 2023-12-15
            due: 2024-01-15
            amount: 1000.00

        """
    try yaml.write(to: file, atomically: true, encoding: .utf8)
    return file
}

@Suite("recouvre statement")
struct StatementCLITests {
    @Test("a bad --day-basis is a usage error (exit 2)")
    func usage() async throws {
        let result = try await CLI.run(["statement", "case.yaml", "--day-basis", "400"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("400"))
        #expect(result.status == 2)
    }

    @Test("a bad --as-of is a usage error (exit 2)")
    func badAsOf() async throws {
        let result = try await CLI.run(["statement", "case.yaml", "--as-of", "2025-02-30"])
        #expect(result.status != 0)
        #expect(result.status == 2)
        #expect(result.stderr.contains("2025-02-30"))
    }

    // 1000 × 14.50 % × 30 / 365 = 11.9178… → 11.92; total 1000 + 11.92 + 40 = 1051.92
    @Test("text: the relevé de compte")
    func text() async throws {
        let file = try writeCase(asOf: "2024-02-14")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let result = try await CLI.run(["statement", file.path])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("RELEVÉ DE COMPTE"))
        #expect(result.stdout.contains("11,92\u{00A0}€"))
        #expect(result.stdout.contains("1\u{00A0}051,92\u{00A0}€"))
    }

    @Test("json: recouvre.statement/1")
    func json() async throws {
        let file = try writeCase(asOf: "2024-02-14")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let result = try await CLI.run(["statement", file.path, "--format", "json", "--day-basis", "365"])
        #expect(result.status == 0, "\(result)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(object?["schema"] as? String == "recouvre.statement/1")
        let totals = object?["totals"] as? [String: Any]
        #expect(totals?["penalties"] as? String == "11.92")
        #expect(totals?["total"] as? String == "1051.92")
    }

    @Test("a day past the tables: exit 3 naming the half-year and the file")
    func pastTheTables() async throws {
        let file = try writeCase(asOf: "2027-01-15")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let result = try await CLI.run(["statement", file.path])
        #expect(result.status == 3, "\(result)")
        #expect(result.stderr.contains("1er semestre 2027"))
        #expect(result.stderr.contains("forms/rates/ecb-mro.yaml"))
        #expect(result.stdout.isEmpty)
    }

    @Test("--as-of overrides the case's date")
    func asOfOverride() async throws {
        let file = try writeCase(asOf: "2027-01-15")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let result = try await CLI.run(["statement", file.path, "--as-of", "2024-02-14", "--format", "json"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("\"as_of\": \"2024-02-14\""))
    }
}
