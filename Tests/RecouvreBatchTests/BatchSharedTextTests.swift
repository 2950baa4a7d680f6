import Foundation
import RecouvreTestSupport
import Testing

@testable import RecouvreBatch

/// The report's shared warning texts keyed by their bytes (lead, session 7).
@Suite("batch: the report's shared warning texts")
struct BatchSharedTextTests {
    @Test("ExactText: equal exactly when the UTF-8 bytes are, hashed alike then")
    func exactText() {
        var generator = SeededGenerator(seed: 0xE7A)
        let pieces = ["a", "é", "e\u{301}", " ", "€", "\u{0}", "😀", "Z", ""]
        for _ in 0..<5_000 {
            let left = (0..<Int.random(in: 0...5, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }
            .joined()
            let right = (0..<Int.random(in: 0...5, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }
            .joined()
            let same = Array(left.utf8) == Array(right.utf8)
            #expect((ExactText(left) == ExactText(right)) == same, "\(left.debugDescription) \(right.debugDescription)")
            if same { #expect(ExactText(left).hashValue == ExactText(right).hashValue) }
        }
        // Canonically equal, different bytes: two keys (the report keeps each debtor's own text).
        #expect(ExactText("é") != ExactText("e\u{301}"))
        var shared: [ExactText: String] = [:]
        shared[ExactText("é")] = "é"
        #expect(shared[ExactText("e\u{301}")] == nil)
    }
}
