import Foundation
import RecouvreDocuments
import Testing

@testable import RecouvreAmicable

/// The chronology's lines through the fast renderer (`AmicableForms.lines`) are exactly the lines of
/// the laid-out text swift-mustache renders (`AmicableForms.render`, split at its newlines, empty ones
/// left out), for every kind of step and odd values (trailing spaces, carriage returns, combining
/// marks, empty strings, numbers).
@Suite("Chronology lines: fast renderer = swift-mustache + layout")
struct ChronologyLinesTests {
    /// A small deterministic generator (the same models at every run).
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        mutating func below(_ count: Int) -> Int { Int(next() % UInt64(count)) }
        mutating func flag() -> Bool { below(2) == 0 }
    }

    static let texts = [
        "12 mars 2026", "1er janvier 2026", "", " ", "fin  ", "a\r", "a\r\nb", "ligne\nautre", "e\u{301}",
        " \u{301}", "\u{600} ", "relance ferme", "1 234,56 €", "x \n y ",
    ]

    static func model(_ generator: inout Generator) -> [String: Any] {
        func text(_ generator: inout Generator) -> String { texts[generator.below(texts.count)] }
        var model: [String: Any] = [:]
        let kinds = ["reminder", "promise", "plan", "notice"]
        // Usually one kind, as the chronology builds them; sometimes none or two.
        model[kinds[generator.below(4)]] = true
        if generator.below(8) == 0 { model[kinds[generator.below(4)]] = generator.flag() }
        for key in ["date", "label", "amount", "until", "first", "last", "total", "received", "presented"]
        where generator.flag() {
            model[key] = text(&generator)
        }
        for key in ["kept", "broken", "completed", "honoured", "plural", "noReceipt"] where generator.below(3) == 0 {
            model[key] = generator.flag()
        }
        if generator.flag() {
            model["channel"] = ["email": generator.flag(), "letter": generator.flag(), "registered": generator.flag()]
        }
        if generator.below(3) == 0 { model["count"] = generator.below(30) }
        if generator.below(4) == 0 {
            model["broken"] = ["date": text(&generator), "amount": text(&generator)]
        }
        return model
    }

    @Test("5,000 generated steps: the same lines both ways")
    func sameLines() throws {
        var generator = Generator(state: 20_261_202)
        let name = AmicableForms.chronologyTemplate
        var nonEmpty = 0
        for _ in 0..<5_000 {
            let model = Self.model(&generator)
            let expected = try amicableForms.render(name, model, width: Int.max).split(separator: "\n")
                .filter { !$0.isEmpty }.map { String($0) }
            let lines = try amicableForms.lines(name, model)
            #expect(lines == expected, "\(model)")
            if !lines.isEmpty { nonEmpty += 1 }
        }
        #expect(nonEmpty > 2_000)
    }

    @Test("the chronology template takes the fast renderer (no swift-mustache reflection per step)")
    func fastRendererTakesIt() throws {
        let entry = try amicableForms.templates.template(AmicableForms.chronologyTemplate)
        let model: [String: Any] = [
            "reminder": true, "date": "12 mars 2026", "channel": ["email": true, "letter": false, "registered": false],
        ]
        let text = try #require(entry.programText(AmicableForms.templateValue(model)))
        #expect(text == entry.template.render(model))
        #expect(text.contains("Relance amiable du 12 mars 2026, par courriel."))
    }
}
