import Foundation
import RecouvreTestSupport
import Testing

@testable import RecouvreDocuments

/// Issue 12 (large cases): a long document's markup is parsed, and without PDFs laid out, while the
/// fast renderer renders it, whole lines at a time (`TemplateSet.streamedContent`, `streamedData`).
/// Cut into pieces as small as one list element, every sample's and fixture's document must give the
/// content and the bytes of parsing and laying out its whole markup.
@Suite("Streamed rendering: the content and bytes of the whole markup")
struct StreamedRenderingTests {
    static let inputs = RenderingFastPathTests.inputs

    @Test("every document, cut after each list element, parses and lays out as its whole markup")
    func sameAsWhole() throws {
        let renderer = Samples.book.renderer
        let templates = renderer.templates
        var compared = 0
        for input in Self.inputs {
            for kind in DocumentKind.plan(for: input.route, stage: input.stage) {
                let model = try renderer.model(for: kind, input)
                let whole = try DocumentContent.parse(
                    markup: templates.markup(kind.template, model), file: TemplateSet.path(kind.template))
                let bytes = Data(whole.text().utf8)
                #expect(whole.textData() == bytes, "\(kind.template)")
                for piece in [1, 40, 700, MarkupSink.defaultPiece] {
                    let streamed = try templates.streamedContent(kind.template, model, piece: piece)
                    #expect(streamed == whole, "\(kind.template), pieces of \(piece), \(input.case.reference)")
                    let data = try templates.streamedData(kind.template, model, piece: piece)
                    #expect(data == bytes, "\(kind.template), pieces of \(piece), \(input.case.reference)")
                }
                #expect(try templates.content(kind.template, model) == whole)
                compared += 1
            }
        }
        #expect(compared > 50)
    }

    @Test("the renderer without content gives each document's bytes, and only them")
    func bytesOnly() throws {
        let renderer = Samples.book.renderer
        for input in Self.inputs.prefix(12) {
            let full = try renderer.render(input)
            let bare = try renderer.render(input, keepingContent: false)
            #expect(full.documents.map(\.data) == bare.documents.map(\.data))
            #expect(full.documents.map(\.fileName) == bare.documents.map(\.fileName))
            #expect(bare.documents.allSatisfy { $0.content.blocks.isEmpty })
            for document in full.documents { #expect(document.data == Data(document.content.text().utf8)) }
        }
    }

    @Test("a parse error is the one the whole markup gives, and a carriage return falls back to it")
    func errorsAndCarriageReturns() throws {
        // Markup pieces fed by hand: the same lines and numbers as parsing the whole text.
        let lines = (1...50).map { "- item \($0)" } + ["::table", "a | 1", "::end", "::end"]
        let markup = lines.joined(separator: "\n") + "\n"
        let whole = try #require(throws: DocumentError.self) { try DocumentContent.parse(markup: markup, file: "t") }
        var feed = MarkupFeed(file: "t")
        var thrown: DocumentError?
        do {
            for line in lines { _ = try feed.take(line + "\n") }
            _ = try feed.finish()
        } catch let error as DocumentError {
            thrown = error
        }
        #expect(thrown?.message == whole.message)
        var withReturn = MarkupFeed(file: "t")
        #expect(try withReturn.take("a\r\nb\n") == false)
    }

    @Test("an array of views is converted one element at a time (a lazy list), its elements as records")
    func lazyList() throws {
        let renderer = Samples.book.renderer
        let input = try #require(Self.inputs.first { $0.stage == .court })
        let model = try renderer.model(for: .releveDeCompte, input)
        guard case .record(let fields) = renderer.templates.layouts.templateValue(model),
            case .lazyList(let accounts)? = fields["accounts"]
        else {
            Issue.record("the relevé's accounts are not a lazy list")
            return
        }
        #expect(accounts.count == input.statement.invoices.count)
        guard accounts.count > 0, case .record(let first) = accounts[0], case .text(let number)? = first["number"]
        else {
            Issue.record("an account is not a record with its number")
            return
        }
        #expect(number == input.statement.invoices[0].number)
    }
}
