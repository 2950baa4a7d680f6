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

/// Issue 11, two situations where a requête would be rejected: a title already exists (CPC 1409, C. civ.
/// 1355: enforce it, CPCE L111-3, with the +5 points of C. mon. fin. L313-3 two months after service), and
/// a public body after the rejection of the mémoire en réclamation (CJA R421-1, R421-2: the requête en
/// référé-provision, CJA R541-1, only once two months have passed without an answer).
/// Figures use the pinned taux légal "autres cas" (Tests/Fixtures/forms-pinned/rates/legal-autres-cas.yaml):
/// 2026 H1 2.62 % (arrêté du 15 décembre 2025), 2026 H2 2.75 % (marked unverified).
@Suite("situations: a title already exists; a public body after rejection")
struct SituationsTests {
    static let pipeline = DossierBuildTests.pipeline

    static func load(_ fixture: String) throws -> (claim: Case, folder: URL) {
        let loaded = try CaseFileReader.load(
            path: TestPaths.fixture(fixture).appendingPathComponent("case.yaml").path, today: ShippedBook.fixedToday)
        return (loaded.value, loaded.folder)
    }

    static func assemble(
        _ claim: Case, folder: URL, asOf: Day, options: DossierOptions = DossierOptions()
    ) throws -> AssembledDossier {
        try pipeline.assemble(
            claim, exhibits: FolderExhibitSource(folder: folder), asOf: asOf, force: false, options: options)
    }

    /// A document of an assembled dossier, blanks and line breaks collapsed (the layout wraps lines).
    static func text(_ dossier: AssembledDossier, _ name: String) throws -> String {
        let file = try #require(dossier.files.first { $0.path.contains(name) }, "no \(name) in the bundle")
        return String(decoding: file.data, as: UTF8.self)
            .split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\u{00A0}" || $0 == "\u{202F}" })
            .joined(separator: " ")
    }

    static func lines(_ title: TitleStatement) -> [String] {
        title.periods.map { "\($0.from.iso) \($0.to.iso) \(Money.plain($0.rate)) \(Money.plain($0.amount))" }
    }

    static func day(_ iso: String) -> Day { Day(iso: iso)! }

    // MARK: - A title already exists

    @Test("a served judgment: no requête for the sums it covers; an instruction to enforce the title")
    func servedJudgment() throws {
        let (claim, folder) = try Self.load("judgment-served")
        let dossier = try Self.assemble(claim, folder: folder, asOf: Self.day("2026-11-23"))
        #expect(dossier.route.procedure == .enforcement)
        #expect(dossier.route.court?.kind == .commissaireDeJustice)
        let paths = dossier.files.map(\.path)
        #expect(
            !paths.contains { !$0.hasPrefix("pieces/") && ($0.contains("requete") || $0.contains("mise-en-demeure")) })
        #expect(paths.contains("01-decompte-du-titre.txt"))
        #expect(paths.contains("02-demande-d-execution-forcee.txt"))
        #expect(dossier.route.explanation.contains { $0.contains("CPC 1409") })
        // The pièces are the title and its service, nothing the title already decided on.
        #expect(
            paths.filter { $0.hasPrefix("pieces/") } == [
                "pieces/01-jugement-2026-05-12.txt", "pieces/02-signification-2026-06-03.txt",
            ])
        let letter = try Self.text(dossier, "demande-d-execution")
        #expect(letter.contains("signifié le 3 juin 2026"))
        #expect(letter.contains("L111-2 et L111-3 du code des procédures civiles d'exécution"))
        #expect(letter.contains("9 998,92 €"))
        #expect(letter.contains("au taux de l'intérêt légal majoré de cinq points"))
        let bordereau = try Self.text(dossier, "bordereau")
        #expect(bordereau.contains("Pièce n° 2 : Acte de signification du 3 juin 2026"))
        // The invoices the title does not cover are offered as their own dossier, not claimed here.
        #expect(dossier.route.alternatives.map(\.procedure).contains(.injonctionDePayer))
        #expect(dossier.route.alternatives.contains { $0.why.contains("FA2026-115") })
        #expect(!letter.contains("FA2026-115"))
        #expect(dossier.statement.invoices.isEmpty)
        #expect(dossier.manifest.amountClaimed == "9998.92")
    }

    // Title of 12 May 2026, served 3 June 2026: 8 400 € with interest at the taux légal from 15 February 2026.
    // The two months from service end on 3 August 2026 (CPC 641): taux légal + 5 from 4 August 2026.
    //   15/02 → 30/06/2026: 136 days at 2.62 %: 8400 × 2.62 % × 136 / 365 = 82.0024 → 82.00
    //   01/07 → 03/08/2026:  34 days at 2.75 %: 8400 × 2.75 % × 34 / 365 = 21.5178 → 21.52
    //   04/08 → 23/11/2026: 112 days at 7.75 %: 8400 × 7.75 % × 112 / 365 = 199.7589 → 199.76
    // Interest 303.28; + costs 95.64 + article 700 1 200.00 + principal 8 400.00 = 9 998.92.
    @Test("the décompte of the title: interest it orders, +5 points from the day after two months from service")
    func decompte() throws {
        let (claim, _) = try Self.load("judgment-served")
        let title = try #require(try Self.pipeline.statement(for: claim, asOf: Self.day("2026-11-23")).title)
        #expect(
            Self.lines(title) == [
                "2026-02-15 2026-06-30 2.62 82.00", "2026-07-01 2026-08-03 2.75 21.52",
                "2026-08-04 2026-11-23 7.75 199.76",
            ])
        #expect(title.increaseFrom == Self.day("2026-08-04"))
        #expect(title.interest == Decimal(string: "303.28"))
        #expect(title.costsDue == Decimal(string: "1295.64"))
        #expect(title.total == Decimal(string: "9998.92"))
        #expect(title.invoices == ["FA2026-021", "FA2026-037"])
    }

    // On 3 August 2026 the two months are not over: no line at 7.75 %. On 4 August 2026, one day at
    // 7.75 %: 8400 × 7.75 % × 1 / 365 = 1.7836 → 1.78.
    @Test(
        "the +5 points start exactly on the day after the two months from service",
        arguments: [
            ("2026-08-03", "2026-07-01 2026-08-03 2.75 21.52"), ("2026-08-04", "2026-08-04 2026-08-04 7.75 1.78"),
        ])
    func increaseBoundary(asOf: String, last: String) throws {
        let (claim, _) = try Self.load("judgment-served")
        let title = try #require(try Self.pipeline.statement(for: claim, asOf: Self.day(asOf)).title)
        #expect(Self.lines(title).last == last)
    }

    @Test("a title not served: no majoration, and the route says to serve it first")
    func notServed() throws {
        var (claim, folder) = try Self.load("judgment-served")
        let index = try #require(claim.events.firstIndex { $0.type == .judgment })
        claim.events[index].served = nil
        claim.events[index].serviceFile = nil
        let dossier = try Self.assemble(claim, folder: folder, asOf: Self.day("2026-11-23"))
        #expect(dossier.route.procedure == .enforcement)
        #expect(dossier.route.priorSteps.contains { $0.contains("signifier") && $0.contains("CPC 503") })
        let title = try #require(dossier.statement.title)
        #expect(title.increaseFrom == nil)
        #expect(!title.periods.contains { $0.rate == Decimal(string: "7.75") })
        let letter = try Self.text(dossier, "demande-d-execution")
        #expect(letter.contains("n'a pas encore été signifié"))
        #expect(!dossier.files.contains { $0.path.contains("signification") })
    }

    @Test("the invoices the title does not cover: their own requête, without the sums of the title")
    func uncoveredInvoices() throws {
        let (claim, folder) = try Self.load("judgment-served")
        let dossier = try Self.assemble(
            claim, folder: folder, asOf: Self.day("2026-11-23"),
            options: DossierOptions(stage: .court, procedure: .injonctionDePayer))
        #expect(dossier.route.procedure == .injonctionDePayer)
        let requete = try Self.text(dossier, "requete-en-injonction")
        #expect(requete.contains("FA2026-115"))
        #expect(!requete.contains("FA2026-021") && !requete.contains("FA2026-037"))
        #expect(!requete.contains("8 400,00"))
        #expect(dossier.statement.invoices.map(\.number) == ["FA2026-115"])
        #expect(dossier.statement.title == nil)
        // Golden of this variant, beside the fixture's notice and court goldens.
        for file in dossier.files where !file.path.hasPrefix("pieces/") && file.path != "manifest.json" {
            if let diff = Golden.mismatch(
                file.data, target: "RecouvreBundleTests", name: "fixtures/judgment-served/court-uncovered/\(file.path)")
            {
                Issue.record(Comment(rawValue: diff))
            }
        }
    }

    @Test("a title covering every invoice and a payment after it: imputed on interest first (C. civ. 1343-1)")
    func paymentOnTitle() throws {
        var (claim, _) = try Self.load("judgment-served")
        let index = try #require(claim.events.firstIndex { $0.type == .judgment })
        claim.events[index].invoices = nil
        claim.payments = [Payment(date: Self.day("2026-06-30"), amount: 1000)]
        let title = try #require(try Self.pipeline.statement(for: claim, asOf: Self.day("2026-11-23")).title)
        // To 30/06/2026: 82.00 of interest, paid first; 918.00 on principal → base 7 482.00 from 01/07.
        // 01/07 → 03/08: 7482 × 2.75 % × 34 / 365 = 19.1664 → 19.17; 04/08 → 23/11: 7482 × 7.75 % × 112 / 365
        // = 177.9284 → 177.93.
        #expect(title.payments.first?.toInterest == 82)
        #expect(title.payments.first?.toPrincipal == 918)
        #expect(
            Self.lines(title) == [
                "2026-02-15 2026-06-30 2.62 82.00", "2026-07-01 2026-08-03 2.75 19.17",
                "2026-08-04 2026-11-23 7.75 177.93",
            ])
        #expect(title.principalDue == 7482)
        #expect(title.interestDue == Decimal(string: "197.10"))
    }

    // MARK: - Public body after implicit rejection

    // Mémoire received 9 September 2026; two months of silence end on 9 November 2026 (CRPA L231-4;
    // CJA R421-2): the requête from 10 November 2026, never before.
    @Test("the requête to the tribunal administratif only after two months; one day before, a waiting refusal")
    func implicitRejection() throws {
        let (claim, folder) = try Self.load("public-body-implicit-rejection")
        let before = try Self.pipeline.route(for: claim, asOf: Self.day("2026-11-09"))
        #expect(before.procedure == .administrativeClaim)
        #expect(
            before.administrativeClaim
                == .waiting(
                    received: Self.day("2026-09-09"), rejected: Self.day("2026-11-09"),
                    filingFrom: Self.day("2026-11-10")))
        #expect(before.priorSteps.contains { $0.contains("à compter du 10 novembre 2026") })
        #expect(throws: DossierRefusal.self) {
            _ = try Self.assemble(claim, folder: folder, asOf: Self.day("2026-11-09"))
        }
        let after = try Self.assemble(claim, folder: folder, asOf: Self.day("2026-11-10"))
        #expect(after.route.procedure == .refereProvision)
        #expect(after.route.court?.name == "Tribunal administratif de Rennes")
        let paths = after.files.map(\.path)
        #expect(paths.contains("02-requete-en-refere-provision.txt"))
        #expect(!paths.contains { $0.contains("memoire-en-reclamation") && !$0.hasPrefix("pieces/") })
        let requete = try Self.text(after, "requete-en-refere-provision")
        #expect(requete.contains("juge des référés du tribunal administratif de Rennes"))
        #expect(requete.contains("article R541-1 du code de justice administrative"))
        #expect(requete.contains("une décision implicite de rejet est née le 9 novembre 2026"))
        #expect(requete.contains("prise en la personne de Monsieur le Maire"))
        // The mémoire, its receipt (CJA R412-1) and the invoices are pièces.
        let bordereau = try Self.text(after, "bordereau")
        #expect(bordereau.contains("Mémoire en réclamation, reçu par l'acheteur public le 9 septembre 2026"))
        #expect(bordereau.contains("Preuve de la réception du mémoire en réclamation le 9 septembre 2026"))
        #expect(bordereau.contains("Factures NA-2026-0188 et NA-2026-0236"))
        #expect(after.route.explanation.contains { $0.contains("le délai de deux mois ne court que si") })
    }

    @Test("an express rejection: the two-month time runs only when the remedies were mentioned (CJA R421-5)")
    func expressRejection() throws {
        var (claim, _) = try Self.load("public-body-implicit-rejection")
        claim.events.append(
            Event(type: .rejection, date: Self.day("2026-10-02"), express: true, remediesMentioned: true))
        let mentioned = try Self.pipeline.route(for: claim, asOf: Self.day("2026-10-20"))
        #expect(mentioned.procedure == .refereProvision)
        #expect(mentioned.warnings.contains { $0.contains("au plus tard le 2 décembre 2026") })
        claim.events[claim.events.count - 1].remediesMentioned = false
        let silent = try Self.pipeline.route(for: claim, asOf: Self.day("2026-10-20"))
        #expect(silent.procedure == .refereProvision)
        #expect(silent.explanation.contains { $0.contains("le délai de deux mois ne court pas") })
        #expect(!silent.warnings.contains { $0.contains("au plus tard") })
    }

    @Test("the mémoire en réclamation is addressed to the pouvoir adjudicateur by office")
    func memoireByOffice() throws {
        let (claim, folder) = try Self.load("public-body-rennes")
        let dossier = try Self.assemble(claim, folder: folder, asOf: claim.asOf!)
        #expect(dossier.route.procedure == .administrativeClaim)
        let memoire = try Self.text(dossier, "memoire-en-reclamation")
        #expect(memoire.contains("Madame la Maire Commune de Rennes"))
        #expect(memoire.contains("Madame la Maire, "))
        #expect(!memoire.contains("Madame, Monsieur,"))
    }
}
