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

    /// Renders `model` with the template `name`, then lays the text out for A4 (`TextLayout`).
    /// Values are never HTML-escaped: the output is text.
    public func render(_ name: String, _ model: Any) throws -> String {
        let text = try source(name)
        let template: MustacheTemplate
        do {
            // The pragma keeps `'`, `&` and `<` as they are: a letter is text, not HTML.
            template = try MustacheTemplate(string: "{{%CONTENT_TYPE: TEXT}}" + text)
        } catch {
            throw DocumentError(file: Self.path(name), message: "is not a valid Mustache template (\(error))")
        }
        var rendered = TextLayout.wrap(template.render(model))
        while rendered.hasPrefix("\n") { rendered.removeFirst() }
        while rendered.hasSuffix("\n\n") { rendered.removeLast() }
        if !rendered.hasSuffix("\n") { rendered += "\n" }
        return rendered
    }
}
