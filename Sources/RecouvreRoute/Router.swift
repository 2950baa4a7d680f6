import Foundation
import RecouvreLaw
import RecouvreModel

/// Chooses the procedure, the court and the form for a case (domain.md §4), on the amount of the
/// statement as of its date, with the steps to take first and the warnings.
public struct Router: Sendable {
    public let directory: CourtDirectory
    public let rules: ProcedureRules
    /// The prescription periods of the same law book as the statement's (a firm's `--forms` override
    /// included), so that `route`, `statement` and `build` agree.
    public let prescription: PrescriptionRules
    /// The wording of every explanation, step and warning (`forms/messages/route.yaml`).
    public let messages: MessageCatalogue

    public init(
        directory: CourtDirectory, rules: ProcedureRules, prescription: PrescriptionRules,
        messages: MessageCatalogue
    ) {
        self.directory = directory
        self.rules = rules
        self.prescription = prescription
        self.messages = messages
    }

    /// The route for `case`, chosen on `statement.totals.total` as of `statement.asOf`.
    public func route(case claim: Case, statement: Statement) throws -> Route {
        var draft = Draft(
            claim: claim, statement: statement, directory: directory, rules: rules, prescription: prescription,
            messages: messages)
        try draft.decide()
        return draft.route
    }
}

/// The decision being built: one function per row of domain.md §4.
struct Draft {
    let claim: Case
    let statement: Statement
    let directory: CourtDirectory
    let rules: ProcedureRules
    let prescription: PrescriptionRules
    let messages: MessageCatalogue
    var route: Route

    var amount: Decimal { route.amount }
    var asOf: Day { route.asOf }

    init(
        claim: Case, statement: Statement, directory: CourtDirectory, rules: ProcedureRules,
        prescription: PrescriptionRules, messages: MessageCatalogue
    ) {
        self.claim = claim
        self.statement = statement
        self.directory = directory
        self.rules = rules
        self.prescription = prescription
        self.messages = messages
        route = Route(
            nature: claim.nature, regime: claim.regime, amount: statement.totals.total, asOf: statement.asOf,
            procedure: .none, court: nil, form: nil, alternatives: [], courDAppel: nil, priorSteps: [],
            warnings: [], explanation: [], reference: claim.reference,
            sources: [messages.text(RouteReason.sourceProcedures(checked: rules.checked.iso))])
    }

    mutating func decide() throws {
        if enforcesTitle, let title = statement.title {
            try enforceTitle(title)
            prescriptionWarnings()
            return
        }
        // A title the commissaire cannot execute on in France: abroad or against a public person
        // (Router+TitleElsewhere.swift). Under collective proceedings the title is declared (below).
        if let title = statement.title, claim.contract.collectiveProceedings == nil {
            try titleElsewhere(title)
            prescriptionWarnings()
            return
        }
        explain(
            .amountRetained(
                nature: natureLabel, regime: claim.regime.rawValue, date: frenchDate(asOf), amount: Money.french(amount)
            ))
        guard amount > 0 else {
            route.procedure = .none
            warn(.nothingDue(date: frenchDate(asOf)))
            return
        }
        if let proceedings = claim.contract.collectiveProceedings {
            try declareClaim(proceedings)
            if let title = statement.title { titleDeclared(title) }
        } else if !claim.debtor.address.isFrance {
            try foreignDebtor()
        } else if claim.debtor.kind == .publicBody || claim.nature == .publicProcurement {
            try publicBody()
        } else {
            switch claim.nature {
            case .commercial: try commercial()
            case .residentialLease, .consumerCredit: try protection()
            case .civil, .consumer, .publicProcurement: try civil()
            }
            try smallClaimsAlternative()
        }
        if !route.alternatives.isEmpty {
            // What each choice of `build --procedure` implies.
            route.explanation += Router(
                directory: directory, rules: rules, prescription: prescription, messages: messages
            )
            .implications(route)
        }
        formalNoticeSteps()
        if route.titlePath == nil { judgmentWarning() }
        prescriptionWarnings()
    }

    // MARK: - Rows of domain.md §4

    /// Commercial claim: the commercial court of the debtor's seat (CPC 1406), that is the tribunal
    /// de commerce, its tribunal des activités économiques in the 12 pilot jurisdictions (loi 2023-1059
    /// art. 26, arrêté du 5 juillet 2024), the chambre commerciale of the TJ in Bas-Rhin, Haut-Rhin and
    /// Moselle (C. com. L731-1 ff.), the tribunal mixte de commerce overseas (C. com. L732-1 ff.).
    mutating func commercial() throws {
        let commune = try debtorCommune()
        let court = try commercialCourt(for: commune, field: "debtor.address")
        route.procedure = .injonctionDePayer
        route.court = court
        let form = try rules.form("commercial")
        route.form = Form(cerfa: form.form.cerfa, title: form.form.title, source: form.source)
        explain(.commercialCourt(court: court.name, commune: communeLabel(commune)))
        explain(.commercialForm(cerfa: form.form.cerfa))
        warn(.commercialDataDate(date: directory.meta["commercial_courts_date"] ?? "2021"))
        switch court.kind {
        case .tribunalDesActivitesEconomiques:
            explain(
                .taeExperiment(
                    from: frenchDate(rules.taeFrom), until: frenchDate(rules.taeUntil), source: rules.taeSource))
            let threshold = try rules.threshold("tae_contribution", on: asOf)
            if amount > threshold.amount {
                warn(.taeContribution(threshold: Money.french(threshold.amount), source: threshold.source))
            }
        case .chambreCommercialeTJ:
            explain(.alsaceMoselle(source: rules.alsaceMoselleSource))
            warn(.alsaceMoselleForm(cerfa: form.form.cerfa))
        case .tribunalMixteDeCommerce:
            explain(.overseas(source: rules.overseasSource))
            if !rules.overseas.contains(commune.department) {
                warn(.saintBarthSaintMartin)
            }
        default:
            break
        }
        if court.kind != .chambreCommercialeTJ {
            warn(.registryFee(amount: Money.french(rules.registryFee), source: rules.registryFeeSource))
        }
    }

    /// Civil claim (or consumer): the tribunal judiciaire of the debtor's domicile (CPC 1406), or its
    /// tribunal de proximité when the commune depends on one and the claim is at most 10 000 €
    /// (COJ L212-8, D212-19-1).
    mutating func civil() throws {
        let commune = try debtorCommune()
        let proximite = try rules.threshold("proximite", on: asOf)
        let form = try rules.form("civil")
        route.procedure = .injonctionDePayer
        route.form = Form(cerfa: form.form.cerfa, title: form.form.title, source: form.source)
        if let id = commune.tribunalDeProximite, amount <= proximite.amount {
            route.court = try court(id, as: .tribunalDeProximite)
            explain(
                .proximiteCourt(
                    court: route.court!.name, commune: communeLabel(commune), threshold: Money.french(proximite.amount),
                    source: proximite.source))
        } else {
            route.court = try court(commune.tribunalJudiciaire, as: .tribunalJudiciaire)
            let why =
                commune.tribunalDeProximite == nil
                ? text(.noProximite)
                : text(.aboveProximite(threshold: Money.french(proximite.amount), source: proximite.source))
            explain(.judiciaireCourt(court: route.court!.name, commune: communeLabel(commune), why: why))
        }
        explain(
            claim.nature == .consumer ? .civilFormConsumer(cerfa: form.form.cerfa) : .civilForm(cerfa: form.form.cerfa))
        civilNotes()
    }

    /// Residential lease and consumer credit: the juge des contentieux de la protection (COJ L213-4-4),
    /// at the tribunal de proximité of the commune when it has one, otherwise at the TJ. The injonction de
    /// payer goes to the judge of the place where the debtor — the tenant — lives (CPC 1406, d'ordre
    /// public; domain.md §4): the property's place governs an ordinary action by assignation, not this
    /// requête, so `contract.property` is not needed. When the tenant lives elsewhere, the route says so.
    mutating func protection() throws {
        let commune = try debtorCommune()
        let place = text(.placeOfDebtor(commune: communeLabel(commune)))
        let seat = try court(
            commune.tribunalDeProximite ?? commune.tribunalJudiciaire,
            as: commune.tribunalDeProximite == nil ? .tribunalJudiciaire : .tribunalDeProximite)
        if claim.nature == .residentialLease, let property = claim.contract.property,
            let home = try? directory.resolve(property, field: "contract.property")
        {
            let propertySeat = home.tribunalDeProximite ?? home.tribunalJudiciaire
            let tenantSeat = commune.tribunalDeProximite ?? commune.tribunalJudiciaire
            if propertySeat != tenantSeat {
                explain(
                    .protectionTenantHome(
                        commune: "\(commune.displayName) (INSEE \(commune.insee))",
                        property: "\(home.displayName) (INSEE \(home.insee))",
                        court: text(.protectionJudgeName(seat: lowerInitial(seat.name)))))
            }
        }
        var judge = seat
        judge.kind = .jugeDesContentieuxDeLaProtection
        judge.name = text(.protectionJudgeName(seat: lowerInitial(seat.name)))
        route.court = judge
        route.procedure = .injonctionDePayer
        let form = try rules.form("protection")
        route.form = Form(cerfa: form.form.cerfa, title: form.form.title, source: form.source)
        let subject = claim.nature == .residentialLease ? text(.subjectLease) : text(.subjectConsumerCredit)
        explain(.protectionCourt(subject: subject, seat: seat.name, place: place))
        explain(.protectionForm(cerfa: form.form.cerfa))
        if claim.nature == .consumerCredit {
            warn(.consumerCreditForclusion)
        }
        leaseNotes()
        civilNotes()
    }

    /// Debtor is a public person: no injonction de payer and no PSPC (no enforcement against public
    /// assets); a reasoned claim first, then the tribunal administratif in référé-provision (CJA R541-1).
    /// The TA is the one of the place of performance of the contract (CJA R312-11), or failing that of
    /// the public body's seat: we name the TA of the debtor's département and say to check.
    mutating func publicBody() throws {
        route.procedure = .administrativeClaim
        let commune = try debtorCommune()
        explain(.publicDebtor)
        if let id = directory.administrativeCourts[commune.department] {
            route.court = try court(id, as: .tribunalAdministratif)
            explain(.administrativeCourt(court: route.court!.name, department: commune.department))
        } else {
            warn(.noAdministrativeCourt(department: commune.department))
        }
        warn(.placeOfPerformance)
        warn(.administrativeLawyer)
        if claim.debtor.kind == .publicBody && claim.nature != .publicProcurement {
            warn(.publicBodyPrivateContract)
        }
        administrativeStage()
    }

    /// Debtor abroad: in an EU member state bound by the regulations (all but Denmark), the European
    /// order for payment (Reg. 1896/2006, form A) or, up to 5 000 € of principal, the European small
    /// claims procedure (Reg. 861/2007, form A); elsewhere no route this tool can prepare.
    mutating func foreignDebtor() throws {
        let country = claim.debtor.address.country.uppercased()
        if rules.europeanStates.contains(country) {
            route.procedure = .europeanOrderForPayment
            let form = try rules.form("european_order_for_payment")
            route.form = Form(cerfa: form.form.cerfa, title: form.form.title, source: form.source)
            // Brussels I bis art. 4 (defendant's domicile) is always available; art. 7(1) may open the court
            // of the place of performance; a consumer must be sued at home (art. 18(2)): the conservative
            // choice is the debtor's state.
            route.court = Court(
                kind: .foreign, name: text(.foreignCourtName(country: country)),
                address: nil, source: text(.sourceBrusselsDomicile))
            explain(.europeanOrder(country: country, source: form.source))
            explain(.europeanJurisdiction)
            explain(.europeanForm)
            europeanFormNotes(country: country)
            let escp = try rules.threshold("european_small_claims", on: asOf)
            route.smallClaimsCeiling = escp
            if statement.totals.principal <= escp.amount {
                let escpForm = try rules.form("european_small_claims")
                route.alternatives.append(
                    Alternative(
                        procedure: .europeanSmallClaims,
                        why: text(
                            .europeanSmallClaimsAlternative(
                                principal: Money.french(statement.totals.principal),
                                threshold: Money.french(escp.amount),
                                source: escp.source, form: escpForm.form.title))))
            }
            frenchCourtsAbroad(convention: text(.conventionBrusselsPerformance))
        } else {
            route.procedure = .none
            let why =
                rules.excludedStates.contains(country)
                ? text(.denmark(source: rules.europeanSource))
                : text(.outsideEU(country: country))
            explain(.noSimplifiedProcedure(why: why))
            if country == "CH" {
                swissDebtor()
            } else {
                warn(.foreignOutsideEU(country: country))
            }
        }
    }

    /// The French injonction de payer (CPC 1405) can reach a debtor abroad where French courts have
    /// jurisdiction: Brussels I bis art. 7(1)(b) (Lugano 2007 art. 5(1)(b)), goods delivered or services
    /// provided in France (`contract.performance_country: FR`) — an alternative, never the main route;
    /// not against a consumer (art. 18(2), Lugano art. 16(2)). The PSPC needs a commissaire of the
    /// ressort of the debtor's domicile (CPCE R125-1): never abroad.
    mutating func frenchCourtsAbroad(convention: String) {
        let performedInFrance = claim.contract.performanceCountry?.uppercased() == "FR"
        guard performedInFrance, claim.regime != .consumer else {
            warn(.frenchProceduresAbroadUnlessForum(convention: convention))
            return
        }
        route.alternatives.append(
            Alternative(
                procedure: .injonctionDePayer, why: text(.frenchCourtsPlaceOfPerformance(convention: convention))))
    }

    /// Switzerland: outside the EU regulations but bound by the Lugano Convention 2007 (jurisdiction
    /// art. 2 and 5(1)(b), recognition and enforcement art. 33 ff.); the usual route is the Swiss
    /// poursuite pour dettes (LP art. 67 ff.: réquisition de poursuite, commandement de payer).
    mutating func swissDebtor() {
        explain(.swissDebtor)
        frenchCourtsAbroad(convention: text(.conventionLugano))
    }

    /// Collective proceedings: no action, a déclaration de créance to the mandataire judiciaire within
    /// 2 months of the BODACC publication of the opening judgment (C. com. L622-24, R622-24), 4 for a
    /// creditor outside metropolitan France; relief from forfeiture within 6 months (L622-26).
    mutating func declareClaim(_ proceedings: CollectiveProceedings) throws {
        route.procedure = .declarationDeCreance
        let form = try rules.form("declaration_de_creance")
        route.form = Form(cerfa: form.form.cerfa, title: form.form.title, source: form.source)
        explain(.collectiveProceedings(source: rules.declarationSource))
        if claim.debtor.address.isFrance {
            let commune = try debtorCommune()
            if claim.debtor.isMerchant || claim.nature == .commercial {
                route.court = try commercialCourt(for: commune, field: "debtor.address")
            } else {
                route.court = try court(commune.tribunalJudiciaire, as: .tribunalJudiciaire)
            }
            explain(.proceedingsCourt(court: route.court!.name))
        }
        let abroad = !claim.creditor.address.isFrance || (claim.creditor.address.postcode ?? "").hasPrefix("97")
        let months = rules.declarationMonths + (abroad ? rules.declarationExtraMonthsAbroad : 0)
        step(abroad ? .declareWithinAbroad(months: "\(months)") : .declareWithin(months: "\(months)"))
        switch proceedings {
        case .opened(let day):
            explain(.openingJudgment(date: frenchDate(day)))
        case .openedUnknownDate:
            warn(.openingDateUnknown)
        }
        declarationDeadline(months: months)
    }

    /// C. com. R622-24, L622-26: the declaration time runs from the BODACC publication, not from the
    /// opening judgment; past it, the requête en relevé de forclusion (six months from the publication);
    /// past those, no relief. Without the publication date, say the deadline cannot be checked.
    mutating func declarationDeadline(months: Int) {
        let details = claim.contract.proceedingsDetails
        if let court = details?.court { explain(.proceedingsOpenedBy(court: court)) }
        if let mandataire = details?.mandataire { explain(.proceedingsMandataire(name: mandataire.name)) }
        let status = DeclarationDeadline.status(
            bodacc: details?.bodacc, asOf: asOf, months: months, reliefMonths: rules.declarationReliefMonths)
        route.declarationDeadline = status
        switch status {
        case .unknown:
            warn(.bodaccDateUnknown(months: "\(months)"))
        case .inTime(let until):
            explain(.declarationInTime(until: frenchDate(until)))
        case .late(let deadline, let reliefUntil):
            warn(.declarationLate(deadline: frenchDate(deadline), reliefUntil: frenchDate(reliefUntil)))
            step(.askReliefFromForfeiture(reliefUntil: frenchDate(reliefUntil)))
        case .foreclosed(let deadline, let reliefUntil):
            warn(.declarationForeclosed(deadline: frenchDate(deadline), reliefUntil: frenchDate(reliefUntil)))
        }
    }

    /// PSPC (CPCE L125-1, R125-1): for a contractual or statutory claim not exceeding the threshold in
    /// principal and interest, a commissaire de justice in the ressort of the cour d'appel of the
    /// debtor's domicile. We compare the statement total (fees included): the conservative reading.
    mutating func smallClaimsAlternative() throws {
        let pspc = try rules.threshold("pspc", on: asOf)
        guard route.procedure == .injonctionDePayer, amount <= pspc.amount else { return }
        let commune = try debtorCommune()
        let courDAppel = directory.court(commune.courDAppel)?.name ?? commune.courDAppel
        route.courDAppel = courDAppel
        route.alternatives.append(
            Alternative(
                procedure: .pspc,
                why: text(
                    .pspcAlternative(threshold: Money.french(pspc.amount), source: pspc.source, courDAppel: courDAppel))
            ))
    }

    // MARK: - Steps and warnings shared by the rows

    /// Notes for the judicial routes: CPC 750-1 (no prior amicable attempt for an injonction de payer),
    /// CPC 761 (lawyer not mandatory up to 10 000 € if the debtor opposes, nor in any matter of the juge
    /// des contentieux de la protection).
    mutating func civilNotes() {
        let protection = route.court?.kind == .jugeDesContentieuxDeLaProtection
        if !protection, let lawyer = try? rules.threshold("lawyer_not_mandatory", on: asOf), amount > lawyer.amount {
            warn(.lawyerAfterOpposition(threshold: Money.french(lawyer.amount), source: lawyer.source))
        }
        if let attempt = try? rules.threshold("amicable_attempt", on: asOf), amount <= attempt.amount {
            explain(.amicableAttemptExempt(source: attempt.source))
        }
    }

    /// The formal notice: sent? received? its deadline passed? (C. civ. 1344, 1231-6, 1344-1).
    mutating func formalNoticeSteps() {
        guard ![.none, .declarationDeCreance, .refereProvision].contains(route.procedure) else { return }
        let civilInterest = [.civil, .consumer, .residentialLease, .consumerCredit].contains(claim.regime)
        guard let notice = claim.formalNotice else {
            step(civilInterest ? .sendFormalNoticeCivil : .sendFormalNotice)
            return
        }
        guard let received = notice.received else {
            step(
                civilInterest
                    ? .keepReceiptCivil(date: frenchDate(notice.date)) : .keepReceipt(date: frenchDate(notice.date)))
            return
        }
        if asOf - received < 15 {
            step(.letNoticeRun(date: frenchDate(received)))
        }
        if claim.exhibits.isEmpty {
            step(.gatherExhibits)
        }
    }

    mutating func judgmentWarning() {
        if let judgment = claim.judgment {
            warn(.judgmentExists(date: frenchDate(judgment.date)))
        }
    }

    /// Prescription (domain.md §3; C. com. L110-4, C. consom. L218-2, C. civ. 2224): the law engine's
    /// notices as warnings; an expired one says that no court dossier should be filed.
    mutating func prescriptionWarnings() {
        for notice in Prescription.check(case: claim, asOf: asOf, rules: prescription, messages: messages) {
            warn(
                notice.expired
                    ? text(.prescriptionRun(date: frenchDate(notice.runsOut), message: notice.message)) : notice.message
            )
        }
    }

    // MARK: - Directory helpers

    func debtorCommune() throws -> DirectoryCommune {
        try directory.resolve(claim.debtor.address, field: "debtor.address")
    }

    /// The commercial court of a commune on the route's date: the TC, or its TAE while the experiment runs.
    mutating func commercialCourt(for commune: DirectoryCommune, field: String) throws -> Court {
        guard let id = commune.commercialCourt, var entry = directory.court(id) else {
            let candidates = commune.commercialCandidates.map { directory.court($0)?.name ?? $0 }
            throw RouteError.noCommercialCourt(
                field: field, commune: commune.displayName, insee: commune.insee,
                candidates: candidates,
                dataDate: directory.meta["commercial_courts_date"] ?? "2021")
        }
        if let successor = entry.successor, let tae = directory.court(successor) {
            if asOf >= rules.taeFrom && asOf <= rules.taeUntil {
                entry = tae
            } else if asOf > rules.taeUntil {
                warn(.taeEnded(until: frenchDate(rules.taeUntil), source: rules.taeSource, court: tae.name))
            }
        }
        let kind: CourtKind
        switch entry.kind {
        case .tribunalDesActivitesEconomiques: kind = .tribunalDesActivitesEconomiques
        case .chambreCommerciale: kind = .chambreCommercialeTJ
        case .tribunalMixteDeCommerce: kind = .tribunalMixteDeCommerce
        default: kind = .tribunalDeCommerce
        }
        return try court(entry.id, as: kind)
    }

    /// A directory court as a route court, with a warning when its address is missing or unverified.
    mutating func court(_ id: String, as kind: CourtKind) throws -> Court {
        guard let entry = directory.court(id) else {
            throw CourtDataError(file: "courts/courts.tsv", line: "court \(id) is referenced but missing")
        }
        var note: String?
        switch entry.status {
        case .ok: note = nil
        case .unverified: note = text(.addressUnverified)
        case .missing: note = text(.addressMissing)
        case .rejected: note = text(.addressRejected)
        }
        if let note {
            warn(.checkCourtAddress(court: entry.name, note: note))
        }
        let source = text(.sourceCourt(date: directory.meta["competences_date"] ?? "?"))
        return Court(
            kind: kind, name: entry.name, address: entry.address, phone: entry.phone, email: entry.email,
            source: source, greffeCode: entry.greffeCode, addressNote: note)
    }

    // MARK: - Text

    var natureLabel: String {
        switch claim.nature {
        case .commercial: return text(.natureCommercial)
        case .civil: return text(.natureCivil)
        case .consumer: return text(.natureConsumer)
        case .consumerCredit: return text(.natureConsumerCredit)
        case .residentialLease: return text(.natureResidentialLease)
        case .publicProcurement: return text(.naturePublicProcurement)
        }
    }

    mutating func communeLabel(_ commune: DirectoryCommune) -> String {
        let label = "\(commune.displayName) (INSEE \(commune.insee))"
        if route.commune == nil { route.commune = label }
        if commune.flags.contains("OLD") {
            warn(.oldCommune(insee: commune.insee))
        }
        if !route.sources.contains(where: { $0.hasPrefix("forms/courts") }) {
            route.sources.append(
                text(
                    .sourceCourts(
                        competences: directory.meta["competences_date"] ?? "?",
                        commercial: directory.meta["commercial_courts_date"] ?? "?")))
        }
        return label
    }

    /// The reason in words, from the catalogue of `forms/messages/route.yaml`.
    func text(_ reason: RouteReason) -> String { messages.text(reason) }

    mutating func explain(_ reason: RouteReason) { route.explanation.append(text(reason)) }

    mutating func step(_ reason: RouteReason) { route.priorSteps.append(text(reason)) }

    mutating func warn(_ reason: RouteReason) { warn(text(reason)) }

    mutating func warn(_ text: String) {
        if !route.warnings.contains(text) { route.warnings.append(text) }
    }
}

/// `Tribunal judiciaire de Lille` → `tribunal judiciaire de Lille`, inside a sentence.
func lowerInitial(_ name: String) -> String {
    guard name.hasPrefix("Tribunal") else { return name }
    return "t" + name.dropFirst()
}

extension Draft {
    /// "23 novembre 2026", with the catalogue's month names (`forms/messages/calendar.yaml`).
    func frenchDate(_ day: Day) -> String { messages.dates.long(day) }
}
