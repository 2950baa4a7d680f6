import Foundation
import Mustache
import RecouvreForms

/// The document templates of `forms/templates/` (a firm's `--forms` folder overrides them file by file),
/// rendered as plain text: the Swift side builds a view model, the template decides the wording.
public struct TemplateSet: Sendable {
    public let forms: Forms

    public init(forms: Forms) { self.forms = forms }

    /// `templates/<name>.mustache`.
    public static func path(_ name: String) -> String { "templates/\(name).mustache" }

    /// The template's text.
    public func source(_ name: String) throws -> String {
        do { return try forms.text(Self.path(name)) } catch {
            throw DocumentError(file: Self.path(name), message: "\(error)")
        }
    }

    /// Renders `model` with the template `name` into its block markup (see `DocumentContent.parse`).
    /// Values are never HTML-escaped: the output is text.
    public func markup(_ name: String, _ model: Any) throws -> String {
        let text = try source(name)
        let template: MustacheTemplate
        do {
            // The pragma keeps `'`, `&` and `<` as they are: a letter is text, not HTML.
            template = try MustacheTemplate(string: "{{%CONTENT_TYPE: TEXT}}" + text)
        } catch {
            throw DocumentError(file: Self.path(name), message: "is not a valid Mustache template (\(error))")
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
