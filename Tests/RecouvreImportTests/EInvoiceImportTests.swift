import Foundation
import RecouvreForms
import RecouvreModel
import RecouvrePDFAttachments
import RecouvreTestSupport
import Testing

@testable import RecouvreImport

@Suite("E-invoices: UBL, CII, Factur-X")
struct EInvoiceImportTests {
    struct Expected: Sendable, CustomStringConvertible {
        var file: String
        var syntax: String
        var number: String
        var type: String
        var issued: String
        var due: String?
        var currency: String
        var amountDue: String
        var seller: String
        var buyer: String
        var buyerSiren: String?
        var pmd: Bool
        var description: String { file }
    }

    /// Every e-invoice sample: values read by hand from each file (BT-1, BT-3, BT-2, BT-9, BT-5, BT-115,
    /// BT-27, BT-44) and, for the PDFs, from facturx-pdf-expected.json.
    static let samples: [Expected] = [
        .init(
            file: "akretion-factur-x/factur-x-minimum.xml", syntax: "CII", number: "F20260023", type: "380",
            issued: "2026-01-31",
            due: nil, currency: "EUR", amountDue: "104.90", seller: "LE FOURNISSEUR", buyer: "LE CLIENT",
            buyerSiren: nil, pmd: false),
        .init(
            file: "akretion-factur-x/factur-x-basic.xml", syntax: "CII", number: "F20260023", type: "380",
            issued: "2026-01-31",
            due: "2026-03-02", currency: "EUR", amountDue: "104.90", seller: "LE FOURNISSEUR", buyer: "LE CLIENT",
            buyerSiren: nil, pmd: true),
        .init(
            file: "akretion-factur-x/factur-x-en16931.xml", syntax: "CII", number: "F20260023", type: "380",
            issued: "2026-01-31",
            due: "2026-03-02", currency: "EUR", amountDue: "104.90", seller: "LE FOURNISSEUR", buyer: "LE CLIENT",
            buyerSiren: nil, pmd: true),
        .init(
            file: "akretion-factur-x/factur-x-extended.xml", syntax: "CII", number: "F20260023", type: "380",
            issued: "2026-01-31",
            due: "2026-03-02", currency: "EUR", amountDue: "104.90", seller: "LE FOURNISSEUR", buyer: "LE CLIENT",
            buyerSiren: nil, pmd: true),
        .init(
            file: "akretion-factur-x/ubl-21-en16931.xml", syntax: "UBL", number: "F124212", type: "380",
            issued: "2026-06-17",
            due: "2026-07-16", currency: "EUR", amountDue: "208.03", seller: "Au bon moulin",
            buyer: "Ma jolie boutique SARL",
            buyerSiren: "787878784", pmd: true),
        .init(
            file: "akretion-factur-x/ubl-21-extended-ctc-fr.xml", syntax: "UBL", number: "F124212", type: "380",
            issued: "2026-06-17",
            due: "2026-07-16", currency: "EUR", amountDue: "208.03", seller: "Au bon moulin",
            buyer: "Ma jolie boutique SARL",
            buyerSiren: "787878784", pmd: true),
        .init(
            file: "akretion-factur-x/invoice_EN16931.pdf", syntax: "CII", number: "F20260023", type: "380",
            issued: "2026-01-31",
            due: "2026-03-02", currency: "EUR", amountDue: "104.90", seller: "LE FOURNISSEUR", buyer: "LE CLIENT",
            buyerSiren: nil, pmd: true),
        .init(
            file: "en16931-examples/CII_example1.xml", syntax: "CII", number: "12115118", type: "380",
            issued: "2015-01-09",
            due: "2015-01-09", currency: "EUR", amountDue: "250.33", seller: "De Koksmaat", buyer: "ODIN 59",
            buyerSiren: nil, pmd: false),
        .init(
            file: "en16931-examples/CII_example3.xml", syntax: "CII", number: "TOSL108", type: "380",
            issued: "2013-04-10",
            due: "2013-05-10", currency: "DKK", amountDue: "1125.00", seller: "SubscriptionSeller",
            buyer: "Buyercompany ltd", buyerSiren: nil, pmd: false),
        .init(
            file: "en16931-examples/ubl-tc434-example1.xml", syntax: "UBL", number: "12115118", type: "380",
            issued: "2015-01-09",
            due: "2015-01-09", currency: "EUR", amountDue: "250.33", seller: "De Koksmaat", buyer: "ODIN 59",
            buyerSiren: nil, pmd: false),
        .init(
            file: "en16931-examples/ubl-tc434-example3.xml", syntax: "UBL", number: "TOSL108", type: "380",
            issued: "2013-04-10",
            due: "2013-05-10", currency: "DKK", amountDue: "2005.00", seller: "SubscriptionSeller",
            buyer: "Buyercompany ltd", buyerSiren: nil, pmd: false),
        .init(
            file: "en16931-examples/ubl-tc434-creditnote1.xml", syntax: "UBL", number: "018304 / 28865", type: "381",
            issued: "2019-09-23",
            due: nil, currency: "EUR", amountDue: "100.11", seller: "My Supplier Company", buyer: "My Customer Company",
            buyerSiren: nil, pmd: false),
        .init(
            file: "mustangproject-facturx-pdf/Facture_F20180027.pdf", syntax: "CII", number: "F20180027", type: "380",
            issued: "2018-12-31",
            due: "2019-01-30", currency: "EUR", amountDue: "100.00", seller: "LE FOURNISSEUR", buyer: "LE CLIENT",
            buyerSiren: nil, pmd: false),
        .init(
            file: "mustangproject-facturx-pdf/validAvoir_FR_type380_BASICWL.pdf", syntax: "CII", number: "AV-2017-0005",
            type: "380",
            issued: "2017-11-16", due: "2017-11-16", currency: "EUR", amountDue: "-233.47", seller: "Au bon moulin",
            buyer: "Ma jolie boutique",
            buyerSiren: "787878784", pmd: false),
        .init(
            file: "mustangproject-facturx-pdf/EXTENDED_Fremdwaehrung_wdis_fx-pdfa4.pdf", syntax: "CII",
            number: "47110815", type: "380",
            issued: "2025-12-01", due: "2025-12-31", currency: "GBP", amountDue: "521.91",
            seller: "Rohstoff AG Salzgitter",
            buyer: "Metallbau Leipzig GmbH & Co. KG", buyerSiren: nil, pmd: false),
    ]

    @Test(
        "Every sample reads to its number, type, dates, currency, amount due (BT-115) and parties", arguments: samples)
    func sample(_ expected: Expected) throws {
        let invoice = try EInvoiceImporter.read(
            try ImportFixtures.input("einvoice/" + expected.file), format: .einvoice)
        #expect(invoice.syntax == expected.syntax)
        #expect(invoice.number == expected.number)
        #expect(invoice.typeCode == expected.type)
        #expect(invoice.issueDate == Day(iso: expected.issued))
        #expect(invoice.dueDate == expected.due.flatMap { Day(iso: $0) })
        #expect(invoice.currency == expected.currency)
        #expect(invoice.amountDue == Decimal(string: expected.amountDue))
        #expect(invoice.seller.name == expected.seller)
        #expect(invoice.buyer.name == expected.buyer)
        #expect(!invoice.notes("PMD").isEmpty == expected.pmd)
        var notes: [ImportNote] = []
        #expect(
            EInvoiceImporter.identifiers(invoice.buyer, role: "acheteur", notes: &notes).siren == expected.buyerSiren)
    }

    @Test("The Factur-X PDFs match facturx-pdf-expected.json (number, dates, amounts, parties, notes, attachment)")
    func pdfExpectations() throws {
        let json =
            try JSONSerialization.jsonObject(with: try ImportFixtures.data("einvoice/facturx-pdf-expected.json"))
            as! [String: [String: Any]]
        #expect(json.count == 4)
        for (name, values) in json {
            let folder = name == "invoice_EN16931.pdf" ? "akretion-factur-x" : "mustangproject-facturx-pdf"
            let invoice = try EInvoiceImporter.read(
                try ImportFixtures.input("einvoice/\(folder)/\(name)"), format: .facturx)
            #expect(invoice.number == values["number"] as? String, "\(name)")
            #expect(invoice.issueDate.iso == values["issue_date"] as? String, "\(name)")
            #expect(invoice.dueDate?.iso == values["due_date"] as? String, "\(name)")
            #expect(invoice.currency == values["currency"] as? String, "\(name)")
            #expect(invoice.amountDue == Decimal(string: values["amount_due"] as! String), "\(name)")
            #expect(invoice.totalWithVAT == Decimal(string: values["total_with_vat"] as! String), "\(name)")
            #expect(invoice.prepaid.map { Money.plain($0) } == values["prepaid"] as? String, "\(name)")
            #expect(invoice.seller.legalID == values["seller_legal_id"] as? String, "\(name)")
            #expect(invoice.buyer.legalIDScheme == values["buyer_legal_id_scheme"] as? String, "\(name)")
            #expect(invoice.buyer.country == values["buyer_country"] as? String, "\(name)")
            #expect(invoice.paymentTerms == values["payment_terms"] as? String, "\(name)")
            #expect(invoice.pdfAttachment == values["pdf_attachment"] as? String, "\(name)")
            let notes = (values["notes"] as! [[String: Any]]).map {
                ($0["subject"] as? String, $0["content"] as! String)
            }
            #expect(invoice.notes.map(\.subject) == notes.map(\.0), "\(name)")
            #expect(invoice.notes.map(\.content) == notes.map(\.1), "\(name)")
        }
    }

    @Test("invoice_EN16931.pdf has two attachments: the XML is chosen by its name, not taken first")
    func twoAttachments() throws {
        let files = try PDFAttachments.embeddedFiles(
            in: try ImportFixtures.data("einvoice/akretion-factur-x/invoice_EN16931.pdf"))
        #expect(Set(files.map(\.name)) == ["Bon_de_livraison.pdf", "factur-x.xml"])
    }

    @Test(
        "All samples together: one case per seller and buyer, the PMD clause becomes the penalty rate, paid and foreign ones skipped"
    )
    func allSamples() throws {
        let inputs = try Self.samples.map { try ImportFixtures.input("einvoice/" + $0.file) }
        let result = try EInvoiceImporter.importFiles(inputs, messages: importMessages)
        #expect(result.documents.count == 15)
        let client = try #require(result.cases.first { $0.value.invoices.first?.number == "F20260023" })
        #expect(client.value.creditor.name == "LE FOURNISSEUR")
        #expect(client.value.creditor.siren == "123456782")
        #expect(client.value.creditor.iban == "FR2012542547256985425874698")
        #expect(client.value.debtor.name == "LE CLIENT")
        #expect(client.value.debtor.address.city == "MA VILLE")
        #expect(client.value.contract.penaltyRate == .legalTimes(3))
        #expect(client.value.contract.paymentTerms == "PAIEMENT 30 JOURS NET")
        #expect(client.value.invoices.count == 1)  // the same invoice in five files, kept once
        #expect(client.value.invoices[0].penaltyClause?.hasSuffix("trois fois le taux d'intérêt légal.") == true)
        // The Factur-X PDF is the exhibit (preferred over the XML files of the same invoice).
        #expect(client.value.exhibits.map(\.file) == ["pieces/invoice_EN16931.pdf"])
        // Its title is worded by forms/messages/import.yaml (ImportReason.invoiceExhibit), the date in figures.
        let title = try #require(client.value.exhibits.first?.title)
        #expect(
            title.hasPrefix("Facture F20260023 du ") && title.hasSuffix(" (facture électronique Factur-X)"), "\(title)")
        let custom = MessageCatalogue(
            entries: importMessages.entries.merging(
                ["import.invoiceExhibit": "Facture électronique {format} n° {number} ({date})"]) { $1 })
        let reworded = try EInvoiceImporter.importFiles(inputs, messages: custom).cases.first {
            $0.value.invoices.first?.number == "F20260023"
        }
        #expect(reworded?.value.exhibits.first?.title.hasPrefix("Facture électronique Factur-X n° F20260023 (") == true)
        #expect(client.attachments.map(\.path) == ["pieces/invoice_EN16931.pdf"])
        // BT-115, not the gross total: F20180027 is 110.00 with 10.00 prepaid.
        let prepaid = try #require(result.cases.first { $0.value.invoices.first?.number == "F20180027" })
        #expect(prepaid.value.invoices[0].amount == 100)
        let skipped = result.skipped.map(\.message)
        #expect(skipped.contains { $0.contains("47110815 en GBP") })
        #expect(skipped.contains { $0.contains("TOSL108 en DKK") })
        for imported in result.cases { #expect(ImportValidator.problems(imported).isEmpty, "\(imported.fileName)") }
    }

    @Test("A credit note (381) is netted against the invoice it names (BT-25)")
    func creditNoteNetting() throws {
        let invoice = try String(
            contentsOf: ImportFixtures.url("einvoice/akretion-factur-x/ubl-21-en16931.xml"), encoding: .utf8)
        let credit =
            invoice
            .replacingOccurrences(of: "<cbc:ID>F124212</cbc:ID>", with: "<cbc:ID>AV-1</cbc:ID>")
            .replacingOccurrences(
                of: "<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>",
                with: "<cbc:InvoiceTypeCode>381</cbc:InvoiceTypeCode>"
            )
            .replacingOccurrences(
                of: "<cbc:PayableAmount currencyID=\"EUR\">208.03</cbc:PayableAmount>",
                with: "<cbc:PayableAmount currencyID=\"EUR\">50.00</cbc:PayableAmount>"
            )
            .replacingOccurrences(
                of: "<cac:BillingReference>",
                with:
                    "<cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>F124212</cbc:ID></cac:InvoiceDocumentReference></cac:BillingReference><cac:BillingReference>"
            )
        let result = try EInvoiceImporter.importFiles(
            [
                .init(name: "f.xml", data: Data(invoice.utf8)), .init(name: "av.xml", data: Data(credit.utf8)),
            ], messages: importMessages)
        let only = try #require(result.cases.first)
        #expect(
            only.value.creditNotes == [
                CreditNote(number: "AV-1", date: Day(iso: "2026-06-17")!, amount: 50, invoice: "F124212")
            ])
        #expect(only.outstanding == Decimal(string: "158.03")!)  // 208.03 − 50.00
    }

    @Test("Already paid (billing frame B2, amount due 0): skipped with a note")
    func alreadyPaid() throws {
        let text = try String(
            contentsOf: ImportFixtures.url("einvoice/akretion-factur-x/factur-x-minimum.xml"), encoding: .utf8
        )
        .replacingOccurrences(of: "<ram:ID>S1</ram:ID>", with: "<ram:ID>B2</ram:ID>")
        .replacingOccurrences(
            of: "<ram:DuePayableAmount>104.90</ram:DuePayableAmount>",
            with: "<ram:DuePayableAmount>0.00</ram:DuePayableAmount>")
        let result = try EInvoiceImporter.importFiles(
            [.init(name: "paid.xml", data: Data(text.utf8))], messages: importMessages)
        #expect(result.cases.isEmpty)
        #expect(result.skipped.first?.message.contains("déjà payée") == true)
    }

    @Test("--validate: the samples conform to their XSD; a broken one is refused with its line")
    func schemaValidation() throws {
        let schemas = EInvoiceSchemas(library: LawBook.einvoiceSchemas(Forms(shipped: TestPaths.forms)))
        for file in [
            "akretion-factur-x/factur-x-en16931.xml", "akretion-factur-x/ubl-21-en16931.xml",
            "en16931-examples/ubl-tc434-creditnote1.xml",
            "mustangproject-facturx-pdf/Facture_F20180027.pdf", "cdar/UC1_F202500003_07-CDV-212_Encaissee.xml",
        ] {
            try schemas.validate(try ImportFixtures.input("einvoice/" + file))
        }
        let broken = try String(
            contentsOf: ImportFixtures.url("einvoice/akretion-factur-x/factur-x-minimum.xml"), encoding: .utf8
        )
        .replacingOccurrences(of: "<ram:TypeCode>380</ram:TypeCode>", with: "<ram:Type>380</ram:Type>")
        let error = #expect(throws: ImportError.self) {
            try schemas.validate(.init(name: "b.xml", data: Data(broken.utf8)))
        }
        #expect(error?.problems.first?.location?.line == 17)
        #expect(error?.description.contains("non conforme au schéma Factur-X_MINIMUM.xsd") == true)
    }

    @Test(
        "Hostile and broken XML is refused with a French error; so is a PDF with no embedded XML",
        arguments: [
            ("xxe.xml", "déclaration d'entité refusée"), ("billion-laughs.xml", "déclaration d'entité refusée"),
            ("external-dtd.xml", "DTD ou ressource externe refusée"),
            ("oversized-depth.xml", "trop grand ou trop profond"),
            ("truncated.xml", "XML mal formé ou tronqué"), ("sans-xml.pdf", "le PDF ne contient pas de facture XML"),
        ])
    func hostile(file: String, message: String) throws {
        let data = try Data(contentsOf: ImportFixtures.invalid.appendingPathComponent(file))
        let error = #expect(throws: ImportError.self) {
            try EInvoiceImporter.importFiles([.init(name: file, data: data)], messages: importMessages)
        }
        #expect(error?.description.contains(message) == true, "\(error?.description ?? "")")
        #expect(error?.description.hasPrefix(file) == true)
    }

    @Test("An XML over 20 MB is refused before it is parsed")
    func oversized() throws {
        var data = Data("<?xml version=\"1.0\"?><Invoice>".utf8)
        data.append(Data(repeating: UInt8(ascii: "a"), count: 21 * 1024 * 1024))
        let error = #expect(throws: ImportError.self) {
            try EInvoiceImporter.importFiles([.init(name: "big.xml", data: data)], messages: importMessages)
        }
        #expect(error?.description.contains("trop grand") == true)
    }

    @Test(
        "The late-penalty clause (PMD) phrases understood",
        arguments: [
            (
                "Tout retard de paiement engendre une pénalité exigible à compter de la date d'échéance, calculée sur la base de trois fois le taux d'intérêt légal.",
                PenaltyRateClause.legalTimes(3)
            ),
            ("Pénalités : 3 fois le taux légal", .legalTimes(3)),
            ("Pénalités de retard au taux BCE majoré de 10 points", .ecbPlus(10)),
            (
                "taux d'intérêt appliqué par la Banque centrale européenne à son opération de refinancement la plus récente majoré de 10 points de pourcentage",
                .ecbPlus(10)
            ),
            ("BCE + 7", .ecbPlus(7)),
            ("Intérêts de retard : 12 % l'an", .fixed(12)),
            ("pénalités au taux annuel de 12,5 %", .fixed(Decimal(string: "12.5")!)),
            ("1 % par mois de retard", .fixed(12)),
        ])
    func penaltyClause(text: String, expected: PenaltyRateClause) {
        #expect(PenaltyClauseParser.parse(text) == .rate(expected))
    }

    @Test(
        "A clause that states no rate is unreadable (the caller warns)",
        arguments: [
            "Les réglements reçus avant la date d'échéance ne donneront pas lieu à escompte.",
            "Pénalités de retard selon nos conditions générales",
        ])
    func unreadableClause(text: String) {
        #expect(PenaltyClauseParser.parse(text) == .unreadable)
    }
}
