import Foundation
import RecouvreCaseFile
import RecouvreImport
import RecouvreModel
import Testing

@Suite("CSV ledger and FEC import")
struct LedgerImportTests {
    // MARK: CSV

    @Test("grand-livre.csv (UTF-8 BOM, CRLF, ;, 1 234,56, quoted fields): three debtors, the paid ones skipped")
    func csvSample() throws {
        let result = try CSVLedgerImporter.importLedger(
            try ImportFixtures.data("csv/grand-livre.csv"), name: "grand-livre.csv",
            creditor: try ImportFixtures.creditor())
        #expect(result.linesRead == 7)
        #expect(result.cases.map(\.debtorKey) == ["891815920", "898518980", "825148935"])
        // 1 800 + 2 400 − 1 000 − 240 + 3 150,50 + 12 480 = 18 590,50
        #expect(result.cases.reduce(Decimal(0)) { $0 + $1.outstanding } == Decimal(string: "18590.50")!)
        let durand = try #require(result.caseFor(debtorKey: "891815920"))
        #expect(durand.value.debtor.name == "Bâtiments Durand SAS")
        #expect(durand.value.debtor.siren == "891815920")  // written "891 815 920" on line 2
        #expect(durand.value.debtor.address.postcode == "21000")
        #expect(durand.value.invoices.map(\.number) == ["FA2025-101", "FA2025-102"])
        #expect(durand.value.invoices[0].due == ImportFixtures.day("2025-02-14"))
        #expect(durand.value.invoices[1].description == "Maintenance; trimestre 1")  // a ; inside quotes
        #expect(
            durand.value.payments == [
                Payment(date: ImportFixtures.day("2025-03-03"), amount: 1000, invoice: "FA2025-102")
            ])
        // The negative line is a credit note, netted against the invoice its label cites.
        #expect(
            durand.value.creditNotes == [
                CreditNote(
                    number: "AV2025-007", date: ImportFixtures.day("2025-03-20"), amount: 240, invoice: "FA2025-101")
            ])
        let rhone = try #require(result.caseFor(debtorKey: "898518980"))
        #expect(rhone.value.invoices.map(\.number) == ["FA2025-111"])
        #expect(rhone.value.invoices[0].amount == Decimal(string: "3150.50")!)
        #expect(rhone.value.invoices[0].description == "Pose de \"menuiseries\" extérieures")
        let skipped = result.skipped.map(\.message)
        #expect(skipped.contains { $0.contains("FA2025-110 soldée") })
        #expect(skipped.contains { $0.contains("Atelier Nord EURL") })
        // Locations: the amount of FA2025-111 is line 6, column 10 ("Montant TTC").
        #expect(
            rhone.locations["invoices[0].amount"]
                == SourceLocation(file: "grand-livre.csv", line: 6, column: 10, context: "Montant TTC"))
        for imported in result.cases { #expect(ImportValidator.problems(imported).isEmpty) }
    }

    @Test("A Windows-1252 export gives the same cases as the UTF-8 one, with a note")
    func windows1252() throws {
        let creditor = try ImportFixtures.creditor()
        let utf8 = try CSVLedgerImporter.importLedger(
            try ImportFixtures.data("csv/grand-livre.csv"), name: "a.csv", creditor: creditor)
        let cp1252 = try CSVLedgerImporter.importLedger(
            try ImportFixtures.data("csv/grand-livre-windows-1252.csv"), name: "a.csv", creditor: creditor)
        #expect(cp1252.cases.map(\.value) == utf8.cases.map(\.value))
        #expect(cp1252.notes.contains { $0.message.contains("Windows-1252") })
        #expect(cp1252.cases[0].value.debtor.address.lines == ["4 avenue Jean Jaurès"])
    }

    @Test("A mapping file names other headers; a Solde column settles F-9002")
    func mappingFile() throws {
        let mapping = try LedgerMapping.parse(try ImportFixtures.data("csv/export-logiciel.map.yaml"), name: "map.yaml")
        #expect(mapping.separator == "|")
        let result = try CSVLedgerImporter.importLedger(
            try ImportFixtures.data("csv/export-logiciel.csv"), name: "export.csv",
            creditor: try ImportFixtures.creditor(),
            mapping: mapping)
        let only = try #require(result.cases.first)
        #expect(result.cases.count == 1)
        #expect(only.value.invoices.map(\.number) == ["F-9001"])
        #expect(only.value.invoices[0].amount == Decimal(string: "1234.56")!)
        #expect(only.value.invoices[0].issued == ImportFixtures.day("2025-06-01"))
        #expect(result.skipped.contains { $0.message.contains("F-9002") })
    }

    @Test("A mapped header absent from the file, or no amount column, is refused naming line 1")
    func missingColumn() throws {
        let creditor = try ImportFixtures.creditor()
        let csv = Data("N° facture;Date facture;Client\nFA-1;01/02/2025;ACME\n".utf8)
        let error = #expect(throws: ImportError.self) {
            try CSVLedgerImporter.importLedger(csv, name: "l.csv", creditor: creditor)
        }
        #expect(error?.description.contains("l.csv:1: colonne absente : le montant") == true)
        let mapped = #expect(throws: ImportError.self) {
            try CSVLedgerImporter.importLedger(
                csv, name: "l.csv", creditor: creditor, mapping: LedgerMapping(columns: [.amount: "Total"]))
        }
        #expect(mapped?.description.contains("la colonne « Total »") == true)
    }

    @Test("A wrong cell is refused at its line and column, in French")
    func badCell() throws {
        let csv = Data(
            "N° facture;Date facture;Client;Montant TTC\nFA-1;01/02/2025;ACME;12 abc\nFA-2;31/02/2025;ACME;10,00\n".utf8
        )
        let error = #expect(throws: ImportError.self) {
            try CSVLedgerImporter.importLedger(csv, name: "l.csv", creditor: try ImportFixtures.creditor())
        }
        let text = error?.description ?? ""
        #expect(text.contains("l.csv:2:4 (Montant TTC): « 12 abc » n'est pas un montant"))
        #expect(text.contains("l.csv:3:2 (Date facture): « 31/02/2025 » n'est pas une date"))
    }

    @Test("UTF-16 or binary bytes are refused; bytes undefined in Windows-1252 too")
    func wrongEncoding() throws {
        let creditor = try ImportFixtures.creditor()
        let utf16 = "N° facture;Montant\n".data(using: .utf16)!
        let error = #expect(throws: ImportError.self) {
            try CSVLedgerImporter.importLedger(utf16, name: "u.csv", creditor: creditor)
        }
        #expect(error?.description.contains("encodage non pris en charge") == true)
        let undefined = Data([0x41, 0x3B, 0x42, 0x0A, 0x81, 0x3B, 0x43, 0x0A])
        let second = #expect(throws: ImportError.self) {
            try CSVLedgerImporter.importLedger(undefined, name: "b.csv", creditor: creditor)
        }
        #expect(second?.description.contains("b.csv:2: ni UTF-8 ni Windows-1252") == true)
    }

    @Test("A value the case validator refuses (a bad e-mail) is reported at its CSV cell")
    func validatorLocations() throws {
        let csv = Data(
            "N° facture;Date facture;Échéance;Client;Email;Adresse;Code postal;Ville;Montant TTC\nFA-1;01/02/2025;03/03/2025;ACME;pas-un-mail;1 rue A;21000;Dijon;10,00\n"
                .utf8)
        let result = try CSVLedgerImporter.importLedger(csv, name: "l.csv", creditor: try ImportFixtures.creditor())
        let problems = ImportValidator.problems(try #require(result.cases.first))
        #expect(problems.count == 1)
        #expect(problems.first?.location == SourceLocation(file: "l.csv", line: 2, column: 5, context: "Email"))
    }

    @Test(
        "French amounts and dates as accounting software writes them",
        arguments: [
            ("1 234,56", "1234.56"), ("1234.56", "1234.56"), ("-1 234,56", "-1234.56"), ("1.234,56", "1234.56"),
            ("(12,00)", "-12"), ("0000001800,00", "1800"), ("12,00-", "-12"), ("1\u{00A0}800,5", "1800.5"),
            ("1 800,00 €", "1800"),
        ])
    func amounts(raw: String, expected: String) {
        #expect(FrenchValues.amount(raw) == Decimal(string: expected))
    }

    @Test("Ambiguous or malformed amounts are refused", arguments: ["1.234", "12,3,4", "abc", "", "--1", "1,2.3"])
    func badAmounts(raw: String) {
        #expect(FrenchValues.amount(raw) == nil)
    }

    @Test(
        "Dates",
        arguments: [
            ("31/12/2025", "2025-12-31"), ("2025-12-31", "2025-12-31"), ("20251231", "2025-12-31"),
            ("31.12.2025", "2025-12-31"),
            ("31/12/25", "2025-12-31"), ("1/2/2025", "2025-02-01"), ("2025-12-31 00:00:00", "2025-12-31"),
        ])
    func dates(raw: String, expected: String) {
        #expect(FrenchValues.day(raw) == Day(iso: expected))
    }

    // MARK: FEC

    @Test("The sample FEC: three open customers, lettered pairs skipped, the partial payment kept")
    func fecSample() throws {
        let result = try FECImporter.importFEC(
            try ImportFixtures.data("fec/123456782FEC20251231.txt"), name: "fec.txt",
            creditor: try ImportFixtures.creditor())
        #expect(result.linesRead == 21)
        #expect(result.cases.map(\.debtorKey) == ["C0003", "C0002", "C0001"])
        let durand = try #require(result.caseFor(debtorKey: "C0003"))
        #expect(durand.value.debtor.name == "DURAND BATIMENT SAS")
        #expect(
            durand.value.invoices == [
                Invoice(
                    number: "FA2024-118", issued: ImportFixtures.day("2024-11-20"),
                    due: ImportFixtures.day("2024-12-20"),
                    amount: 1800, description: "Report a nouveau FA2024-118")
            ])
        let beta = try #require(result.caseFor(debtorKey: "C0002"))
        #expect(beta.value.invoices.map(\.amount) == [2400])
        #expect(
            beta.value.payments == [
                Payment(
                    date: ImportFixtures.day("2025-03-20"), amount: 1000, invoice: "FA2025-002", reference: "VIR-0320")
            ])
        #expect(beta.outstanding == 1400)
        #expect(result.caseFor(debtorKey: "C0001")?.outstanding == 600)
        #expect(result.caseFor(debtorKey: "C0004") == nil)  // lettered BB: invoice and credit note settled
        #expect(result.skipped.contains { $0.message.contains("4 ligne(s) client lettrée(s)") })
        // No due date in a FEC: 30 days (L441-10 I), said for each invoice; no address: said too.
        #expect(result.allNotes.filter { $0.message.contains("sans échéance") }.count == 3)
        #expect(
            result.allNotes.contains {
                $0.message.contains("DURAND BATIMENT SAS") && $0.message.contains("À COMPLÉTER")
            })
        for imported in result.cases { #expect(ImportValidator.problems(imported).isEmpty) }
    }

    @Test("A FEC whose entry does not balance is refused, naming the entry and its first line")
    func fecUnbalanced() throws {
        let text = try String(contentsOf: ImportFixtures.url("fec/123456782FEC20251231.txt"), encoding: .utf8)
            .replacingOccurrences(of: "|0,00|500,00|||20250331||", with: "|0,00|499,00|||20250331||")
        let error = #expect(throws: ImportError.self) {
            try FECImporter.importFEC(Data(text.utf8), name: "fec.txt", creditor: try ImportFixtures.creditor())
        }
        #expect(
            error?.description
                == "fec.txt:12: l'écriture VT000003 (journal VT) n'est pas équilibrée : débit 600,00\u{00A0}€, crédit 599,00\u{00A0}€ (un FEC dont une écriture ne s'équilibre pas est refusé ; réexportez-le depuis la comptabilité)"
        )
    }

    @Test("Tab-separated, padded and signed amounts, Montant/Sens columns")
    func fecVariants() throws {
        let header =
            "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tMontant\tSens\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise"
        let lines = [
            header,
            "VT\tVentes\tVT1\t20250110\t411000\tClients\tC9\tZETA SAS\tF-1\t20250110\tFacture F-1\t000001200,00\tD\t\t\t20250110\t\t",
            "VT\tVentes\tVT1\t20250110\t706000\tVentes\t\t\tF-1\t20250110\tFacture F-1\t1000,00\tC\t\t\t20250110\t\t",
            "VT\tVentes\tVT1\t20250110\t445710\tTVA\t\t\tF-1\t20250110\tFacture F-1\t200,00\tC\t\t\t20250110\t\t",
        ]
        let result = try FECImporter.importFEC(
            Data((lines.joined(separator: "\r\n") + "\r\n").utf8), name: "f.txt",
            creditor: try ImportFixtures.creditor())
        #expect(result.cases.first?.value.invoices.first?.amount == 1200)
        #expect(result.cases.first?.value.debtor.legalForm == "SAS")
    }

    // MARK: Creditor file

    @Test("A wrong creditor file is reported at its own line")
    func creditorProblems() throws {
        let text =
            "kind: company\nname: \"X\"\nsiren: \"123456789\"\naddress: { lines: [\"1 rue A\"], postcode: \"21000\", city: \"Dijon\" }\n"
        let error = #expect(throws: ImportError.self) { try CreditorDefaults.parse(Data(text.utf8), name: "c.yaml") }
        #expect(error?.problems.first?.location?.line == 3)
        #expect(error?.description.contains("siren") == true)
    }
}
