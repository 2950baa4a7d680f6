import Foundation
import RecouvreDocuments
import RecouvreModel
import Testing

@Suite("French legal formatting")
struct FrenchFormatTests {
    @Test(
        "dates are written in full, with 1er for the first day, in the catalogue's words",
        arguments: [
            ("2026-11-23", "23 novembre 2026"),
            ("2026-01-01", "1er janvier 2026"),
            ("2025-08-01", "1er août 2025"),
            ("2024-02-29", "29 février 2024"),
            ("2027-12-31", "31 décembre 2027"),
        ])
    func longDates(iso: String, expected: String) {
        #expect(Samples.book.messages.dates.long(Day(iso: iso)!) == expected)
    }

    @Test("amounts group thousands with a no-break space and use a decimal comma")
    func amounts() {
        #expect(FrenchFormat.amount(Decimal(string: "1234.56")!) == "1\u{00A0}234,56\u{00A0}€")
        #expect(FrenchFormat.amount(40) == "40,00\u{00A0}€")
        #expect(FrenchFormat.amount(Decimal(string: "1234567.8")!) == "1\u{00A0}234\u{00A0}567,80\u{00A0}€")
    }

    @Test("a SIREN is grouped by three")
    func siren() {
        #expect(FrenchFormat.siren("552100554") == "552\u{00A0}100\u{00A0}554")
    }

    @Test("time limits are written in letters and figures")
    func days() {
        #expect(FrenchFormat.days(8, messages: Samples.book.messages) == "huit (8)")
        #expect(FrenchFormat.days(15, messages: Samples.book.messages) == "quinze (15)")
        #expect(FrenchFormat.days(11, messages: Samples.book.messages) == "11")
    }

    @Test("long lines wrap at 90 columns, keeping indentation and never splitting an amount")
    func wrapping() {
        let amount = "1\u{00A0}234,56\u{00A0}€"
        let line = "    - " + Array(repeating: "mot", count: 30).joined(separator: " ") + " " + amount
        let wrapped = TextLayout.wrap(line)
        let lines = wrapped.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.count <= 90 })
        #expect(lines[1].hasPrefix("      mot"))  // hangs under the list marker
        #expect(wrapped.contains(amount))
        #expect(TextLayout.wrap("court") == "court")
    }

    @Test("a word longer than the line stays whole rather than being cut")
    func longWord() {
        let word = String(repeating: "x", count: 120)
        #expect(TextLayout.wrap("a \(word) b") == "a\n\(word)\nb")
    }
}
