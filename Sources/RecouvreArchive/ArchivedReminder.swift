import Foundation
import RecouvreModel

/// How an amicable reminder went out (`remind`'s ladder channels).
public enum ReminderChannel: String, Sendable, Hashable, CaseIterable {
    case email
    case letter
    case registeredLetter = "registered_letter"
}

/// A reminder to archive (`remind --record --archive DB`): the letter or the e-mail written, byte
/// for byte, with what it is (the case, the parties, the ladder step, the day it is dated).
public struct ReminderSubmission: Sendable, Hashable {
    public var caseReference: String
    public var creditor: ArchivedParty
    public var debtor: ArchivedParty
    /// The principal outstanding on the day, stated in the reminder (`Decimal`, stored as `"1200.00"`).
    public var amountDue: Decimal
    /// The day the reminder is dated (the as-of day of `remind`).
    public var sent: Day
    /// The ladder step id (`j1`, `j15`…).
    public var step: String
    public var channel: ReminderChannel
    /// The payer profile it was written for.
    public var profile: String?
    /// The file's name as written (`2026-0042-j1-2026-04-01.eml`).
    public var fileName: String
    /// The letter (`.txt`) or the e-mail (`.eml`), as written.
    public var data: Data

    public init(
        caseReference: String, creditor: ArchivedParty, debtor: ArchivedParty, amountDue: Decimal, sent: Day,
        step: String, channel: ReminderChannel, profile: String?, fileName: String, data: Data
    ) {
        self.caseReference = caseReference
        self.creditor = creditor
        self.debtor = debtor
        self.amountDue = amountDue
        self.sent = sent
        self.step = step
        self.channel = channel
        self.profile = profile
        self.fileName = fileName
        self.data = data
    }
}

/// A reminder as archived (schema 3): one entry of the same hash chain as the notices and receipts.
public struct ReminderRecord: Sendable, Hashable {
    public var id: Int64
    /// Position in the hash chain.
    public var seq: Int64
    public var caseReference: String
    public var creditor: ArchivedParty
    public var debtor: ArchivedParty
    /// Decimal text, as stored (`"1200.00"`).
    public var amountDue: String
    public var sent: Day
    public var step: String
    public var channel: ReminderChannel
    public var profile: String?
    public var fileName: String
    public var fileSHA256: String
    public var previousHash: String
    public var hash: String
    /// The file's bytes (loaded by `reminder(id:)`, not by `reminders(_:)`).
    public var data: Data?
}
