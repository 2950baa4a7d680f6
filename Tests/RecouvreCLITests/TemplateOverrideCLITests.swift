import Foundation
import RecouvreTestSupport
import Testing

/// Issue 12: a firm's `--forms` template is checked when the law book is loaded, before anything is
/// computed or written: a name the document does not offer, a partial, 20,000 nested sections.
@Suite("--forms templates checked at load time")
struct TemplateOverrideCLITests {
    static let caseFile = "fixtures/b2b-lyon-dijon/case.yaml"

    /// Builds the fixture with a `--forms` folder holding one template; returns the result, the
    /// template's path and whether anything was written at `--out`.
    func build(template name: String, _ text: String) async throws -> (CLIResult, String, Bool) {
        let dir = try TestPaths.temporaryFolder("template-override")
        defer { try? FileManager.default.removeItem(at: dir) }
        let templates = dir.appendingPathComponent("forms/templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        let file = templates.appendingPathComponent("\(name).mustache")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("dossier")
        let result = try await CLI.run(
            [
                "build", Self.caseFile, "--out", out.path, "--stage", "notice", "--forms",
                dir.appendingPathComponent("forms").path,
            ])
        let written = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0 != "forms" }
        return (result, file.path, !written.isEmpty)
    }

    @Test("a placeholder the document does not offer: exit 1, file, line and name in French, nothing written")
    func unknownPlaceholder() async throws {
        let shipped = try String(
            contentsOf: TestPaths.forms.appendingPathComponent("templates/mise-en-demeure.mustache"), encoding: .utf8)
        let (result, path, written) = try await build(
            template: "mise-en-demeure", "Cabinet Exemple\n\nMontant : {{montant}} €\n" + shipped)
        #expect(result.status == 1, "\(result)")
        #expect(
            result.stderr.contains("\(path), ligne 3 : {{montant}} ne désigne aucune donnée de ce document"),
            "\(result)")
        #expect(result.stderr.contains("données disponibles ici : place, date, reference"), "\(result)")
        #expect(!written)
    }

    @Test("a partial, and 20,000 nested sections, are refused with exit 1 (no crash), nothing written")
    func partialAndDepth() async throws {
        let (partial, path, partialWritten) = try await build(
            template: "releve-de-compte", "{{reference}}\n{{> pied}}\n")
        #expect(partial.status == 1, "\(partial)")
        #expect(partial.stderr.contains("\(path), ligne 2 : {{> pied}} inclut le modèle partiel « pied », inconnu"))
        #expect(!partialWritten)

        // 240,000 bytes: under the size limit, so it is the nesting that is refused.
        let deep = String(repeating: "{{#a}}", count: 20_000) + String(repeating: "{{/a}}", count: 20_000)
        let (nested, _, nestedWritten) = try await build(template: "releve-de-compte", deep)
        #expect(nested.status == 1, "\(nested)")
        #expect(nested.stderr.contains("sections imbriquées sur plus de 32 niveaux"), "\(nested)")
        #expect(!nestedWritten)
    }
}
