import Foundation
import Mustache
import RecouvreDocuments
import RecouvreModel

/// The amicable stage's part of `forms/`, parsed: the ladder, the payer profiles and the reminder
/// templates, compiled once, with the book's message catalogue. A value: the law-book loader
/// (RecouvreForms' `LawBook.load`) reads and parses the files (`AmicableForms.parse`, `Ladder.parse`,
/// `PayerProfiles.parse` live there).
public struct AmicableForms: Sendable {
    public var ladder: Ladder
    public var profiles: PayerProfiles
    /// The book's catalogue (`forms/messages/`): the stage's notes (`AmicableReason`), the calendar of
    /// its dates (`calendar.yaml`), the parties' identity words (`documents.yaml`) and the countries of
    /// their addresses (`countries.yaml`).
    public let messages: MessageCatalogue
    /// The templates the ladder needs (`relance-ferme`…), checked at load, parsed by Mustache on first use.
    let templates: CompiledTemplates

    /// The chronology lines the documents print (`relance-chronologie.mustache`).
    public static let chronologyTemplate = "relance-chronologie"
    /// The letter proposing a payment plan.
    public static let planTemplate = "plan-echeancier"
    /// The files of forms/ besides the templates.
    public static let files = [Ladder.file, PayerProfiles.file]

    /// `templates/<name>.mustache`.
    public static func templatePath(_ name: String) -> String { "templates/\(name).mustache" }

    /// The templates the ladder needs: each reminder step's, the chronology's and the plan letter's.
    public static func templateNames(for ladder: Ladder) -> [String] {
        var names = ladder.steps.compactMap(\.template)
        names.append(contentsOf: [chronologyTemplate, planTemplate])
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }

    /// The ladder and profiles parsed by the law-book loader, with the templates they need from
    /// `sources` (name → Mustache source, every template of forms/templates/) and the book's
    /// `messages`. Each template is checked here (`TemplateCheck`: syntax and limits) and parsed by
    /// Mustache when first rendered (see `TemplateSet.init`). Pure.
    public static func compiling(
        ladder: Ladder, profiles: PayerProfiles, templateSources sources: [String: String],
        messages: MessageCatalogue
    ) throws(AmicableError) -> AmicableForms {
        var needed: [String: String] = [:]
        for name in templateNames(for: ladder) {
            guard let source = sources[name] else {
                throw AmicableError(file: templatePath(name), "introuvable (modèle demandé par \(Ladder.file))")
            }
            do { try TemplateCheck.check(source, file: templatePath(name), schema: nil) } catch {
                throw AmicableError(file: templatePath(name), "modèle Mustache invalide (\(error))")
            }
            needed[name] = source
        }
        return AmicableForms(
            ladder: ladder, profiles: profiles, messages: messages,
            templates: CompiledTemplates(sources: needed, files: [:]))
    }

    /// Renders template `name` with `model` as text (never HTML-escaped), then lays it out at `width` columns.
    public func render(
        _ name: String, _ model: [String: Any], width: Int = TextLayout.a4Width
    ) throws(AmicableError) -> String {
        guard templates.has(name) else {
            throw AmicableError(file: Self.templatePath(name), "modèle absent des formulaires chargés")
        }
        let template: MustacheTemplate
        do { template = try templates.template(name).template } catch {
            throw AmicableError(file: Self.templatePath(name), "modèle Mustache invalide (\(error))")
        }
        var text = TextLayout.wrap(template.render(model), width: width)
        while text.hasPrefix("\n") { text.removeFirst() }
        while text.contains("\n\n\n") { text = text.replacingOccurrences(of: "\n\n\n", with: "\n\n") }
        while text.hasSuffix("\n\n") { text.removeLast() }
        if !text.hasSuffix("\n") { text += "\n" }
        return text
    }

    /// `23 novembre 2026`; `1er janvier 2026`: the catalogue's calendar.
    func date(_ day: Day) -> String { messages.dates.long(day) }

    /// A one-line Mustache text (a subject).
    static func renderLine(_ source: String, _ model: [String: Any]) -> String {
        guard let template = try? MustacheTemplate(string: "{{%CONTENT_TYPE: TEXT}}" + source) else { return source }
        return template.render(model).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
