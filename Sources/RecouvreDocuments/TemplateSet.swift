import Foundation
import Mustache

/// The document templates of `forms/templates/` (a firm's `--forms` folder overrides them file by file),
/// compiled once when the law book is loaded: the Swift side builds a view model, the template
/// decides the wording. Rendering is plain text: values are never HTML-escaped.
public struct TemplateSet: Sendable {
    /// Each template's text by name (`mise-en-demeure`), as read by the law-book loader.
    public let sources: [String: String]
    /// swift-mustache's parse of each template and its fast renderer's program (`TemplateProgram`),
    /// made on the template's first use (`CompiledTemplates`).
    private let compiled: CompiledTemplates
    /// The fields of the documents' view models, read once (`TemplateLayouts`): `tree(_:)`.
    public let layouts: TemplateLayouts

    /// Checks every template, at load time: a template over the size or nesting limits, with a tag
    /// recouvre does not render (a partial…) or — for a document of the dossier — a name its view model
    /// does not offer is refused here, with its file and line (`TemplateCheck`), before Mustache parses
    /// it. Mustache parses a template when it is first rendered, not here: its parser measures the
    /// rest of the text at each tag (quadratic in a template's length; 0.65 G instructions for the
    /// shipped templates, half of a one-case `build`), and a `build` renders a few of them. Every
    /// template `TemplateCheck` accepts is one Mustache parses (`TemplateSetTests` compiles all the
    /// shipped ones and the checker's accepted samples); if one ever were not, its rendering throws
    /// the same error the load would have. `schemas` gives the shape of the other templates' models (the amicable
    /// letters'); a template with neither is checked for its syntax and limits only. `origins` maps
    /// `templates/<name>.mustache` to the file actually read (a `--forms` override), for the messages.
    public init(
        sources: [String: String], schemas: [String: TemplateSchema] = [:], origins: [String: String] = [:]
    ) throws(TemplateError) {
        var files: [String: String] = [:]
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            let file = origins[Self.path(name)] ?? "forms/\(Self.path(name))"
            try TemplateCheck.check(
                text, file: file, schema: DocumentKind(rawValue: name)?.schema ?? schemas[name])
            files[name] = file
        }
        self.sources = sources
        self.compiled = CompiledTemplates(sources: sources, files: files)
        self.layouts = TemplateLayouts.documents()
    }

    /// Parses every template now (what rendering each once would do): the tests' way of holding the
    /// lazy parse to the load-time check.
    public func compileAll() throws(TemplateError) {
        for name in sources.keys.sorted() { _ = try compiled.template(name) }
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
            throw DocumentError(file: Self.path(name), message: "modèle absent des formulaires chargés")
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
        let entry = try compiledEntry(name)
        guard model is any TemplateView else { return entry.template.render(model) }
        if let program = entry.program, let text = program.render(layouts.templateValue(model)) { return text }
        return entry.template.render(tree(model))
    }

    /// The fast renderer's text, or nil when it leaves the template or the model to the library (tests).
    func programMarkup(_ name: String, _ model: Any) -> String? {
        program(name)?.render(layouts.templateValue(model))
    }

    /// The fast renderer's program of `name` (parsing it now if needed), nil when it leaves it to the library.
    func program(_ name: String) -> TemplateProgram? { (try? compiled.template(name))?.program }

    /// swift-mustache's own rendering of `model` as given (tests compare the fast renderer with it).
    func libraryMarkup(_ name: String, _ model: Any) throws(DocumentError) -> String {
        try compiledEntry(name).template.render(model)
    }

    private func compiledEntry(_ name: String) throws(DocumentError) -> CompiledTemplates.Entry {
        guard sources[name] != nil else {
            throw DocumentError(file: Self.path(name), message: "modèle absent des formulaires chargés")
        }
        do { return try compiled.template(name) } catch {
            // `DocumentError` names the file under forms/ itself (`TemplateError.file` already has the prefix).
            throw DocumentError(file: Self.path(name), message: error.issues.map(\.text).joined(separator: " ; "))
        }
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

/// The templates of a `TemplateSet` as swift-mustache parses them, each parsed once, on first use, by
/// whichever thread renders it first (a batch's workers share one book). A reference shared by the
/// copies of its `TemplateSet`. Each template has its own slot and lock, held while it is parsed (a
/// few milliseconds, once per template and process): a thread that needs the same template waits for
/// that parse rather than repeating it, and one that needs another template does not wait (lead,
/// session 9: one lock for all held a batch's second worker for as long as the first parsed each of
/// the nine templates a dossier uses). The dictionary's own lock is held only to find or add a slot.
public final class CompiledTemplates: @unchecked Sendable {
    public struct Entry: Sendable {
        public let template: MustacheTemplate
        /// The fast renderer's program; nil when it leaves the template to the library.
        let program: TemplateProgram?
    }

    /// One template's parse: nil until done; a failed parse is kept too (the same error each time).
    private final class Slot: @unchecked Sendable {
        let lock = NSLock()
        var result: Result<Entry, TemplateError>?
    }

    private let sources: [String: String]
    private let files: [String: String]
    private let lock = NSLock()
    private var slots: [String: Slot] = [:]
    /// Called as each parse starts, with the template's name (tests: to count parses and hold one).
    private let onParse: (@Sendable (String) -> Void)?

    /// `sources`: name → Mustache source, each already passed by `TemplateCheck`; `files`: name → the
    /// file as messages show it (default `forms/templates/<name>.mustache`).
    public convenience init(sources: [String: String], files: [String: String]) {
        self.init(sources: sources, files: files, onParse: nil)
    }

    init(sources: [String: String], files: [String: String], onParse: (@Sendable (String) -> Void)?) {
        self.sources = sources
        self.files = files
        self.onParse = onParse
    }

    /// Whether `name` is one of the templates.
    public func has(_ name: String) -> Bool { sources[name] != nil }

    /// The template `name`, parsed by swift-mustache on the first call.
    public func template(_ name: String) throws(TemplateError) -> Entry {
        let slot = lock.withLock { () -> Slot in
            if let slot = slots[name] { return slot }
            let slot = Slot()
            slots[name] = slot
            return slot
        }
        slot.lock.lock()
        defer { slot.lock.unlock() }
        if let result = slot.result { return try result.get() }
        let result = Result { () throws(TemplateError) -> Entry in try parse(name) }
        slot.result = result
        return try result.get()
    }

    private func parse(_ name: String) throws(TemplateError) -> Entry {
        onParse?(name)
        let file = files[name] ?? "forms/\(TemplateSet.path(name))"
        guard let text = sources[name] else {
            throw TemplateError(file: file, issues: [TemplateIssue(line: nil, "introuvable")])
        }
        let template: MustacheTemplate
        do {
            // The pragma keeps `'`, `&` and `<` as they are: a letter is text, not HTML.
            template = try MustacheTemplate(string: "{{%CONTENT_TYPE: TEXT}}" + text)
        } catch {
            throw TemplateError(
                file: file, issues: [TemplateIssue(line: nil, "n'est pas un modèle Mustache valide (\(error))")])
        }
        return Entry(template: template, program: TemplateProgram(template))
    }
}
