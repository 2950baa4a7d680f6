import Foundation
import RecouvreLaw
import RecouvreModel
import RecouvreRoute

/// The facts every document shares, derived once from the input (wording stays in the templates and
/// in `forms/messages/documents.yaml`).
struct DossierFacts {
    let input: DossierInput
    let settings: DocumentSettings
    let exhibits: [DossierExhibit]
    let messages: MessageCatalogue
    /// Dates written out with the catalogue's month names (`forms/messages/calendar.yaml`).
    let dates: FrenchDates
    let statutory: StatutoryParameters
    /// The last day a payment or credit note was imputed on each invoice, by invoice number: computed
    /// once (looking it up in every payment for each invoice was quadratic in a 10,000-invoice case).
    let lastImputed: [String: Day]
    /// The parties and the claim as every document prints them, made once for the dossier (render
    /// engineer, session 8: each document's view made them again, ≈ 10,000 instructions a party).
    let creditor: PartyView
    let debtor: PartyView
    let claim: ClaimView

    init(
        input: DossierInput, settings: DocumentSettings, exhibits: [DossierExhibit], messages: MessageCatalogue,
        statutory: StatutoryParameters
    ) {
        self.input = input
        self.settings = settings
        self.exhibits = exhibits
        self.messages = messages
        self.dates = FrenchDates(messages: messages)
        self.statutory = statutory
        var lastImputed: [String: Day] = [:]
        for payment in input.statement.payments {
            for imputation in payment.imputed {
                lastImputed[imputation.invoice] = max(lastImputed[imputation.invoice] ?? payment.date, payment.date)
            }
        }
        self.lastImputed = lastImputed
        creditor = PartyView(input.case.creditor, messages: messages)
        debtor = PartyView(input.case.debtor, messages: messages)
        claim = ClaimView(input.statement, dates: dates)
    }

    var theCase: Case { input.case }
    var statement: Statement { input.statement }
    var route: Route { input.route }
    var stage: DossierStage { input.stage }
    var firm: Firm? { input.options.firm }

    func text(_ reason: DocumentReason) -> String { messages.text(reason) }

    var invoices: [InvoiceView] { statement.invoices.map(invoiceView) }
    var unpaidInvoices: [InvoiceView] { statement.invoices.filter { paidOn($0) == nil }.map(invoiceView) }
    var lateInvoices: [LateInvoiceView] {
        statement.invoices.compactMap { invoice in
            paidOn(invoice).map {
                LateInvoiceView(invoice, paidOn: $0, label: lineLabel(invoice), taxed: !isLease, dates: dates)
            }
        }
    }
    /// The documents are dated the day of the computation.
    var date: String { dates.long(statement.asOf) }
    /// Letters are signed where the creditor (or its mandataire) is established.
    var place: String { firm?.address.city ?? theCase.creditor.address.city }
    /// The signatory: the mandataire's, else the creditor's representative, else the creditor itself.
    var signatory: String { firm?.signatory ?? theCase.creditor.representative ?? theCase.creditor.name }
    var firmView: FirmView? { firm.map { FirmView($0, creditor: theCase.creditor.name, facts: self) } }
    var exhibitViews: [ExhibitView] {
        exhibits.map { ExhibitView(number: $0.number, title: $0.title, file: $0.bundlePath, toProduce: $0.toProduce) }
    }

    /// The last day a payment or credit note was imputed on an invoice settled late (nil otherwise).
    func paidOn(_ invoice: InvoiceStatement) -> Day? {
        guard invoice.outstanding == 0, invoice.penalties > 0 || invoice.flatFee > 0 else { return nil }
        return lastImputed[invoice.number] ?? invoice.due
    }

    /// B2B wording: automatic penalties and the 40 € fee (C. com. L441-10 II, D441-5).
    var professional: Bool { statement.regime == .b2b }
    /// Public buyer: moratorium interest and the 40 € fee (C. commande publique R2192-31, D2192-35).
    var publicBuyer: Bool { statement.regime == .publicProcurement }
    /// Civil wording: taux légal from the receipt of the notice (C. civ. 1231-6, 1344-1), no fee.
    var legalInterest: Bool { !professional && !publicBuyer }
    var flatFeeClaimed: Bool { statement.totals.flatFees > 0 }
    /// The flat fee per invoice as the statement charged it (`40 €`): the statutory amount of
    /// `forms/rates/statutory.yaml` in force the day each fee fell due (C. com. D441-5, C. commande
    /// publique D2192-35), never a literal; several amounts when a decree changed it between invoices.
    var flatFee: String? {
        var seen: [Decimal] = []
        for invoice in statement.invoices where invoice.flatFee > 0 && !seen.contains(invoice.flatFee) {
            seen.append(invoice.flatFee)
        }
        guard !seen.isEmpty else { return nil }
        let texts = seen.sorted().map(Self.euros)
        if texts.count == 1 { return texts[0] }
        return text(.flatFeesMany(list: texts.dropLast().joined(separator: ", "), last: texts.last!))
    }

    /// `40 €` for a whole amount, `40,50 €` otherwise (the amount as a decree writes it).
    static func euros(_ value: Decimal) -> String {
        Money.rounded(value, scale: 0) == value ? FrenchFormat.number(value) + " €" : Money.french(value)
    }
    /// A consumer, lease or other civil claim carries no 40 € line at all (the fee is B2B and public only).
    var feeLine: Bool { professional || publicBuyer }

    /// `au taux annuel de 12,40 %`, or the successive rates of the statement's periods.
    var rates: String? {
        var seen: [Decimal] = []
        for period in statement.invoices.flatMap(\.periods)
        where !seen.contains(where: { Money.equal($0, period.rate) }) {
            seen.append(period.rate)
        }
        guard !seen.isEmpty else { return nil }
        if seen.count == 1 { return text(.ratesOne(rate: FrenchFormat.rate(seen[0]))) }
        let texts = seen.map(FrenchFormat.rate)
        return text(.ratesMany(list: texts.dropLast().joined(separator: ", "), last: texts.last!))
    }

    /// A statutory figure as printed (`10`), in force on the day of the figures; past the day the
    /// table was checked through (the statement would have refused it), its latest value.
    func statutoryFigure(_ name: StatutoryParameters.Name) -> String {
        let value = (try? statutory.value(name, on: statement.asOf))?.value ?? statutory.values[name]?.last?.value
        return value.map(FrenchFormat.number) ?? "?"
    }

    /// The first day interest or penalties run, over every invoice.
    var interestFrom: String? {
        statement.invoices.flatMap(\.periods).map(\.from).min().map { dates.long($0) }
    }

    /// The penalties or interest that keep running after the date of the figures, with their rate, the
    /// day they run from, their base and "jusqu'à parfait paiement" (CPC 1407; the official forms have the
    /// line; without it only the taux légal would run after the order, C. civ. 1231-7).
    var runningInterest: [String] {
        let base = FrenchFormat.amount(statement.totals.principal)
        let from = dates.long(statement.asOf.adding(days: 1))
        var lines: [String] = []
        // large engineer (issue 12): the first and the last penalty period of the statement, found
        // without copying every period (600,000 of them in a 100,000-invoice case, a tenth of its peak).
        let firstPeriod = statement.invoices.first { !$0.periods.isEmpty }?.periods.first
        let lastPeriod = statement.invoices.last { !$0.periods.isEmpty }?.periods.last
        if theCase.contract.collectiveProceedings != nil || statement.totals.principal == 0 {
            lines.append(text(.runningNone))
        } else {
            switch (statement.regime, theCase.contract.penaltyRate) {
            case (.b2b, nil):
                lines.append(
                    text(.runningB2BDefault(base: base, from: from, margin: statutoryFigure(.b2bDefaultMargin))))
            case (.b2b, .fixed(let rate)?):
                lines.append(text(.runningB2BFixed(rate: FrenchFormat.rate(rate), base: base, from: from)))
            case (.b2b, .ecbPlus(let points)?):
                lines.append(text(.runningB2BECB(points: FrenchFormat.number(points), base: base, from: from)))
            case (.b2b, .legalTimes(let multiple)?):
                lines.append(
                    text(.runningB2BLegalTimes(multiple: FrenchFormat.number(multiple), base: base, from: from)))
            case (.publicProcurement, _):
                if let rate = firstPeriod?.rate {
                    lines.append(text(.runningPublic(rate: FrenchFormat.rate(rate), base: base, from: from)))
                } else {
                    lines.append(text(.runningNone))
                }
            case (.residentialLease, _), (.civil, nil), (.consumer, nil):
                lines.append(
                    firstPeriod == nil
                        ? text(.runningLegalNotStarted(base: base)) : text(.runningLegal(base: base, from: from)))
            case (_, .fixed(let rate)?):
                lines.append(text(.runningClause(rate: FrenchFormat.rate(rate), base: base, from: from)))
            case (_, let clause?):
                // A formula outside B2B (civil clause "ECB + N", "N × legal"): the rate of the last period.
                _ = clause
                if let rate = lastPeriod?.rate {
                    lines.append(text(.runningClause(rate: FrenchFormat.rate(rate), base: base, from: from)))
                } else {
                    lines.append(text(.runningNone))
                }
            case (.consumerCredit, nil): lines.append(text(.runningNone))
            }
        }
        switch theCase.contract.capitalisationBasis {
        case .contract: lines.append(text(.capitalisationContract))
        case .requested: lines.append(text(.capitalisationRequested))
        case nil: break
        }
        return lines
    }

    /// The formal notice already sent, if any: `du 20 juin 2025, reçue le 23 juin 2025`.
    var previousNotice: String? {
        guard stage == .notice, let notice = theCase.formalNotice else { return nil }
        if let received = notice.effectiveReceipt {
            return text(
                .previousNoticeReceived(date: dates.long(notice.date), received: dates.long(received)))
        }
        return text(.previousNotice(date: dates.long(notice.date)))
    }

    var contractReference: String? { theCase.contract.reference }

    /// The court's name as the route gives it (`Tribunal de commerce de Dijon`), or nil.
    var courtName: String? { route.court?.name }

    /// `le tribunal de commerce de Dijon`, `la chambre commerciale du tribunal judiciaire de Strasbourg`.
    var courtWithArticle: String? { route.court.map { CourtWords.withArticle($0.name, messages) } }

    /// Who the requête is addressed to: "Madame, Monsieur le Président du tribunal de commerce de Dijon",
    /// "Madame, Monsieur le juge des contentieux de la protection du tribunal de proximité de Roubaix".
    var addressee: String {
        guard let court = route.court, court.kind != .foreign else { return text(.addresseeToComplete) }
        if court.kind == .jugeDesContentieuxDeLaProtection {
            return text(.addresseeJudge(court: CourtWords.withArticle(court.name, messages)))
        }
        return text(.addresseePresident(court: CourtWords.genitive(court.name, messages)))
    }

    /// The step announced in the notice, from the route (C. civ. 1344 does not require it; the
    /// practice, and domain.md §5, do).
    var nextStep: String {
        switch route.procedure {
        case .injonctionDePayer:
            return courtWithArticle.map { text(.nextInjonctionAt(court: $0)) } ?? text(.nextInjonction)
        case .pspc: return text(.nextPSPC)
        case .europeanOrderForPayment: return text(.nextEuropeanOrder)
        case .europeanSmallClaims: return text(.nextEuropeanSmallClaims)
        case .administrativeClaim: return text(.nextAdministrative)
        case .declarationDeCreance: return text(.nextDeclaration)
        case .enforcement, .refereProvision: return text(.nextAdministrative)
        case .none: return text(.nextNone)
        }
    }

    /// The basis of the claim in one paragraph: the contract, the unpaid invoices, those paid late.
    var basis: String {
        var parts: [String] = []
        if let reference = theCase.contract.reference { parts.append(reference) }
        for invoice in statement.invoices {
            if isLease {
                parts.append(contentsOf: leaseBasis(invoice))
            } else if invoice.outstanding > 0 {
                parts.append(
                    text(
                        .basisInvoice(
                            number: invoice.number, issued: dates.long(invoice.issued),
                            due: dates.long(invoice.due),
                            outstanding: FrenchFormat.amount(invoice.outstanding))))
            } else if let paid = paidOn(invoice) {
                parts.append(
                    text(
                        .basisPaidLate(
                            number: invoice.number, issued: dates.long(invoice.issued),
                            due: dates.long(invoice.due),
                            paid: dates.long(paid))))
            }
        }
        if let terms = theCase.contract.paymentTerms { parts.append(text(.basisTerms(terms: terms))) }
        return parts.joined(separator: " ; ")
    }

    var formalNoticeDays: Int { settings.formalNoticeDays(for: statement.regime) }

    /// A professional creditor writing to a consumer gives its médiateur de la consommation
    /// (C. consom. L612-1, L616-1, R616-1).
    var mediator: Mediator? {
        guard statement.regime == .consumer, theCase.creditor.actsProfessionally else { return nil }
        return theCase.creditor.mediator
    }
}

/// Court names inside a sentence: lower-case common noun, with its article.
enum CourtWords {
    /// `Tribunal de commerce de Dijon` → `tribunal de commerce de Dijon`.
    static func common(_ name: String) -> String {
        guard let first = name.first, first.isUppercase else { return name }
        let words = ["Tribunal", "Chambre", "Juge", "Cour", "Conseil"]
        guard words.contains(where: { name.hasPrefix($0) }) else { return name }
        return first.lowercased() + name.dropFirst()
    }

    static func feminine(_ name: String) -> Bool { common(name).hasPrefix("chambre") || common(name).hasPrefix("cour") }

    /// `le tribunal de commerce de Dijon`, `la chambre commerciale …` (the articles are the catalogue's).
    static func withArticle(_ name: String, _ messages: MessageCatalogue) -> String {
        messages.text(
            feminine(name) ? CourtWord.articleFeminine(court: common(name)) : .articleMasculine(court: common(name)))
    }

    /// `du tribunal de commerce de Dijon`, `de la chambre commerciale …`.
    static func genitive(_ name: String, _ messages: MessageCatalogue) -> String {
        messages.text(
            feminine(name) ? CourtWord.genitiveFeminine(court: common(name)) : .genitiveMasculine(court: common(name)))
    }

    /// `au tribunal de commerce de Dijon`, `à la chambre commerciale …`.
    static func dative(_ name: String, _ messages: MessageCatalogue) -> String {
        feminine(name)
            ? messages.text(CourtWord.dativeFeminine(court: withArticle(name, messages)))
            : messages.text(CourtWord.dativeMasculine(court: common(name)))
    }
}

/// The mandataire as the letters print it.
public struct FirmView: Sendable, Hashable {
    public var name: String
    public var role: String
    public var addressLines: [String]
    public var contact: String?
    public var reference: String?
    public var signatory: String
    /// "Pour Atelier Lumière, par le cabinet …, Maître … :"
    public var signatureLine: String
    /// The mandataire box of a requête, a mémoire or a déclaration: name, role and address, contact,
    /// reference, one line each.
    public var agentLines: [String]
    /// An avocat is dispensed from proving the mandate (CPC 416); other mandataires are not.
    public var isAvocat: Bool

    init(_ firm: Firm, creditor: String, facts: DossierFacts) {
        name = firm.name
        role = firm.role ?? FirmView.role(firm, facts)
        addressLines = PartyView.lines(of: firm.address, messages: facts.messages)
        let contact = [firm.phone, firm.email].compactMap { $0 }
        self.contact = contact.isEmpty ? nil : contact.joined(separator: " · ")
        reference = firm.reference
        signatory = firm.signatory
        signatureLine = facts.text(.signatoryFirm(creditor: creditor, firm: firm.name, signatory: firm.signatory))
        agentLines =
            [facts.text(.agentFirm(name: name, role: role, address: addressLines.joined(separator: ", ")))]
            + [
                self.contact.map { facts.text(.agentContact(contact: $0)) },
                self.reference.map { facts.text(.agentReference(reference: $0)) },
            ].compactMap { $0 }
        isAvocat = firm.kind == .avocat
    }

    static func role(_ firm: Firm, _ facts: DossierFacts) -> String {
        switch firm.kind {
        case .avocat:
            return firm.barreau.map { facts.text(.roleAvocat(barreau: $0)) } ?? facts.text(.roleAvocatNoBarreau)
        case .agency: return facts.text(.roleAgency)
        case .commissaire: return facts.text(.roleCommissaire)
        case .department: return facts.text(.roleDepartment)
        }
    }
}
