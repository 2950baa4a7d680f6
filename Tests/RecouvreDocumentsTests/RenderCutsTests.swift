import Foundation
import RecouvreModel
import RecouvreTestSupport
import Testing

@testable import RecouvreDocuments

/// Issue 14, session 7 (render engineer): each fast path of the documents' render gives exactly what
/// the code it replaced gives, over seeded random inputs and the odd cases by hand.
@Suite("Render cuts: each fast path against the code it replaced")
struct RenderCutsTests {
    /// Pieces of lines: ASCII words shorter and longer than eight bytes, runs of spaces, accents,
    /// no-break spaces, `€`, `…`, the scalars of U+2000–U+20CF the byte walk takes and those it
    /// refuses (U+200C, U+200D, U+20D0), combining marks, CR, CR LF, tabs and Ω.
    static let pieces = [
        "a", "le", "débiteur", "abcdefgh", "abcdefghijklmnop", "averyveryverylongwordwithoutanyspace",
        " ", "  ", "        ", "1\u{00A0}234,56\u{00A0}€", "…", "—", "\u{202F}", "•", "- ", "12. ", "[3] ",
        "(4) ", "é", "ÿ", "\u{200C}", "\u{200D}", "\u{20D0}", "e\u{0301}", "\r", "\r\n", "\t", "Ω", "|", "::",
        "0123456", "x y z w", "€€€€€€€€",
    ]

    static func line(_ random: inout SeededGenerator) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 0...60, using: &random) { text += pieces.randomElement(using: &random)! }
        return text
    }

    static func layOut(_ line: String, width: Int, reference: Bool) -> (Bool, String) {
        var text = line
        return text.withUTF8 { buffer in
            var sink = StringWrapSink(line: Substring(line))
            let done =
                reference
                ? TextLayout.layOutBytesByByte(buffer, width: width, into: &sink)
                : TextLayout.layOutBytes(buffer, width: width, into: &sink)
            return (done, sink.output)
        }
    }

    @Test("the word-at-a-time byte walk lays out every line as the byte-by-byte walk, or refuses it too")
    func wordAtATimeWalk() {
        var random = SeededGenerator(seed: 2_026_07)
        var taken = 0
        var cases = [
            "", " ", "        ", "         ", "abcdefgh", "abcdefgh ", "abcdefgh\r", "abcdefg\r", "\rabcdefgh",
            "       a", "a       ", String(repeating: "x", count: 200), String(repeating: "abcdefg ", count: 30),
            String(repeating: "é", count: 100), "abcdefgé" + String(repeating: "b", count: 95),
            "- " + String(repeating: "word ", count: 40), "   1. " + String(repeating: "mot ", count: 40),
        ]
        for _ in 0..<20_000 { cases.append(Self.line(&random)) }
        for (index, line) in cases.enumerated() {
            for width in [90, 40, 8, 1, 0] where index % 3 == 0 || width == 90 {
                let fast = Self.layOut(line, width: width, reference: false)
                let slow = Self.layOut(line, width: width, reference: true)
                #expect(fast == slow, "\(line.debugDescription) at \(width)")
                if fast.0 { taken += 1 }
            }
        }
        #expect(taken > 2_000)
    }

    @Test("a line is one scalar per column eight bytes at a time as byte by byte")
    func oneScalarPerColumn() {
        var random = SeededGenerator(seed: 8)
        var lines = ["", "abcdefg\r", "abcdefgh\r", "\u{200D}abcdefgh", "abcdefgh\u{20CF}", "abcdefgh\u{20D0}"]
        for _ in 0..<20_000 { lines.append(Self.line(&random)) }
        for line in lines {
            var text = line
            let (fast, slow) = text.withUTF8 {
                (TextLayout.isOneScalarPerColumn($0), TextLayout.isOneScalarPerColumnByByte($0))
            }
            #expect(fast == slow, "\(line.debugDescription)")
        }
    }

    @Test("a directive's name is known by its bytes as by string comparison")
    func directiveNames() {
        var random = SeededGenerator(seed: 10)
        var names: [Substring] = [
            "", "heading", "place-date", "page", "title", "sender", "addressee", "signature", "table", "total", "end",
            "Heading", "heading\u{0301}", "end ", "ends", "en", "tabl\u{0065}\u{0301}", "\u{212A}", "pagé",
        ]
        let letters = ["e", "n", "d", "a", "g", "p", "-", "t", "\u{0301}", "é", "l", "i"]
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...10, using: &random)).map { _ in letters.randomElement(using: &random)! }
                .joined()
            names.append(Substring("::" + text).dropFirst(2))
        }
        for name in names {
            #expect(
                MarkupParser.directiveName(name) == MarkupParser.directiveNameByStrings(name),
                "\(name.debugDescription)")
        }
    }

    @Test("a table's total row is cut off the bytes as by the Character walk")
    func totalRows() throws {
        var random = SeededGenerator(seed: 1_234)
        let pieces = [
            " ", " | ", "|", "  |  ", "Total", "dû", "1\u{00A0}234,56\u{00A0}€", "é\u{0301}", "x", "||", " |",
        ]
        for _ in 0..<3_000 {
            let argument = (0..<Int.random(in: 0...6, using: &random)).map { _ in pieces.randomElement(using: &random)!
            }
            .joined()
            let markup = "::table\nA | 1\n::total" + argument + "\n::end\n"
            let fast = Result { try DocumentContent.parse(markup: markup, file: "t") }
            let slow = Result { try DocumentContent.parseByCharacters(markup: markup, file: "t") }
            switch (fast, slow) {
            case (.success(let a), .success(let b)): #expect(a == b, "\(markup.debugDescription)")
            case (.failure(let a), .failure(let b)):
                #expect("\(a)" == "\(b)", "\(markup.debugDescription)")
            default: Issue.record("\(markup.debugDescription): one parse failed, not the other")
            }
        }
    }

    @Test("TextLayout.columns is the count of Characters")
    func columns() {
        var random = SeededGenerator(seed: 77)
        var texts = ["", "a", "é", "e\u{0301}", "\r\n", "1\u{00A0}234,56\u{00A0}€", "\u{200D}", "🇫🇷", "한국"]
        for _ in 0..<5_000 { texts.append(Self.line(&random)) }
        for text in texts { #expect(TextLayout.columns(text) == text.count, "\(text.debugDescription)") }
    }

    @Test("a table block lays out the lines of tableLines, each wrapped")
    func tables() {
        var random = SeededGenerator(seed: 4_040)
        let cells = [
            "Principal restant dû", "1\u{00A0}234,56\u{00A0}€", "40,00\u{00A0}€", "", "  padded  ", "é\u{0301}",
            String(repeating: "Frais de recouvrement complémentaires ", count: 2), "Total dû", "Ω", "x",
            "123\u{00A0}456\u{00A0}789,00\u{00A0}€", "\u{200D}", "a\r\nb",
        ]
        for round in 0..<3_000 {
            var rows: [DocumentTable.Row] = []
            for _ in 0..<Int.random(in: 0...7, using: &random) {
                let count = [0, 1, 2, 2, 2, 3, 4].randomElement(using: &random)!
                rows.append(
                    DocumentTable.Row(
                        cells: (0..<count).map { _ in cells.randomElement(using: &random)! },
                        isTotal: Bool.random(using: &random)))
            }
            let table = DocumentTable(rows: rows)
            let width = round % 4 == 0 ? 40 : TextLayout.a4Width
            var writer = TextWriter(width: width, reserving: 16, bytes: false)
            writer.add(.table(table))
            let lines = DocumentContent.tableLines(table).map { line -> String in
                var out = ""
                TextLayout.appendWrappedByCharacters(Substring(line), width: width, to: &out)
                return out
            }
            let expected = lines.isEmpty ? "\n" : lines.joined(separator: "\n") + "\n"
            #expect(writer.finishText() == expected, "\(rows)")
        }
    }

    @Test("a SIREN is grouped off its bytes as by its Characters")
    func siren() {
        var random = SeededGenerator(seed: 552_100_554)
        let pieces = [
            "0", "1", "5", "9", "552", "100", " ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{1C}", "\u{1F}",
            "a", "-", "\u{00A0}", "\u{2009}", "\u{0085}", "\u{3000}", "é", "e\u{0301}", "\u{0301}", "٣",
        ]
        var texts = [
            "", "552100554", "552 100 554", " 552100554 ", "552\u{00A0}100\u{00A0}554", "55210055", "5521005541",
            "552\r\n100\r\n554", "552\u{1C}100554", "\u{0301}552100554", "552100554\u{0301}",
        ]
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...14, using: &random) {
                text += Int.random(in: 0..<3, using: &random) == 0 ? pieces.randomElement(using: &random)! : "7"
            }
            texts.append(text)
        }
        for text in texts {
            #expect(
                Array(FrenchFormat.siren(text).utf8) == Array(FrenchFormat.sirenByCharacters(text).utf8),
                "\(text.debugDescription)")
        }
    }

    @Test("a short date is the interpolated one")
    func shortDate() throws {
        // From a thousand years before year 1 to two thousand after 9999 (`Day(ordinal:)` makes them).
        let start = try #require(Day(year: 1, month: 1, day: 1)).ordinal - 365_250
        let end = try #require(Day(year: 9999, month: 12, day: 31)).ordinal + 730_500
        var random = SeededGenerator(seed: 1_111)
        var days = (0..<20_000).map { _ in Day(ordinal: Int.random(in: start...end, using: &random)) }
        for year in [1, 9, 99, 999, 1000, 1999, 2026, 9999] {
            days += [Day(year: year, month: 1, day: 1), Day(year: year, month: 12, day: 31)].compactMap { $0 }
        }
        for day in days {
            #expect(FrenchFormat.shortDate(day) == FrenchFormat.shortDateByInterpolation(day), "\(day)")
        }
    }

    @Test("an exhibit's file name is found off the bytes as by the Characters")
    func exhibitFileName() {
        var random = SeededGenerator(seed: 939)
        let pieces = ["/", "//", "a", "pieces", "devis.pdf", "é", "/\u{0301}", "\u{0301}", "\r\n", "x y", "🇫🇷", "."]
        var sources = ["", "/", "///", "a", "a/", "/a", "pieces/211133848/contrat.txt", "a//b//", "é/x", "/\u{0301}b"]
        for _ in 0..<10_000 {
            sources.append(
                (0..<Int.random(in: 0...8, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined())
        }
        for source in sources {
            let fast = DossierExhibit.fileNameByBytes(source) ?? DossierExhibit.fileNameByCharacters(source)
            #expect(
                Array(fast.utf8) == Array(DossierExhibit.fileNameByCharacters(source).utf8),
                "\(source.debugDescription)")
        }
    }

    @Test("TextLayout.wrap into bytes is the wrap into strings, at several widths")
    func wrapIntoBytes() {
        var random = SeededGenerator(seed: 605)
        var texts = ["", "\n", "\n\n", "a\n", "\na", "a\r\nb", String(repeating: "mot ", count: 50) + "\n"]
        for _ in 0..<5_000 {
            texts.append(
                (0..<Int.random(in: 1...6, using: &random)).map { _ in Self.line(&random) }.joined(separator: "\n"))
        }
        for text in texts {
            for width in [90, 30] {
                #expect(
                    TextLayout.wrap(text, width: width) == TextLayout.wrapByStrings(text, width: width),
                    "\(text.debugDescription)")
                if let fast = TextLayout.wrapIntoBytes(text, width: width) {
                    #expect(Array(fast.utf8) == Array(TextLayout.wrapByStrings(text, width: width).utf8))
                }
            }
        }
    }

    /// A value as text, to compare two conversions of the same view.
    static func describe(_ value: TemplateValue?) -> String {
        guard let value else { return "nil" }
        switch value {
        case .text(let text): return "text(\(text.debugDescription))"
        case .flag(let flag): return "flag(\(flag))"
        case .list(let items): return "list(" + items.map { describe($0) }.joined(separator: ",") + ")"
        case .lazyList(let items):
            return "lazy(" + (0..<items.count).map { describe(items[$0]) }.joined(separator: ",") + ")"
        case .record(let record):
            return "record("
                + record.names.sorted().filter { record[$0] != nil }.map { "\($0):\(describe(record[$0]))" }.joined(
                    separator: ",")
                + ")"
        case .other(let object): return "other(\(String(reflecting: object)))"
        }
    }

    @Test("a view's optional strings and lists of strings read through the layouts as reflected")
    func textReaders() {
        let layouts = TemplateLayouts.documents()
        var random = SeededGenerator(seed: 3)
        for round in 0..<500 {
            var party = Party(
                kind: .company, name: "Société \(round)", address: Address(lines: [], postcode: "21000", city: "Dijon"))
            if Bool.random(using: &random) { party.legalForm = "SAS" }
            if Bool.random(using: &random) { party.representative = round % 3 == 0 ? "" : "Jeanne Dupont, gérante" }
            party.address.lines = (0..<Int.random(in: 0...3, using: &random)).map { "\($0) rue é\u{0301}" }
            let view = PartyView(party, messages: MessageCatalogue(entries: [:]))
            #expect(Self.describe(layouts.templateValue(view)) == Self.describe(TemplateTree.templateValue(view, nil)))
        }
    }
}
