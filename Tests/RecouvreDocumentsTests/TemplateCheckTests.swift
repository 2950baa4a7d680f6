import Foundation
import RecouvreDocuments
import RecouvreTestSupport
import Testing

/// Issue 12: every template is checked at every load of the law book (the shipped ones and a firm's
/// `--forms` overrides): size and nesting limits, no partial, and only names its view model offers.
@Suite("Templates checked at load time")
struct TemplateCheckTests {
    // That each template uses every value its view offers is TemplateAuditTests' (over the samples).
    @Test("every shipped document template passes its load-time check", arguments: DocumentKind.allCases)
    func shippedTemplatesPass(kind: DocumentKind) throws {
        let source = try Samples.book.renderer.templates.source(kind.template)
        try TemplateCheck.check(source, file: kind.template, schema: kind.schema)
        let audit = TemplateAudit.audit(template: source, schema: kind.schema)
        #expect(audit.issues.isEmpty, "\(audit.issues)")
        #expect(audit.missing.isEmpty)
        #expect(!audit.used.isEmpty)
    }

    /// The schema is read from the view's type: this holds it to the values the renderer builds, so a
    /// view that gains or loses a field (or a nested view type left out of TemplateViews.swift) fails here.
    @Test(
        "the schema of each document is exactly the shape of the view the renderer builds",
        arguments: DocumentKind.allCases)
    func schemaMatchesRenderedViews(kind: DocumentKind) throws {
        let renderer = Samples.book.renderer
        let schemaPaths = kind.schema.paths
        var offered = Set<String>()
        let inputs = Samples.all.flatMap(\.stages) + (try FixtureInputs.names.flatMap(FixtureInputs.stages))
        for input in inputs where DocumentKind.plan(for: input.route, stage: input.stage).contains(kind) {
            let model = try renderer.model(for: kind, input)
            #expect(type(of: model) == kind.viewType, "\(kind): \(type(of: model)) rendered")
            offered.formUnion(TemplateAudit.audit(template: "", model: model).offered)
        }
        #expect(!offered.isEmpty)
        #expect(offered.isSubset(of: schemaPaths), "not in the schema: \(offered.subtracting(schemaPaths).sorted())")
        // Paths reached only through a value that is nil or an empty list in every sample may be
        // absent from `offered`; every top-level field of the view is always there.
        let topLevel = Set(schemaPaths.filter { !$0.contains(".") })
        #expect(topLevel.isSubset(of: offered), "\(topLevel.subtracting(offered).sorted())")
    }

    struct Model: TemplateView {
        var name: String
        var items: [Item]
        var note: String?
        var flag: Bool
        struct Item: TemplateView { var label: String }
    }

    static let schema = TemplateSchema.of(Model.self)

    func issues(_ template: String) -> [TemplateIssue] {
        do {
            try TemplateCheck.check(template, file: "t.mustache", schema: Self.schema)
            return []
        } catch { return error.issues }
    }

    @Test("the schema comes from the type: fields, lists, optionals, flags")
    func schemaFromType() {
        #expect(Self.schema.paths == ["name", "items", "items.label", "note", "flag"])
        #expect(
            Self.schema
                == .record([
                    .init(name: "name", schema: .value),
                    .init(name: "items", schema: .list(.record([.init(name: "label", schema: .value)]))),
                    .init(name: "note", schema: .optional(.value)), .init(name: "flag", schema: .flag),
                ]))
    }

    @Test("a valid template passes: names up the section stack, position in a list, comments, transforms")
    func validTemplate() {
        let template = """
            {{! a comment }}{{name}} {{{name}}} {{&name}}
            {{#items}}{{label}} {{name}}{{^last()}}, {{/last()}}{{/items}}{{^items}}none{{/items}}
            {{#note}}{{.}}{{/note}}{{#flag}}yes{{/flag}} {{uppercased(name)}} {{#empty(items)}}-{{/empty(items)}}
            """
        #expect(issues(template).isEmpty)
    }

    @Test("an unknown placeholder is refused with its line, its name and the names offered")
    func unknownPlaceholder() {
        let found = issues("{{name}}\n\n{{#items}}{{label}}{{price}}{{/items}}")
        #expect(found.count == 1)
        #expect(found.first?.line == 3)
        #expect(found.first?.text.contains("{{price}} ne désigne aucune donnée de ce document") == true)
        #expect(found.first?.text.contains("dans la section « items »") == true)
        #expect(found.first?.text.contains("label, name, items, note, flag") == true)
        let nested = issues("{{#items}}{{/items}}\n{{name.first}}")
        #expect(nested.first?.line == 2)
        #expect(nested.first?.text.contains("« name » n'a pas de champ « first »") == true)
    }

    @Test("a partial is an unknown template: refused, named, with its line")
    func partialRefused() {
        let found = issues("{{name}}\n{{> en-tete}}\n")
        #expect(found.first?.line == 2)
        #expect(found.first?.text.contains("modèle partiel « en-tete », inconnu") == true)
        #expect(issues("{{<parent}}{{/parent}}").first?.text.contains("héritage") == true)
        #expect(issues("{{=<% %>=}}").first?.text.contains("délimiteurs") == true)
        #expect(issues("{{%CONTENT_TYPE: HTML}}").first?.text.contains("directive") == true)
    }

    @Test("20,000 nested sections are refused at the nesting limit, without recursion (no stack overflow)")
    func deepNesting() throws {
        let depth = 20_000
        let template = String(repeating: "{{#a}}", count: depth) + String(repeating: "{{/a}}", count: depth)
        #expect(template.utf8.count <= TemplateCheck.maximumBytes)  // refused for its depth, not its size
        let found = issues(template)
        #expect(found.count == 1)
        #expect(found.first?.text.contains("plus de \(TemplateCheck.maximumDepth) niveaux") == true)
        // At the limit itself it is accepted (names resolve up the stack inside each element).
        let atLimit =
            String(repeating: "{{#items}}", count: TemplateCheck.maximumDepth)
            + String(repeating: "{{/items}}", count: TemplateCheck.maximumDepth)
        #expect(issues(atLimit).isEmpty)
        // Transforms nest in swift-mustache's parser too.
        let parens =
            "{{" + String(repeating: "uppercased(", count: depth) + "name" + String(repeating: ")", count: depth) + "}}"
        #expect(
            issues(parens).first?.text.contains("nom de plus de \(TemplateCheck.maximumNameLength) caractères") == true)
        let five = "{{" + String(repeating: "uppercased(", count: 5) + "name" + String(repeating: ")", count: 5) + "}}"
        #expect(issues(five).first?.text.contains("plus de \(TemplateCheck.maximumTransforms) transformations") == true)
    }

    @Test("an oversize template is refused before it is parsed")
    func oversize() {
        let template = String(repeating: "x", count: TemplateCheck.maximumBytes + 1)
        let found = issues(template)
        #expect(found.first?.line == nil)
        #expect(found.first?.text.contains("au-delà de la limite de \(TemplateCheck.maximumBytes) octets") == true)
    }

    @Test("broken structure is refused with the line: unclosed tag, unclosed or crossed sections")
    func structure() {
        #expect(issues("a\n{{name").first?.line == 2)
        #expect(issues("a\n{{name").first?.text.contains("jamais fermée") == true)
        let unclosed = issues("{{#items}}\n{{label}}")
        #expect(unclosed.first?.line == 1)
        #expect(unclosed.first?.text.contains("{{/items}} attendu") == true)
        let crossed = issues("{{#items}}{{#note}}\n{{/items}}{{/note}}")
        #expect(crossed.first?.line == 2)
        #expect(crossed.first?.text.contains("ouverte ligne 1") == true)
        #expect(issues("{{/items}}").first?.text.contains("n'a pas été ouverte") == true)
        #expect(issues("{{na me}}").first?.text.contains("n'est pas une balise valide") == true)
    }

    @Test("a group or a list printed as text, a position outside a list, an unknown transform are refused")
    func misuse() {
        #expect(issues("{{items}}").first?.text.contains("désigne une liste") == true)
        #expect(issues("{{#last()}}x{{/last()}}").first?.text.contains("qu'à l'intérieur d'une liste") == true)
        #expect(issues("{{reverse(name)}}").first?.text.contains("la transformation « reverse » est inconnue") == true)
    }

    @Test("the error names the file and each problem's line, in French, exit status 1")
    func errorDescription() {
        let error = TemplateError(
            file: "/firm/forms/templates/mise-en-demeure.mustache",
            issues: [TemplateIssue(line: 12, "{{montant}} ne désigne aucune donnée de ce document")])
        #expect(error.exitCode == 1)
        #expect(
            error.description
                == "/firm/forms/templates/mise-en-demeure.mustache, ligne 12 : {{montant}} ne désigne aucune donnée de ce document"
        )
    }
}
