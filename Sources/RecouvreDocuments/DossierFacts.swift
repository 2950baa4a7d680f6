import Foundation
import RecouvreLaw
import RecouvreModel
import RecouvreRoute

/// The facts every document shares, derived once from the input (wording stays in the templates).
struct DossierFacts {
    let input: DossierInput
    let settings: DocumentSettings
    let exhibits: [DossierExhibit]

    var theCase: Case { input.case }
    var statement: Statement { input.statement }
    var route: Route { input.route }

    var creditor: PartyView { PartyView(theCase.creditor) }
    var debtor: PartyView { PartyView(theCase.debtor) }
    var invoices: [InvoiceView] { statement.invoices.map(InvoiceView.init) }
    var claim: ClaimView { ClaimView(statement) }
    /// The documents are dated the day of the computation.
    var date: String { FrenchFormat.date(statement.asOf) }
    /// Letters are signed where the creditor is established.
    var place: String { theCase.creditor.address.city }
    /// The signatory: the creditor's representative, else the creditor itself.
    var signatory: String { theCase.creditor.representative ?? theCase.creditor.name }
    var exhibitViews: [ExhibitView] {
        exhibits.map { ExhibitView(number: $0.number, title: $0.title, file: $0.bundlePath) }
    }

    /// B2B wording: automatic penalties and the 40 € fee (C. com. L441-10 II, D441-5).
    var professional: Bool { statement.regime == .b2b }
    /// Public buyer: moratorium interest and the 40 € fee (C. commande publique R2192-31, D2192-35).
    var publicBuyer: Bool { statement.regime == .publicProcurement }
    /// Civil wording: taux légal from the receipt of the notice (C. civ. 1231-6, 1344-1), no fee.
    var legalInterest: Bool { !professional && !publicBuyer }
    var flatFeeClaimed: Bool { statement.totals.flatFees > 0 }

    /// `au taux annuel de 12,40 %`, or the successive rates of the statement's periods.
    var rates: String? {
        var seen: [Decimal] = []
        for period in statement.invoices.flatMap(\.periods) where !seen.contains(period.rate) {
            seen.append(period.rate)
        }
        guard !seen.isEmpty else { return nil }
        if seen.count == 1 { return "au taux annuel de \(FrenchFormat.rate(seen[0]))" }
        let texts = seen.map(FrenchFormat.rate)
        return "aux taux annuels successifs de \(texts.dropLast().joined(separator: ", ")) et \(texts.last!)"
    }

    /// The first day interest or penalties run, over every invoice.
    var interestFrom: String? {
        statement.invoices.flatMap(\.periods).map(\.from).min().map(FrenchFormat.date)
    }

    /// The formal notice already sent, if any: `du 20 juin 2025, reçue le 23 juin 2025`.
    var previousNotice: String? {
        guard let notice = theCase.formalNotice else { return nil }
        var text = "du \(FrenchFormat.date(notice.date))"
        if let received = notice.received { text += ", reçue le \(FrenchFormat.date(received))" }
        return text
    }

    var contractReference: String? { theCase.contract.reference }

    /// The court's name, or nil when the route names none.
    var courtName: String? { route.court?.name }

    /// The step announced in the notice, from the route (C. civ. 1344 does not require it; the
    /// practice, and domain.md §5, do).
    var nextStep: String {
        switch route.procedure {
        case .injonctionDePayer:
            return "une requête en injonction de payer" + (courtName.map { " devant le \($0)" } ?? "")
        case .pspc:
            return "la procédure simplifiée de recouvrement des petites créances auprès d'un commissaire de justice"
        case .europeanOrderForPayment:
            return "une demande d'injonction de payer européenne"
        case .europeanSmallClaims:
            return "une demande selon la procédure européenne de règlement des petits litiges"
        case .administrativeClaim:
            return "la saisine du tribunal administratif"
        case .declarationDeCreance:
            return "la déclaration de notre créance au passif de la procédure collective"
        case .none:
            return "toute action en justice utile"
        }
    }

    /// The basis of the claim in one paragraph: the contract and the unpaid invoices.
    var basis: String {
        var parts: [String] = []
        if let reference = theCase.contract.reference { parts.append(reference) }
        let list = statement.invoices.filter { $0.outstanding > 0 }.map {
            "facture n° \($0.number) du \(FrenchFormat.date($0.issued)), échue le \(FrenchFormat.date($0.due)), "
                + "restant due \(FrenchFormat.amount($0.outstanding))"
        }
        parts.append(list.isEmpty ? "factures réglées, pénalités seules restant dues" : list.joined(separator: " ; "))
        if let terms = theCase.contract.paymentTerms { parts.append("conditions de paiement : \(terms)") }
        return parts.joined(separator: " ; ")
    }

    var formalNoticeDays: Int { settings.formalNoticeDays(for: statement.regime) }
}
