import Foundation
import RecouvreCaseFile
import RecouvreModel
import RecouvreTestSupport
import Testing

/// The shipped valid fixtures load, and carry the situations the later engines rely on.
@Suite("Valid fixtures")
struct FixtureTests {
    static let names = TestPaths.validFixtureNames

    func load(_ name: String) throws -> Case {
        try CaseFileReader.load(path: TestPaths.fixture(name).appendingPathComponent("case.yaml").path).value
    }

    @Test("every valid fixture loads, as of 2026-11-23, with its exhibits on disk", arguments: names)
    func loads(name: String) throws {
        let loaded = try CaseFileReader.load(path: TestPaths.fixture(name).appendingPathComponent("case.yaml").path)
        #expect(loaded.value.asOf == Day(iso: "2026-11-23"))
        #expect(!loaded.value.exhibits.isEmpty)
        for exhibit in loaded.value.exhibits {
            if let file = exhibit.file {
                #expect(FileManager.default.fileExists(atPath: loaded.folder.appendingPathComponent(file).path))
            }
        }
    }

    @Test("the Lyon → Dijon case: amounts read exactly, a partial payment and a credit note")
    func lyonDijon() throws {
        let value = try load("b2b-lyon-dijon")
        #expect(value.nature == .commercial)
        #expect(value.regime == .b2b)
        #expect(value.invoices.map(\.amount) == [Decimal(string: "1800.00")!, Decimal(string: "960")!])
        // 1800 + 960 = 2760; 2760 − 500 − 120 = 2140
        #expect(value.totalInvoiced - value.totalPaid - value.totalCredited == Decimal(2140))
        #expect(value.payments.first?.invoice == "FA2025-118")
        #expect(value.creditNotes.first?.invoice == "FA2025-118")
        #expect(value.formalNotice?.received == Day(iso: "2025-06-23"))
        #expect(value.debtor.address.insee == "21231")
    }

    @Test("Nanterre: the debtor in 92000, a fixed rate, extra costs and an unallocated payment")
    func nanterre() throws {
        let value = try load("b2b-nanterre-tae")
        #expect(value.debtor.address.postcode == "92000")
        #expect(value.contract.penaltyRate == .fixed(Decimal(10)))
        #expect(value.contract.extraRecoveryCosts == Decimal(100))
        #expect(value.payments.contains { $0.invoice == nil })
        #expect(value.invoices[1].amount == Decimal(string: "2454.60"))
    }

    @Test("Strasbourg: an ECB + 7 clause and a debtor in 67000")
    func strasbourg() throws {
        let value = try load("b2b-strasbourg")
        #expect(value.contract.penaltyRate == .ecbPlus(Decimal(7)))
        #expect(value.debtor.address.city == "Strasbourg")
        #expect(value.debtor.address.postcode == "67000")
    }

    @Test("Bordeaux: a consumer, a formal notice received")
    func bordeaux() throws {
        let value = try load("consumer-bordeaux")
        #expect(value.nature == .consumer)
        #expect(value.regime == .consumer)
        #expect(value.formalNotice?.received == Day(iso: "2026-03-05"))
    }

    @Test("Lille: a residential lease, the property in Lille, the tenant elsewhere, no title yet")
    func lille() throws {
        let value = try load("lease-lille")
        #expect(value.nature == .residentialLease)
        #expect(value.contract.property?.city == "Lille")
        #expect(value.debtor.address.city != "Lille")
        // A judgment would route the case to enforcement (CPC 1409): fixtures/judgment-served has one.
        #expect(value.judgment == nil)
        #expect(value.creditor.legalRateCategory == .particulier)
    }

    @Test("Rennes: a public body debtor with a valid SIREN")
    func rennes() throws {
        let value = try load("public-body-rennes")
        #expect(value.debtor.kind == .publicBody)
        #expect(value.debtor.siren.map(CompanyIdentifier.isValidSiren) == true)
        #expect(value.regime == .publicProcurement)
    }

    @Test("Belgium: a Brussels debtor, country BE, no SIREN, a lower-case BCE clause")
    func belgium() throws {
        let value = try load("eu-belgium")
        #expect(value.debtor.address.country == "BE")
        #expect(value.debtor.siren == nil)
        #expect(value.contract.penaltyRate == .ecbPlus(Decimal(8)))
    }

    @Test("Collective proceedings: the opening judgment's date")
    func collective() throws {
        let value = try load("collective-proceedings")
        #expect(value.contract.collectiveProceedings == .opened(Day(iso: "2026-06-30")!))
    }
}
