import Foundation
import RecouvreModel
import RecouvreTestSupport
import Testing

@testable import RecouvreDocuments

/// Session 8 (render): the fast renderer gathers its text as UTF-8 bytes (`TemplateBytes`) instead of
/// appending `String`s, and `FrenchFormat.ordinaryCase` reads an ASCII line off its bytes. Both must
/// give the bytes of their references (`renderByStrings`, `ordinaryCaseByCharacters`) on every input,
/// hostile ones included; strings are compared by their bytes (`==` on `String` would accept a
/// canonically equivalent text).
@Suite("Render bytes: the byte paths give the bytes of their references")
struct RenderBytesTests {
    static func bytes(_ text: String?) -> [UInt8]? { text.map { Array($0.utf8) } }

    // MARK: The template renderer's byte buffer

    struct Item: TemplateView {
        var label: String
        var note: String?
        var flag: Bool
    }

    struct Hostile: TemplateView {
        var name: String
        var empty: String
        var accent: String
        var combining: String
        var spaces: String
        var huge: String
        var items: [Item]
        var many: [Item]
        var words: [String]
    }

    /// Pieces whose joins are hostile: a combining mark after a text ending in a letter, CR LF split
    /// across two pieces, no-break and odd spaces, empty pieces, a 200,000-byte value, long lists.
    static let hostile = Hostile(
        name: "Durand & Fils — Société « Ä »", empty: "", accent: "e", combining: "\u{301}\u{308}",
        spaces: "\t \u{00A0}\u{202F}\u{2028}\u{3000} \r", huge: String(repeating: "ab\u{E9}cd ", count: 40_000),
        items: [
            Item(label: "é", note: "\u{301}", flag: true), Item(label: "", note: nil, flag: false),
            Item(label: "\r", note: "\n", flag: true), Item(label: "👩‍👩‍👧", note: "\u{200D}", flag: false),
        ],
        many: (0..<700).map { Item(label: "ligne \($0) ç", note: $0 % 3 == 0 ? nil : "n\($0)", flag: $0 % 2 == 0) },
        words: ["", "a", "\u{301}", "\n", "e", "\u{301}", "日本語"])

    static let hostileTemplates: [String: String] = [
        "joins": "{{accent}}{{combining}}|{{name}}{{empty}}{{combining}}|e{{combining}}\r{{#items}}{{label}}"
            + "{{note}}{{/items}}\n{{#words}}{{.}}{{/words}}{{spaces}}",
        "huge": "début\n{{huge}}\n{{#many}}- {{label}}{{#note}} : {{note}}{{/note}}{{^flag}} !{{/flag}}\n{{/many}}fin",
        "lines":
            "{{#many}}{{label}} {{name}}\n{{#flag}}  {{spaces}}\n{{/flag}}{{/many}}{{#items}}{{label}}\n{{/items}}",
        "empty": "",
        "onlyText": "   \n\n\t é\u{301}\n",
    ]

    @Test(
        "every template over hostile values: the bytes of the String appends", arguments: hostileTemplates.keys.sorted()
    )
    func hostileValues(name: String) throws {
        let set = try TemplateSet(sources: Self.hostileTemplates)
        let program = try #require(set.program(name))
        let value = set.layouts.templateValue(Self.hostile)
        let reference = try #require(program.renderByStrings(value))
        #expect(Self.bytes(program.render(value)) == Self.bytes(reference), "\(name)")
        // The library agrees too (the reference itself is tested against it elsewhere).
        #expect(Self.bytes(try set.libraryMarkup(name, Self.hostile)) == Self.bytes(reference), "\(name)")
    }

    @Test("the templates of TemplateProgramTests: the bytes of the String appends")
    func everyKindOfTag() throws {
        let set = try TemplateSet(sources: TemplateProgramTests.templates)
        for name in TemplateProgramTests.templates.keys.sorted() {
            let program = try #require(set.program(name))
            let value = set.layouts.templateValue(TemplateProgramTests.model)
            let reference = try #require(program.renderByStrings(value))
            #expect(Self.bytes(program.render(value)) == Self.bytes(reference), "\(name)")
        }
    }

    /// The streamed renderer: the lines the sink takes and the last piece, over bytes and over strings,
    /// lay out as the same bytes, for pieces from one byte up.
    @Test("streamed through a sink in pieces: the bytes of the String appends")
    func streamedPieces() throws {
        let set = try TemplateSet(sources: Self.hostileTemplates)
        for name in ["huge", "lines", "onlyText"] {
            let program = try #require(set.program(name))
            let value = set.layouts.templateValue(Self.hostile)
            for piece in [1, 7, 64, 4096, MarkupSink.defaultPiece] {
                func data(_ byStrings: Bool) throws -> Data? {
                    let sink = MarkupSink(
                        file: "t", laidOut: TextWriter(width: TextLayout.a4Width, reserving: 16, bytes: true),
                        piece: piece)
                    if byStrings {
                        return try sink.finishData(try #require(program.renderByStrings(value, sink: sink)))
                    }
                    return try sink.finishData(try #require(program.render(value, sink: sink)))
                }
                let reference = try data(true)
                #expect(try data(false) == reference, "\(name), pieces of \(piece)")
            }
        }
    }

    @Test("whole lines cut off the text: the bytes and the string agree")
    func takeLines() throws {
        let texts = ["", "a", "\n", "a\nb", "é\u{301}\n\u{301}", "x\r\ny\r", "\n\n\n", "ligne 1\nligne 2\nsans fin"]
        for text in texts {
            var string = text
            var buffer = TemplateBytes()
            buffer.write(text)
            #expect(Self.bytes(buffer.takeLines()) == Self.bytes(string.takeLines()), "\(text.debugDescription)")
            #expect(Self.bytes(buffer.text()) == Self.bytes(string), "\(text.debugDescription)")
        }
    }

    /// Every shipped template over every sample's and fixture's view: the same bytes both ways.
    @Test("every document of every sample and fixture: the bytes of the String appends")
    func everyDocument() throws {
        let renderer = Samples.book.renderer
        var compared = 0
        for input in RenderingFastPathTests.inputs {
            for kind in DocumentKind.plan(for: input.route, stage: input.stage) {
                let model = try renderer.model(for: kind, input)
                let program = try #require(renderer.templates.program(kind.template))
                let value = renderer.templates.layouts.templateValue(model)
                let reference = try #require(program.renderByStrings(value))
                #expect(Self.bytes(program.render(value)) == Self.bytes(reference), "\(kind.template)")
                compared += 1
            }
        }
        #expect(compared > 50)
    }

    // MARK: The dossier's shared views

    /// The parties and the claim are made once a dossier (`DossierFacts`): the views each document made.
    @Test("the dossier's parties and claim are the views each document made itself")
    func sharedViews() throws {
        let renderer = Samples.book.renderer
        for input in RenderingFastPathTests.inputs {
            let facts = DossierFacts(
                input: input, settings: renderer.settings, exhibits: try renderer.render(input).exhibits,
                messages: renderer.messages, statutory: renderer.statutory)
            #expect(facts.creditor == PartyView(input.case.creditor, messages: renderer.messages))
            #expect(facts.debtor == PartyView(input.case.debtor, messages: renderer.messages))
            #expect(facts.claim == ClaimView(input.statement, dates: facts.dates))
        }
    }

    @Test("a document streamed from its typed view: the bytes of the model given as Any")
    func typedView() throws {
        let renderer = Samples.book.renderer
        let templates = renderer.templates
        for input in RenderingFastPathTests.inputs {
            for kind in DocumentKind.plan(for: input.route, stage: input.stage) {
                let model = try renderer.model(for: kind, input)
                let view = try #require(model as? any TemplateView)
                let typed = try templates.streamedData(kind.template, view: view)
                #expect(typed != nil, "\(kind.template)")
                #expect(typed == (try templates.streamedData(kind.template, model)), "\(kind.template)")
            }
        }
    }

    // MARK: number

    @Test("number: the bytes of the Character walk, over amounts and hostile texts")
    func numberText() {
        let values: [Decimal] = [
            0, 1, 10, 40, -3, Decimal(string: "7.5")!, Decimal(string: "7.50")!, Decimal(string: "0.05")!,
            Decimal(string: "-0.10")!, Decimal(string: "1234567.891")!, Decimal(string: "100.00")!, .nan,
        ]
        for value in values {
            let plain = Money.plain(value)
            #expect(
                Self.bytes(FrenchFormat.number(value)) == Self.bytes(FrenchFormat.numberByCharacters(plain: plain)),
                "\(value)")
        }
        let texts = [
            "", ".", "0", "00", "0.", ".0", "10.00", "10.50", "1.2.30", "-0.0", "12,50", "7.5\r\n", "7.50\u{301}",
            "1\u{2024}5", "é.0", "0.\u{301}", " 1.0 ", "1e5", "1.0.0", "0000", "10",
        ]
        for text in texts {
            #expect(
                Self.bytes(FrenchFormat.number(plain: text))
                    == Self.bytes(FrenchFormat.numberByCharacters(plain: text)),
                "\(text.debugDescription)")
        }
    }

    // MARK: ordinaryCase

    /// Address lines as directories write them, and hostile ones (non-ASCII, combining marks, CR LF,
    /// apostrophes, digits against letters, odd whitespace, empty words).
    static let addressLines: [String] = [
        "13 BOULEVARD CLEMENCEAU", "21000 DIJON", "BP 123", "CS 40001", "75008 PARIS CEDEX 08",
        "2-4 RUE DU PONT-NEUF", "RUE DE L'EGLISE", "D'ARC", "L'ISLE", "PLACE DES ARTS", "RUE", "DE LA GARE",
        "  DOUBLE  ESPACE ", "", " ", "-", "--", "A--B", "13BIS RUE", "13 BIS RUE", "RN7", "7E ETAGE",
        "CHEMIN D'EN-HAUT", "L'", "D'", "D'-X", "RUE D'ARC-EN-CIEL", "ALLÉE DES ÉRABLES", "E\u{301}TANG",
        "RUE\u{00A0}HAUTE", "RUE\tHAUTE", "RUE\r\nHAUTE", "RUE.HAUTE", "ST. JEAN", "O'NEIL", "MC'DONALD",
        "ROND-POINT DU ROND-POINT", "AUX ARMES", "EN VILLE", "CS", "BP", "CEDEX", "cedex", "13 rue Clemenceau",
        "RUE DE PARIS 13", "À PARIS", "ÆSOP", "STRAßE", "İSTANBUL", "123", "123-456", "A1", "A-1", "1-A",
        "DÉPÔT", "Z", "Q'Z", "X''Y", "'", "''", "A'", "RUE ' X",
    ]

    @Test("address lines: the bytes of the Character walk")
    func ordinaryCaseLines() {
        for line in Self.addressLines {
            #expect(
                Self.bytes(FrenchFormat.ordinaryCase(line)) == Self.bytes(FrenchFormat.ordinaryCaseByCharacters(line)),
                "\(line.debugDescription)")
        }
        // The fast path takes the usual lines itself.
        for line in ["13 BOULEVARD CLEMENCEAU", "21000 DIJON", "CS 40001 CEDEX", "RUE DE L'EGLISE", "2-4 RUE X"] {
            #expect(FrenchFormat.ordinaryCaseByBytes(line) != nil, "\(line)")
        }
    }

    @Test("every ASCII byte inside, before and after words: the bytes of the Character walk")
    func ordinaryCaseEveryByte() {
        for code in 0..<128 {
            let c = String(UnicodeScalar(UInt8(code)))
            for line in [
                c, "A\(c)B", "\(c)AB", "AB\(c)", "13 RUE\(c)X", "D'\(c)ARC", "L'EGLISE\(c)", "RUE \(c) X", "\(c)-\(c)",
                "12\(c)34 RUE", "DE\(c)", "d\(c)", "A\(c)a",
            ] {
                #expect(
                    Self.bytes(FrenchFormat.ordinaryCase(line))
                        == Self.bytes(FrenchFormat.ordinaryCaseByCharacters(line)), "\(line.debugDescription)")
            }
        }
    }

    @Test("random lines over a hostile alphabet: the bytes of the Character walk")
    func ordinaryCaseRandom() {
        var generator = SeededGenerator(seed: 0x5EED_0008)
        let alphabet: [String] = [
            "A", "E", "Z", "a", "z", " ", " ", "-", "'", "1", "9", ".", ",", "\t", "\r\n", "É", "\u{301}", "ß",
            "\u{00A0}",
            "CS", "BP", "CEDEX", "DE", "RUE", "D'", "L'", "LES",
        ]
        for _ in 0..<4000 {
            let count = Int(generator.next() % 12)
            let line = (0..<count).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
            #expect(
                Self.bytes(FrenchFormat.ordinaryCase(line)) == Self.bytes(FrenchFormat.ordinaryCaseByCharacters(line)),
                "\(line.debugDescription)")
        }
    }

}
