import Foundation
import Mustache
import RecouvreDocuments

/// The amicable stage's part of `forms/`, parsed: the ladder, the payer profiles and the reminder
/// templates. A value: the caller reads the files (the CLI today, the law-book loader once it lands).
public struct AmicableForms: Sendable {
    public var ladder: Ladder
    public var profiles: PayerProfiles
    /// Template name (`relance-ferme`) → Mustache source.
    public var templates: [String: String]

    public init(ladder: Ladder, profiles: PayerProfiles, templates: [String: String]) {
        self.ladder = ladder
        self.profiles = profiles
        self.templates = templates
    }

    /// The chronology lines the documents print (`relance-chronologie.mustache`).
    public static let chronologyTemplate = "relance-chronologie"
    /// The letter proposing a payment plan.
    public static let planTemplate = "plan-echeancier"

    /// `templates/<name>.mustache`.
    public static func templatePath(_ name: String) -> String { "templates/\(name).mustache" }

    /// The template files the ladder needs, besides the ladder and profile files.
    public static func templateNames(for ladder: Ladder) -> [String] {
        var names = ladder.steps.compactMap(\.template)
        names.append(contentsOf: [chronologyTemplate, planTemplate])
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }

    /// Parses the files given by their forms/ path (`ladders/default.yaml`, `templates/relance-ferme.mustache`).
    /// `read` returns a file's text; it is called once per file.
    public static func parse(read: (String) throws -> String) throws -> AmicableForms {
        let ladder = try Ladder.parse(text: try read(Ladder.file), file: Ladder.file)
        let profiles = try PayerProfiles.parse(text: try read(PayerProfiles.file), file: PayerProfiles.file, ladder: ladder)
        var templates: [String: String] = [:]
        for name in templateNames(for: ladder) {
            let path = templatePath(name)
            let text = try read(path)
            do { _ = try MustacheTemplate(string: text) } catch {
                throw AmicableError(file: path, "modèle Mustache invalide (\(error))")
            }
            templates[name] = text
        }
        return AmicableForms(ladder: ladder, profiles: profiles, templates: templates)
    }

    /// Renders template `name` with `model` as text (never HTML-escaped), then lays it out at `width` columns.
    public func render(_ name: String, _ model: [String: Any], width: Int = TextLayout.a4Width) throws(AmicableError) -> String {
        guard let source = templates[name] else {
            throw AmicableError(file: Self.templatePath(name), "modèle absent des formulaires chargés")
        }
        return try Self.render(source: source, name: name, model, width: width)
    }

    static func render(source: String, name: String, _ model: [String: Any], width: Int) throws(AmicableError) -> String {
        let template: MustacheTemplate
        do { template = try MustacheTemplate(string: "{{%CONTENT_TYPE: TEXT}}" + source) } catch {
            throw AmicableError(file: templatePath(name), "modèle Mustache invalide (\(error))")
        }
        var text = TextLayout.wrap(template.render(model), width: width)
        while text.hasPrefix("\n") { text.removeFirst() }
        while text.contains("\n\n\n") { text = text.replacingOccurrences(of: "\n\n\n", with: "\n\n") }
        while text.hasSuffix("\n\n") { text.removeLast() }
        if !text.hasSuffix("\n") { text += "\n" }
        return text
    }

    /// A one-line Mustache text (a subject).
    static func renderLine(_ source: String, _ model: [String: Any]) -> String {
        guard let template = try? MustacheTemplate(string: "{{%CONTENT_TYPE: TEXT}}" + source) else { return source }
        return template.render(model).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
