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

    public init(directory: CourtDirectory, rules: ProcedureRules, prescription: PrescriptionRules) {
        self.directory = directory
        self.rules = rules
        self.prescription = prescription
    }

    /// The route for `case`, chosen on `statement.totals.total` as of `statement.asOf`.
    public func route(case claim: Case, statement: Statement) throws -> Route {
        var draft = Draft(
            claim: claim, statement: statement, directory: directory, rules: rules, prescription: prescription)
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
    var route: Route

    var amount: Decimal { route.amount }
    var asOf: Day { route.asOf }

    init(claim: Case, statement: Statement, directory: CourtDirectory, rules: ProcedureRules,
         prescription: PrescriptionRules) {
        self.claim = claim
        self.statement = statement
        self.directory = directory
        self.rules = rules
        self.prescription = prescription
        route = Route(nature: claim.nature, regime: claim.regime, amount: statement.totals.total, asOf: statement.asOf,
                      procedure: .none, court: nil, form: nil, alternatives: [], courDAppel: nil, priorSteps: [],
                      warnings: [], explanation: [], reference: claim.reference,
                      sources: ["forms/procedures.yaml (vérifié le \(rules.checked.iso))"])
    }

    mutating func decide() throws {
        explain("Créance \(natureLabel) (régime \(claim.regime.rawValue)), montant retenu au \(frenchDate(asOf)) : "
            + "\(Money.french(amount)) (principal, pénalités ou intérêts et indemnités du relevé de compte).")
        guard amount > 0 else {
            route.procedure = .none
            warn("Rien n'est dû au \(frenchDate(asOf)) d'après le relevé de compte : aucune procédure à engager.")
            return
        }
        if let proceedings = claim.contract.collectiveProceedings {
            try declareClaim(proceedings)
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
        formalNoticeSteps()
        judgmentWarning()
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
        explain("Juridiction : \(court.name), juridiction commerciale du siège du débiteur à "
            + "\(communeLabel(commune)) ; compétence territoriale impérative (CPC 1406).")
        explain("Formulaire : cerfa \(form.form.cerfa), requête en injonction de payer devant la juridiction "
            + "commerciale (créance entre professionnels, débiteur commerçant).")
        warn("Juridiction commerciale déterminée d'après le référentiel Infogreffe de "
            + "\(directory.meta["commercial_courts_date"] ?? "2021") (figé) : vérifier le ressort sur infogreffe.fr.")
        switch court.kind {
        case .tribunalDesActivitesEconomiques:
            explain("Depuis le \(frenchDate(rules.taeFrom)), le tribunal de commerce de ce ressort est un tribunal "
                + "des activités économiques (expérimentation jusqu'au \(frenchDate(rules.taeUntil)), \(rules.taeSource)).")
            let threshold = try rules.threshold("tae_contribution", on: asOf)
            if amount > threshold.amount {
                warn("Demande supérieure à \(Money.french(threshold.amount)) devant un TAE : la contribution pour la "
                    + "justice économique peut être due par une entreprise d'au moins 250 salariés dépassant les seuils "
                    + "du décret 2024-1225 ; recouvre ne la calcule pas (\(threshold.source)).")
            }
        case .chambreCommercialeTJ:
            explain("Bas-Rhin, Haut-Rhin, Moselle : les affaires commerciales relèvent de la chambre commerciale du "
                + "tribunal judiciaire (\(rules.alsaceMoselleSource)).")
            warn("Alsace-Moselle : vérifier auprès du greffe de la chambre commerciale qu'il reçoit le cerfa "
                + "\(form.form.cerfa) (à défaut, requête libre conforme à CPC 1407).")
        case .tribunalMixteDeCommerce:
            explain("Outre-mer : les affaires commerciales relèvent du tribunal mixte de commerce siégeant au tribunal "
                + "judiciaire (\(rules.overseasSource)).")
            if !rules.overseas.contains(commune.department) {
                warn("Saint-Barthélemy et Saint-Martin : tribunal mixte de commerce déduit du tribunal judiciaire de "
                    + "rattachement (les données commerciales de 2021 n'en donnent aucun) : vérifier auprès du greffe.")
            }
        default:
            break
        }
        if court.kind != .chambreCommercialeTJ {
            warn("Frais de greffe d'une injonction de payer devant la juridiction commerciale : environ "
                + "\(Money.french(rules.registryFee)) TTC, à la charge du demandeur à l'avance (\(rules.registryFeeSource)).")
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
            explain("Juridiction : \(route.court!.name), dont dépend \(communeLabel(commune)), domicile du débiteur "
                + "(CPC 1406) ; demande n'excédant pas \(Money.french(proximite.amount)) (\(proximite.source)).")
        } else {
            route.court = try court(commune.tribunalJudiciaire, as: .tribunalJudiciaire)
            let why = commune.tribunalDeProximite == nil
                ? "la commune ne dépend d'aucun tribunal de proximité"
                : "demande supérieure à \(Money.french(proximite.amount)), seuil du tribunal de proximité (\(proximite.source))"
            explain("Juridiction : \(route.court!.name), domicile du débiteur à \(communeLabel(commune)) (CPC 1406) ; "
                + "\(why).")
        }
        explain("Formulaire : cerfa \(form.form.cerfa), requête en injonction de payer (créance civile"
            + (claim.nature == .consumer ? ", débiteur consommateur" : "") + ").")
        civilNotes()
    }

    /// Residential lease and consumer credit: the juge des contentieux de la protection (COJ L213-4-4),
    /// at the tribunal de proximité of the commune when it has one, otherwise at the TJ. For a lease,
    /// the place of the property decides (domain.md §4; CPC R. lease rules): `contract.property` when given.
    mutating func protection() throws {
        let commune: DirectoryCommune
        let place: String
        if claim.nature == .residentialLease, let property = claim.contract.property {
            commune = try directory.resolve(property, field: "contract.property")
            place = "lieu de l'immeuble loué à \(communeLabel(commune))"
        } else {
            commune = try debtorCommune()
            place = "domicile du débiteur à \(communeLabel(commune))"
            if claim.nature == .residentialLease {
                warn("Bail d'habitation sans adresse du logement (contract.property) : la juridiction retenue est "
                    + "celle du domicile du débiteur ; si le logement est ailleurs, c'est le juge du lieu du logement "
                    + "qui est compétent : ajouter contract.property.")
            }
        }
        let seat = try court(commune.tribunalDeProximite ?? commune.tribunalJudiciaire,
                             as: commune.tribunalDeProximite == nil ? .tribunalJudiciaire : .tribunalDeProximite)
        // CPC 1406 gives the injonction de payer to the judge of the debtor's domicile, while the lease
        // rule of domain.md §4 gives the place of the property: when they differ, the reading is unsettled,
        // so say so and name the other court rather than choose silently.
        if claim.nature == .residentialLease, claim.contract.property != nil,
           let home = try? debtorCommune() {
            let homeSeatID = home.tribunalDeProximite ?? home.tribunalJudiciaire
            let seatID = commune.tribunalDeProximite ?? commune.tribunalJudiciaire
            if homeSeatID != seatID, let other = directory.court(homeSeatID) {
                warn("Le locataire demeure à \(communeLabel(home)), hors du ressort du juge du logement : l'article "
                    + "1406 du code de procédure civile attribue la requête en injonction de payer au juge du domicile "
                    + "du débiteur (juge des contentieux de la protection — \(other.name)). Vérifier auprès du greffe "
                    + "la juridiction retenue avant le dépôt.")
            }
        }
        var judge = seat
        judge.kind = .jugeDesContentieuxDeLaProtection
        judge.name = "Juge des contentieux de la protection — \(seat.name)"
        route.court = judge
        route.procedure = .injonctionDePayer
        let form = try rules.form("protection")
        route.form = Form(cerfa: form.form.cerfa, title: form.form.title, source: form.source)
        let subject = claim.nature == .residentialLease ? "loyers et charges d'un bail d'habitation"
            : "crédit à la consommation"
        explain("Juridiction : juge des contentieux de la protection (\(subject), compétence exclusive quel que soit "
            + "le montant, COJ L213-4-4) siégeant au \(seat.name) ; \(place).")
        explain("Formulaire : cerfa \(form.form.cerfa), requête en injonction de payer devant le juge des contentieux "
            + "de la protection.")
        if claim.nature == .consumerCredit {
            warn("Crédit à la consommation : l'action doit être engagée dans les 2 ans du premier incident de paiement "
                + "non régularisé, à peine de forclusion (C. consom. R312-35).")
        }
        civilNotes()
    }

    /// Debtor is a public person: no injonction de payer and no PSPC (no enforcement against public
    /// assets); a reasoned claim first, then the tribunal administratif in référé-provision (CJA R541-1).
    /// The TA is the one of the place of performance of the contract (CJA R312-11), or failing that of
    /// the public body's seat: we name the TA of the debtor's département and say to check.
    mutating func publicBody() throws {
        route.procedure = .administrativeClaim
        let commune = try debtorCommune()
        explain("Débiteur personne publique : ni injonction de payer ni procédure simplifiée (pas d'exécution forcée "
            + "sur les biens publics) ; réclamation préalable motivée, puis référé-provision devant le tribunal "
            + "administratif (CJA R541-1).")
        if let id = directory.administrativeCourts[commune.department] {
            route.court = try court(id, as: .tribunalAdministratif)
            explain("Juridiction : \(route.court!.name), tribunal administratif du département du siège de l'acheteur "
                + "(\(commune.department), CJA R221-3).")
        } else {
            warn("Aucun tribunal administratif dans la table pour le département \(commune.department) : "
                + "le déterminer d'après CJA R221-3.")
        }
        warn("CJA R312-11 : en matière contractuelle, le tribunal administratif compétent est celui du lieu d'exécution "
            + "du contrat ; celui du siège de l'acheteur n'est retenu qu'à défaut : vérifier le lieu d'exécution.")
        warn("Requête au tribunal administratif tendant au paiement d'une somme : ministère d'avocat en principe "
            + "obligatoire (CJA R431-2).")
        if claim.debtor.kind == .publicBody && claim.nature != .publicProcurement {
            warn("Débiteur personne publique pour une créance non qualifiée de marché public : si le contrat est de "
                + "droit privé (EPIC, service public industriel et commercial), le juge judiciaire peut être compétent ; "
                + "faire vérifier la nature du contrat.")
        }
        route.priorSteps.append("Adresser à l'acheteur public une réclamation motivée (mémoire en réclamation) "
            + "chiffrant la créance, les intérêts moratoires et l'indemnité forfaitaire, par lettre recommandée avec "
            + "accusé de réception ; conserver la preuve de sa réception (liaison du contentieux).")
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
            route.court = Court(kind: .foreign, name: "Juridiction compétente de l'État du débiteur (\(country))",
                                address: nil, source: "Règlement (UE) 1215/2012, art. 4")
            explain("Débiteur établi dans un autre État membre (\(country)) : injonction de payer européenne "
                + "(\(form.source)).")
            explain("Juridiction : celle de l'État du domicile du débiteur (Règlement (UE) 1215/2012, art. 4) ; "
                + "le tribunal du lieu d'exécution (art. 7(1)) peut aussi l'être, sauf contre un consommateur, "
                + "qui ne peut être attrait que devant les juridictions de son domicile (art. 18(2)).")
            explain("Formulaire : formulaire A, demande d'injonction de payer européenne, rédigé dans la langue de la "
                + "juridiction saisie.")
            let escp = try rules.threshold("european_small_claims", on: asOf)
            if statement.totals.principal <= escp.amount {
                let escpForm = try rules.form("european_small_claims")
                route.alternatives.append(Alternative(
                    procedure: .europeanSmallClaims,
                    why: "principal de \(Money.french(statement.totals.principal)) ≤ \(Money.french(escp.amount)) "
                        + "hors intérêts et frais (\(escp.source)) : règlement européen des petits litiges, "
                        + "\(escpForm.form.title)"))
            }
            warn("L'injonction de payer française (CPC 1405) et la procédure simplifiée (PSPC) ne visent pas un débiteur "
                + "établi à l'étranger.")
        } else {
            route.procedure = .none
            let why = rules.excludedStates.contains(country)
                ? "le Danemark n'est pas lié par les règlements 1896/2006 et 861/2007 (\(rules.europeanSource))"
                : "débiteur établi hors de l'Union européenne (\(country))"
            explain("Aucune procédure européenne ni nationale simplifiée : \(why).")
            warn("Débiteur établi à l'étranger (\(country)) hors du champ des procédures européennes : recouvrement "
                + "amiable, puis action devant le juge compétent selon les conventions applicables et exécution après "
                + "reconnaissance ; consulter un avocat.")
        }
    }

    /// Collective proceedings: no action, a déclaration de créance to the mandataire judiciaire within
    /// 2 months of the BODACC publication of the opening judgment (C. com. L622-24, R622-24), 4 for a
    /// creditor outside metropolitan France; relief from forfeiture within 6 months (L622-26).
    mutating func declareClaim(_ proceedings: CollectiveProceedings) throws {
        route.procedure = .declarationDeCreance
        let form = try rules.form("declaration_de_creance")
        route.form = Form(cerfa: form.form.cerfa, title: form.form.title, source: form.source)
        explain("Débiteur en procédure collective : les poursuites individuelles sont arrêtées (C. com. L622-21) ; "
            + "la créance se déclare au mandataire judiciaire (ou liquidateur) désigné par le jugement d'ouverture "
            + "(\(rules.declarationSource)).")
        if claim.debtor.address.isFrance {
            let commune = try debtorCommune()
            if claim.debtor.isMerchant || claim.nature == .commercial {
                route.court = try commercialCourt(for: commune, field: "debtor.address")
            } else {
                route.court = try court(commune.tribunalJudiciaire, as: .tribunalJudiciaire)
            }
            explain("Tribunal de la procédure (probable, d'après le siège du débiteur) : \(route.court!.name) ; "
                + "le mandataire et la juridiction exacts figurent dans l'annonce BODACC du jugement d'ouverture.")
        }
        let abroad = !claim.creditor.address.isFrance || (claim.creditor.address.postcode ?? "").hasPrefix("97")
        let months = rules.declarationMonths + (abroad ? rules.declarationExtraMonthsAbroad : 0)
        route.priorSteps.append("Relever au BODACC la date de publication du jugement d'ouverture et le nom du "
            + "mandataire judiciaire ; déclarer la créance dans les \(months) mois de cette publication"
            + (abroad ? " (créancier établi hors de la France métropolitaine)" : "") + ".")
        switch proceedings {
        case .opened(let day):
            explain("Jugement d'ouverture du \(frenchDate(day)) : les intérêts et pénalités cessent de courir à cette "
                + "date (C. com. L622-28) ; seuls ceux échus avant sont déclarés.")
            let earliest = day.adding(months: months)
            if asOf > earliest {
                warn("Plus de \(months) mois depuis le jugement d'ouverture : le délai de déclaration est peut-être "
                    + "expiré ; à défaut, demander un relevé de forclusion dans les \(rules.declarationReliefMonths) mois "
                    + "de la publication au BODACC (C. com. L622-26).")
            }
        case .openedUnknownDate:
            warn("Date du jugement d'ouverture inconnue : renseigner contract.collective_proceedings avec cette date "
                + "pour arrêter le calcul des pénalités et contrôler le délai de déclaration.")
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
        route.alternatives.append(Alternative(
            procedure: .pspc,
            why: "créance ≤ \(Money.french(pspc.amount)) en principal et intérêts (\(pspc.source)) : procédure "
                + "simplifiée de recouvrement des petites créances par un commissaire de justice du ressort de la "
                + "\(courDAppel) (domicile du débiteur), si le débiteur accepte dans le mois"))
    }

    // MARK: - Steps and warnings shared by the rows

    /// Notes for the judicial routes: CPC 750-1 (no prior amicable attempt for an injonction de payer),
    /// CPC 761 (lawyer not mandatory up to 10 000 € if the debtor opposes, nor in any matter of the juge
    /// des contentieux de la protection).
    mutating func civilNotes() {
        let protection = route.court?.kind == .jugeDesContentieuxDeLaProtection
        if !protection, let lawyer = try? rules.threshold("lawyer_not_mandatory", on: asOf), amount > lawyer.amount {
            warn("En cas d'opposition, l'affaire est jugée au fond : représentation par avocat obligatoire au-delà de "
                + "\(Money.french(lawyer.amount)) (\(lawyer.source)).")
        }
        if let attempt = try? rules.threshold("amicable_attempt", on: asOf), amount <= attempt.amount {
            explain("La requête en injonction de payer est dispensée de la tentative préalable de résolution amiable "
                + "(\(attempt.source)), y compris après opposition ; une assignation au fond ne le serait pas.")
        }
    }

    /// The formal notice: sent? received? its deadline passed? (C. civ. 1344, 1231-6, 1344-1).
    mutating func formalNoticeSteps() {
        guard route.procedure != .none, route.procedure != .declarationDeCreance else { return }
        let civilInterest = [.civil, .consumer, .residentialLease, .consumerCredit].contains(claim.regime)
        guard let notice = claim.formalNotice else {
            route.priorSteps.append("Envoyer une mise en demeure par lettre recommandée avec accusé de réception "
                + "(C. civ. 1344)" + (civilInterest ? " ; les intérêts au taux légal ne courent qu'à compter de sa "
                    + "réception (C. civ. 1231-6, 1344-1)" : "") + ".")
            return
        }
        guard let received = notice.received else {
            route.priorSteps.append("Mise en demeure envoyée le \(frenchDate(notice.date)) : obtenir et conserver "
                + "l'avis de réception" + (civilInterest ? " (il fait courir les intérêts, C. civ. 1344-1)" : "") + ".")
            return
        }
        if asOf - received < 15 {
            route.priorSteps.append("Mise en demeure reçue le \(frenchDate(received)) : laisser expirer le délai de "
                + "paiement qu'elle accorde avant de déposer la requête.")
        }
        if claim.exhibits.isEmpty {
            route.priorSteps.append("Réunir les pièces (contrat ou devis accepté, factures, mise en demeure et avis de "
                + "réception) et leur bordereau, joints à la requête (CPC 1407).")
        }
    }

    mutating func judgmentWarning() {
        if let judgment = claim.judgment {
            warn("Une décision exécutoire existe déjà (\(frenchDate(judgment.date))) : la faire exécuter par un "
                + "commissaire de justice plutôt que d'engager une nouvelle procédure.")
        }
    }

    /// Prescription (domain.md §3; C. com. L110-4, C. consom. L218-2, C. civ. 2224): the law engine's
    /// notices as warnings; an expired one says that no court dossier should be filed.
    mutating func prescriptionWarnings() {
        for notice in Prescription.check(case: claim, asOf: asOf, rules: prescription) {
            warn(notice.expired ? "Prescription acquise (\(frenchDate(notice.runsOut))) : \(notice.message)" : notice.message)
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
            throw RouteError.noCommercialCourt(field: field, commune: commune.displayName, insee: commune.insee,
                                               candidates: candidates,
                                               dataDate: directory.meta["commercial_courts_date"] ?? "2021")
        }
        if let successor = entry.successor, let tae = directory.court(successor) {
            if asOf >= rules.taeFrom && asOf <= rules.taeUntil {
                entry = tae
            } else if asOf > rules.taeUntil {
                warn("L'expérimentation des tribunaux des activités économiques a pris fin le \(frenchDate(rules.taeUntil)) "
                    + "(\(rules.taeSource)) : vérifier si \(tae.name) a été pérennisé.")
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
        case .unverified: note = "adresse non vérifiée dans la source, la liste des TAE"
        case .missing: note = "adresse absente des sources"
        case .rejected: note = "adresse erronée dans l'annuaire source, écartée"
        }
        if let note {
            warn("\(entry.name) : \(note) ; vérifier l'adresse du greffe sur l'annuaire de la justice "
                + "(justice.fr) avant l'envoi.")
        }
        let source = "Annuaire DILA et compétences Ministère de la Justice (\(directory.meta["competences_date"] ?? "?"))"
        return Court(kind: kind, name: entry.name, address: entry.address, phone: entry.phone, email: entry.email,
                     source: source, greffeCode: entry.greffeCode, addressNote: note)
    }

    // MARK: - Text

    var natureLabel: String {
        switch claim.nature {
        case .commercial: return "commerciale"
        case .civil: return "civile"
        case .consumer: return "civile, débiteur consommateur"
        case .consumerCredit: return "de crédit à la consommation"
        case .residentialLease: return "locative, bail d'habitation"
        case .publicProcurement: return "de commande publique"
        }
    }

    mutating func communeLabel(_ commune: DirectoryCommune) -> String {
        let label = "\(commune.displayName) (INSEE \(commune.insee))"
        if route.commune == nil { route.commune = label }
        if commune.flags.contains("OLD") {
            warn("Code INSEE \(commune.insee) : ancienne commune (fusionnée) encore présente dans les données "
                + "des juridictions ; vérifier la commune actuelle.")
        }
        if !route.sources.contains(where: { $0.hasPrefix("forms/courts") }) {
            route.sources.append("forms/courts (compétences \(directory.meta["competences_date"] ?? "?"), "
                + "juridictions commerciales \(directory.meta["commercial_courts_date"] ?? "?"); Licence Ouverte 2.0)")
        }
        return label
    }

    mutating func explain(_ text: String) { route.explanation.append(text) }

    mutating func warn(_ text: String) {
        if !route.warnings.contains(text) { route.warnings.append(text) }
    }
}

/// "23 novembre 2026".
func frenchDate(_ day: Day) -> String {
    let months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                  "novembre", "décembre"]
    return "\(day.day == 1 ? "1er" : String(day.day)) \(months[day.month - 1]) \(day.year)"
}
