import Foundation

/// What an invoice line of the case is: an invoice, a rent or a provision for charges (a lease).
public enum InvoiceKind: String, Sendable, Codable, CaseIterable {
    case invoice
    case rent
    case charges
}

/// The debtor's position on an invoice, from an e-invoicing lifecycle status (CDAR) or the user.
public enum InvoiceStatus: String, Sendable, Codable, CaseIterable {
    /// Approuvée (205): the debtor accepted the invoice.
    case accepted
    /// En litige (207): a disputed claim is not "certaine" (no injonction de payer).
    case disputed
    /// Refusée (210).
    case refused
    /// Affacturée (225, 226): the claim may belong to the factor.
    case factored
}

/// An invoice claimed. `amount` is TTC (all taxes included), in euros.
public struct Invoice: Sendable, Hashable, Codable {
    public var number: String
    public var issued: Day
    public var due: Day
    public var amount: Decimal
    public var description: String?
    public var kind: InvoiceKind
    public var status: InvoiceStatus?
    /// The day of the status.
    public var statusDate: Day?
    /// The exhibit recording the status (a CDAR message), relative to the case's folder.
    public var statusFile: String?
    /// The late-penalty clause as written on the invoice (quoted by the relevé).
    public var penaltyClause: String?

    public init(number: String, issued: Day, due: Day, amount: Decimal, description: String? = nil,
                kind: InvoiceKind = .invoice, status: InvoiceStatus? = nil, statusDate: Day? = nil,
                statusFile: String? = nil, penaltyClause: String? = nil) {
        self.number = number
        self.issued = issued
        self.due = due
        self.amount = amount
        self.description = description
        self.kind = kind
        self.status = status
        self.statusDate = statusDate
        self.statusFile = statusFile
        self.penaltyClause = penaltyClause
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

/// What became of a registered letter (the avis de réception).
public enum DeliveryOutcome: String, Sendable, Codable, CaseIterable {
    case delivered
    /// Pli avisé non réclamé: presented, not collected; counts as delivered on the presentation day.
    case notCollected = "not_collected"
}

/// A judgment, or an order (ordonnance: injonction de payer, référé).
public enum JudgmentKind: String, Sendable, Codable, CaseIterable {
    case judgment
    case order
}

/// The interest a judgment awards: the taux légal, or a rate written like `penalty_rate`.
public enum AwardedRate: Sendable, Hashable, Codable {
    case legal
    case clause(PenaltyRateClause)
}

/// The interest a judgment orders, and from when.
public struct AwardedInterest: Sendable, Hashable, Codable {
    public var rate: AwardedRate
    public var from: Day?

    public init(rate: AwardedRate, from: Day? = nil) {
        self.rate = rate
        self.from = from
    }
}

/// What a judgment awards (the +5 points of C. mon. fin. L313-3 apply to these sums).
public struct Award: Sendable, Hashable, Codable {
    public var principal: Decimal?
    public var interest: AwardedInterest?
    public var costs: Decimal?
    /// CPC art. 700 (frais irrépétibles).
    public var article700: Decimal?

    public init(principal: Decimal? = nil, interest: AwardedInterest? = nil, costs: Decimal? = nil,
                article700: Decimal? = nil) {
        self.principal = principal
        self.interest = interest
        self.costs = costs
        self.article700 = article700
    }
}

/// One instalment of a payment plan.
public struct Instalment: Sendable, Hashable, Codable {
    public var date: Day
    public var amount: Decimal

    public init(date: Day, amount: Decimal) {
        self.date = date
        self.amount = amount
    }
}

/// Something that happened in the life of the claim.
public struct Event: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case reminder
        case formalNotice = "formal_notice"
        case judgment
        /// The debtor promised to pay by `until`.
        case promise
        /// An accepted payment plan (`instalments`).
        case plan
        /// A public body received the mémoire en réclamation.
        case claimReceived = "claim_received"
        /// The public body rejected the claim.
        case rejection
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
    /// Reminder: the ladder step it was (forms/ladders).
    public var step: String?
    /// Reminder: the letter or e-mail sent. Judgment: the decision. Relative to the case's folder.
    public var file: String?
    /// Formal notice: the letter as sent, its proof of dispatch, its avis de réception.
    public var letter: String?
    public var dispatchProof: String?
    public var receiptFile: String?
    /// Formal notice: the day the letter was presented (avis de passage).
    public var presented: Day?
    public var outcome: DeliveryOutcome?
    /// Judgment: a judgment or an order.
    public var judgmentKind: JudgmentKind?
    /// Judgment: the numbers of the invoices it covers; `nil` means all.
    public var invoices: [String]?
    public var awarded: Award?
    /// Judgment: the act of service.
    public var serviceFile: String?
    /// Promise: the day the debtor promised to pay by.
    public var until: Day?
    /// Promise: the amount promised, if stated.
    public var amount: Decimal?
    /// Plan: the instalments agreed.
    public var instalments: [Instalment]
    /// Rejection: express (a letter) rather than implicit (silence).
    public var express: Bool?
    /// Rejection: whether it mentioned the remedies and their time limits (CJA R421-5).
    public var remediesMentioned: Bool?

    public init(type: Kind, date: Day, received: Day? = nil, served: Day? = nil, channel: Channel? = nil,
                tracking: String? = nil, court: String? = nil, step: String? = nil, file: String? = nil,
                letter: String? = nil, dispatchProof: String? = nil, receiptFile: String? = nil,
                presented: Day? = nil, outcome: DeliveryOutcome? = nil, judgmentKind: JudgmentKind? = nil,
                invoices: [String]? = nil, awarded: Award? = nil, serviceFile: String? = nil,
                until: Day? = nil, amount: Decimal? = nil, instalments: [Instalment] = [],
                express: Bool? = nil, remediesMentioned: Bool? = nil) {
        self.type = type
        self.date = date
        self.received = received
        self.served = served
        self.channel = channel
        self.tracking = tracking
        self.court = court
        self.step = step
        self.file = file
        self.letter = letter
        self.dispatchProof = dispatchProof
        self.receiptFile = receiptFile
        self.presented = presented
        self.outcome = outcome
        self.judgmentKind = judgmentKind
        self.invoices = invoices
        self.awarded = awarded
        self.serviceFile = serviceFile
        self.until = until
        self.amount = amount
        self.instalments = instalments
        self.express = express
        self.remediesMentioned = remediesMentioned
    }

    /// Formal notice: the day it counts as received — the avis de réception's date, or the
    /// presentation day of a pli avisé non réclamé (French case law treats it as delivered then).
    public var effectiveReceipt: Day? {
        if let received { return received }
        if outcome == .notCollected { return presented }
        return nil
    }
}

/// A pièce listed on the bordereau. `file` is relative to the case file's folder.
public struct Exhibit: Sendable, Hashable, Codable {
    public var title: String
    public var file: String?
    /// Listed, its file still to produce ("à produire" on the bordereau).
    public var toProduce: Bool

    public init(title: String, file: String? = nil, toProduce: Bool = false) {
        self.title = title
        self.file = file
        self.toProduce = toProduce
    }
}
