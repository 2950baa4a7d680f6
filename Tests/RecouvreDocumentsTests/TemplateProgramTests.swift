import Foundation
import RecouvreTestSupport
import Testing

@testable import RecouvreDocuments

/// The fast renderer (`TemplateProgram`) follows swift-mustache's rules tag by tag: on templates that
/// use every kind of tag recouvre accepts, over views holding every kind of value, its text is the
/// library's own rendering of the struct (Mirror at each lookup), and it renders them itself.
@Suite("Fast template renderer: swift-mustache's text")
struct TemplateProgramTests {
    enum Tone: String { case firm, polite }

    struct Line: TemplateView {
        var label: String
        var amount: String?
        var flag: Bool
        var tags: [String]
        var count: Int
    }

    struct Model: TemplateView {
        var name: String
        var missing: String?
        var empty: String
        var yes: Bool
        var no: Bool
        var lines: [Line]
        var none: [Line]
        var words: [String]
        var numbers: [Int]
        var maybe: [String?]
        var nested: [[String]]
        var tone: Tone
        var total: Int
        var optionalTotal: Int?
        var inner: Line?
        var absent: Line?
        var decimal: Decimal
    }

    static let model = Model(
        name: "Durand & fils <SA>", missing: nil, empty: "", yes: true, no: false,
        lines: [
            Line(label: "a", amount: "1,00", flag: true, tags: ["x", "y"], count: 0),
            Line(label: "b", amount: nil, flag: false, tags: [], count: 3),
            Line(label: "c", amount: "3,00", flag: true, tags: ["z"], count: -1),
        ],
        none: [], words: ["un", "deux", "trois"], numbers: [4, 5], maybe: ["p", nil], nested: [["i", "j"], []],
        tone: .firm, total: 41, optionalTotal: 7,
        inner: Line(label: "in", amount: nil, flag: true, tags: ["t"], count: 1),
        absent: nil, decimal: Decimal(string: "12.50")!)

    static let templates: [String: String] = [
        "variables": "{{name}}|{{{name}}}|{{&name}}|{{missing}}|{{empty}}|{{yes}}|{{no}}|{{tone}}|{{total}}|"
            + "{{optionalTotal}}|{{decimal}}|{{unknown}}|{{inner.label}}|{{inner.amount}}|{{absent.label}}|{{.name}}",
        "sections": """
        {{#yes}}yes{{/yes}}{{#no}}no{{/no}}{{^no}}not no{{/no}}{{^yes}}not yes{{/yes}}
        {{#missing}}missing{{/missing}}{{^missing}}no missing{{/missing}}
        {{#empty}}[{{.}}]{{/empty}}{{^empty}}no empty{{/empty}}
        {{#name}}<{{.}}>{{name}}{{/name}}
        {{#tone}}tone {{.}} {{name}}{{/tone}}
        {{#inner}}{{label}} {{name}} {{#flag}}on{{/flag}}{{#tags}}({{.}}){{/tags}}{{/inner}}
        {{#absent}}absent{{/absent}}{{^absent}}no absent{{/absent}}
        {{^none}}none is empty {{name}}{{/none}}{{#none}}never{{/none}}
        {{#total}}total {{.}}{{/total}}
        """,
        "lists": """
        {{#lines}}
        - {{label}}{{#amount}} : {{amount}}{{/amount}}{{^amount}} (sans montant){{/amount}} {{name}}
        {{#flag}}  flag {{^last()}}not last{{/last()}}{{#first()}}first{{/first()}}{{/flag}}
          {{#tags}}{{.}}{{^last()}}, {{/last()}}{{/tags}}{{^tags}}no tags{{/tags}}
          index {{index()}} {{#even()}}even{{/even()}}{{#odd()}}odd{{/odd()}} {{plusone(index())}} {{count}}
          {{#equalzero(count)}}zero{{/equalzero(count)}} {{minusone(count)}}
        {{/lines}}
        {{#words}}{{.}}{{#first()}}!{{/first()}}{{^last()}} / {{/last()}}{{/words}}
        {{#numbers}}{{.}}{{plusone(.)}} {{/numbers}}
        {{#maybe}}[{{.}}]{{/maybe}}
        {{#nested}}({{#.}}{{.}}{{/.}}){{/nested}}
        {{^last()}}outside a list{{/last()}}{{#first()}}never{{/first()}}
        """,
        "transforms":
            "{{uppercased(name)}} {{lowercased(name)}} {{capitalized(tone)}} {{#empty(empty)}}E{{/empty(empty)}}"
            + "{{^empty(name)}}N{{/empty(name)}} {{reversed(name)}} {{uppercased(missing)}} {{plusone(total)}}"
            + " {{#lines}}{{uppercased(label)}}{{/lines}} {{even(total)}} {{odd(total)}}",
        "standalone": """
        Début
          {{#lines}}
            {{! un commentaire }}
          * {{label}}
          {{/lines}}
        {{^lines}}
        rien
        {{/lines}}
        Fin {{name}}
        """,
    ]

    @Test("every kind of tag over every kind of value: the library's text", arguments: templates.keys.sorted())
    func sameTextAsTheLibrary(name: String) throws {
        let set = try TemplateSet(sources: Self.templates)
        let reference = try set.libraryMarkup(name, Self.model)
        let fast = set.programMarkup(name, Self.model)
        #expect(fast != nil, "\(name): the fast renderer gave up")
        #expect(fast == reference, "\(name)")
        #expect(try set.markup(name, Self.model) == reference)
    }

    /// Hand-checked: a name missing on an element is looked up on the objects below it, a flag's section
    /// keeps the list position, an empty list's inverted section pushes the list (nothing is found in it).
    @Test("hand-checked lookups up the stack and list positions")
    func handChecked() throws {
        let set = try TemplateSet(sources: [
            "t": "{{#lines}}{{label}}:{{amount}}:{{name}}{{#flag}}{{#last()}}!{{/last()}}{{/flag}};{{/lines}}"
                + "{{^none}}{{name}}{{/none}}"
        ])
        // a (amount 1,00, flag, not last), b (no amount: "" — `amount` is nil on b and on the model), c (last: "!").
        #expect(
            set.programMarkup("t", Self.model)
                == "a:1,00:Durand & fils <SA>;b::Durand & fils <SA>;c:3,00:Durand & fils <SA>!;Durand & fils <SA>")
    }

    @Test("every shipped template compiles to the fast renderer")
    func shippedTemplatesCompile() throws {
        let templates = Samples.book.renderer.templates
        for name in templates.sources.keys.sorted() {
            let template = try #require(try TemplateSet(sources: [name: templates.source(name)]).program(name))
            #expect(!template.nodes.isEmpty, "\(name)")
        }
    }

    @Test("a model that is not a view is rendered by the library as given")
    func dictionaryModel() throws {
        let set = try TemplateSet(sources: ["t": "{{a}} {{#b}}{{c}}{{/b}} {{#list}}{{.}}{{/list}}"])
        let model: [String: Any] = ["a": "x", "b": ["c": "y"], "list": [1, 2]]
        #expect(try set.markup("t", model) == "x y 12")
    }
}
