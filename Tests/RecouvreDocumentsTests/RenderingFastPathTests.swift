import Foundation
import RecouvreTestSupport
import Testing

@testable import RecouvreDocuments

/// The two shortcuts of document rendering (batch speed) must change no byte: the views handed to
/// Mustache as dictionaries (`TemplateTree`), and the text layout read off UTF-8 bytes.
@Suite("Rendering shortcuts: same text as the slow paths")
struct RenderingFastPathTests {
    /// Every sample and fixture, at both stages.
    static let inputs: [DossierInput] = {
        (Samples.all.flatMap(\.stages)) + ((try? FixtureInputs.names.flatMap(FixtureInputs.stages)) ?? [])
    }()

    @Test("every template renders the same markup from the dictionaries as from the view structs")
    func treeRendersLikeStructs() throws {
        let renderer = Samples.book.renderer
        var compared = 0
        #expect(Self.inputs.count > 20)
        for input in Self.inputs {
            for kind in DocumentKind.plan(for: input.route, stage: input.stage) {
                let model = try renderer.model(for: kind, input)
                // swift-mustache on the view struct itself (Mirror at each lookup): the reference.
                let reflected = try renderer.templates.libraryMarkup(kind.template, model)
                let tree = TemplateTree.value(model)
                #expect(tree is [String: Any], "\(kind): the view was not converted")
                let fromTree = try renderer.templates.libraryMarkup(kind.template, tree)
                #expect(fromTree == reflected, "\(kind.template) differs for \(input.case.reference)")
                // The same dictionaries read through the layouts (no Mirror).
                let laidOut = renderer.templates.tree(model)
                #expect(laidOut is [String: Any], "\(kind): the view was not converted")
                let fromLayouts = try renderer.templates.libraryMarkup(kind.template, laidOut)
                #expect(fromLayouts == reflected, "\(kind.template) differs (layouts) for \(input.case.reference)")
                // The fast renderer, as `render` uses it: it must render every shipped template itself.
                let program = renderer.templates.programMarkup(kind.template, model)
                #expect(program != nil, "\(kind.template): the fast renderer gave up for \(input.case.reference)")
                #expect(program == reflected, "\(kind.template) differs (fast renderer) for \(input.case.reference)")
                #expect(try renderer.templates.markup(kind.template, model) == reflected)
                compared += 1
            }
        }
        #expect(compared > 50)
    }

    @Test("every struct inside a view model is marked TemplateView (else Mustache reflects it at each lookup)")
    func everyViewIsMarked() throws {
        let renderer = Samples.book.renderer
        var unmarked = Set<String>()
        func walk(_ value: Any) {
            let mirror = Mirror(reflecting: value)
            switch mirror.displayStyle {
            case .struct, .class:
                if !(value is any TemplateView) { unmarked.insert(String(reflecting: type(of: value))) }
                for child in mirror.children { walk(child.value) }
            case .optional, .collection:
                for child in mirror.children { walk(child.value) }
            default:
                return
            }
        }
        for input in Self.inputs {
            for kind in DocumentKind.plan(for: input.route, stage: input.stage) {
                walk(try renderer.model(for: kind, input))
            }
        }
        #expect(unmarked.isEmpty, "unmarked view types: \(unmarked.sorted())")
    }

    @Test("a nil property is left out, so the lookup goes on up the context stack as with a struct")
    func nilLooksFurtherUp() throws {
        struct Inner: TemplateView {
            var name: String?
            var flag: Bool
        }
        struct Outer: TemplateView {
            var name: String
            var inner: Inner
            var items: [Inner]
            var words: [String]
        }
        let model = Outer(
            name: "outer", inner: Inner(name: nil, flag: true),
            items: [Inner(name: "a", flag: false), Inner(name: nil, flag: true)], words: ["x", "y"])
        let templates = try TemplateSet(sources: [
            "t": "{{#inner}}[{{name}}]{{#flag}}on{{/flag}}{{/inner}} {{#items}}<{{name}}{{^flag}}-{{/flag}}>{{/items}} "
                + "{{#words}}{{.}}{{/words}}{{^missing}} none{{/missing}}"
        ])
        let reflected = try templates.libraryMarkup("t", model)
        #expect(reflected == "[outer]on <a-><outer> xy none")
        #expect(try templates.libraryMarkup("t", TemplateTree.value(model)) == reflected)
        #expect(templates.programMarkup("t", model) == reflected)
        let layouts = TemplateLayouts(roots: [Outer.self])
        #expect(layouts.fields[ObjectIdentifier(Outer.self)]?.map(\.name) == ["name", "inner", "items", "words"])
        #expect(layouts.fields[ObjectIdentifier(Inner.self)]?.map(\.name) == ["name", "flag"])
        #expect(try templates.libraryMarkup("t", layouts.value(model)) == reflected)
    }

    @Test("every view type of every document is laid out (read at its offsets, not reflected)")
    func everyDocumentViewIsLaidOut() throws {
        let layouts = Samples.book.renderer.templates.layouts
        for kind in DocumentKind.allCases {
            #expect(layouts.fields[ObjectIdentifier(kind.viewType)] != nil, "\(kind.viewType) is not laid out")
        }
        // The nested views too: a party, an invoice, an exhibit (through optionals and arrays).
        for type in [PartyView.self, InvoiceView.self, ExhibitView.self, RequeteView.Box.self] as [Any.Type] {
            #expect(layouts.fields[ObjectIdentifier(type)] != nil, "\(type) is not laid out")
        }
    }

    @Test("a view with an existential property is reflected, not read at its offsets, and renders the same")
    func existentialFieldIsReflected() throws {
        struct Boxed: TemplateView {
            var name: String
            var anything: Any
        }
        let layouts = TemplateLayouts(roots: [Boxed.self])
        #expect(layouts.fields[ObjectIdentifier(Boxed.self)] == nil)
        let templates = try TemplateSet(sources: ["t": "{{name}} {{anything}}"])
        let model = Boxed(name: "n", anything: "x")
        #expect(try templates.libraryMarkup("t", layouts.value(model)) == "n x")
        #expect(try templates.libraryMarkup("t", layouts.value(model)) == templates.libraryMarkup("t", model))
        #expect(try templates.markup("t", model) == "n x")
    }

    /// A deterministic generator (the tests must give the same lines on every run).
    struct Lines {
        var state: UInt64

        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }

        /// Words of the documents' alphabet: ASCII, accents, no-break spaces, list markers, a letter of
        /// Latin Extended-B (two UTF-8 bytes, lead 0xC7), runs of spaces, a form feed, and punctuation
        /// of U+2000–U+20CF (three bytes: dashes, quotes, `…`, the narrow no-break space, `€`).
        mutating func line() -> String {
            let pieces = [
                " ", " ", " ", "  ", "a", "le", "débiteur", "1\u{00A0}234,56\u{00A0}€", "L441-10\u{00A0}II", "- ",
                "1. ", "[12] ", "(3) ", "Ǆ", "créance", "—", "\u{0C}", "x", "intérêts", "9.", "ÉÈÀ", "l’article",
                "« cité »", "…", "•", "12\u{202F}%", "‰", "\u{20CF}", "\u{200B}",
            ]
            var text = ""
            for _ in 0..<next(40) { text += pieces[next(pieces.count)] }
            return text
        }
    }

    @Test("the byte layout gives the Character layout's text, for 4,000 lines of the documents' alphabet")
    func byteLayoutMatchesCharacters() {
        var lines = Lines(state: 20_261_201)
        var fast = 0
        for _ in 0..<4000 {
            let line = lines.line()
            let width = 4 + lines.next(40)
            var viaBytes = ""
            let handled = TextLayout.appendWrappedByBytes(Substring(line), width: width, to: &viaBytes)
            var viaCharacters = ""
            TextLayout.appendWrappedByCharacters(Substring(line), width: width, to: &viaCharacters)
            #expect(handled)
            if handled {
                fast += 1
                #expect(viaBytes == viaCharacters, "width \(width): \(line.debugDescription)")
            }
        }
        #expect(fast == 4000)
    }

    @Test(
        "lines with a combining mark, an emoji, a joiner or a carriage return take the Character layout",
        arguments: [
            "cafe\u{0301} noir", "facture 🧾 due", "a\u{200D}b", "a\u{200C}b", "ligne\r", "Ǆ\u{0308}", "x\u{20D0}",
            "\u{2122}\u{FE0F}", "한국", "🇫🇷",
        ])
    func otherLinesFallBack(line: String) {
        var output = ""
        #expect(!TextLayout.appendWrappedByBytes(Substring(line), width: 4, to: &output))
        #expect(output.isEmpty)
        var wrapped = ""
        TextLayout.appendWrapped(Substring(line), width: 4, to: &wrapped)
        var slow = ""
        TextLayout.appendWrappedByCharacters(Substring(line), width: 4, to: &slow)
        #expect(wrapped == slow)
    }

    /// Issue 12 (large cases): the relevé prints a rate or a repeated base once (`FormattedValues`); the
    /// texts are those of the formatter, and the formatter runs once per distinct recent value.
    @Test("the relevé's remembered rates and bases print as the formatter does, formatted once each")
    func formattedValues() {
        final class Calls: @unchecked Sendable { var count = 0 }
        let calls = Calls()
        var rates = FormattedValues { value in
            calls.count += 1
            return FrenchFormat.rate(value)
        }
        let values = ["12.15", "12.150", "11.5", "12.15", "4.12", "11.50", "12.15", "0", "0.00", "-1.5"].map {
            Decimal(string: $0)!
        }
        for value in values { #expect(rates.text(value) == FrenchFormat.rate(value), "\(value)") }
        #expect(calls.count == 5)  // 12.15, 11.5, 4.12, 0, -1.5
        // Keeping one value: a value after another is formatted again.
        calls.count = 0
        var bases = FormattedValues(
            { value in
                calls.count += 1
                return FrenchFormat.amount(value)
            }, keeping: 1)
        for value in ["100", "100.00", "90", "100"].map({ Decimal(string: $0)! }) {
            #expect(bases.text(value) == FrenchFormat.amount(value))
        }
        #expect(calls.count == 3)
    }
}
