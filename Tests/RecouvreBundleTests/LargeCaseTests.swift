import Foundation
import RecouvreBundle
import RecouvreCaseFile
import RecouvreModel
import RecouvreTestSupport
import Testing

@testable import RecouvreLaw

/// Issue 12, large cases: a 5,000-invoice, 15,000-payment case (the shape of scripts/make-large-case.py
/// --court) goes through the whole pipeline and every document and dossier.xml hold every invoice, with
/// the totals recomputed here in integer cents. No timing is asserted (shared machine): the speed is
/// measured in release with recouvre-large-bench and /usr/bin/time (docs/security.md).
@Suite("Large cases")
struct LargeCaseTests {
    static let count = 5_000

    /// The case text and the expected outstanding principal in cents: invoice i (0-based) is issued on
    /// 2024-01-01 + (i mod 600) days, due 30 days later, for 100.00 + (i × 7919 mod 989,999) cents; it gets
    /// three payments of a tenth of its amount (cents rounded down), the first allocated to it.
    static func largeCase(count: Int = LargeCaseTests.count) -> (text: String, principalCents: Int) {
        let start = Day(iso: "2024-01-01")!
        var lines = [
            "version: 1", "reference: \"PERF-\(count)\"", "as_of: 2026-11-23",
            "creditor:", "  kind: company", "  name: \"Atelier Lumière\"", "  legal_form: SARL",
            "  siren: \"123456782\"",
            "  address: { lines: [\"12 rue des Lilas\"], postcode: \"69003\", city: \"Lyon\", insee: \"69383\" }",
            "debtor:", "  kind: company", "  name: \"Bâtiments Durand\"", "  legal_form: SAS", "  siren: \"552100554\"",
            "  address: { lines: [\"4 avenue Jean Jaurès\"], postcode: \"21000\", city: \"Dijon\", insee: \"21231\" }",
            "invoices:",
        ]
        var payments = ["payments:"]
        var principal = 0
        func money(_ cents: Int) -> String { "\(cents / 100).\(cents % 100 < 10 ? "0" : "")\(cents % 100)" }
        for index in 0..<count {
            let number = String(format: "FA-%06d", index + 1)
            let issued = start.adding(days: index % 600)
            let due = issued.adding(days: 30)
            let cents = 10_000 + (index * 7919) % 989_999
            lines += [
                "  - number: \"\(number)\"", "    issued: \(issued)", "    due: \(due)", "    amount: \(money(cents))",
            ]
            let tenth = cents / 10
            principal += cents - 3 * tenth
            for k in 0..<3 {
                payments += ["  - date: \(due.adding(days: 10 + 20 * k))", "    amount: \(money(tenth))"]
                if k == 0 { payments.append("    invoice: \"\(number)\"") }
            }
        }
        lines += payments
        lines += [
            "events:", "  - type: formal_notice", "    date: 2026-10-01", "    received: 2026-10-05",
            "    channel: registered_letter", "    letter: \"pieces/mise-en-demeure-envoyee.txt\"",
            "    dispatch_proof: \"pieces/preuve-de-depot.txt\"", "    receipt_file: \"pieces/avis-de-reception.txt\"",
            "exhibits:", "  - title: \"Contrat-cadre de prestations\"", "    file: \"pieces/contrat.txt\"",
        ]
        return (lines.joined(separator: "\n") + "\n", principal)
    }

    @Test("a 5,000-invoice case builds its court dossier, every invoice in each document, totals exact")
    func fiveThousandInvoices() throws {
        let folder = try TestPaths.temporaryFolder("large-case")
        defer { try? FileManager.default.removeItem(at: folder) }
        let pieces = folder.appendingPathComponent("pieces")
        try FileManager.default.createDirectory(at: pieces, withIntermediateDirectories: true)
        for name in ["mise-en-demeure-envoyee", "preuve-de-depot", "avis-de-reception", "contrat"] {
            try "\(name)\n".write(to: pieces.appendingPathComponent("\(name).txt"), atomically: true, encoding: .utf8)
        }
        let (text, principalCents) = Self.largeCase()
        let file = folder.appendingPathComponent("case.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)

        let loaded = try CaseFileReader.load(path: file.path)
        #expect(loaded.value.invoices.count == Self.count)
        #expect(loaded.value.payments.count == 3 * Self.count)
        let pipeline = DossierPipeline(book: ShippedBook.book, tool: "recouvre 0.1.0")
        let dossier = try pipeline.assemble(
            loaded.value, exhibits: FolderExhibitSource(folder: loaded.folder), asOf: loaded.value.asOf!, force: false)

        // Issue 12: the documents render on a second core beside dossier.xml; one after the other, the
        // same bytes, file for file, and the same manifest.
        var sequential = pipeline
        sequential.rendersConcurrently = false
        let alone = try sequential.assemble(
            loaded.value, exhibits: FolderExhibitSource(folder: loaded.folder), asOf: loaded.value.asOf!, force: false)
        #expect(alone.files.map(\.path) == dossier.files.map(\.path))
        #expect(alone.files == dossier.files)
        #expect(alone.manifest == dossier.manifest)
        #expect(alone.warnings == dossier.warnings)

        let totals = dossier.statement.totals
        #expect(totals.principal == Decimal(principalCents) / 100)
        // B2B, every invoice paid late or not at all: one 40 € fee each (C. com. L441-10 II, D441-5).
        #expect(totals.flatFees == Decimal(40 * Self.count))
        #expect(totals.total == totals.principal + totals.penalties + totals.flatFees + totals.extraRecoveryCosts)
        #expect(dossier.statement.invoices.count == Self.count)
        // The work per line, not its time: every penalty line of this case is one the integer arithmetic
        // computes (PenaltyArithmetic.fastAmount, no Decimal division), with the statement's amount —
        // except a line of 0.00 €, which keeps the Decimal path by design.
        let periods = dossier.statement.invoices.flatMap(\.periods)
        let integral = periods.filter { period in
            period.amount == 0
                || [365, 366].contains {
                    PenaltyArithmetic.fastAmount(
                        base: period.base, rate: period.rate, days: period.days, denominator: $0) == period.amount
                }
        }
        #expect(periods.count >= Self.count)
        #expect(integral.count == periods.count)

        func fileText(_ prefix: String) throws -> String {
            let file = try #require(dossier.files.first { $0.path.contains(prefix) }, "no \(prefix)")
            return String(decoding: file.data, as: UTF8.self)
        }
        let xml = try fileText("dossier.xml")
        // The case's invoices, in dossier.xml's <invoices> element (payments and the statement name
        // invoices too, elsewhere).
        let listed =
            try #require(xml.range(of: "<invoices>"))
            .upperBound..<(try #require(xml.range(of: "</invoices>"))).lowerBound
        #expect(xml[listed].components(separatedBy: "<invoice>").count - 1 == Self.count)
        let last = String(format: "FA-%06d", Self.count)
        for document in ["releve-de-compte", "requete-en-injonction-de-payer"] {
            #expect(try fileText(document).contains("FA-000001"), "\(document)")
            #expect(try fileText(document).contains(last), "\(document)")
        }
    }
}
