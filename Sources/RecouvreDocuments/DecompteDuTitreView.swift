import Foundation
import RecouvreLaw
import RecouvreModel

/// The décompte of an enforceable title as of the date of the dossier (CPCE R221-1 asks the commandement
/// de payer for a "décompte distinct des sommes réclamées en principal, frais et intérêts échus"): the
/// principal the title awards, the interest it orders with one line per half-year and at the +5-point
/// switch of C. mon. fin. L313-3, costs, article 700 CPC, the payments received since, the total.
public struct DecompteDuTitreView: Sendable {
    public var reference: String
    public var asOf: String
    public var creditor: PartyView
    public var debtor: PartyView
    /// "jugement du 12 mai 2026 (Tribunal judiciaire de Lyon)".
    public var title: String
    public var served: String?
    public var invoices: String
    public var principal: String
    /// "au taux de l'intérêt légal", "au taux de 12,00 %", "au taux BCE + 10 points".
    public var rate: String?
    public var interestFrom: String?
    /// When the majoration applies, is not applied yet, or does not apply.
    public var increase: String?
    public var periods: [ReleveDeCompteView.Period]
    public var interest: String
    public var payments: [Payment]
    public var interestDue: String
    public var principalDue: String
    public var costs: String
    public var article700: String
    public var costsDue: String
    public var total: String
    public var dayBasis: String
    /// What comes on top of the total: the costs of enforcement in France or abroad, or, for a public
    /// person, the time it has to mandate the sum (CJA L911-9).
    public var closing: String

    public struct Payment: Sendable {
        public var date: String
        public var amount: String
        public var paymentReference: String?
        public var toInterest: String
        public var toPrincipal: String
        public var toCosts: String
    }

    init(_ facts: DossierFacts) throws {
        let dates = facts.dates
        guard let title = facts.statement.title, let judgment = facts.theCase.judgment else {
            throw DocumentError(file: "decompte-du-titre", message: "le cas ne décrit aucun titre (événement judgment)")
        }
        let words = TitleWords(messages: facts.messages)
        reference = facts.theCase.reference
        asOf = dates.long(title.asOf)
        creditor = facts.creditor
        debtor = facts.debtor
        self.title = words.label(judgment)
        served = title.served.map { dates.long($0) }
        invoices = title.invoices.joined(separator: ", ")
        principal = FrenchFormat.amount(title.principal)
        switch title.rate {
        case .legal?: rate = facts.messages.text(SituationDocumentReason.rateLegal)
        case .clause(let clause)?:
            rate = facts.messages.text(
                SituationDocumentReason.rateClause(rate: Self.words(clause, messages: facts.messages)))
        case nil: rate = nil
        }
        interestFrom = title.interestFrom.map { dates.long($0) }
        if let from = title.increaseFrom, let served = title.served {
            increase = facts.messages.text(
                SituationDocumentReason.increaseFrom(served: dates.long(served), from: dates.long(from)))
        } else if case .legal? = title.rate {
            increase = facts.messages.text(SituationDocumentReason.increaseNotServed)
        } else if title.rate != nil {
            increase = facts.messages.text(SituationDocumentReason.increaseNotLegal)
        } else {
            increase = nil
        }
        periods = title.periods.map { period in
            ReleveDeCompteView.Period(
                from: FrenchFormat.shortDate(period.from), to: FrenchFormat.shortDate(period.to),
                days: String(period.days), base: FrenchFormat.amount(period.base),
                rate: FrenchFormat.rate(period.rate), amount: FrenchFormat.amount(period.amount), source: period.source)
        }
        interest = FrenchFormat.amount(title.interest)
        payments = title.payments.map {
            Payment(
                date: FrenchFormat.shortDate($0.date), amount: FrenchFormat.amount($0.amount),
                paymentReference: $0.reference, toInterest: FrenchFormat.amount($0.toInterest),
                toPrincipal: FrenchFormat.amount($0.toPrincipal), toCosts: FrenchFormat.amount($0.toCosts))
        }
        interestDue = FrenchFormat.amount(title.interestDue)
        principalDue = FrenchFormat.amount(title.principalDue)
        costs = FrenchFormat.amount(title.costs)
        article700 = FrenchFormat.amount(title.article700)
        costsDue = FrenchFormat.amount(title.costsDue)
        total = FrenchFormat.amount(title.total)
        dayBasis = facts.messages.text(facts.statement.dayBasis == .d365 ? ReleveWord.dayBasis365 : .dayBasisActual)
        switch facts.route.titlePath {
        case .publicBody?: closing = facts.messages.text(SituationDocumentReason.decompteCostsPublicBody)
        case .europeanEnforcement?, .exequatur?:
            closing = facts.messages.text(SituationDocumentReason.decompteCostsAbroad)
        case .collectiveProceedings?:
            closing = facts.messages.text(SituationDocumentReason.decompteCostsCollective)
        case .enforcement?, nil:
            closing = facts.messages.text(SituationDocumentReason.decompteCostsEnforcement)
        }
    }

    /// "12,00 %", "taux BCE + 10 points", "3 fois le taux de l'intérêt légal".
    static func words(_ clause: PenaltyRateClause, messages: MessageCatalogue) -> String {
        switch clause {
        case .fixed(let rate): return FrenchFormat.rate(rate)
        case .ecbPlus(let points): return messages.text(ReleveWord.clauseECBPlus(points: FrenchFormat.number(points)))
        case .legalTimes(let multiple):
            return messages.text(ReleveWord.clauseLegalTimes(multiple: FrenchFormat.number(multiple)))
        }
    }
}
