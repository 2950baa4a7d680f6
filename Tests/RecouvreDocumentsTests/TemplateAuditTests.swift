import RecouvreDocuments
import RecouvreTestSupport
import Testing

/// Templates are data checked by tests (conventions.md): every template, rendered against every
/// sample dossier, must use only placeholders its view model offers and use everything it offers.
@Suite("Templates against their view models")
struct TemplateAuditTests {
    @Test(
        "every template, against every sample and fixture, uses every placeholder its model offers and no other",
        arguments: DocumentKind.allCases)
    func templateMatchesModel(kind: DocumentKind) throws {
        let renderer = Samples.book.renderer
        let source = try renderer.templates.source(kind.template)
        var audit = TemplateAudit()
        var rendered = 0
        let inputs = Samples.all.flatMap(\.stages) + (try FixtureInputs.names.flatMap(FixtureInputs.stages))
        for input in inputs where DocumentKind.plan(for: input.route, stage: input.stage).contains(kind) {
            audit.merge(TemplateAudit.audit(template: source, model: try renderer.model(for: kind, input)))
            rendered += 1
        }
        #expect(rendered > 0, "no sample dossier contains \(kind)")
        #expect(audit.unsupported.isEmpty, "\(kind.template): \(audit.unsupported)")
        #expect(audit.missing.isEmpty, "\(kind.template): placeholders with no value: \(audit.missing)")
        #expect(audit.unused.isEmpty, "\(kind.template): model values never used: \(audit.unused.sorted())")
    }

    @Test("every template file under forms/templates is one the dossier renders")
    func noStrayTemplate() {
        // relance-* and plan-* are the amicable stage's (RecouvreAmicableTests checks them).
        let names = Samples.forms.files(in: "templates").filter {
            $0.hasSuffix(".mustache") && !$0.hasPrefix("relance-") && !$0.hasPrefix("plan-")
        }
        let known = Set(DocumentKind.allCases.map { "\($0.template).mustache" })
        #expect(Set(names) == known)
    }

    struct Model {
        var name: String
        var items: [Item]
        var note: String?
        struct Item { var label: String }
    }

    @Test("the audit reports a placeholder the model lacks")
    func reportsMissing() {
        let audit = TemplateAudit.audit(
            template: "{{name}} {{#items}}{{label}}{{price}}{{/items}} {{note}}",
            model: Model(name: "a", items: [.init(label: "b")], note: nil))
        #expect(audit.missing == ["price (in items)"])
        #expect(audit.unused.isEmpty)
    }

    @Test("the audit reports a model value the template never uses")
    func reportsUnused() {
        let audit = TemplateAudit.audit(
            template: "{{name}}", model: Model(name: "a", items: [.init(label: "b")], note: nil))
        #expect(audit.missing.isEmpty)
        #expect(audit.unused == ["items", "items.label", "note"])
    }

    @Test("the audit resolves names up the section stack, as Mustache does")
    func resolvesUpTheStack() {
        let audit = TemplateAudit.audit(
            template: "{{#items}}{{label}} {{name}}{{/items}}{{^note}}-{{/note}}",
            model: Model(name: "a", items: [.init(label: "b")], note: nil))
        #expect(audit.missing.isEmpty)
        #expect(audit.unused.isEmpty)
    }
}
