import Foundation

/// An invoice claimed. `amount` is TTC (all taxes included), in euros.
public struct Invoice: Sendable, Hashable, Codable {
    public var number: String
    public var issued: Day
    public var due: Day
    public var amount: Decimal
    public var description: String?

    public init(number: String, issued: Day, due: Day, amount: Decimal, description: String? = nil) {
        self.number = number
        self.issued = issued
        self.due = due
        self.amount = amount
        self.description = description
    }
}

/// A payment received from the debtor. Without `invoice`, it is imputed by C. civ. 1342-10.
public struct Payment: Sendable, Hashable, Codable {
    public var date: Day
    public var amount: Decimal
    public var invoice: String?
    public var reference: String?

    public init(date: Day, amount: Decimal, invoice: String? = nil, reference: String? = nil) {
        self.date = date
        self.amount = amount
        self.invoice = invoice
        self.reference = reference
    }
}

/// A credit note (avoir) reducing what is owed.
public struct CreditNote: Sendable, Hashable, Codable {
    public var number: String
    public var date: Day
    public var amount: Decimal
    public var invoice: String?

    public init(number: String, date: Day, amount: Decimal, invoice: String? = nil) {
        self.number = number
        self.date = date
        self.amount = amount
        self.invoice = invoice
    }
}

/// How a letter or notice was sent.
public enum Channel: String, Sendable, Codable, CaseIterable {
    case email
    case letter
    case registeredLetter = "registered_letter"
    case bailiff
}

/// Something that happened in the life of the claim.
public struct Event: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case reminder
        case formalNotice = "formal_notice"
        case judgment
    }

    public var type: Kind
    /// Reminder and notice: sent. Judgment: the day it became enforceable.
    public var date: Day
    /// Formal notice: the date on the avis de réception (starts civil interest).
    public var received: Day?
    /// Judgment: date of service (the +5 points run two months after it, C. mon. fin. L313-3).
    public var served: Day?
    public var channel: Channel?
    public var tracking: String?
    public var court: String?

    public init(type: Kind, date: Day, received: Day? = nil, served: Day? = nil, channel: Channel? = nil,
                tracking: String? = nil, court: String? = nil) {
        self.type = type
        self.date = date
        self.received = received
        self.served = served
        self.channel = channel
        self.tracking = tracking
        self.court = court
    }
}

/// A pièce listed on the bordereau. `file` is relative to the case file's folder.
public struct Exhibit: Sendable, Hashable, Codable {
    public var title: String
    public var file: String?

    public init(title: String, file: String? = nil) {
        self.title = title
        self.file = file
    }
}
