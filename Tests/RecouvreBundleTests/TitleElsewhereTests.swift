import Foundation
import RecouvreBundle
import RecouvreCaseFile
import RecouvreDocuments
import RecouvreForms
import RecouvreLaw
import RecouvreModel
import RecouvreRoute
import RecouvreTestSupport
import Testing

/// Issue 11, a title in the situations where no commissaire de justice executes it in France
/// (docs/situations.md): a debtor in another member state (Reg. (UE) 1215/2012 art. 39, 42, 43, 53), outside
/// the EU (exequatur; Lugano 2007 art. 38 ff. for Switzerland), a public person (no forced execution, CG3P
/// L2311-1; mandatement d'office, CJA L911-9, loi 80-539 art. 1er II) and collective proceedings (execution
/// stopped, C. com. L622-21 II; the title declared, L622-24, R622-23). In none of them a requête, a
/// mise en demeure or a European form A for the sums of the title (CPC 1409; C. civ. 1355).
/// Figures use the pinned taux légal "autres cas": 2026 H1 2,62 %, 2026 H2 2,75 %.
@Suite("situations: a title abroad, against a public person, under collective proceedings")
struct TitleElsewhereTests {
    static func build(_ fixture: String, stage: DossierStage = .court) throws -> AssembledDossier {
        let (claim, folder) = try SituationsTests.load(fixture)
        return try SituationsTests.assemble(
            claim, folder: folder, asOf: SituationsTests.day("2026-11-23"), options: DossierOptions(stage: stage))
    }

    static func documents(_ dossier: AssembledDossier) -> [String] {
        dossier.files.map(\.path).filter { $0.hasSuffix(".txt") && !$0.hasPrefix("pieces/") && $0 != "notes.txt" }
    }

    /// The décompte and its bordereau, at both stages; the pièces are the title and its service only.
    static func expectTitleDossier(_ fixture: String, service: Bool) throws {
        for stage in [DossierStage.notice, .court] {
            let dossier = try build(fixture, stage: stage)
            #expect(documents(dossier) == ["01-decompte-du-titre.txt", "02-bordereau-de-pieces.txt"])
            #expect(dossier.route.procedure == .none)
            #expect(dossier.statement.invoices.isEmpty)
            let pieces = dossier.files.map(\.path).filter { $0.hasPrefix("pieces/") }
            #expect(pieces.count == (service ? 2 : 1))
            #expect(pieces.first?.contains("jugement") == true)
            let bordereau = try SituationsTests.text(dossier, "bordereau")
            #expect(bordereau.contains("Pièces jointes à : Décompte du titre exécutoire"))
        }
    }

    // MARK: - A debtor in another member state

    /// 4 596,00 € at the taux légal from 20 April 2026; served 8 July 2026, so +5 points from 9 September
    /// (the two months end on 8 September, CPC 641):
    /// 20/04–30/06  72 j × 2,62 % → 4 596 × 0,0262 × 72 / 365 = 23,75
    /// 01/07–08/09  70 j × 2,75 % → 4 596 × 0,0275 × 70 / 365 = 24,24
    /// 09/09–23/11  76 j × 7,75 % → 4 596 × 0,0775 × 76 / 365 = 74,17
    /// interest 122,16; + dépens 88,50 + article 700 800,00 → 5 606,66 €.
    @Test("a title against a Belgian debtor: enforceable there without exequatur (art. 39), no form A")
    func europeanDebtor() throws {
        let dossier = try Self.build("judgment-eu-belgium")
        let route = dossier.route
        #expect(route.titlePath == .europeanEnforcement)
        #expect(route.form == nil)
        #expect(route.court == nil)
        #expect(route.amount == Decimal(string: "5606.66")!)
        #expect(dossier.statement.title?.interest == Decimal(string: "122.16")!)
        #expect(dossier.statement.title?.increaseFrom == SituationsTests.day("2026-09-09"))
        #expect(
            !route.alternatives.contains {
                $0.procedure == .europeanOrderForPayment || $0.procedure == .europeanSmallClaims
            })
        #expect(route.explanation.contains { $0.contains("règlement (UE) 1215/2012, art. 39") })
        #expect(route.priorSteps.contains { $0.contains("certificat de l'article 53") && $0.contains("CPC 509-1") })
        #expect(route.priorSteps.contains { $0.contains("art. 42(1)") && $0.contains("art. 43(1)") })
        #expect(!dossier.files.contains { $0.path.contains("formulaire-a") || $0.path.contains("requete") })
        let decompte = try SituationsTests.text(dossier, "decompte-du-titre")
        #expect(decompte.contains("Total dû 5 606,66 €"))
        #expect(decompte.contains("exécution dans l'État requis"))
        #expect(!decompte.contains("commissaire de justice s'y ajoutent"))
        try Self.expectTitleDossier("judgment-eu-belgium", service: true)
    }

    // MARK: - A debtor outside the EU

    @Test("a title against a Swiss debtor: exequatur under the Lugano Convention, the title served first")
    func swissDebtor() throws {
        let dossier = try Self.build("judgment-non-eu-geneva")
        let route = dossier.route
        #expect(route.titlePath == .exequatur)
        #expect(route.explanation.contains { $0.contains("exequatur") && $0.contains("CPC 509") })
        #expect(route.explanation.contains { $0.contains("Convention de Lugano") && $0.contains("art. 38") })
        #expect(route.priorSteps.first?.contains("CPC 503") == true)
        #expect(route.priorSteps.contains { $0.contains("article 54 de la Convention de Lugano") })
        #expect(route.warnings.contains { $0.contains("L'outil ne prépare pas la demande d'exequatur") })
        // Not served: no majoration (C. mon. fin. L313-3 runs two months after service).
        #expect(dossier.statement.title?.increaseFrom == nil)
        try Self.expectTitleDossier("judgment-non-eu-geneva", service: false)
    }

    @Test("outside the EU and not bound by Lugano: exequatur under that state's law, no Lugano step")
    func otherState() throws {
        var (claim, _) = try SituationsTests.load("judgment-non-eu-geneva")
        claim.debtor.address.country = "US"
        let statement = try ShippedBook.book.statementEngine.statement(for: claim, asOf: claim.asOf!)
        let route = try ShippedBook.book.router.route(case: claim, statement: statement)
        #expect(route.titlePath == .exequatur)
        #expect(!route.explanation.contains { $0.contains("Lugano") })
        #expect(!route.priorSteps.contains { $0.contains("Lugano") })
    }

    // MARK: - A public person

    /// Notified 20 July 2026: two months end on 20 September (CPC 641), mandatement d'office from 21.
    @Test("a title against a commune: no forced execution, mandatement d'office after two months")
    func publicBody() throws {
        let dossier = try Self.build("judgment-public-body")
        let route = dossier.route
        #expect(route.titlePath == .publicBody)
        #expect(route.court?.kind != .commissaireDeJustice)
        #expect(route.explanation.contains { $0.contains("CG3P L2311-1") })
        #expect(route.explanation.contains { $0.contains("CJA L911-9") && $0.contains("loi n° 80-539") })
        #expect(
            route.priorSteps.contains {
                $0.contains("À compter du 21 septembre 2026") && $0.contains("préfet du département (35)")
            })
        #expect(route.warnings.contains { $0.contains("force de chose jugée") })
        // The invoice the title does not cover (paid late: its interest and fee) keeps its own route.
        #expect(route.uncoveredInvoices == ["NA-2026-0141"])
        #expect(route.uncovered.first?.procedure == .administrativeClaim)
        #expect(!dossier.files.contains { $0.path.contains("memoire") || $0.path.contains("refere") })
        let decompte = try SituationsTests.text(dossier, "decompte-du-titre")
        #expect(decompte.contains("article L911-9 du code de justice administrative"))
        #expect(!decompte.contains("commissaire de justice"))
        try Self.expectTitleDossier("judgment-public-body", service: true)
    }

    @Test("a title against a public person not yet notified: notify it first, the two months run from then")
    func publicBodyNotNotified() throws {
        var (claim, _) = try SituationsTests.load("judgment-public-body")
        let index = try #require(claim.events.firstIndex { $0.type == .judgment })
        claim.events[index].served = nil
        claim.events[index].serviceFile = nil
        let statement = try ShippedBook.book.statementEngine.statement(for: claim, asOf: claim.asOf!)
        let route = try ShippedBook.book.router.route(case: claim, statement: statement)
        #expect(route.priorSteps.contains { $0.contains("Notifier le jugement du 9 juillet 2026") })
        #expect(!route.priorSteps.contains { $0.contains("mandatement d'office") })
    }

    // MARK: - Collective proceedings

    @Test("a title under collective proceedings: declared with the title and its service, not executed")
    func collectiveProceedings() throws {
        let dossier = try Self.build("judgment-collective-proceedings")
        let route = dossier.route
        #expect(route.procedure == .declarationDeCreance)
        #expect(route.titlePath == .collectiveProceedings)
        #expect(route.explanation.contains { $0.contains("C. com. L622-21 II") })
        #expect(route.explanation.contains { $0.contains("R622-23") })
        #expect(route.warnings.contains { $0.contains("L622-28") })
        // The generic "a decision exists" warning gives way to the title's own explanation.
        #expect(!route.warnings.contains { $0.contains("Une décision") && $0.contains("existe") })
        #expect(
            Self.documents(dossier) == [
                "01-releve-de-compte.txt", "02-decompte-du-titre.txt", "03-declaration-de-creance.txt",
                "04-bordereau-de-pieces.txt",
            ])
        // The title's sums stopped the day before the opening judgment of 29 September 2026 (L622-28);
        // served 16 July, so +5 points from 17 September (C. mon. fin. L313-3):
        // 05/06–30/06 26 j × 2,62 % → 4 495,80 × 0,0262 × 26 / 365 = 8,39
        // 01/07–16/09 78 j × 2,75 % → 4 495,80 × 0,0275 × 78 / 365 = 26,42
        // 17/09–28/09 12 j × 7,75 % → 4 495,80 × 0,0775 × 12 / 365 = 11,46
        // interest 46,27; + dépens 81,36 + article 700 600,00 → 5 223,43 €.
        let title = try #require(dossier.statement.title)
        #expect(title.asOf == SituationsTests.day("2026-09-28"))
        #expect(title.interest == Decimal(string: "46.27")!)
        #expect(title.total == Decimal(string: "5223.43")!)
        // The relevé and the declaration's invoice lines: only the invoices the title does not cover.
        #expect(dossier.statement.invoices.map(\.number) == ["TM-2026-0164", "TM-2026-0301"])
        #expect(route.uncoveredInvoices == ["TM-2026-0164", "TM-2026-0301"])
        // Declared: 5 223,43 (title) + 4 879,75 (invoices: 2 747,40 + 1 980,00 + penalties + 40 € fee).
        #expect(dossier.statement.totals.total == Decimal(string: "4879.75")!)
        #expect(route.amount == Decimal(string: "10103.18")!)
        let declaration = try SituationsTests.text(dossier, "declaration-de-creance")
        #expect(declaration.contains("créance constatée par le jugement du 7 juillet 2026"))
        #expect(declaration.contains("arrêtée au 28 septembre 2026 (décompte du titre joint)"))
        #expect(declaration.contains("Total déclaré 10 103,18 €"))
        #expect(!declaration.contains("facture n° TM-2026-0088"))
        #expect(!declaration.contains("facture n° TM-2026-0121"))
        let bordereau = try SituationsTests.text(dossier, "bordereau")
        #expect(bordereau.contains("Expédition revêtue de la formule exécutoire : le jugement du 7 juillet 2026"))
        #expect(bordereau.contains("Acte de signification du 16 juillet 2026"))
        #expect(bordereau.contains("Factures TM-2026-0088"))
        #expect(!dossier.files.contains { $0.path.contains("demande-d-execution") })
    }

    @Test("a title covering every invoice under collective proceedings: no relevé, the title alone declared")
    func collectiveTitleCoversAll() throws {
        var (claim, folder) = try SituationsTests.load("judgment-collective-proceedings")
        let index = try #require(claim.events.firstIndex { $0.type == .judgment })
        claim.events[index].invoices = nil
        let dossier = try SituationsTests.assemble(
            claim, folder: folder, asOf: SituationsTests.day("2026-11-23"), options: DossierOptions(stage: .court))
        #expect(
            Self.documents(dossier) == [
                "01-decompte-du-titre.txt", "02-declaration-de-creance.txt", "03-bordereau-de-pieces.txt",
            ])
        #expect(dossier.statement.invoices.isEmpty)
        #expect(dossier.route.amount == dossier.statement.title?.total)
        let declaration = try SituationsTests.text(dossier, "declaration-de-creance")
        #expect(!declaration.contains("Factures non couvertes"))
        #expect(!declaration.contains("relevé de compte joint"))
    }
}
