import Foundation
import RecouvreCaseFile
import RecouvreModel

/// Something the user should know about an import: a line skipped and why, a value completed by
/// default, a clause that could not be read. In French: it is printed as it is.
public struct ImportNote: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// A line or an invoice left out (paid, lettered, not a customer account…).
        case skipped
        /// Worth checking before building (a placeholder, a clause not understood, a factored claim).
        case warning
        /// What was done (an encoding converted, a credit note netted).
        case info
    }

    public var kind: Kind
    public var location: SourceLocation?
    public var message: String

    public init(_ kind: Kind, _ message: String, at location: SourceLocation? = nil) {
        self.kind = kind
        self.location = location
        self.message = message
    }

    public var description: String {
        let label: String
        switch kind {
        case .skipped: label = "ignoré"
        case .warning: label = "attention"
        case .info: label = "note"
        }
        return (location.map { "\($0.prefix): " } ?? "") + "\(label) : \(message)"
    }
}

/// A file the imported case needs beside it (the Factur-X PDF as exhibit, a CDAR status message), by
/// its path relative to the case file.
public struct ImportAttachment: Sendable, Hashable {
    public var path: String
    public var data: Data

    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }
}

/// One case produced by an importer: the `Case`, where each of its values came from (key path of the
/// case file → source location), the notes for the user, and the files to write beside it.
public struct ImportedCase: Sendable {
    public var value: Case {
        didSet { knownOutstanding = nil }
    }
    /// `outstanding` as the importer computed it for this `value` (dropped when `value` changes).
    var knownOutstanding: Decimal?
    /// The debtor's stable key (SIREN, else customer code, else name): the case file's name and
    /// `batch --shard`'s hash input.
    public var debtorKey: String
    /// The case file's name in the output folder (`552100554.yaml`).
    public var fileName: String
    /// `invoices[3].amount` → `grand-livre.csv:17:12`.
    public var locations: [String: SourceLocation] {
        get { ledgerLocations?.table() ?? recordedLocations }
        set {
            recordedLocations = newValue
            ledgerLocations = nil
        }
    }
    private var recordedLocations: [String: SourceLocation]
    /// A ledger case's locations, resolved when asked (`location(at:)`) instead of recorded.
    private(set) var ledgerLocations: LedgerLocations?

    /// `locations[path]`, without making the table of a ledger case.
    public func location(at path: String) -> SourceLocation? {
        if let ledgerLocations { return ledgerLocations.location(at: path) }
        return recordedLocations[path]
    }

    /// `location(at:)` as a function of its own, holding only the locations (not the whole case).
    func locationResolver() -> @Sendable (String) -> SourceLocation? {
        if let ledgerLocations { return { ledgerLocations.location(at: $0) } }
        let recorded = recordedLocations
        return { recorded[$0] }
    }

    /// The entries of `locations` whose path is `creditor` or starts with `creditor.`.
    func creditorLocations() -> [String: SourceLocation] {
        var found: [String: SourceLocation] = [:]
        if let ledgerLocations {
            // A ledger case records only `creditor` (the creditor file) below it.
            found["creditor"] = ledgerLocations.location(at: "creditor")
            return found
        }
        for (path, location) in recordedLocations
        where path.utf8.first == UInt8(ascii: "c") && (path == "creditor" || path.hasPrefix("creditor.")) {
            found[path] = location
        }
        return found
    }
    public var notes: [ImportNote]
    public var attachments: [ImportAttachment]
    /// Where the case came from as a whole (the ledger, the e-invoice files).
    public var sources: [String]

    public init(
        value: Case, debtorKey: String, fileName: String, locations: [String: SourceLocation] = [:],
        notes: [ImportNote] = [], attachments: [ImportAttachment] = [],
        sources: [String] = []
    ) {
        self.value = value
        self.debtorKey = debtorKey
        self.fileName = fileName
        self.recordedLocations = locations
        self.ledgerLocations = nil
        self.notes = notes
        self.attachments = attachments
        self.sources = sources
    }

    /// A ledger case, its locations resolved when asked.
    init(
        value: Case, debtorKey: String, fileName: String, locations: LedgerLocations, notes: [ImportNote],
        sources: [String], outstanding: Decimal
    ) {
        self.value = value
        self.debtorKey = debtorKey
        self.fileName = fileName
        self.recordedLocations = [:]
        self.ledgerLocations = locations
        self.notes = notes
        self.attachments = []
        self.sources = sources
        self.knownOutstanding = outstanding
    }

    /// What is still owed on the case's invoices: invoiced − paid − credited.
    public var outstanding: Decimal {
        knownOutstanding ?? (value.totalInvoiced - value.totalPaid - value.totalCredited)
    }
}

/// Everything an import gave: the cases, and the notes that belong to no case (lines skipped).
public struct ImportResult: Sendable {
    public var kind: String
    public var sources: [String]
    public var cases: [ImportedCase]
    public var notes: [ImportNote]
    /// Lines (or documents) read.
    public var linesRead: Int
    /// The e-invoices read (e-invoice imports only), as they were found, imported or not.
    public var documents: [EInvoice]

    public init(
        kind: String, sources: [String], cases: [ImportedCase], notes: [ImportNote], linesRead: Int,
        documents: [EInvoice] = []
    ) {
        self.kind = kind
        self.sources = sources
        self.cases = cases
        self.notes = notes
        self.linesRead = linesRead
        self.documents = documents
    }

    public var skipped: [ImportNote] { (notes + cases.flatMap(\.notes)).filter { $0.kind == .skipped } }
}

/// One problem that stops an import, located in the user's file, in French.
public struct ImportProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public var location: SourceLocation?
    public var message: String
    public var remedy: String?

    public init(_ message: String, at location: SourceLocation? = nil, remedy: String? = nil) {
        self.location = location
        self.message = message
        self.remedy = remedy
    }

    public var description: String {
        (location.map { "\($0.prefix): " } ?? "") + message + (remedy.map { " (\($0))" } ?? "")
    }
}

/// An import refused: every problem found, located. Exit status 1; nothing is written.
public struct ImportError: RecouvreError, Sendable {
    public var problems: [ImportProblem]

    public init(_ problems: [ImportProblem]) { self.problems = problems }
    public init(_ message: String, at location: SourceLocation? = nil, remedy: String? = nil) {
        self.problems = [ImportProblem(message, at: location, remedy: remedy)]
    }

    public var exitCode: Int32 { 1 }
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// Amounts in notes and summaries.
enum ImportAmount {
    /// `Money.plain` (`1234.50`: two decimals, rounded half-up), from the case-file writer's exact text
    /// when it already has two decimals (the usual case, and the cheap one).
    static func plain(_ value: Decimal) -> String {
        let text = CaseFileWriter.amount(value)
        if let dot = text.utf8.firstIndex(of: UInt8(ascii: ".")),
            text.utf8.distance(from: dot, to: text.utf8.endIndex) == 3
        {
            return text
        }
        return Money.plain(value)
    }
}
