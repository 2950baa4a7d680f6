import Testing

@testable import RecouvreModel

@Suite("Parties, identifiers and the derived nature")
struct PartyTests {
    @Test(
        "valid SIRENs pass Luhn; La Poste is the exception",
        arguments: ["552100554", "732829320", "356000000", "542065479", "123456782"])
    func validSiren(text: String) { #expect(CompanyIdentifier.isValidSiren(text)) }

    @Test("invalid SIRENs are refused", arguments: ["552100555", "12345678", "1234567890", "55210055A", ""])
    func invalidSiren(text: String) { #expect(!CompanyIdentifier.isValidSiren(text)) }

    @Test("SIRET: Luhn over 14 digits; La Poste's by digit sum multiple of 5")
    func siret() {
        #expect(CompanyIdentifier.isValidSiret("73282932000074"))
        #expect(!CompanyIdentifier.isValidSiret("73282932000075"))
        #expect(CompanyIdentifier.isValidSiret("35600000000001"))  // 3+5+6+1 = 15, a multiple of 5
        #expect(!CompanyIdentifier.isValidSiret("35600000000048"))  // 3+5+6+4+8 = 26
        #expect(!CompanyIdentifier.isValidSiret("3560000000004"))  // 13 digits
    }

    static let lyon = Address(lines: ["12 rue des Lilas"], postcode: "69003", city: "Lyon")

    @Test("derived nature from the parties (case-format.md)")
    func nature() {
        let company = Party(kind: .company, name: "A", legalForm: "SARL", address: Self.lyon)
        let sci = Party(kind: .company, name: "B", legalForm: "SCI", address: Self.lyon)
        let consumer = Party(kind: .individual, name: "C", address: Self.lyon)
        let craftsman = Party(kind: .individual, name: "D", professional: true, merchant: true, address: Self.lyon)
        let town = Party(kind: .publicBody, name: "Ville", address: Self.lyon)
        let inv = [Invoice(number: "1", issued: Day(iso: "2025-01-01")!, due: Day(iso: "2025-01-31")!, amount: 10)]
        func nature(_ c: Party, _ d: Party) -> Nature {
            Case(reference: "r", creditor: c, debtor: d, invoices: inv).nature
        }
        func regime(_ c: Party, _ d: Party) -> Regime {
            Case(reference: "r", creditor: c, debtor: d, invoices: inv).regime
        }
        #expect(nature(company, company) == .commercial)
        #expect(nature(company, craftsman) == .commercial)
        #expect(nature(company, consumer) == .consumer)
        #expect(nature(company, town) == .publicProcurement)
        #expect(nature(company, sci) == .civil)
        #expect(regime(company, sci) == .b2b)  // civil between professionals → B2B rules
        #expect(nature(consumer, consumer) == .civil)
        #expect(regime(consumer, consumer) == .civil)
        #expect(consumer.legalRateCategory == .particulier)
        #expect(company.legalRateCategory == .autresCas)
        #expect(craftsman.legalRateCategory == .autresCas)
    }
}
