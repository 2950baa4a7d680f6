import Foundation
import RecouvreModel
import RecouvreTestSupport
import Testing

@testable import RecouvreBundle

/// xml (issue 14): dossier.xml's optional texts are tested for blankness, and SIREN / SIRET numbers
/// lose their whitespace, without Foundation's `trimmingCharacters` or a `Character` filter. The fast
/// paths must give exactly what those give, on every scalar and on odd texts.
@Suite("DossierXML fast paths: present and companyDigits as Foundation and CompanyIdentifier")
struct DossierXMLFastPathTests {
    @Test("the whitespace set is Foundation's whitespacesAndNewlines, scalar by scalar, and so is present")
    func everyScalar() {
        let set = CharacterSet.whitespacesAndNewlines
        var mismatches: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if DossierXML.isWhitespaceOrNewline(scalar) != set.contains(scalar) { mismatches.append(value) }
            let text = String(scalar)
            if DossierXML.present(text) != DossierXML.presentByTrimming(text) { mismatches.append(value) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20).map { String($0, radix: 16) })")
    }

    /// Pieces the generated texts are made of: ASCII and Unicode whitespace, CR LF, combining marks
    /// (alone, after a space), format characters that are not whitespace, letters, digits, emoji.
    static let pieces = [
        "", " ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2000}", "\u{2007}",
        "\u{200A}", "\u{200B}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}", "\u{FEFF}", "\u{180E}",
        "\u{301}", " \u{301}", "\u{1C}", "\u{1F}", "\u{00}", "a", "Z", "0", "9", "-", "é", "É", "🧾", "請",
        "\u{1F1EB}\u{1F1F7}",
    ]

    static func generated(_ random: inout SeededGenerator) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 0...6, using: &random) {
            // Mostly whitespace, so that blank texts are common.
            let index =
                Bool.random(using: &random)
                ? Int.random(in: 0...21, using: &random)
                : Int.random(in: 0..<pieces.count, using: &random)
            text += pieces[index]
        }
        return text
    }

    @Test("present gives Foundation's verdict on generated and hand-picked texts")
    func presentMatches() {
        var random = SeededGenerator(seed: 14)
        var blank = 0
        for _ in 0..<20_000 {
            let text = Self.generated(&random)
            let expected = DossierXML.presentByTrimming(text)
            #expect(DossierXML.present(text) == expected, "\(text.debugDescription)")
            if expected == nil { blank += 1 }
        }
        #expect(blank > 1_000 && blank < 19_000)
        for text in [
            "", " ", "\r\n", "\u{A0}", " \u{301}", "\u{301}", "\u{200B}", "\u{FEFF}", " x ", "\u{3000}\u{2029}",
            "Bâtiment B", "\u{85}\u{85}",
        ] {
            #expect(DossierXML.present(text) == DossierXML.presentByTrimming(text), "\(text.debugDescription)")
        }
        #expect(DossierXML.present(nil) == nil)
    }

    @Test("companyDigits gives CompanyIdentifier.digits on generated and hand-picked texts")
    func digitsMatch() {
        var random = SeededGenerator(seed: 1_014)
        for _ in 0..<20_000 {
            let text = Self.generated(&random)
            #expect(DossierXML.companyDigits(text) == CompanyIdentifier.digits(text), "\(text.debugDescription)")
            #expect(Array(DossierXML.companyDigits(text).utf8) == Array(CompanyIdentifier.digits(text).utf8))
        }
        // Every ASCII byte alone and between digits (the fast path's whole domain).
        for value in 0..<0x80 {
            let scalar = String(Unicode.Scalar(UInt8(value)))
            for text in [scalar, "12" + scalar + "34", scalar + "\r\n" + scalar] {
                #expect(
                    Array(DossierXML.companyDigits(text).utf8) == Array(CompanyIdentifier.digits(text).utf8),
                    "\(text.debugDescription)")
            }
        }
        for text in [
            "843 217 654", "84321765400014", "843\u{A0}217\u{A0}654", "843\r\n217", "", " ", "1 2\t3\n4",
            "5\u{301}12", " \u{301}9",
        ] {
            #expect(DossierXML.companyDigits(text) == CompanyIdentifier.digits(text), "\(text.debugDescription)")
        }
    }
}
