import Foundation
import Mustache

/// The document templates of `forms/templates/` (a firm's `--forms` folder overrides them file by file),
/// compiled once when the law book is loaded: the Swift side builds a view model, the template
/// decides the wording. Rendering is plain text: values are never HTML-escaped.
public struct TemplateSet: Sendable {
    /// Each template's text by name (`mise-en-demeure`), as read by the law-book loader.
    public let sources: [String: String]
    private let compiled: [String: MustacheTemplate]

    /// Compiles every template; a template that is not valid Mustache is refused here, at load time,
    /// naming its file.
    public init(sources: [String: String]) throws(DocumentError) {
        var compiled: [String: MustacheTemplate] = [:]
        for (name, text) in sources {
            do {
                // The pragma keeps `'`, `&` and `<` as they are: a letter is text, not HTML.
                compiled[name] = try MustacheTemplate(string: "{{%CONTENT_TYPE: TEXT}}" + text)
            } catch {
                throw DocumentError(file: Self.path(name), message: "is not a valid Mustache template (\(error))")
            }
        }
        self.sources = sources
        self.compiled = compiled
    }

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
    public func markup(_ name: String, _ model: Any) throws(DocumentError) -> String {
        guard let template = compiled[name] else {
            throw DocumentError(file: Self.path(name), message: "is missing from the law book")
        }
        return template.render(model)
    }

    /// The document `name` as structured content: its markup, parsed.
    public func content(_ name: String, _ model: Any) throws -> DocumentContent {
        try DocumentContent.parse(markup: markup(name, model), file: Self.path(name))
    }

    /// The document laid out as text for A4 (`DocumentContent.text()`).
    public func render(_ name: String, _ model: Any) throws -> String {
        try content(name, model).text()
    }
}
