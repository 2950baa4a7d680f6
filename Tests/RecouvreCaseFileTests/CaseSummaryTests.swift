import Foundation
import RecouvreForms
import RecouvreModel
import RecouvreTestSupport
import Testing

@testable import RecouvreCaseFile

@Suite("check's summary")
struct CaseSummaryTests {
    static let messages: MessageCatalogue = {
        let forms = Forms(shipped: TestPaths.root.appendingPathComponent("forms"))
        return try! LawBook.load(forms: forms).messages
    }()

    @Test("the regime line names the statutory figures it is given, in the catalogue's words")
    func regimeFigures() throws {
        let value = try Inline.decode(Inline.head + Inline.invoice).get()
        let loaded = LoadedCase(value: value, file: URL(fileURLWithPath: "/x/case.yaml"))
        // A decree raising the flat fee to 45,50 € changes the summary with the data: no literal 40 €.
        let figures = CaseSummary.Figures(flatFeeB2B: Decimal(string: "45.5")!, flatFeePublic: 40, publicMargin: 8)
        let text = CaseSummary.text(loaded, fileName: "c", figures: figures, messages: Self.messages)
        #expect(text.contains("indemnité forfaitaire de 45,50\u{00A0}€ par facture"))
        let plain = CaseSummary.text(
            loaded, fileName: "c", figures: CaseSummary.Figures(flatFeeB2B: 40, flatFeePublic: 40, publicMargin: 8),
            messages: Self.messages)
        #expect(plain.contains("indemnité forfaitaire de 40 € par facture"))
        let reworded = MessageCatalogue(
            entries: Self.messages.entries.merging(["check.creditor": "Demandeur : {party}"]) { $1 })
        #expect(
            CaseSummary.text(loaded, fileName: "c", figures: nil, messages: reworded).contains("\nDemandeur : "))
    }

    @Test("a French company debtor without SIREN is warned about; one abroad or with a SIREN is not")
    func sirenWarning() throws {
        let without = Inline.head.replacingOccurrences(of: "  siren: \"552100554\"\n", with: "")
        let value = try Inline.decode(without + Inline.invoice).get()
        #expect(CaseSummary.warnings(value, messages: Self.messages).count == 1)
        #expect(CaseSummary.warnings(value, messages: Self.messages).first?.contains("debtor.siren") == true)
        let loaded = LoadedCase(value: value, file: URL(fileURLWithPath: "/x/case.yaml"))
        #expect(
            CaseSummary.text(loaded, fileName: "case.yaml", figures: nil, messages: Self.messages).contains(
                "\nAvertissement : le débiteur est une société française sans SIREN"))
        #expect(
            CaseSummary.warnings(try Inline.decode(Inline.head + Inline.invoice).get(), messages: Self.messages).isEmpty
        )
        let abroad = without.replacingOccurrences(
            of: "postcode: \"21000\", city: \"Dijon\" }", with: "postcode: \"1000\", city: \"Bruxelles\", country: BE }"
        )
        #expect(CaseSummary.warnings(try Inline.decode(abroad + Inline.invoice).get(), messages: Self.messages).isEmpty)
    }

    @Test("the principal due is the one given (the statement's), or said not computed")
    func principal() throws {
        let value = try Inline.decode(Inline.head + Inline.invoice).get()
        let loaded = LoadedCase(value: value, file: URL(fileURLWithPath: "/x/case.yaml"))
        #expect(
            CaseSummary.text(
                loaded, fileName: "c", principalDue: Decimal(string: "12.5"), figures: nil, messages: Self.messages
            ).contains(
                "Reste dû en principal : 12,50\u{00A0}€\n"))
        #expect(
            CaseSummary.text(loaded, fileName: "c", figures: nil, messages: Self.messages).contains(
                "Reste dû en principal : non calculé"))
    }
}
