import Testing

@testable import RecouvreCaseFile

@Suite("Nearest valid key")
struct SuggestionTests {
    @Test(
        "misspellings find their key",
        arguments: [
            ("amout", "amount"), ("descripton", "description"), ("refernce", "reference"), ("Amount", "amount"),
            ("dute", "due"), ("asof", "as_of"), ("invoces", "invoices"), ("credit_note", "credit_notes"),
        ])
    func near(word: String, expected: String) {
        let keys = ["version", "reference", "as_of", "amount", "description", "due", "invoices", "credit_notes"]
        #expect(Suggestion.nearest(to: word, in: keys) == expected)
    }

    @Test("unrelated words find nothing")
    func far() {
        #expect(Suggestion.nearest(to: "colour", in: ["amount", "due", "number"]) == nil)
        #expect(Suggestion.nearest(to: "x", in: ["amount", "due"]) == nil)
    }
}
