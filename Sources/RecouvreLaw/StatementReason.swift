import Foundation
import RecouvreModel

/// Every sentence the statement engine writes — the rate source of each penalty line, the convention,
/// the warnings — worded in `forms/messages/statement.yaml` (the case name is the key, the labelled
/// values fill its placeholders: see `CatalogueReason`). Rate sources are printed inside the relevé de
/// compte, an exhibit: they are French, with French dates and amounts (domain.md §5).
public enum StatementReason: CatalogueReason, Hashable {
    public static let section = "statement"

    // Rate sources (the `source` column of a penalty line).
    case sourceB2BDefault(rate: String, date: Day, margin: String)
    case sourceClauseFixed(rate: String)
    case sourceClauseECB(rate: String, date: Day, points: String)
    case sourceClauseLegal(multiple: String, period: HalfYear, rate: String)
    case sourceClauseAboveFloor(clause: StatementWord)
    case sourceClauseECBAboveFloor(rate: String, date: Day, points: String)
    case sourceClauseLegalAboveFloor(multiple: String, period: HalfYear, rate: String)
    case sourceFloor(multiple: String, period: HalfYear, rate: String, clause: StatementWord)
    case sourcePublic(rate: String, date: Day, margin: String)
    case sourceLegal(category: StatementWord, period: StatementWord, rate: String, text: String)
    case sourceLegalIncreased(
        category: StatementWord, period: StatementWord, rate: String, points: String, text: String)
    case sourceLegalUnverified(category: StatementWord, period: StatementWord, rate: String)
    case sourceLegalUnverifiedIncreased(category: StatementWord, period: StatementWord, rate: String, points: String)

    // The convention printed on every statement (domain.md §2).
    case convention(start: String, date: Day, basis: String, imputation: String)
    case conventionStartAutomatic, conventionStartNotice
    case conventionBasis365, conventionBasisActual
    case conventionInterestFirst, conventionPrincipal
    case capitalisationContract(date: Day)
    case capitalisationRequested(date: Day)

    // `recouvre rates` and the expiry warning of `check` and `build` (RateExpiry).
    case ratesTable(name: String, file: String, checked: String, refused: String)
    case ratesUnverifiedRow(from: String, to: String, rate: String)
    case ratesFirstRefused(day: String)
    case ratesExpiring(file: String, day: String, days: String)
    case ratesExpired(file: String, day: String)
    case ratesParametersTable(file: String, checked: String, refused: String, all: String)
    case parametersExpiring(file: String, checked: String, day: String, days: String, all: String)
    case parametersExpired(file: String, checked: String, day: String, all: String)

    // Warnings (terminal and notes.txt; never printed inside an exhibit).
    case unverifiedRate(series: String, period: HalfYear, rate: String, file: String)
    case clauseBelowFloor(
        clause: StatementWord, rate: String, period: HalfYear, floor: StatementWord, floorRate: String)
    case judgmentNotServed(date: String, from: String, points: String)
    case publicClauseIgnored(margin: String)
    case leaseClauseUnwritten
    case consumerCreditNoRate
    case consumerCreditRate
    case proceedingsUnknownDate
    case proceedingsOpened(date: String)
    case noNoticeReceived(date: String)
    case invoiceAfterNotice(invoice: String, due: String, notice: String)
    case increaseLegalOnly(date: String, points: String)
    case extraCostsRefused(amount: String)
    case extraCostsAdded(amount: String)
    case creditNoteAfter(number: String, date: String, asOf: String)
    case paymentAfter(amount: String, date: String, asOf: String)
    case paymentLabel(date: String)
    case creditNoteLabel(number: String)
    case beyondNamedInvoice(label: String, amount: String, invoice: String)
    case namedInvoiceAbsent(label: String, invoice: String)
    case overpayment(label: String, amount: String, date: String)
    case notYetDue(invoice: String, due: String, asOf: String)
    case paidOnTime(invoice: String)
}

/// French words for the statement's values.
enum StatementWords {
    /// `3,15 %`.
    static func rate(_ value: Decimal) -> String { Money.frenchRate(value) }

    /// `10`, `7,5`: a number of points or a multiple, French decimal comma, no trailing zeros.
    static func number(_ value: Decimal) -> String {
        // The decimal point is the only `.` of the plain text: swapped byte for byte (Foundation's
        // `replacingOccurrences` costs tens of thousands of instructions on Linux).
        String(
            decoding: LatePaymentRules.plainNumber(value).utf8.map { $0 == UInt8(ascii: ".") ? UInt8(ascii: ",") : $0 },
            as: UTF8.self)
    }
}
