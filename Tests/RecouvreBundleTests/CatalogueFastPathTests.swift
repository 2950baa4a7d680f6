import Foundation
import RecouvreForms
import RecouvreTestSupport
import Testing

@testable import RecouvreModel

/// The catalogue's fast paths (values held inline, templates found by their bytes, one-allocation
/// filling, dates written into one string) give exactly the text of the code they replace.
@Suite("Catalogue fast paths = the reference wording")
struct CatalogueFastPathTests {
    /// Texts that exercise the byte copies: empty, ASCII, accents, combining marks, emoji, CR LF,
    /// braces, non-ASCII white space.
    static let pieces = [
        "", "a", "12 345,67 €", "é", "e\u{301}", "🇫🇷", "\r\n", "{", "}", "{x}", "\u{00A0}", "\u{202F}€",
        "Saint-Couat-du-Razès", "ligne\nsuivante", " ",
    ]

    static func random(_ generator: inout SeededGenerator) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 0...3, using: &generator) {
            text += pieces[Int.random(in: 0..<pieces.count, using: &generator)]
        }
        return text
    }

    /// Filling through `text(for:)` against the closure filling over `values.first { … }` (the code it
    /// replaces), and `text(for:)` / `index(for:)` against `values`, on generated templates and values
    /// (repeated labels, missing ones, more than four values).
    @Test("filling from the inline arguments = filling from the list of values")
    func filledFromArguments() {
        var generator = SeededGenerator(seed: 0x5EED_CA7A)
        let labels = ["a", "b", "c", "amount", "é", "e\u{301}", "", "date"]
        var checked = 0
        for _ in 0..<3000 {
            var template = ""
            for _ in 0..<Int.random(in: 0...6, using: &generator) {
                if Bool.random(using: &generator) {
                    template += "{\(labels[Int.random(in: 0..<labels.count, using: &generator)])}"
                } else {
                    template += Self.random(&generator)
                }
            }
            var arguments = CatalogueArguments(catalogue: nil)
            for _ in 0..<Int.random(in: 0...7, using: &generator) {
                arguments.add(labels[Int.random(in: 0..<labels.count, using: &generator)], Self.random(&generator))
            }
            let values = arguments.values
            #expect(values.count == arguments.count)
            for label in labels + ["nosuch"] {
                #expect(arguments.text(for: label) == values.first { $0.label == label }?.text)
                #expect(arguments.index(for: label) == values.firstIndex { $0.label == label })
            }
            let cut = CatalogueTemplate(template)
            let expected = MessageCatalogue.fill(template) { name in values.first { $0.label == name }?.text }
            let fast = cut.filled { arguments.text(for: $0) }
            #expect(fast == expected, "\(template)")
            #expect(Array(fast.utf8) == Array(expected.utf8), "\(template)")
            checked += 1
        }
        #expect(checked == 3000)
    }

    /// Every shipped key worded from its section and name gives the same text as through the list of
    /// values and through the whole key; odd keys (unknown, a dot in the section, a name written with
    /// other bytes for the same characters) give the dictionaries' answer.
    @Test("every shipped template, found by its bytes, words the reference text")
    func shippedTemplates() {
        let catalogue = ShippedBook.book.messages
        for (key, template) in catalogue.entries.sorted(by: { $0.key < $1.key }) {
            guard let dot = key.firstIndex(of: ".") else { continue }
            let section = String(key[..<dot])
            let name = String(key[key.index(after: dot)...])
            var arguments = CatalogueArguments(catalogue: catalogue)
            for (index, label) in MessageCatalogue.placeholders(in: template).enumerated() where index % 3 != 2 {
                arguments.add(label, "<\(label)·é\u{301}>")
            }
            let expected = catalogue.text(key: section, name: name, values: arguments.values)
            #expect(catalogue.text(section: section, name: name, arguments: arguments) == expected, "\(key)")
            #expect(expected == catalogue.text(key: key, values: arguments.values), "\(key)")
        }
        let odd = MessageCatalogue(entries: [
            "a.b.c": "x {v} y", "caf\u{E9}.n": "pré {v}", "s.nom": "{v}{v}", "s.": "vide {v}", ".n": "sans section",
        ])
        var arguments = CatalogueArguments(catalogue: odd)
        arguments.add("v", "1")
        for (section, name) in [
            ("a", "b.c"), ("a.b", "c"), ("cafe\u{301}", "n"), ("caf\u{E9}", "n"), ("s", "nom"), ("s", ""), ("", "n"),
            ("nosuch", "key"), ("s", "nom\u{301}"),
        ] {
            #expect(
                odd.text(section: section, name: name, arguments: arguments)
                    == odd.text(key: section, name: name, values: arguments.values), "\(section).\(name)")
        }
        #expect(odd.text(section: "cafe\u{301}", name: "n", arguments: arguments) == "pré 1")
        #expect(odd == MessageCatalogue(entries: odd.entries))
        #expect(odd.hashValue == MessageCatalogue(entries: odd.entries).hashValue)
    }

    /// `long` written byte by byte = the interpolation, for every day of the calendar's range and
    /// odd years (`Day(ordinal:)` reaches years before 1 and after 9999), with odd month words.
    @Test("dates written out into one string = the interpolation")
    func longDates() {
        let shipped = ShippedBook.book.messages.dates
        var odd = [String: String]()
        for (index, name) in ["january", "february", "march", "april", "may", "june"].enumerated() {
            odd["calendar.\(name)"] = Self.pieces[index]
        }
        let dates = [shipped, FrenchDates(entries: odd), FrenchDates(entries: ["calendar.firstDay": ""])]
        var generator = SeededGenerator(seed: 0xDA7E)
        var days: [Day] = [Day(ordinal: Day(year: 1, month: 1, day: 1)!.ordinal - 1)]
        days.append(Day(ordinal: Day(year: 9999, month: 12, day: 31)!.ordinal + 400))
        days.append(Day(ordinal: -800_000_000))
        for _ in 0..<4000 { days.append(Day(ordinal: Int.random(in: -1_000_000...3_000_000, using: &generator))) }
        for day in 1...31 { days.append(Day(year: 2026, month: 1, day: day)!) }
        for words in dates {
            for day in days {
                #expect(words.long(day) == words.longInterpolated(day), "\(day)")
            }
            for half in [HalfYear(year: 2026, half: 1), HalfYear(year: -3, half: 2), HalfYear(year: 12345, half: 2)] {
                #expect(
                    words.halfYear(half)
                        == MessageCatalogue.fill(words.halves[half.half - 1], ["year": String(half.year)]))
            }
        }
        for value in [0, 1, 9, 10, 99, 100, -1, -10, Int.max, Int.min, 123_456_789] {
            #expect(FrenchDates.digitCount(value) == String(value).utf8.count, "\(value)")
        }
    }
}
