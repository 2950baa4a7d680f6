extension TemplateSet {
    /// A view model's document parsed while the fast renderer renders it, whole lines at a time
    /// (large engineer, issue 12: a 100,000-invoice relevé's 160 MB markup is never one string): the
    /// content `DocumentContent.parse(markup: markup(name, model))` gives, and the same first error.
    /// Nil when the fast renderer leaves the model to the library, or the text has a carriage return:
    /// then `content` renders and parses it whole.
    func streamedContent(_ name: String, _ model: Any) throws -> DocumentContent? {
        guard model is any TemplateView, let program = programs[name] else { return nil }
        let sink = MarkupSink(file: Self.path(name))
        guard let rest = program.render(layouts.templateValue(model), sink: sink) else { return nil }
        return try sink.finish(rest)
    }
}
