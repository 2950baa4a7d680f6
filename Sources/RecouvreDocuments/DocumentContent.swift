/// A document of the dossier as structured content: what the letter says and how its parts relate
/// (the sender, the addressee for a window envelope, the place and date, the tables of amounts, the
/// signature), independent of any page layout. The wording comes from the templates of
/// `forms/templates/` (their block markup is parsed by `DocumentContent.parse(markup:)`, see
/// docs/pdf.md); two renderers lay the same value out: `DocumentContent.text()` (plain text for A4,
/// the bundle's `.txt` files) and the PDF renderer (RecouvrePDF).
public struct DocumentContent: Sendable, Hashable {
    public var blocks: [DocumentBlock]

    public init(blocks: [DocumentBlock]) { self.blocks = blocks }
}

/// One block of a document, in reading order.
public enum DocumentBlock: Sendable, Hashable {
    /// The document's title (`RELEVÉ DE COMPTE`) and the lines under it (reference, date).
    case title(lines: [String])
    /// A section heading (`FACTURES`, `LETTRE RECOMMANDÉE AVEC ACCUSÉ DE RÉCEPTION`, `1. Juridiction`).
    case heading(String)
    /// Lines of prose, each a hard line break; long lines wrap.
    case paragraph([DocumentLine])
    /// Consecutive list items (`- …` or `1. …`).
    case list(DocumentList)
    /// The sender's identity block (top left of a letter: the creditor or the firm).
    case sender(lines: [String])
    /// The addressee's block, placed for the window of a DL envelope (right-hand side).
    case addressee(lines: [String])
    /// `À Lyon, le 23 novembre 2026`, aligned with the addressee.
    case placeAndDate(String)
    /// A table: labels and amounts; the amounts (last column) are right-aligned.
    case table(DocumentTable)
    /// The signature block: who signs, for whom, and the place to sign.
    case signature(lines: [String])
    /// One line of vertical space (a blank line in the text).
    case space
    /// Start a new page.
    case pageBreak
}

/// A line of a paragraph: its text and its indentation (in columns of the text layout; the PDF
/// renderer turns columns into a proportional indent).
public struct DocumentLine: Sendable, Hashable {
    public var indent: Int
    public var text: String

    public init(indent: Int = 0, text: String) {
        self.indent = indent
        self.text = text
    }
}

public struct DocumentList: Sendable, Hashable {
    public struct Item: Sendable, Hashable {
        /// `-`, `1.`
        public var marker: String
        public var text: String

        public init(marker: String, text: String) {
            self.marker = marker
            self.text = text
        }
    }

    public var indent: Int
    public var ordered: Bool
    public var items: [Item]

    public init(indent: Int, ordered: Bool, items: [Item]) {
        self.indent = indent
        self.ordered = ordered
        self.items = items
    }
}

/// A table of amounts: each row a label and an amount, right-aligned; `total` rows close the table.
public struct DocumentTable: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        public var cells: [String]
        /// A total line (bold in the PDF).
        public var isTotal: Bool

        public init(cells: [String], isTotal: Bool = false) {
            self.cells = cells
            self.isTotal = isTotal
        }
    }

    public var rows: [Row]

    public init(rows: [Row]) { self.rows = rows }
}

extension DocumentContent {
    /// Every string the document shows, in reading order (tests look for amounts and mentions in it).
    public var strings: [String] {
        var out: [String] = []
        for block in blocks {
            switch block {
            case .title(let lines), .sender(let lines), .addressee(let lines), .signature(let lines):
                out.append(contentsOf: lines)
            case .heading(let text), .placeAndDate(let text): out.append(text)
            case .paragraph(let lines): out.append(contentsOf: lines.map(\.text))
            case .list(let list): out.append(contentsOf: list.items.map { "\($0.marker) \($0.text)" })
            case .table(let table): out.append(contentsOf: table.rows.flatMap(\.cells))
            case .space, .pageBreak: break
            }
        }
        return out
    }
}
