import Foundation
import RecouvreAmicable
import RecouvreBundle
import RecouvreCaseFile
import RecouvreModel

/// One debtor's case, read and validated, as a worker builds it.
public struct BatchCase: Sendable {
    public var value: Case
    /// Where its exhibits are read from (the case's folder, or bytes an importer holds).
    public var exhibits: any ExhibitSource
    public var key: DebtorKey
    /// The absolute paths of its exhibit files on disk, which a bundle may never replace (none for
    /// exhibits held in memory).
    public var exhibitPaths: [String]
    /// The amicable steps recorded beside the case file (`remind --record`, `plan --record`:
    /// `case.reminders.yaml`), read as `build` reads them (issue 16); nil when there are none.
    public var journal: AmicableJournal?

    public init(
        value: Case, exhibits: any ExhibitSource, key: DebtorKey, exhibitPaths: [String] = [],
        journal: AmicableJournal? = nil
    ) {
        self.value = value
        self.exhibits = exhibits
        self.key = key
        self.exhibitPaths = exhibitPaths
        self.journal = journal
    }
}

/// A debtor not yet read: where it comes from, the name of its bundle, and how a worker reads it.
/// Reading happens on the worker, so only the cases in flight are ever in memory.
public struct BatchItem: Sendable {
    /// Where the case comes from, in messages and the report (`ledger/552100554.yaml`,
    /// `grand-livre.csv`).
    public var source: String
    /// The bundle's folder name inside the output folder: unique within an input, the same on every run.
    public var bundleName: String
    /// The key when the source knows it before reading (an importer grouping by SIREN): a shard then
    /// skips the debtor without reading it. Nil for a case file, whose key is inside it.
    public var knownKey: DebtorKey?
    /// The case file on disk that `read` reads, when there is one (a folder's case file; nil for a
    /// debtor an importer holds in memory): its size decides whether it is read ahead (`ReadAhead`).
    public var file: String?
    /// Reads and validates the case, adding the time of each stage to `times`.
    public var read: @Sendable (inout StageTimes) throws -> BatchCase

    public init(
        source: String, bundleName: String, knownKey: DebtorKey? = nil, file: String? = nil,
        read: @escaping @Sendable (inout StageTimes) throws -> BatchCase
    ) {
        self.source = source
        self.bundleName = bundleName
        self.knownKey = knownKey
        self.file = file
        self.read = read
    }
}

/// Where a batch takes its debtors from: a folder of case files today; a CSV ledger or an FEC through
/// the importers. A source hands its items over one at a time, in a deterministic order, and reads
/// nothing until a worker asks.
public protocol InputSource: Sendable {
    /// What the source is, for the progress lines and the report (`folder ledger/ (10000 case files)`).
    var description: String { get }
    /// How many items it holds, when known before they are read (the progress bar's total).
    var count: Int? { get }
    /// The items, one at a time.
    func items() -> AnyIterator<BatchItem>
    /// Whether reading an item waits on the disk (case files and exhibits), so that the batch reads
    /// the next items ahead of its workers on threads of its own (`ReadAhead`). False by default: an
    /// importer's debtors are already in memory.
    var readsFiles: Bool { get }
}

extension InputSource {
    public var readsFiles: Bool { false }
}
