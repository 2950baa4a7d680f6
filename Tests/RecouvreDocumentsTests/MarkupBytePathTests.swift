import Foundation
import RecouvreTestSupport
import Testing

@testable import RecouvreDocuments

/// Issue 14 (batch speed, render engineer): the markup is parsed and laid out off its UTF-8 bytes —
/// directives, block lines and table rows read as bytes (`MarkupParser.takeBytes`), every line laid
/// out straight into the text's bytes (`TextLayout.appendWrapped(_:width:to:)`, `TextWriter`), and a
/// streamed document's prose lines laid out with no line or block made for them
/// (`MarkupFeed.layOutLines`). Each must give exactly what the `Character` walks give: over thousands
/// of seeded random markups mixing every directive, indentation, list markers, accents, `€`, no-break
/// spaces, combining marks (which the byte paths refuse), carriage returns, trailing spaces and lines
/// long enough to wrap, the content, the text and any error are those of the reference.
@Suite("Markup byte paths: the content, text and errors of the Character walks")
struct MarkupBytePathTests {

    static let words = [
        "le", "débiteur", "1\u{00A0}234,56\u{00A0}€", "L441-10\u{00A0}II", "« créance »", "art.", "—", "…",
        "x", "|", "::", "-", "12.", "(3)", "[4]", "•", "Société", "Lyon", "2026",
        "averyveryverylongwordthatcannotbebrokenanywhereatallbecauseithasnospaceinsideitwhatsoeverreally",
        "é", "ÿ", "€€€", "\u{202F}",
    ]
    /// Words the byte paths refuse (a combining mark, a joiner, a scalar from U+0300, a carriage
    /// return), one word in a hundred: most lines take the byte paths, some the `Character` walks.
    static let refused = ["e\u{0301}té", "\u{200D}", "Ω", "a\r"]

    static func word(_ random: inout SeededGenerator) -> String {
        Int.random(in: 0..<100, using: &random) == 0
            ? refused.randomElement(using: &random)! : words.randomElement(using: &random)!
    }

    static func line(_ random: inout SeededGenerator) -> String {
        let indent = String(repeating: " ", count: [0, 0, 0, 2, 4, 7].randomElement(using: &random)!)
        var text = ""
        let count = Int.random(in: 0...40, using: &random)
        for index in 0..<count {
            if index > 0 { text += Bool.random(using: &random) ? " " : (Bool.random(using: &random) ? "  " : " | ") }
            text += word(&random)
        }
        let marker = ["", "", "", "- ", "1. ", "12. ", "-", "• "].randomElement(using: &random)!
        let trailing = String(repeating: " ", count: Int.random(in: 0...2, using: &random))
        return indent + marker + text + trailing
    }

    static func markup(_ random: inout SeededGenerator, carriageReturns: Bool) -> String {
        var lines: [String] = []
        for _ in 0..<Int.random(in: 1...40, using: &random) {
            switch Int.random(in: 0..<20, using: &random) {
            case 0: lines.append("::heading " + line(&random))
            case 1: lines.append("::place-date" + (Bool.random(using: &random) ? " À Lyon, le 1er décembre 2026" : ""))
            case 2: lines.append(Bool.random(using: &random) ? "::page" : "::page x")
            case 3, 4:
                let block = ["title", "sender", "addressee", "signature"].randomElement(using: &random)!
                lines.append("::\(block)" + (Int.random(in: 0..<8, using: &random) == 0 ? " texte" : ""))
                for _ in 0..<Int.random(in: 0...5, using: &random) {
                    lines.append(Bool.random(using: &random) ? line(&random) : "")
                }
                if Int.random(in: 0..<10, using: &random) > 0 { lines.append("::end") }
            case 5:
                lines.append("::table")
                for _ in 0..<Int.random(in: 0...6, using: &random) {
                    let cells = (0..<Int.random(in: 1...3, using: &random)).map { _ in
                        " " + word(&random) + "  "
                    }
                    lines.append(cells.joined(separator: Bool.random(using: &random) ? " | " : "|"))
                }
                if Bool.random(using: &random) { lines.append("::total Total | 1\u{00A0}234,56\u{00A0}€") }
                if Int.random(in: 0..<10, using: &random) > 0 { lines.append("::end") }
            case 6:
                lines.append(
                    ["::end", "::unknown", "::total x", ":: heading", "  ::heading indenté"][
                        Int.random(in: 0..<5, using: &random)])
            case 7, 8: lines.append("")
            case 9: lines.append("   ")
            default: lines.append(line(&random))
            }
        }
        var text = lines.joined(separator: "\n") + (Bool.random(using: &random) ? "\n" : "")
        if !carriageReturns { text = text.replacingOccurrences(of: "\r", with: "") }
        return text
    }

    /// The text of `content` as the writer laid it out before it wrote bytes: each line built as a
    /// string (its indentation, a list item's marker) and wrapped into one string.
    static func referenceText(_ content: DocumentContent, width: Int = TextLayout.a4Width) -> String {
        var out = ""
        var first = true
        func line(_ text: String) {
            if !first { out.append("\n") }
            first = false
            TextLayout.appendWrapped(Substring(text), width: width, to: &out)
        }
        typealias Metrics = DocumentContent.TextMetrics
        for block in content.blocks {
            switch block {
            case .title(let lines), .sender(let lines), .signature(let lines): lines.forEach(line)
            case .heading(let text): line(text)
            case .addressee(let lines):
                for text in lines { line(String(repeating: " ", count: Metrics.addresseeColumn) + text) }
            case .placeAndDate(let text): line(String(repeating: " ", count: Metrics.addresseeColumn) + text)
            case .paragraph(let lines):
                for item in lines { line(String(repeating: " ", count: item.indent) + item.text) }
            case .list(let list):
                for item in list.items {
                    line(String(repeating: " ", count: list.indent) + item.marker + " " + item.text)
                }
            case .table(let table): DocumentContent.tableLines(table).forEach(line)
            case .space: line("")
            case .pageBreak: line("\u{0C}")
            }
        }
        return out + "\n"
    }

    static func outcome<Value>(_ work: () throws -> Value) -> Result<Value, DocumentError> {
        do { return .success(try work()) } catch let error as DocumentError { return .failure(error) } catch {
            Issue.record("unexpected error \(error)")
            return .failure(DocumentError(file: "?", message: "\(error)"))
        }
    }

    @Test("parse, text and streamed bytes agree with the Character walks over seeded random markups")
    func randomMarkups() throws {
        var random = SeededGenerator(seed: 14)
        var compared = 0
        var failures = 0
        var wrapped = 0
        for round in 0..<3_000 {
            let markup = Self.markup(&random, carriageReturns: round % 10 == 9)
            let reference = Self.outcome { try DocumentContent.parseByCharacters(markup: markup, file: "t") }
            let parsed = Self.outcome { try DocumentContent.parse(markup: markup, file: "t") }
            switch (reference, parsed) {
            case (.success(let expected), .success(let content)):
                #expect(content == expected, "\(markup.debugDescription)")
                let text = Self.referenceText(expected)
                if text.split(separator: "\n", omittingEmptySubsequences: false).count
                    > expected.blocks.count + 1
                {
                    wrapped += 1
                }
                #expect(content.text() == text, "\(markup.debugDescription)")
                #expect(content.textData() == Data(text.utf8), "\(markup.debugDescription)")
                for piece in [1, 64, MarkupSink.defaultPiece] {
                    let streamed = Self.outcome { try Self.streamedBytes(markup, piece: piece) }
                    guard case .success(let bytes) = streamed else {
                        Issue.record("streamed layout failed: \(markup.debugDescription)")
                        continue
                    }
                    // nil: a carriage return, which the feed leaves to the whole text's parse.
                    if let bytes { #expect(bytes == Data(text.utf8), "\(markup.debugDescription), \(piece)") }
                }
                compared += 1
            case (.failure(let expected), .failure(let error)):
                #expect(error.message == expected.message)
                if !markup.contains("\r") {
                    let streamed = Self.outcome { try Self.streamedBytes(markup, piece: 64) }
                    guard case .failure(let streamedError) = streamed else {
                        Issue.record("streamed layout accepted what the parse refuses: \(markup.debugDescription)")
                        continue
                    }
                    #expect(streamedError.message == expected.message)
                }
                failures += 1
            default:
                Issue.record("one refuses what the other accepts: \(markup.debugDescription)")
            }
        }
        // Both outcomes, and wrapped lines, are exercised.
        #expect(compared > 500)
        #expect(failures > 500)
        #expect(wrapped > 100)
    }

    /// The markup laid out by a `MarkupFeed` with a writer, given in pieces of whole lines of about
    /// `piece` bytes (as `MarkupSink` hands them): the bytes, or nil when a piece holds a carriage return.
    static func streamedBytes(_ markup: String, piece: Int) throws -> Data? {
        var feed = MarkupFeed(
            file: "t", laidOut: TextWriter(width: TextLayout.a4Width, reserving: 256, bytes: true))
        var rest = Substring(markup)
        while !rest.isEmpty {
            var cut = rest.utf8.index(rest.startIndex, offsetBy: min(piece, rest.utf8.count))
            if cut < rest.endIndex, let feedIndex = rest[cut...].utf8.firstIndex(of: 0x0A) {
                cut = rest.utf8.index(after: feedIndex)
            } else {
                cut = rest.endIndex
            }
            guard try feed.take(String(rest[..<cut])) else { return nil }
            rest = rest[cut...]
        }
        return try feed.finishData()
    }

    @Test("a line laid out into bytes is the line wrapped into a string, at every width")
    func wrapIntoBytes() {
        var random = SeededGenerator(seed: 1_414)
        var byBytes = 0
        for round in 0..<20_000 {
            let line = Self.line(&random) + (round % 7 == 0 ? " " + Self.line(&random) + Self.line(&random) : "")
            let width = [90, 90, 40, 12, 1].randomElement(using: &random)!
            var expected = ""
            TextLayout.appendWrappedByCharacters(Substring(line), width: width, to: &expected)
            let bytes = TextBytes(capacity: 8)
            var text = line
            let done = text.withUTF8 { TextLayout.appendWrapped($0, width: width, to: bytes) }
            if done {
                byBytes += 1
                #expect(String(decoding: bytes.take(), as: UTF8.self) == expected, "\(line.debugDescription) \(width)")
            } else {
                #expect(bytes.count == 0)
            }
            var string = ""
            TextLayout.appendWrapped(Substring(line), width: width, to: &string)
            #expect(string == expected)
        }
        #expect(byBytes > 10_000)
    }

    @Test("a prose line laid out with the columns its scan counted is the line laid out by the text writer")
    func knownColumns() {
        var random = SeededGenerator(seed: 1_415)
        var taken = 0
        var lines = ["", " ", "   ", "é", "\r\n", "a\r", "\u{0301}", "e\u{0301}", "\u{E2}", "€€€€€€€€€", "12345678"]
        for round in 0..<20_000 {
            lines.append(Self.line(&random) + (round % 7 == 0 ? " " + Self.line(&random) + Self.line(&random) : ""))
        }
        for line in lines {
            var text = line
            text.withUTF8 { buffer in
                let columns = TextLayout.oneScalarColumns(buffer)
                // The scan accepts what `isOneScalarPerColumn` accepts, and counts the lead bytes.
                #expect((columns != nil) == TextLayout.isOneScalarPerColumnByByte(buffer), "\(line.debugDescription)")
                guard let columns else { return }
                #expect(columns == buffer.filter { $0 & 0xC0 != 0x80 }.count, "\(line.debugDescription)")
                taken += 1
                for width in [90, 40, 12, 1] {
                    var reference = TextWriter(width: width, reserving: 8, bytes: true)
                    reference.line(buffer) { Substring(line) }
                    var known = TextWriter(width: width, reserving: 8, bytes: true)
                    known.line(buffer, columns: columns)
                    #expect(known.finishData() == reference.finishData(), "\(line.debugDescription) \(width)")
                }
            }
        }
        #expect(taken > 10_000)
    }

    @Test("TextLayout.wrap finds the same lines by bytes as by Characters, carriage returns included")
    func wrapLines() {
        var random = SeededGenerator(seed: 99)
        for round in 0..<2_000 {
            var text = (0..<Int.random(in: 1...6, using: &random)).map { _ in Self.line(&random) }
                .joined(separator: round % 3 == 0 ? "\r\n" : "\n")
            if round % 2 == 0 { text += "\n" }
            var expected = ""
            var first = true
            var start = text.startIndex
            while true {
                let end = text[start...].firstIndex(of: "\n") ?? text.endIndex
                if !first { expected.append("\n") }
                first = false
                TextLayout.appendWrappedByCharacters(text[start..<end], width: 90, to: &expected)
                guard end < text.endIndex else { break }
                start = text.index(after: end)
            }
            #expect(TextLayout.wrap(text) == expected, "\(text.debugDescription)")
        }
    }
}
