import Foundation
import RecouvreCaseFile
import RecouvreImport
import RecouvreModel
import Testing

@Suite("CDAR lifecycle statuses applied to cases")
struct StatusImportTests {
    static func statuses(_ files: [String]) throws -> [(status: CDARStatus, message: Data)] {
        try files.flatMap { file in
            let data = try ImportFixtures.data("einvoice/cdar/" + file)
            return try CDARStatus.read(data, name: file).map { ($0, data) }
        }
    }

    @Test("The samples: invoice, code, date, amount and dispute reason")
    func read() throws {
        let paid = try Self.statuses(["UC1_F202500003_07-CDV-212_Encaissee.xml"])
        #expect(paid.count == 1)
        #expect(paid[0].status.invoice == "F202500003")
        #expect(paid[0].status.code == "212")
        #expect(paid[0].status.date == Day(iso: "2025-08-02"))
        #expect(paid[0].status.amount == 12000)
        let dispute = try Self.statuses(["UC4_F202500006_04-CDV-207_En_litige.xml"])[0].status
        #expect(dispute.code == "207")
        #expect(dispute.reasonCode == "TX_TVA_ERR")
        #expect(dispute.reason == "Taux de TVA erroné")  // the leading U+00A0 trimmed
        #expect(dispute.date == Day(iso: "2025-07-01"))
    }

    @Test("212 → a payment, 205 → accepted and an exhibit, 207 → disputed; a new version, the old one untouched")
    func apply() throws {
        let loaded = try CaseFileReader.load(path: ImportFixtures.url("status/F202500003.yaml").path)
        let statuses = try Self.statuses([
            "UC1_F202500003_02-CDV-202_Recue.xml", "UC1_F202500003_05-CDV-205_Approuvee.xml",
            "UC1_F202500003_07-CDV-212_Encaissee.xml", "UC4_F202500006_04-CDV-207_En_litige.xml",
            "UC5_F202500007_04-CDV-207_En_litige.xml",
        ])
        let outcome = StatusImporter.apply(
            statuses, to: [.init(fileName: "F202500003.yaml", value: loaded.value)], existingNames: ["F202500003.yaml"],
            messages: importMessages)
        let update = try #require(outcome.updates.first)
        #expect(outcome.updates.count == 1)
        #expect(update.fileName == "F202500003.maj1.yaml")
        #expect(update.original == "F202500003.yaml")
        let value = update.value
        #expect(
            value.payments == [
                Payment(
                    date: Day(iso: "2025-08-02")!, amount: 12000, invoice: "F202500003",
                    reference: "CDAR 212 UC1_F202500003_07-CDV-212_Encaissee.xml")
            ])
        #expect(value.invoices[0].status == .accepted)
        #expect(value.invoices[0].statusFile == "pieces/UC1_F202500003_05-CDV-205_Approuvee.xml")
        #expect(value.exhibits.map(\.file) == ["pieces/UC1_F202500003_05-CDV-205_Approuvee.xml"])
        #expect(value.invoices[1].status == .disputed)
        #expect(value.invoices[1].statusDate == Day(iso: "2025-07-01"))
        #expect(update.changes.count == 3)
        #expect(update.changes.contains { $0.contains("contestée") && $0.contains("TX_TVA_ERR") })
        #expect(
            Set(update.attachments.map(\.path)) == [
                "pieces/UC1_F202500003_05-CDV-205_Approuvee.xml", "pieces/UC4_F202500006_04-CDV-207_En_litige.xml",
            ])
        // F202500007 is in no case: said so; 202 Reçue changes nothing.
        #expect(outcome.notes.contains { $0.kind == .skipped && $0.message.contains("F202500007") })
        let imported = ImportedCase(
            value: value, debtorKey: "x", fileName: update.fileName, locations: update.locations,
            attachments: update.attachments)
        #expect(ImportValidator.problems(imported).isEmpty)
        // Applying the same messages to the new version changes nothing more.
        let again = StatusImporter.apply(
            statuses, to: [.init(fileName: update.fileName, value: value)],
            existingNames: ["F202500003.yaml", update.fileName], messages: importMessages)
        #expect(again.updates.isEmpty)
    }

    @Test("225 Affacturée marks the invoice factored and warns that the claim may belong to the factor")
    func factored() throws {
        let loaded = try CaseFileReader.load(path: ImportFixtures.url("status/F202500003.yaml").path)
        let text = try String(
            contentsOf: ImportFixtures.url("einvoice/cdar/UC1_F202500003_05-CDV-205_Approuvee.xml"), encoding: .utf8
        )
        .replacingOccurrences(
            of: "<ram:ProcessConditionCode>205</ram:ProcessConditionCode>",
            with: "<ram:ProcessConditionCode>225</ram:ProcessConditionCode>")
        let statuses = try CDARStatus.read(Data(text.utf8), name: "225.xml").map { ($0, Data(text.utf8)) }
        let outcome = StatusImporter.apply(
            statuses, to: [.init(fileName: "a.yaml", value: loaded.value)], existingNames: ["a.yaml"],
            messages: importMessages)
        #expect(outcome.updates.first?.value.invoices[0].status == .factored)
        #expect(outcome.notes.contains { $0.kind == .warning && $0.message.contains("factor") })
    }

    @Test(
        "New versions are named after the latest one",
        arguments: [
            ("a.yaml", "a.maj1.yaml"), ("a.maj1.yaml", "a.maj2.yaml"), ("b.json", "b.maj1.yaml"),
        ])
    func naming(from: String, to: String) {
        #expect(StatusImporter.nextName(for: from, taken: [from]) == to)
    }

    @Test("Of a folder's files, the latest version of each case is read")
    func latest() {
        #expect(
            StatusImporter.latestVersions(["a.yaml", "a.maj1.yaml", "a.maj2.yaml", "b.yaml"]) == [
                "a.maj2.yaml", "b.yaml",
            ])
    }
}
