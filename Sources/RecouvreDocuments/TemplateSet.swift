import Foundation
import Mustache

/// The document templates of `forms/templates/` (a firm's `--forms` folder overrides them file by file),
/// compiled once when the law book is loaded: the Swift side builds a view model, the template
/// decides the wording. Rendering is plain text: values are never HTML-escaped.
public struct TemplateSet: Sendable {
    /// Each template's text by name (`mise-en-demeure`), as read by the law-book loader.
    public let sources: [String: String]
    private let compiled: [String: MustacheTemplate]
    /// The same templates for the fast renderer (`TemplateProgram`), from swift-mustache's parse.
    let programs: [String: TemplateProgram]
    /// The fields of the documents' view models, read once (`TemplateLayouts`): `tree(_:)`.
    public let layouts: TemplateLayouts

    /// Checks then compiles every template, at load time: a template over the size or nesting limits,
    /// with a tag recouvre does not render (a partial…) or — for a document of the dossier — a name its
    /// view model does not offer is refused here, with its file and line (`TemplateCheck`), before
    /// Mustache parses it. `schemas` gives the shape of the other templates' models (the amicable
    /// letters'); a template with neither is checked for its syntax and limits only. `origins` maps
    /// `templates/<name>.mustache` to the file actually read (a `--forms` override), for the messages.
    public init(
        sources: [String: String], schemas: [String: TemplateSchema] = [:], origins: [String: String] = [:]
    ) throws(TemplateError) {
        var compiled: [String: MustacheTemplate] = [:]
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            let file = origins[Self.path(name)] ?? "forms/\(Self.path(name))"
            try TemplateCheck.check(
                text, file: file, schema: DocumentKind(rawValue: name)?.schema ?? schemas[name])
            do {
                // The pragma keeps `'`, `&` and `<` as they are: a letter is text, not HTML.
                compiled[name] = try MustacheTemplate(string: "{{%CONTENT_TYPE: TEXT}}" + text)
            } catch {
                throw TemplateError(
                    file: file, issues: [TemplateIssue(line: nil, "n'est pas un modèle Mustache valide (\(error))")])
            }
        }
        self.sources = sources
        self.compiled = compiled
        self.programs = compiled.compactMapValues(TemplateProgram.init)
        self.layouts = TemplateLayouts.documents()
    }

    /// A document's view model as Mustache is handed it: dictionaries read through `layouts`, the same
    /// as `TemplateTree.value(model)` (a test renders every template of every sample and fixture both
    /// ways), without reflecting each view.
    public func tree(_ model: Any) -> Any { layouts.value(model) }

    /// `templates/<name>.mustache`.
    public static func path(_ name: String) -> String { "templates/\(name).mustache" }

    /// The template's text.
    public func source(_ name: String) throws(DocumentError) -> String {
        guard let text = sources[name] else {
            throw DocumentError(file: Self.path(name), message: "is missing from the law book")
        }
        return text
    }

    /// Renders `model` with the template `name` into its block markup (see `DocumentContent.parse`).
    /// Values are never HTML-escaped: the output is text.
    ///
    /// A view model (a `TemplateView` laid out in `layouts`) goes through the fast renderer
    /// (`TemplateProgram`: no dynamic cast, no reflection); what it leaves to the library, and every
    /// other model, is rendered by swift-mustache, a view as its dictionaries (`tree`). Same text.
    public func markup(_ name: String, _ model: Any) throws(DocumentError) -> String {
        guard let template = compiled[name] else {
            throw DocumentError(file: Self.path(name), message: "is missing from the law book")
        }
        guard model is any TemplateView else { return template.render(model) }
        if let program = programs[name], let text = program.render(layouts.templateValue(model)) { return text }
        return template.render(tree(model))
    }

    /// The fast renderer's text, or nil when it leaves the template or the model to the library (tests).
    func programMarkup(_ name: String, _ model: Any) -> String? {
        programs[name]?.render(layouts.templateValue(model))
    }

    /// swift-mustache's own rendering of `model` as given (tests compare the fast renderer with it).
    func libraryMarkup(_ name: String, _ model: Any) throws(DocumentError) -> String {
        guard let template = compiled[name] else {
            throw DocumentError(file: Self.path(name), message: "is missing from the law book")
        }
        return template.render(model)
    }

    /// The document `name` as structured content: its markup, parsed.
    public func content(_ name: String, _ model: Any) throws -> DocumentContent {
        if let streamed = try streamedContent(name, model) { return streamed }
        return try DocumentContent.parse(markup: markup(name, model), file: Self.path(name))
    }

    /// The document laid out as text for A4 (`DocumentContent.text()`).
    public func render(_ name: String, _ model: Any) throws -> String {
        try content(name, model).text()
    }
}
