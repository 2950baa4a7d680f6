import RecouvreModel

/// Where a claim against a public body stands after its mémoire en réclamation (CJA R421-1, R421-2).
public enum AdministrativeClaimStatus: Sendable, Hashable {
    /// No receipt of the mémoire recorded: the mémoire is the document to send.
    case notReceived
    /// Received on `received`, no answer yet: it is implicitly rejected on `rejected` (the end of the
    /// silence), and the requête may be filed from `filingFrom` (the day after).
    case waiting(received: Day, rejected: Day, filingFrom: Day)
    /// Received on `received` and unanswered: implicitly rejected on `rejected`.
    case implicitlyRejected(received: Day, rejected: Day)
    /// Rejected by a decision of `date`; `deadline` is the last day of the recours when the decision
    /// mentioned the remedies and their time limits (CJA R421-5), nil when no time runs.
    case expresslyRejected(date: Day, deadline: Day?)

    /// CJA R421-1, R421-2 (CRPA L231-4): the status on `asOf`. An implicit rejection is born when the
    /// silence has lasted `silenceMonths` from the receipt (the same date, `silenceMonths` later); the
    /// conservative reading files the requête only from the next day. A `rejection` event on or before
    /// `asOf` wins: express with the remedies mentioned, the recours must be brought within
    /// `recourseMonths` of it (counted from its date, earlier than or equal to its notification: the
    /// conservative reading).
    public static func status(
        received: Day?, rejection: Event?, asOf: Day, silenceMonths: Int, recourseMonths: Int
    ) -> AdministrativeClaimStatus {
        if let rejection, rejection.date <= asOf {
            if rejection.express == true {
                let deadline = rejection.remediesMentioned == true ? rejection.date.adding(months: recourseMonths) : nil
                return .expresslyRejected(date: rejection.date, deadline: deadline)
            }
            if let received { return .implicitlyRejected(received: received, rejected: rejection.date) }
            return .implicitlyRejected(
                received: rejection.date.adding(months: -silenceMonths), rejected: rejection.date)
        }
        guard let received else { return .notReceived }
        let rejected = received.adding(months: silenceMonths)
        if asOf > rejected { return .implicitlyRejected(received: received, rejected: rejected) }
        return .waiting(received: received, rejected: rejected, filingFrom: rejected.adding(days: 1))
    }

    /// The requête to the tribunal administratif can be filed (the mémoire stage is over).
    public var rejected: Bool {
        switch self {
        case .implicitlyRejected, .expresslyRejected: return true
        case .notReceived, .waiting: return false
        }
    }
}
