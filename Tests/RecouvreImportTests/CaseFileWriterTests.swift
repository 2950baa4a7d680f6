import Foundation
import RecouvreCaseFile
import RecouvreModel
import RecouvreTestSupport
import Testing

@Suite("CaseFileWriter: a Case written as a case file reads back equal")
struct CaseFileWriterTests {
    @Test(
        "Every shipped fixture round-trips: read → write → read gives an equal Case",
        arguments: TestPaths.validFixtureNames)
    func fixtureRoundTrip(name: String) throws {
        let file = TestPaths.fixture(name).appendingPathComponent("case.yaml")
        let loaded = try CaseFileReader.load(path: file.path)
        let text = CaseFileWriter.yaml(loaded.value)
        let again = try CaseFileReader.decode(Data(text.utf8), name: "written.yaml", folder: loaded.folder)
        #expect(again == loaded.value)
        // Deterministic: the same case gives the same bytes.
        #expect(CaseFileWriter.yaml(again) == text)
    }

    @Test("The new keys of the format (status, clause, events, lease, proceedings, identity) round-trip")
    func newKeysRoundTrip() throws {
        let address = Address(lines: ["4 avenue Jean Jaurès"], postcode: "21000", city: "Dijon")
        var creditor = Party(
            kind: .individual, name: "Sophie Delattre", professional: true, address: address,
            iban: "FR7630006000011234567890189")
        creditor.civility = .madame
        creditor.firstNames = "Sophie Marie"
        creditor.surname = "Delattre"
        creditor.birthDate = Day(iso: "1980-05-14")
        creditor.birthPlace = "Roubaix (Nord)"
        creditor.mediator = Mediator(
            name: "CM2C", address: "14 rue Saint-Jean, 75017 Paris", website: "https://www.cm2c.net")
        let debtor = Party(
            kind: .company, name: "Bâtiments \"Durand\" SAS", legalForm: "SAS", siren: "552100554", address: address)
        var contract = Contract(paymentTerms: "30 jours # fin de mois", penaltyRate: .legalTimes(3))
        contract.capitalisationBasis = .requested
        contract.performanceCountry = "FR"
        contract.collectiveProceedings = .opened(Day(iso: "2026-06-30")!)
        contract.proceedingsDetails = ProceedingsDetails(
            kind: .redressement, court: "Tribunal de commerce de Dijon", bodacc: Day(iso: "2026-07-10"),
            mandataire: Mandataire(name: "SELARL MJ", address: address))
        let invoice = Invoice(
            number: "FA-1", issued: Day(iso: "2026-01-31")!, due: Day(iso: "2026-03-02")!,
            amount: Decimal(string: "104.90")!,
            description: "ligne 1\nligne 2", status: .disputed, statusDate: Day(iso: "2026-03-10"),
            statusFile: "pieces/statut.xml", penaltyClause: "trois fois le taux d'intérêt légal")
        var notice = Event(
            type: .formalNotice, date: Day(iso: "2026-04-01")!, received: Day(iso: "2026-04-03"),
            channel: .registeredLetter)
        notice.presented = Day(iso: "2026-04-02")
        notice.outcome = .notCollected
        var plan = Event(type: .plan, date: Day(iso: "2026-05-01")!)
        plan.instalments = [Instalment(date: Day(iso: "2026-06-01")!, amount: 50)]
        var judgment = Event(type: .judgment, date: Day(iso: "2026-09-01")!, court: "Tribunal de commerce de Dijon")
        judgment.judgmentKind = .order
        judgment.invoices = ["FA-1"]
        judgment.awarded = Award(
            principal: Decimal(string: "104.90"), interest: AwardedInterest(rate: .legal, from: Day(iso: "2026-04-03")))
        let value = Case(
            reference: "2026-0042", creditor: creditor, debtor: debtor, contract: contract, invoices: [invoice],
            payments: [Payment(date: Day(iso: "2026-03-15")!, amount: Decimal(string: "10.5")!, invoice: "FA-1")],
            events: [notice, plan, judgment], exhibits: [Exhibit(title: "Contrat", toProduce: true)])
        let text = CaseFileWriter.yaml(value, header: ["Importé", "deux # lignes"])
        let folder = try TestPaths.temporaryFolder("writer")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("pieces"), withIntermediateDirectories: true)
        try Data("<x/>".utf8).write(to: folder.appendingPathComponent("pieces/statut.xml"))
        let again = try CaseFileReader.decode(Data(text.utf8), name: "x.yaml", folder: folder)
        #expect(again == value)
        #expect(text.contains("amount: 10.50"))  // amounts as literal decimals, two places
        #expect(text.hasPrefix("# Importé\n# deux # lignes\nversion: 1\n"))
    }

    @Test("Texts are quoted so YAML never retypes them: a SIREN, NO, a leading '#', a colon")
    func quoting() {
        #expect(CaseFileWriter.quoted("552100554") == "\"552100554\"")
        #expect(CaseFileWriter.quoted("a \"b\" \\ c") == "\"a \\\"b\\\" \\\\ c\"")
        #expect(CaseFileWriter.quoted("x\u{7}") == "\"x\\u0007\"")
        #expect(CaseFileWriter.amount(Decimal(string: "1800")!) == "1800.00")
        #expect(CaseFileWriter.amount(Decimal(string: "0.5")!) == "0.50")
    }
}
