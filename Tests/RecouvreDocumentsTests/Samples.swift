import Foundation
import RecouvreDocuments
import RecouvreForms
import RecouvreLaw
import RecouvreModel
import RecouvreRoute
import RecouvreTestSupport

/// Cases, statements and routes built in Swift, one per route, so the documents can be tested
/// without the case-file reader and the engines. Figures are consistent by construction:
/// total = principal + penalties + fees.
enum Samples {
    static let forms = Forms(shipped: TestPaths.pinnedForms)
    /// The shipped law book, loaded once for the suite.
    static let book: LawBook = {
        do { return try LawBook.load(forms: forms) } catch { fatalError("\(error)") }
    }()

    static func day(_ text: String) -> Day { Day(iso: text)! }

    static let lyon = Party(
        kind: .company, name: "Atelier Lumière", legalForm: "SARL", siren: "123456782", rcs: "Lyon",
        address: Address(lines: ["12 rue des Lilas"], postcode: "69003", city: "Lyon"),
        representative: "Claire Martin, gérante", iban: "FR7630006000011234567890189")
    static let dijon = Party(
        kind: .company, name: "Bâtiments Durand", legalForm: "SAS", siren: "552100554",
        address: Address(lines: ["4 avenue Jean Jaurès"], postcode: "21000", city: "Dijon"),
        representative: "Paul Durand, président")
    static let consumer = Party(
        kind: .individual, name: "Jeanne Dupont",
        address: Address(lines: ["8 cours de l'Intendance"], postcode: "33000", city: "Bordeaux"))
    static let rennes = Party(
        kind: .publicBody, name: "Commune de Rennes", siren: "213502388",
        address: Address(lines: ["Place de la Mairie"], postcode: "35000", city: "Rennes"))
    static let brussels = Party(
        kind: .company, name: "Lumen Belgium", legalForm: "SRL",
        address: Address(lines: ["Rue Royale 10"], postcode: "1000", city: "Bruxelles", country: "BE"))

    /// One 1 800 € invoice, 500 € paid, 120 € credited: 1 180 € outstanding.
    static func statement(
        reference: String, regime: Regime, penalties: Decimal, fees: Decimal,
        periods: Bool = true
    ) -> Statement {
        let period = PenaltyPeriod(
            from: day("2025-05-01"), to: day("2025-05-15"), days: 15, base: 1800, rate: Decimal(string: "13.15")!,
            amount: Decimal(string: "9.73")!, source: "ECB MRO 3.15 on 2025-01-01 + 10 (C. com. L441-10)")
        let invoice = InvoiceStatement(
            number: "FA2025-118", issued: day("2025-03-31"), due: day("2025-04-30"), amount: 1800, paid: 500,
            credited: 120, outstanding: 1180, periods: periods ? [period] : [], penalties: penalties, flatFee: fees)
        return Statement(
            reference: reference, asOf: day("2026-11-23"), regime: regime, dayBasis: .d365, invoices: [invoice],
            payments: [
                PaymentImputation(
                    kind: .creditNote, date: day("2025-05-15"), amount: 120, reference: "AV2025-001",
                    imputed: [.init(invoice: "FA2025-118", amount: 120)], unallocated: 0),
                PaymentImputation(
                    kind: .payment, date: day("2025-06-02"), amount: 500, reference: "VIR-0320",
                    imputed: [.init(invoice: "FA2025-118", amount: 500)], unallocated: 0),
            ],
            totals: Totals(principal: 1180, penalties: penalties, flatFees: fees, total: 1180 + penalties + fees),
            warnings: ["Exemple d'avertissement du relevé."],
            convention: "Jours comptés sur une base de 365 ; arrondi au centime par période.",
            rateTables: [])
    }

    static func make(_ name: String) -> DossierSample {
        let invoices = [Invoice(number: "FA2025-118", issued: day("2025-03-31"), due: day("2025-04-30"), amount: 1800)]
        let exhibits = [
            Exhibit(title: "Devis D-2025-031 signé", file: "pieces/devis.pdf"),
            Exhibit(title: "Facture FA2025-118", file: "pieces/FA2025-118.pdf"),
            Exhibit(title: "Relances par courriel"),
        ]
        let dijonCourt = Court(
            kind: .tribunalDeCommerce, name: "Tribunal de commerce de Dijon",
            address: Address(lines: ["13 boulevard Clemenceau"], postcode: "21000", city: "Dijon"))
        func route(
            _ procedure: Procedure, _ court: Court?, _ form: Form?, regime: Regime, nature: Nature,
            courDAppel: String? = nil
        ) -> Route {
            Route(
                nature: nature, regime: regime, amount: 1229.73, asOf: day("2026-11-23"), procedure: procedure,
                court: court, form: form, alternatives: [], courDAppel: courDAppel, priorSteps: [], warnings: [],
                explanation: [])
        }
        switch name {
        case "b2b-injonction":
            let theCase = Case(
                reference: "2026-0042", creditor: lyon, debtor: dijon,
                contract: Contract(
                    reference: "Devis D-2025-031 accepté le 3 mars 2025",
                    paymentTerms: "30 jours fin de mois"),
                invoices: invoices, exhibits: exhibits)
            return DossierSample(
                name: name,
                input: DossierInput(
                    case: theCase,
                    statement: statement(reference: "2026-0042", regime: .b2b, penalties: 9.73, fees: 40),
                    route: route(
                        .injonctionDePayer, dijonCourt,
                        Form(cerfa: "12946*02", title: "Requête en injonction de payer (tribunal de commerce)"),
                        regime: .b2b, nature: .commercial)))
        case "consumer-injonction":
            let theCase = Case(
                reference: "2026-0051", creditor: lyon, debtor: consumer, invoices: invoices,
                events: [
                    Event(
                        type: .formalNotice, date: day("2026-06-20"), received: day("2026-06-23"),
                        channel: .registeredLetter)
                ],
                exhibits: exhibits)
            let court = Court(
                kind: .tribunalJudiciaire, name: "Tribunal judiciaire de Bordeaux",
                address: Address(lines: ["30 rue des Frères Bonie"], postcode: "33000", city: "Bordeaux"))
            return DossierSample(
                name: name,
                input: DossierInput(
                    case: theCase,
                    statement: statement(reference: "2026-0051", regime: .consumer, penalties: 9.73, fees: 0),
                    route: route(
                        .injonctionDePayer, court,
                        Form(cerfa: "12948*06", title: "Requête en injonction de payer (tribunal judiciaire)"),
                        regime: .consumer, nature: .consumer)))
        case "lease-injonction":
            let theCase = Case(
                reference: "2026-0077", creditor: lyon, debtor: consumer,
                contract: Contract(nature: .residentialLease, reference: "Bail du 1er septembre 2023"),
                invoices: invoices, exhibits: [])
            let court = Court(
                kind: .jugeDesContentieuxDeLaProtection,
                name: "Juge des contentieux de la protection du tribunal judiciaire de Lille",
                address: nil)
            return DossierSample(
                name: name,
                input: DossierInput(
                    case: theCase,
                    statement: statement(
                        reference: "2026-0077", regime: .residentialLease, penalties: 0,
                        fees: 0, periods: false),
                    route: route(
                        .injonctionDePayer, court,
                        Form(cerfa: "16040*01", title: "Requête en injonction de payer (JCP)"),
                        regime: .residentialLease, nature: .residentialLease)))
        case "b2b-pspc":
            let theCase = Case(
                reference: "2026-0043", creditor: lyon, debtor: dijon, invoices: invoices,
                exhibits: exhibits)
            return DossierSample(
                name: name,
                input: DossierInput(
                    case: theCase,
                    statement: statement(reference: "2026-0043", regime: .b2b, penalties: 9.73, fees: 40),
                    route: route(
                        .pspc, Court(kind: .commissaireDeJustice, name: "Commissaire de justice", address: nil),
                        nil, regime: .b2b, nature: .commercial, courDAppel: "cour d'appel de Dijon")))
        case "public-body":
            let theCase = Case(
                reference: "2026-0060", creditor: lyon, debtor: rennes,
                contract: Contract(reference: "Marché n° 2025-17 (éclairage public)"),
                invoices: invoices, exhibits: exhibits)
            let court = Court(kind: .tribunalAdministratif, name: "Tribunal administratif de Rennes", address: nil)
            return DossierSample(
                name: name,
                input: DossierInput(
                    case: theCase,
                    statement: statement(reference: "2026-0060", regime: .publicProcurement, penalties: 9.73, fees: 40),
                    route: route(
                        .administrativeClaim, court, nil, regime: .publicProcurement, nature: .publicProcurement)))
        case "eu-order":
            let theCase = Case(
                reference: "2026-0070", creditor: lyon, debtor: brussels, invoices: invoices,
                exhibits: exhibits)
            return DossierSample(
                name: name,
                input: DossierInput(
                    case: theCase,
                    statement: statement(reference: "2026-0070", regime: .b2b, penalties: 9.73, fees: 40),
                    route: route(
                        .europeanOrderForPayment,
                        Court(
                            kind: .foreign, name: "Tribunal de l'entreprise francophone de Bruxelles",
                            address: nil),
                        Form(cerfa: "EPO-A", title: "Formulaire A, demande d'injonction de payer européenne"),
                        regime: .b2b, nature: .commercial)))
        case "eu-small-claims":
            // Reg. 861/2007 art. 2(1): 5 000 € of principal, interest and costs excluded.
            let theCase = Case(
                reference: "2026-0071", creditor: lyon, debtor: brussels, invoices: invoices,
                exhibits: exhibits)
            var chosen = route(
                .europeanSmallClaims, Court(kind: .foreign, name: "Juridiction compétente (BE)", address: nil),
                Form(cerfa: "ESCP-A", title: "Formulaire A, formulaire de demande (règlement des petits litiges)"),
                regime: .b2b, nature: .commercial)
            chosen.smallClaimsCeiling = ProcedureRules.DatedAmount(
                from: day("2017-07-14"), until: nil, amount: 5000,
                source: "Règlement (CE) 861/2007, art. 2(1), modifié par le règlement (UE) 2015/2421")
            return DossierSample(
                name: name,
                input: DossierInput(
                    case: theCase,
                    statement: statement(reference: "2026-0071", regime: .b2b, penalties: 9.73, fees: 40),
                    route: chosen))
        case "collective":
            let theCase = Case(
                reference: "2026-0080", creditor: lyon, debtor: dijon,
                contract: Contract(collectiveProceedings: .opened(day("2025-06-30"))),
                invoices: invoices, exhibits: exhibits)
            return DossierSample(
                name: name,
                input: DossierInput(
                    case: theCase, statement: statement(reference: "2026-0080", regime: .b2b, penalties: 9.73, fees: 0),
                    route: route(.declarationDeCreance, nil, nil, regime: .b2b, nature: .commercial)))
        default:
            let theCase = Case(reference: "2026-0090", creditor: lyon, debtor: brussels, invoices: invoices)
            return DossierSample(
                name: name,
                input: DossierInput(
                    case: theCase,
                    statement: statement(reference: "2026-0090", regime: .b2b, penalties: 9.73, fees: 40),
                    route: route(.none, nil, nil, regime: .b2b, nature: .commercial)))
        }
    }

    static let names = [
        "b2b-injonction", "consumer-injonction", "lease-injonction", "b2b-pspc", "public-body",
        "eu-order", "eu-small-claims", "collective", "no-route",
    ]
    static var all: [DossierSample] { names.map(make) }
}

struct DossierSample: Sendable, CustomStringConvertible {
    var name: String
    /// The sample as built at the notice stage (the samples record no formal notice sent).
    var input: DossierInput
    var description: String { name }

    /// The sample at the given stage.
    func at(_ stage: DossierStage) -> DossierInput {
        var input = input
        input.options.stage = stage
        return input
    }

    /// Both stages: the notice to send, then the court dossier.
    var stages: [DossierInput] { [at(.notice), at(.court)] }
}
