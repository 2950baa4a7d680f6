import Foundation
import RecouvreModel
import Testing

@testable import RecouvreCaseFile

@Suite("check's summary")
struct CaseSummaryTests {
    @Test("a French company debtor without SIREN is warned about; one abroad or with a SIREN is not")
    func sirenWarning() throws {
        let without = Inline.head.replacingOccurrences(of: "  siren: \"552100554\"\n", with: "")
        let value = try Inline.decode(without + Inline.invoice).get()
        #expect(CaseSummary.warnings(value).count == 1)
        #expect(CaseSummary.warnings(value).first?.contains("debtor.siren") == true)
        let loaded = LoadedCase(value: value, file: URL(fileURLWithPath: "/x/case.yaml"))
        #expect(
            CaseSummary.text(loaded, fileName: "case.yaml").contains(
                "\nAvertissement : le débiteur est une société française sans SIREN"))
        #expect(CaseSummary.warnings(try Inline.decode(Inline.head + Inline.invoice).get()).isEmpty)
        let abroad = without.replacingOccurrences(
            of: "postcode: \"21000\", city: \"Dijon\" }", with: "postcode: \"1000\", city: \"Bruxelles\", country: BE }"
        )
        #expect(CaseSummary.warnings(try Inline.decode(abroad + Inline.invoice).get()).isEmpty)
    }

    @Test("the principal due is the one given (the statement's), or said not computed")
    func principal() throws {
        let value = try Inline.decode(Inline.head + Inline.invoice).get()
        let loaded = LoadedCase(value: value, file: URL(fileURLWithPath: "/x/case.yaml"))
        #expect(
            CaseSummary.text(loaded, fileName: "c", principalDue: Decimal(string: "12.5")).contains(
                "Reste dû en principal : 12,50\u{00A0}€\n"))
        #expect(CaseSummary.text(loaded, fileName: "c").contains("Reste dû en principal : non calculé"))
    }
}
