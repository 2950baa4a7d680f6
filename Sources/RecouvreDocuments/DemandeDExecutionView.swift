import Foundation
import RecouvreLaw
import RecouvreModel

/// The instruction to a commissaire de justice to enforce a title (CPCE L111-2, L111-3): the title, its
/// service (or the request to serve it first, CPC 503), what it awards as of the date (the décompte
/// joined), the interest still running, the exhibits (the title and its service).
public struct DemandeDExecutionView: Sendable {
    public var place: String
    public var date: String
    public var reference: String
    public var creditor: PartyView
    public var debtor: PartyView
    public var firm: FirmView?
    public var signatureLine: String?
    public var signatory: String
    /// "jugement du 12 mai 2026 (Tribunal judiciaire de Lyon)".
    public var title: String
    public var order: Bool
    public var served: String?
    public var invoices: String
    public var total: String
    public var principalDue: String
    public var interestDue: String
    public var costsDue: String
    public var asOf: String
    /// The interest that keeps running: rate words and the day after the décompte.
    public var rate: String?
    public var runningFrom: String
    public var increase: String?
    public var exhibits: [ExhibitView]

    init(_ facts: DossierFacts) throws {
        let dates = facts.dates
        guard let title = facts.statement.title, let judgment = facts.theCase.judgment else {
            throw DocumentError(file: "demande-d-execution-forcee", message: "le cas ne décrit aucun titre")
        }
        let decompte = try DecompteDuTitreView(facts)
        place = facts.place
        date = facts.date
        reference = facts.theCase.reference
        creditor = facts.creditor
        debtor = facts.debtor
        firm = facts.firmView
        signatureLine = facts.firmView?.signatureLine
        signatory = facts.signatory
        self.title = TitleWords(messages: facts.messages).label(judgment)
        order = judgment.judgmentKind == .order
        served = title.served.map { dates.long($0) }
        invoices = decompte.invoices
        total = decompte.total
        principalDue = decompte.principalDue
        interestDue = decompte.interestDue
        costsDue = decompte.costsDue
        asOf = decompte.asOf
        if let increase = title.increaseFrom, increase <= title.asOf {
            rate = facts.messages.text(SituationDocumentReason.rateLegalIncreased)
        } else {
            rate = title.principalDue > 0 ? decompte.rate : nil
        }
        if title.principalDue == 0 { rate = nil }
        runningFrom = dates.long(title.asOf.adding(days: 1))
        increase = decompte.increase
        exhibits = facts.exhibitViews
    }
}
