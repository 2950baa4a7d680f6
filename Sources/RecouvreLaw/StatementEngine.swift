import Foundation
import RecouvreModel

/// Computes the relevé de compte of a case as of a date: penalty or interest lines per invoice, the
/// imputation of payments and credit notes, flat fees and totals (domain.md §1–§3).
public struct StatementEngine: Sendable {
    public let tables: RateTables
    /// The wording of rate sources, the convention and the warnings (`forms/messages/statement.yaml`);
    /// the law book passes its catalogue (`LawBook.statementEngine`).
    public let messages: MessageCatalogue

    public init(tables: RateTables, messages: MessageCatalogue = MessageCatalogue(entries: [:])) {
        self.tables = tables
        self.messages = messages
    }

    /// The statement of `claim` as of `asOf` (inclusive). Throws `RateTableError` (exit 3) when a day
    /// to compute falls outside the rate tables.
    public func statement(for claim: Case, asOf: Day, dayBasis: DayBasis = .d365) throws -> Statement {
        try statement(for: claim, asOf: asOf, dayBasis: dayBasis, skipZeroTerms: true)
    }

    /// The same; `skipZeroTerms: false` adds every term even when it is the literal 0 that cannot change
    /// a sum (the reference `StatementFastPathTests` compares the default with, value and representation).
    func statement(for claim: Case, asOf: Day, dayBasis: DayBasis, skipZeroTerms: Bool) throws -> Statement {
        var notes = Notes(messages: messages)
        let regime = claim.regime
        let interestFirst = StatementRules.interestFirst(regime)
        let policy = try StatementRules.ratePolicy(for: claim, tables: tables, asOf: asOf, notes: &notes)
        let stop = StatementRules.lastCountedDay(claim, asOf: asOf, notes: &notes)
        let increase = try StatementRules.judgmentIncrease(claim, policy: policy, tables: tables, notes: &notes)
        var rates = RateContext(
            policy: policy ?? .b2bDefault, tables: tables, dayBasis: dayBasis, increaseFrom: increase,
            messages: messages)

        // Accounts, in case order; `oldest` is the order of C. civ. 1342-10 (oldest due first).
        var accounts: [InvoiceAccount] = []
        var byNumber: [String: Int] = [:]
        let notices = StatementRules.civilNotices(claim, asOf: asOf, notes: &notes)
        for invoice in claim.invoices {
            let start: Day? =
                policy == nil || stop == nil
                ? nil : StatementRules.delayStart(invoice, regime: regime, notices: notices)
            if policy != nil, stop != nil, start == nil, let last = notices.map(\.date).max(), invoice.due < asOf {
                notes.warn(.invoiceAfterNotice(invoice: invoice.number, due: invoice.due.iso, notice: last.iso))
            }
            byNumber[invoice.number] = byNumber[invoice.number] ?? accounts.count
            accounts.append(
                InvoiceAccount(
                    invoice: invoice, start: start, lastDay: stop ?? asOf,
                    capitalisation: claim.contract.capitalisationBasis != nil, skipZeroTerms: skipZeroTerms))
        }
        let oldest = accounts.indices.sorted {
            (accounts[$0].invoice.due, accounts[$0].invoice.issued, $0) < (
                accounts[$1].invoice.due, accounts[$1].invoice.issued, $1
            )
        }
        var firstOpen = 0

        // Payments and credit notes up to as of, by date; credit notes first on a day (a price reduction).
        var documents: [(date: Day, order: Int, kind: PaymentImputation.Kind, index: Int)] = []
        for (index, note) in claim.creditNotes.enumerated() {
            if note.date > asOf {
                notes.warn(.creditNoteAfter(number: note.number, date: note.date.iso, asOf: asOf.iso))
            } else if note.amount > 0 {
                documents.append((note.date, 0, .creditNote, index))
            }
        }
        for (index, payment) in claim.payments.enumerated() {
            if payment.date > asOf {
                notes.warn(.paymentAfter(amount: Money.french(payment.amount), date: payment.date.iso, asOf: asOf.iso))
            } else if payment.amount > 0 {
                documents.append((payment.date, 1, .payment, index))
            }
        }
        // Loi 89-462 art. 22: once the lease ended, the dépôt de garantie is set off against the arrears,
        // after the day's payments (index -1: not one of the case's payments).
        let deposit = StatementRules.depositSetOff(claim, asOf: asOf, notes: &notes)
        if let deposit { documents.append((deposit.date, 2, .deposit, -1)) }
        documents.sort { ($0.date, $0.order, $0.index) < ($1.date, $1.order, $1.index) }

        var imputations: [PaymentImputation] = []
        imputations.reserveCapacity(documents.count)
        for document in documents {
            // The deposit is imputed as a payment: C. civ. 1347-4 applies the rules of 1342-10 and 1343-1.
            let isPayment = document.kind != .creditNote
            let isDeposit = document.kind == .deposit
            let amount =
                isDeposit
                ? deposit!.amount
                : isPayment ? claim.payments[document.index].amount : claim.creditNotes[document.index].amount
            let named =
                isDeposit
                ? nil : isPayment ? claim.payments[document.index].invoice : claim.creditNotes[document.index].invoice
            // Worded only for a warning that names it (most payments need none: a catalogue lookup
            // per payment was 3 % of a 1,000-invoice dossier).
            func label() -> String {
                isDeposit
                    ? messages.text(LeaseReason.depositLabel(date: document.date.iso))
                    : messages.text(
                        isPayment
                            ? StatementReason.paymentLabel(date: document.date.iso)
                            : StatementReason.creditNoteLabel(number: claim.creditNotes[document.index].number))
            }
            var remaining = amount
            var imputed: [PaymentImputation.Imputed] = []
            func apply(_ index: Int) throws(RateTableError) {
                if isPayment {
                    let result = try accounts[index].pay(
                        remaining, on: document.date, interestFirst: interestFirst, rates: &rates)
                    if result.used > 0 {
                        imputed.append(
                            .init(
                                invoice: accounts[index].invoice.number, amount: result.used, interest: result.interest)
                        )
                    }
                    remaining -= result.used
                } else {
                    let used = try accounts[index].credit(remaining, on: document.date, rates: &rates)
                    if used > 0 { imputed.append(.init(invoice: accounts[index].invoice.number, amount: used)) }
                    remaining -= used
                }
            }
            if let named {
                if let index = byNumber[named] {
                    try apply(index)
                    if remaining > 0 {
                        notes.warn(.beyondNamedInvoice(label: label(), amount: Money.french(remaining), invoice: named))
                    }
                } else {
                    notes.warn(.namedInvoiceAbsent(label: label(), invoice: named))
                }
            }
            // C. civ. 1342-10: the oldest due debt first. An invoice once settled never reopens, so the
            // first open one only moves forward.
            var cursor = firstOpen
            while remaining > 0 && cursor < oldest.count {
                let index = oldest[cursor]
                if accounts[index].isOpen(interestFirst: isPayment && interestFirst) {
                    try apply(index)
                }
                if remaining > 0 { cursor += 1 }
            }
            while firstOpen < oldest.count && !accounts[oldest[firstOpen]].isOpen(interestFirst: interestFirst) {
                firstOpen += 1
            }
            if remaining > 0 {
                notes.warn(
                    text: isDeposit
                        ? messages.text(LeaseReason.depositExceeds(amount: Money.french(remaining)))
                        : messages.text(
                            StatementReason.overpayment(
                                label: label(), amount: Money.french(remaining), date: document.date.iso)))
            }
            imputations.append(
                PaymentImputation(
                    kind: document.kind, date: document.date, amount: amount,
                    reference: isDeposit
                        ? messages.text(LeaseReason.depositReference)
                        : isPayment
                            ? claim.payments[document.index].reference : claim.creditNotes[document.index].number,
                    imputed: imputed, unallocated: remaining))
        }

        // Each invoice to the as-of date, then fees and totals.
        let feeAllowed = StatementRules.flatFeeAllowed(claim, notes: &notes)
        var invoices: [InvoiceStatement] = []
        invoices.reserveCapacity(accounts.count)
        var totals = Totals(principal: 0, penalties: 0, flatFees: 0, total: 0)
        for index in accounts.indices {
            try accounts[index].advance(to: asOf, rates: &rates)
            let account = accounts[index]
            let invoice = account.invoice
            let late = invoice.due < asOf && account.settledByDue < invoice.amount
            var fee: Decimal = 0
            if feeAllowed && late, StatementRules.flatFeeAllowed(claim, for: invoice),
                let value = try LatePaymentRules.flatFee(
                    regime: regime, dueDayAfter: invoice.due.adding(days: 1), tables: tables)
            {
                fee = value.value
            }
            if invoice.due >= asOf && account.principal > 0 {
                notes.warn(.notYetDue(invoice: invoice.number, due: invoice.due.iso, asOf: asOf.iso))
            } else if account.settledByDue >= invoice.amount {
                notes.warn(.paidOnTime(invoice: invoice.number))
            }
            let penalties = account.periods.reduce(Decimal(0)) { $0 + $1.amount }
            invoices.append(
                InvoiceStatement(
                    number: invoice.number, issued: invoice.issued, due: invoice.due, amount: invoice.amount,
                    paid: account.paid, credited: account.credited, outstanding: account.principal,
                    periods: account.periods, penalties: penalties, flatFee: fee, interestPaid: account.interestPaid,
                    kind: invoice.kind))
            totals.principal += account.principal
            // Without C. civ. 1343-1 imputation nothing is ever paid on interest: `interestPaid` is 0.
            totals.penalties +=
                skipZeroTerms && !interestFirst && DecimalWords.isNonZero(penalties)
                ? penalties : penalties - account.interestPaid
            totals.flatFees += fee
        }
        totals.extraRecoveryCosts = StatementRules.extraRecoveryCosts(claim, notes: &notes)
        totals.total = totals.principal + totals.penalties + totals.flatFees + totals.extraRecoveryCosts

        for notice in Prescription.check(case: claim, asOf: asOf, rules: tables.prescription, messages: messages) {
            notes.warn(text: notice.message)
        }
        var used = rates.usedTables
        if feeAllowed { used.insert("statutory") }
        let series = [tables.ecb, tables.legalParticulier, tables.legalAutresCas].filter { used.contains($0.id) }
        var statement = Statement(
            reference: claim.reference, asOf: asOf, regime: regime, dayBasis: dayBasis, invoices: invoices,
            payments: imputations, totals: totals, warnings: rates.warnings + notes.warnings,
            convention: StatementRules.convention(
                regime: regime, dayBasis: dayBasis, interestFirst: interestFirst, asOf: asOf,
                capitalisation: claim.contract.capitalisationBasis, messages: messages),
            rateTables: series.map(\.use))
        statement.title = try title(for: claim, asOf: asOf, dayBasis: dayBasis)
        return statement
    }
}

/// Warnings in the order they arise, each once.
struct Notes {
    let messages: MessageCatalogue
    private(set) var warnings: [String] = []
    private var seen: Set<String> = []

    init(messages: MessageCatalogue) { self.messages = messages }

    mutating func warn(_ reason: StatementReason) { warn(text: messages.text(reason)) }

    mutating func warn(text: String) {
        if seen.insert(text).inserted { warnings.append(text) }
    }
}
