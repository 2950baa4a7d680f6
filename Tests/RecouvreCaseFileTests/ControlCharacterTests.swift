import Testing

@testable import RecouvreCaseFile

/// The validator finds the first control character of a text by its UTF-8 bytes; the scalar walk it
/// replaces is kept as the reference (`controlCharacterByScalars`).
@Suite("Control characters by bytes = by scalars")
struct ControlCharacterTests {
    static let pieces: [String] = [
        "", "a", "Dupont", " ", "~", "\n", "\t", "\r", "\r\n", "\u{0}", "\u{7}", "\u{1B}", "\u{1F}", "\u{7F}", "\u{80}",
        "\u{85}", "\u{9F}", "\u{A0}", "é", "e\u{301}", "\u{2027}", "\u{2028}", "\u{2029}", "\u{202A}", "\u{200B}",
        "\u{FEFF}", "😀", "🇫🇷", "\u{0B}", "\u{0C}", "«", "€", "\u{C2}", "\u{E2}", "\u{1E80}", "Ā",
    ]

    @Test("every text of one to three pieces, with and without line breaks allowed")
    func sameFirstControl() {
        var checked = 0
        var found = 0
        for a in Self.pieces {
            for b in Self.pieces {
                for c in ["", "x", "\n", "\u{85}", "é", "\u{2029}"] {
                    let text = a + b + c
                    for allow in [false, true] {
                        let fast = CaseValidator.controlCharacter(in: text, allowLineBreaks: allow)
                        let reference = CaseValidator.controlCharacterByScalars(in: text, allowLineBreaks: allow)
                        #expect(fast == reference, "\(text.debugDescription) \(allow)")
                        checked += 1
                        if fast != nil { found += 1 }
                    }
                }
            }
        }
        #expect(found > checked / 4 && found < checked)
        // A long text, its control character last.
        let long = String(repeating: "é", count: 200) + "\u{9F}"
        #expect(CaseValidator.controlCharacter(in: long, allowLineBreaks: true) == "\u{9F}")
    }
}
