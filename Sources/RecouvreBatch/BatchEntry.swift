import Foundation
import RecouvreModel
import RecouvreRoute

/// What became of one debtor in a batch: a line of `batch-report.json` / `.csv`.
public struct BatchEntry: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, CaseIterable {
        /// The bundle was built, written and re-read intact.
        case built
        /// A bundle that verifies and agrees with the case was already there.
        case skipped
        /// No bundle: `error` says why.
        case failed
    }

    /// Why a debtor failed, and where (`ledger/x.yaml:12:9`, or the file when no line is known).
    public struct Failure: Sendable, Hashable {
        public var message: String
        public var location: String?

        public init(message: String, location: String?) {
            self.message = message
            self.location = location
        }
    }

    public var key: DebtorKey
    public var status: Status
    /// Where the case came from.
    public var source: String
    /// The bundle's path relative to the output folder (also kept for a failure: where it would be).
    public var bundle: String
    public var reference: String?
    public var debtor: String?
    /// The total claimed as of `asOf` (principal, penalties, fees), `"1234.56"`.
    public var totalClaimed: Decimal?
    public var asOf: Day?
    public var procedure: Procedure?
    public var courtKind: CourtKind?
    public var court: String?
    public var warnings: [String]
    public var error: Failure?

    public init(
        key: DebtorKey, status: Status, source: String, bundle: String, reference: String? = nil,
        debtor: String? = nil, totalClaimed: Decimal? = nil, asOf: Day? = nil, procedure: Procedure? = nil,
        courtKind: CourtKind? = nil, court: String? = nil, warnings: [String] = [], error: Failure? = nil
    ) {
        self.key = key
        self.status = status
        self.source = source
        self.bundle = bundle
        self.reference = reference
        self.debtor = debtor
        self.totalClaimed = totalClaimed
        self.asOf = asOf
        self.procedure = procedure
        self.courtKind = courtKind
        self.court = court
        self.warnings = warnings
        self.error = error
    }

    /// The report's order: by key, then by bundle (two cases of one debtor).
    public static func reportOrder(_ lhs: BatchEntry, _ rhs: BatchEntry) -> Bool {
        lhs.key.value != rhs.key.value ? lhs.key.value < rhs.key.value : lhs.bundle < rhs.bundle
    }
}
