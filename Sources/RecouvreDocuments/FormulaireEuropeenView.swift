import Foundation
import RecouvreLaw
import RecouvreModel
import RecouvreRoute

/// The content of form A, rubric by rubric and numbered as in Annex I: of the European order for payment
/// (Reg. (CE) 1896/2006, art. 7; Annex I as replaced by Reg. (UE) 2017/1260) or of the European small
/// claims procedure (Reg. (CE) 861/2007, art. 4; Annex I as replaced by Reg. (UE) 2017/1259). The rubric
/// titles and the fixed sentences are in the template; the codes and lines that depend on the case come
/// from `forms/messages/european.yaml`. Art. 7(2): the court, the parties, the claim (principal,
/// interest with its rate and period, contractual penalties, costs), the cause with the nature of the
/// claim, the evidence, the grounds of jurisdiction, the cross-border nature; art. 7(3): the declaration.
public struct FormulaireEuropeenView: Sendable {
    public var formCode: String
    public var formTitle: String
    /// The European small claims procedure rather than the order for payment.
    public var smallClaims: Bool
    /// Rubric 1: the court by name when known; otherwise a blank the route explains.
    public var courtName: String?
    public var courtAddress: [String]
    public var courtBlank: String?
    public var creditor: PartyView
    public var debtor: PartyView
    /// Rubric 2 codes (order for payment): 01 claimant, 02 defendant, 03/05 representatives.
    public var creditorCode: String
    public var debtorCode: String
    /// 03: the claimant's representative (the firm, "e.g. lawyer"); 05: its legally authorised
    /// representative ("e.g. managing director"); 06: the defendant's (Annex I, rubric 2, as read on
    /// EUR-Lex for Reg. 2017/1260).
    public var representativeCode: String?
    public var legalRepresentativeCode: String?
    public var debtorLegalRepresentativeCode: String?
    /// What was checked against the official text of Annex I and what the user must check on the
    /// e-Justice form before filing (docs/lease-and-european.md).
    public var verification: String
    public var firm: FirmView?
    /// Rubric 3 (order) / 4 (small claims).
    public var jurisdiction: [String]
    /// Rubric 4 (order) / 5 (small claims): ISO 3166 codes.
    public var creditorCountry: String
    public var debtorCountry: String
    public var creditorCountryCode: String
    public var debtorCountryCode: String
    public var courtCountryCode: String
    public var iban: String?
    /// Rubric 6 (order): one line per claim with its nature code.
    public var claims: [String]
    public var claim: ClaimView
    /// Rubric 7 (order): per claim, rate type code, rate, period (from, to); then what keeps running.
    public var interest: [String]
    /// Rubric 9 (order) / 7 (small claims): court fees; the flat fees when the regime has them.
    public var costs: [String]
    public var feeLine: Bool
    /// Small claims: the value of the claim against the 5 000 € ceiling (art. 2(1)).
    public var smallClaimsValue: String?
    public var contractReference: String?
    /// The interest that keeps running, as the French requête states it (rubric 11 / 8).
    public var runningInterest: [String]
    public var exhibits: [ExhibitView]
    public var place: String
    public var date: String
    public var signatory: String
    /// amicable (issue 16): the steps taken before the request (rubric 11 / 8).
    public var amicable: AmicableStepsView?
    public var signatureLine: String?

    init(_ facts: DossierFacts) {
        let route = facts.route
        let statement = facts.statement
        let claimCase = facts.theCase
        func say(_ reason: EuropeanReason) -> String { facts.messages.text(reason) }

        smallClaims = route.procedure == .europeanSmallClaims
        formCode = route.form?.cerfa ?? (smallClaims ? "ESCP-A" : "EPO-A")
        formTitle = route.form?.title ?? DocumentKind.formulaireEuropeen.title(facts.messages)
        let debtorCode = claimCase.debtor.address.country.uppercased()
        let creditorCode = claimCase.creditor.address.country.uppercased()
        // A court of the debtor's state the tool cannot name (the route marks it with a note and no
        // address): the rubric is left blank.
        if let court = route.court, court.kind != .foreign || court.address != nil || court.addressNote == nil {
            courtName = court.name
            courtAddress = court.address.map { PartyView.lines(of: $0, messages: facts.messages) } ?? []
            courtBlank = nil
        } else {
            courtName = nil
            courtAddress = []
            courtBlank = say(.courtBlank(country: CountryName.french(debtorCode, messages: facts.messages)))
        }
        courtCountryCode = route.court?.kind == .foreign || route.court == nil ? debtorCode : "FR"

        creditor = facts.creditor
        debtor = facts.debtor
        self.creditorCode = say(.partyCreditor)
        self.debtorCode = say(.partyDebtor)
        firm = facts.firmView
        representativeCode = facts.firm != nil ? say(.partyRepresentative) : nil
        legalRepresentativeCode = claimCase.creditor.representative != nil ? say(.partyLegalRepresentative) : nil
        debtorLegalRepresentativeCode =
            claimCase.debtor.representative != nil ? say(.partyDebtorLegalRepresentative) : nil
        verification = say(smallClaims ? .verificationSmallClaims : .verificationOrder)

        // Brussels I bis art. 4 (domicile of the defendant); a consumer only at home (art. 18(2)).
        jurisdiction = [say(.jurisdictionDomicile(source: say(.sourceDomicile)))]
        if statement.regime == .consumer { jurisdiction.append(say(.jurisdictionConsumer)) }

        creditorCountry = CountryName.french(creditorCode, messages: facts.messages)
        debtorCountry = CountryName.french(debtorCode, messages: facts.messages)
        creditorCountryCode = creditorCode
        self.debtorCountryCode = debtorCode
        iban = claimCase.creditor.iban

        let nature: String
        switch claimCase.nature {
        case .residentialLease: nature = say(.natureLease)
        case .consumerCredit: nature = say(.natureLoan)
        default: nature = say(.natureOther(contract: claimCase.contract.reference ?? facts.text(.courtToComplete)))
        }
        let lines = statement.invoices.filter { $0.outstanding > 0 || $0.penalties > 0 }
        claims = lines.enumerated().map { index, invoice in
            say(
                .claimLine(
                    id: String(index + 1), code: nature, date: FrenchFormat.shortDate(invoice.issued),
                    amount: FrenchFormat.amount(invoice.outstanding), label: facts.lineLabel(invoice),
                    number: invoice.number))
        }
        claim = facts.claim

        // Rubric 7: the rate type code of the Annex I form (01 statutory, 02 contractual, 03
        // capitalisation, 04 loan), the rate of each period, "x points above the ECB rate" when the
        // rate is a margin over it, period A (per year), from and to.
        let clause = claimCase.contract.penaltyRate
        let code: String
        // The margin over the ECB rate: the statute's (C. com. L441-10 II; C. commande publique
        // R2192-31, from forms/rates/statutory.yaml) or the clause's "ECB + N".
        var points: String?
        var clauseMargin = false
        switch (statement.regime, clause) {
        case (.b2b, nil):
            code = say(.rateLegal)
            points = facts.statutoryFigure(.b2bDefaultMargin)
        case (.publicProcurement, _):
            code = say(.rateLegal)
            points = facts.statutoryFigure(.publicProcurementMargin)
        case (.b2b, .ecbPlus(let margin)?):
            code = say(.rateContractual)
            points = FrenchFormat.number(margin)
            clauseMargin = true
        case (.consumerCredit, _): code = say(.rateLoan)
        case (.residentialLease, _), (_, nil): code = say(.rateLegal)
        case (_, .some): code = say(.rateContractual)
        }
        var interest: [String] = []
        for (index, invoice) in lines.enumerated() {
            for period in invoice.periods {
                // A clause's margin raised to the floor of L441-10 II is not "N points above" any more:
                // the period's source then names the floor, not the margin.
                let above =
                    points.map { margin in
                        !clauseMargin || period.source.contains(margin)
                            ? say(.rateAboveECB(points: margin)) : ""
                    } ?? ""
                interest.append(
                    say(
                        .interestLine(
                            id: String(index + 1), code: code, rate: FrenchFormat.rate(period.rate), above: above,
                            base: FrenchFormat.amount(period.base), from: FrenchFormat.shortDate(period.from),
                            to: FrenchFormat.shortDate(period.to))))
            }
        }
        if let last = lines.flatMap(\.periods).max(by: { $0.to < $1.to }), statement.totals.principal > 0,
            claimCase.contract.collectiveProceedings == nil
        {
            interest.append(
                say(
                    .interestRunning(
                        code: code, rate: FrenchFormat.rate(last.rate),
                        base: FrenchFormat.amount(statement.totals.principal),
                        from: FrenchFormat.shortDate(statement.asOf.adding(days: 1)))))
        }
        if claimCase.contract.capitalisationBasis != nil {
            interest.append(say(.rateCapitalisation))
        }
        if interest.isEmpty { interest.append(say(.interestNone)) }
        self.interest = interest

        // The 40 € fee is B2B and public only (C. com. L441-10 II, D441-5; C. commande publique D2192-35).
        feeLine = facts.feeLine
        let costs = [say(.costsCourt)]
        self.costs = costs

        if smallClaims, let threshold = route.smallClaimsCeiling {
            smallClaimsValue = say(
                .smallClaimsValue(
                    principal: FrenchFormat.amount(statement.totals.principal),
                    threshold: FrenchFormat.amount(threshold.amount), source: threshold.source))
        } else {
            smallClaimsValue = nil
        }
        contractReference = claimCase.contract.reference
        runningInterest = facts.runningInterest
        exhibits = facts.exhibitViews
        place = facts.place
        date = facts.date
        signatory = facts.signatory
        amicable = AmicableStepsView.some(facts.input.amicableSteps)
        signatureLine = facts.firmView?.signatureLine
    }
}
