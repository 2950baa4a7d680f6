import Foundation
import RecouvreModel
import RecouvreTestSupport
import Testing

@testable import RecouvreLaw

/// A clause's number without trailing zeros, from its bytes = by Foundation's search and `Character`s.
@Suite("Plain number fast path = trimming by Characters")
struct PlainNumberFastPathTests {
    @Test("generated numbers, their plain text and odd texts")
    func sameText() {
        var texts = [
            "", ".", "0", "0.", ".0", "10", "100", "10.0", "10.50", "7.5", "0.000", ".000", "-0.0", "-12.340",
            "1e10", "10\r\n", "1.0\r\n", "é.0", "1.0\u{301}", "0\u{301}", "1.00\u{301}0", "12,50",
        ]
        var generator = SeededGenerator(seed: 0x9A1E)
        let pieces = ["0", "1", "9", ".", "-", "00", "5"]
        for _ in 0..<4000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...7, using: &generator) {
                text += pieces[Int.random(in: 0..<pieces.count, using: &generator)]
            }
            texts.append(text)
        }
        for _ in 0..<2000 {
            let value = Decimal(
                sign: Bool.random(using: &generator) ? .minus : .plus,
                exponent: Int.random(in: -6...3, using: &generator),
                significand: Decimal(Int.random(in: 0...10_000_000, using: &generator)))
            texts.append(Money.plain(value))
            #expect(
                LatePaymentRules.plainNumber(value) == LatePaymentRules.trimmedNumberByCharacters(Money.plain(value)))
        }
        for text in texts {
            let fast = LatePaymentRules.trimmedNumber(text)
            let reference = LatePaymentRules.trimmedNumberByCharacters(text)
            #expect(fast == reference, "\(text.debugDescription)")
            #expect(Array(fast.utf8) == Array(reference.utf8), "\(text.debugDescription)")
        }
    }
}
