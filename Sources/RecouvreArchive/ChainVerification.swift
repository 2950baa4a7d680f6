/// The result of `ArchiveStore.verify()`: the chain's size and head, or the first problem found.
public struct ChainVerification: Sendable, Hashable {
    public var notices: Int
    public var receipts: Int
    /// The hash of the last entry: keep it elsewhere to prove later that no newest entry was removed.
    public var head: String
    /// The first entry (in chain order) found altered, deleted or out of place; `nil` when intact.
    public var problem: ChainProblem?
    /// The amicable reminders (schema 3).
    public var reminders: Int = 0

    public var entries: Int { notices + receipts + reminders }
    public var isIntact: Bool { problem == nil }
}

/// What `verify` found wrong, naming the record.
public struct ChainProblem: Sendable, Hashable, CustomStringConvertible {
    /// The chain position of the entry named (0 when the damage is not tied to one entry).
    public var seq: Int64
    /// The entry named: `notice #3`, `receipt #1 (notice #2)`.
    public var subject: String
    public var description: String
}
