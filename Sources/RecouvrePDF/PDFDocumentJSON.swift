import Foundation
import RecouvreDocuments
import RecouvreJSON
import RecouvreModel

/// A file carried inside a PDF as a PDF/A-3 associated file (`/AF`, `/AFRelationship`), the way a
/// Factur-X invoice carries its XML.
public struct PDFAttachment: Sendable, Hashable {
    public enum Relationship: String, Sendable {
        /// The data the document presents (dossier.xml in the requête).
        case data
        /// The source the document was made from (the statement JSON of the relevé).
        case source
        case alternative
        case supplement
    }

    public var name: String
    /// UTF-8 text (XML, JSON): the worker receives it inside a JSON string.
    public var text: String
    public var mimeType: String
    public var relationship: Relationship
    public var description: String

    public init(name: String, text: String, mimeType: String, relationship: Relationship, description: String) {
        self.name = name
        self.text = text
        self.mimeType = mimeType
        self.relationship = relationship
        self.description = description
    }
}

/// What the PDF says about itself: its title, author and creation date (the case's, never the
/// clock's: the same case gives the same bytes).
public struct PDFDocumentInfo: Sendable, Hashable {
    public var kind: String
    public var title: String
    public var reference: String
    public var author: String
    public var date: Day

    public init(kind: String, title: String, reference: String, author: String, date: Day) {
        self.kind = kind
        self.title = title
        self.reference = reference
        self.author = author
        self.date = date
    }
}

/// The document as the JSON the layout `forms/pdf/document.typ` reads (`sys.inputs.document`).
public enum PDFDocumentJSON {
    public static func json(
        _ content: DocumentContent, info: PDFDocumentInfo, attachments: [PDFAttachment], logo: String?
    ) -> String {
        let t = FrenchTypography.pdf
        var blocks: [JSONValue] = []
        blocks.reserveCapacity(content.blocks.count)
        for block in content.blocks {
            switch block {
            case .title(let lines): blocks.append(.object([("type", .string("title")), ("lines", strings(lines))]))
            case .heading(let text): blocks.append(.object([("type", .string("heading")), ("text", .string(t(text)))]))
            case .paragraph(let lines):
                blocks.append(
                    .object([
                        ("type", .string("paragraph")),
                        (
                            "lines",
                            .array(
                                lines.map {
                                    .object([("indent", .integer(Int64($0.indent))), ("text", .string(t($0.text)))])
                                })
                        ),
                    ]))
            case .list(let list):
                blocks.append(
                    .object([
                        ("type", .string("list")), ("indent", .integer(Int64(list.indent))),
                        (
                            "items",
                            .array(
                                list.items.map {
                                    .object([("marker", .string($0.marker)), ("text", .string(t($0.text)))])
                                })
                        ),
                    ]))
            case .sender(let lines): blocks.append(.object([("type", .string("sender")), ("lines", strings(lines))]))
            case .addressee(let lines):
                blocks.append(.object([("type", .string("addressee")), ("lines", strings(lines))]))
            case .placeAndDate(let text):
                blocks.append(.object([("type", .string("place-date")), ("text", .string(t(text)))]))
            case .table(let table):
                blocks.append(
                    .object([
                        ("type", .string("table")),
                        (
                            "rows",
                            .array(
                                table.rows.map {
                                    .object([("cells", strings($0.cells)), ("total", .integer($0.isTotal ? 1 : 0))])
                                })
                        ),
                    ]))
            case .signature(let lines):
                blocks.append(.object([("type", .string("signature")), ("lines", strings(lines))]))
            case .space: blocks.append(.object([("type", .string("space"))]))
            case .pageBreak: blocks.append(.object([("type", .string("page"))]))
            }
        }
        return JSONValue.object([
            ("kind", .string(info.kind)), ("title", .string(info.title)), ("reference", .string(info.reference)),
            ("author", .string(info.author)), ("date", .string(info.date.iso)), ("logo", .optional(logo)),
            (
                "attachments",
                .array(
                    attachments.map {
                        .object([
                            ("name", .string($0.name)), ("relationship", .string($0.relationship.rawValue)),
                            ("mime", .string($0.mimeType)), ("description", .string($0.description)),
                            ("data", .string($0.text)),
                        ])
                    })
            ),
            ("blocks", .array(blocks)),
        ]).rendered()
    }

    static func strings(_ lines: [String]) -> JSONValue { .array(lines.map { .string(FrenchTypography.pdf($0)) }) }
}

/// French typography for the PDF (the text keeps its bytes): a no-break space before `:` and inside
/// « », a narrow no-break space before `;`, `!` and `?` (Imprimerie nationale's rules); amounts and
/// SIRENs already carry their no-break spaces (`FrenchFormat`).
public enum FrenchTypography {
    static let nbsp: Character = "\u{00A0}"
    static let narrow: Character = "\u{202F}"

    public static func pdf(_ text: String) -> String {
        guard text.contains(where: { $0 == ":" || $0 == ";" || $0 == "!" || $0 == "?" || $0 == "«" || $0 == "»" })
        else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        var previous: Character?
        var iterator = text.makeIterator()
        var pending = iterator.next()
        while let character = pending {
            let next = iterator.next()
            switch character {
            case " " where next == ":" || next == "»":
                out.append(nbsp)
            case " " where next == ";" || next == "!" || next == "?":
                out.append(narrow)
            case " " where previous == "«":
                out.append(nbsp)
            default:
                out.append(character)
            }
            previous = character
            pending = next
        }
        return out
    }
}
