import RecouvreTestSupport
import Testing

@testable import RecouvreCaseFile

/// An IBAN compacted from its bytes = `filter { !$0.isWhitespace }.uppercased()`.
@Suite("IBAN fast path = filtering Characters and uppercasing")
struct IBANFastPathTests {
    @Test("every ASCII byte, generated IBAN-like texts and non-ASCII ones")
    func sameText() {
        var texts: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        texts += [
            "", "FR76 3000 6000 0112 3456 7890 189", "fr7630006000011234567890189", "FR76\r\n3000",
            "de89\t3704\u{0B}0044",
            "FR76\u{00A0}3000", "fr76 é", "FR76\u{2003}3000", "ß", "fr\u{301}76", "\u{1C}FR\u{1F}76",
            "FR7630006000011234567890189",
        ]
        var generator = SeededGenerator(seed: 0x1BA9)
        let pieces = [
            "FR", "fr", "76", " ", "\t", "\r", "\n", "\r\n", "a", "z", "Z", "@", "{", "0", "\u{0C}", "\u{7F}", "\u{1D}",
        ]
        for _ in 0..<5000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                text += pieces[Int.random(in: 0..<pieces.count, using: &generator)]
            }
            texts.append(text)
        }
        for text in texts {
            let fast = CaseFileDecoder.compactIBAN(text)
            let reference = CaseFileDecoder.compactIBANByCharacters(text)
            #expect(fast == reference, "\(text.debugDescription)")
            #expect(Array(fast.utf8) == Array(reference.utf8), "\(text.debugDescription)")
        }
    }
}
