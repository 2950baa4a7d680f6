import Foundation

extension TemplateSet {
    /// A view model's document parsed while the fast renderer renders it, whole lines at a time
    /// (large engineer, issue 12: a 100,000-invoice relevé's 160 MB markup is never one string): the
    /// content `DocumentContent.parse(markup: markup(name, model))` gives, and the same first error.
    /// Nil when the fast renderer leaves the model to the library, or the text has a carriage return:
    /// then `content` renders and parses it whole.
    func streamedContent(
        _ name: String, _ model: Any, piece: Int = MarkupSink.defaultPiece
    ) throws -> DocumentContent? {
        guard model is any TemplateView, let program = program(name) else { return nil }
        let sink = MarkupSink(file: Self.path(name), piece: piece)
        guard let rest = program.render(layouts.templateValue(model), sink: sink) else { return nil }
        return try sink.finish(rest)
    }

    /// The same document laid out as text while its markup is parsed, as its UTF-8 bytes: the bytes of
    /// `content(name, model).textData()`, with none of the content ever held whole (a 100,000-invoice
    /// relevé's content was larger than its text). Nil when `streamedContent` would be nil.
    func streamedData(_ name: String, _ model: Any, piece: Int = MarkupSink.defaultPiece) throws -> Data? {
        guard let view = model as? any TemplateView else { return nil }
        return try streamedData(name, view: view, piece: piece)
    }

    /// The same for a model known to be a view (render engineer, session 8: `DossierRenderer` builds
    /// them typed, so the model is not cast to `TemplateView` and again to `TemplateConvertible` for
    /// each document, ≈ 9,000 instructions): its value is the one `layouts.templateValue` gives it.
    func streamedData(_ name: String, view: any TemplateView, piece: Int = MarkupSink.defaultPiece) throws -> Data? {
        guard let program = program(name) else { return nil }
        let sink = MarkupSink(
            file: Self.path(name), laidOut: TextWriter(width: TextLayout.a4Width, reserving: 16 * 1024, bytes: true),
            piece: piece)
        guard let rest = program.render(layouts.templateValue(view: view), sink: sink) else { return nil }
        return try sink.finishData(rest)
    }
}
