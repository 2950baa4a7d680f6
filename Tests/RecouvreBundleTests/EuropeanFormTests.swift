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

/// Form A of the European order for payment (Reg. (CE) 1896/2006, art. 7; Annex I as replaced by Reg.
/// (UE) 2017/1260) and of the European small claims procedure (Reg. (CE) 861/2007, art. 4; Annex I as
/// replaced by Reg. (UE) 2017/1259): every rubric, numbered as in Annex I, with its content; the small
/// claims procedure offered up to 5 000 € of principal (art. 2(1)), interest and costs excluded.
@Suite("European forms A: the Annex I rubrics and the 5 000 € ceiling")
struct EuropeanFormTests {
    /// Annex I of Reg. 1896/2006 (form A, 2017/1260): rubrics 1 to 3 as read on EUR-Lex
    /// (eli/reg_del/2017/1260/oj: "1. Court", "2. Parties and their representatives", "3. Grounds for
    /// the court's jurisdiction"), the others as numbered on the form, in French.
    static let orderRubrics = [
        "1. Juridiction",
        "2. Parties et leurs représentants",
        "3. Motifs de la compétence de la juridiction",
        "4. Caractère transfrontalier de l'affaire",
        "5. Coordonnées bancaires (facultatif)",
        "6. Principal",
        "7. Intérêts",
        "8. Pénalités contractuelles",
        "9. Frais",
        "10. Preuves disponibles à l'appui de la créance",
        "11. Déclarations supplémentaires et informations complémentaires",
        "12. Date et signature",
    ]

    /// Annex I of Reg. 861/2007 (form A, 2017/1259), rubrics as listed by the UIHJ toolkit on the
    /// European small claims procedure ("Rubric 1 – Jurisdiction … Rubric 10 – Date and signature").
    static let smallClaimsRubrics = [
        "1. Juridiction",
        "2. Demandeur",
        "3. Défendeur",
        "4. Compétence",
        "5. Caractère transfrontalier de l'affaire",
        "6. Coordonnées bancaires (facultatif)",
        "7. Demande",
        "8. Détails de la demande",
        "9. Certificat",
        "10. Date et signature",
    ]

    static func build(_ procedure: Procedure) throws -> (dir: URL, form: String, raw: String) {
        let dir = try TestPaths.temporaryFolder()
        let target = dir.appendingPathComponent("dossier")
        _ = try DossierBuildTests.build(
            "eu-belgium", to: target, options: DossierOptions(stage: .court, procedure: procedure))
        let name = try #require(
            try FileManager.default.contentsOfDirectory(atPath: target.path).first { $0.hasPrefix("02-formulaire-a") })
        let raw = try String(contentsOf: target.appendingPathComponent(name), encoding: .utf8)
        return (dir, try CollectiveProceedingsTests.text(target, name), raw)
    }

    /// The rubric headings of a rendered form, in order: lines starting with "N. ".
    static func headings(_ raw: String) -> [String] {
        raw.split(separator: "\n").map(String.init).filter { line in
            guard let dot = line.firstIndex(of: "."), let number = Int(line[line.startIndex..<dot]) else {
                return false
            }
            return number > 0 && line[dot...].hasPrefix(". ")
        }
    }

    @Test("order for payment form A: every Annex I rubric, in order, with its content")
    func orderForPayment() throws {
        let (dir, form, raw) = try Self.build(.europeanOrderForPayment)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(Self.headings(raw) == Self.orderRubrics)
        // 1: the Belgian court is not in the tool's directory: a blank the route explains.
        #expect(form.contains("(à compléter : juridiction compétente en Belgique, voir l'orientation du dossier)"))
        // 2: party codes; 3: jurisdiction code 01 (domicile of the defendant, Brussels I bis art. 4).
        #expect(form.contains("Code 01 — demandeur"))
        #expect(form.contains("Code 02 — défendeur"))
        #expect(form.contains("Code 01 — domicile du défendeur (règlement (UE) 1215/2012, art. 4)"))
        // 4: cross-border nature.
        #expect(form.contains("du défendeur : BE (Belgique)"))
        // 6: each claim with the nature of the claim; 4 596,00 = 3 480 − 174 + 1 290.
        #expect(form.contains("Demande n° 1 — code 25 (autre, à préciser : Commande du 6 octobre 2025"))
        #expect(form.contains("montant 3 306,00 € : facture n° EXP-2025-0311"))
        #expect(form.contains("Total du principal : 4 596,00 €"))
        // 7: interest rate type code (02 contractual: "bce + 8"), rate, ECB margin, period A, from, to.
        #expect(
            form.contains(
                "Demande n° 2 — code 02 (conventionnel) — taux 10,40 %, soit 8 points au-dessus du taux de base de la BCE — période A (annuel) — sur 1 290,00 € — du 01/07/2026 au 23/11/2026"
            ))
        #expect(form.contains("du 24/11/2026 jusqu'au paiement"))
        // 9: the 40 € fees of the two invoices; 10: documentary evidence, code 01.
        #expect(form.contains("80,00 €"))
        #expect(form.contains("Code 01 (preuve écrite) — pièce n° 1 : Bon de commande du 6 octobre 2025"))
        // 12: the declaration of art. 7(3).
        #expect(
            form.contains(
                "je reconnais que toute fausse déclaration intentionnelle risque d'entraîner les sanctions prévues par le droit de l'État membre d'origine"
            ))
        #expect(!form.contains("(à compléter)") || form.contains("juridiction compétente en Belgique"))
    }

    /// Rubric 2 codes as read on EUR-Lex (Reg. 2017/1260, Annex I): 01 claimant, 02 defendant, 03/04
    /// their representatives ("e.g. lawyer"), 05/06 their legally authorised representatives ("e.g.
    /// managing director"). eu-belgium's creditor has a présidente; its debtor is given a gérant here.
    @Test("order for payment form A: party codes 05 and 06 for the legal representatives; the checking note")
    func partyCodes() throws {
        var (claim, folder) = try SituationsTests.load("eu-belgium")
        claim.debtor.representative = "Jan Peeters, gérant"
        let dossier = try SituationsTests.assemble(
            claim, folder: folder, asOf: claim.asOf!,
            options: DossierOptions(stage: .court, procedure: .europeanOrderForPayment))
        let form = try SituationsTests.text(dossier, "formulaire-a")
        #expect(form.contains("Code 05 — représentant légal du demandeur Aurélie Lemaire, présidente"))
        #expect(form.contains("Code 06 — représentant légal du défendeur Jan Peeters, gérant"))
        #expect(!form.contains("Code 03"))
        #expect(!form.contains("représenté par Jan Peeters"))
        // What was checked on the official text, and what the user must check before filing.
        #expect(form.contains("Vérifié sur le texte officiel (règlement délégué (UE) 2017/1260, annexe I"))
        #expect(
            form.contains(
                "Contrôlez chaque rubrique et chaque code sur le formulaire A du portail e-Justice européen avant le dépôt."
            ))
        let (dir, small, _) = try Self.build(.europeanSmallClaims)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(small.contains("le texte officiel de l'annexe n'a pas été consulté"))
    }

    @Test("small claims form A: every Annex I rubric, in order, with the value against the ceiling")
    func smallClaims() throws {
        let (dir, form, raw) = try Self.build(.europeanSmallClaims)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(Self.headings(raw) == Self.smallClaimsRubrics)
        #expect(form.contains("ESCP-A"))
        #expect(form.contains("règlement (CE) n° 861/2007"))
        #expect(
            form.contains(
                "Valeur de la demande, hors intérêts, frais et débours : 4 596,00 € ≤ 5 000,00 € (Règlement (CE) 861/2007, art. 2(1)"
            ))
        #expect(form.contains("(à compléter : juridiction compétente en Belgique"))
        #expect(form.contains("Je déclare qu'à ma connaissance les informations fournies sont exactes et sincères."))
        #expect(!form.contains("1896/2006"))
    }

    @Test("the route explains the blank court and offers small claims", arguments: [Procedure.europeanOrderForPayment])
    func routeExplains(_ procedure: Procedure) throws {
        let claim = try CaseFileReader.load(
            path: TestPaths.fixture("eu-belgium").appendingPathComponent("case.yaml").path
        ).value
        let statement = try ShippedBook.book.statementEngine.statement(for: claim, asOf: claim.asOf!)
        let route = try ShippedBook.book.router.route(case: claim, statement: statement)
        #expect(route.procedure == procedure)
        #expect(route.explanation.contains { $0.contains("rubrique 1 du formulaire A est laissée en blanc") })
        #expect(route.alternatives.contains { $0.procedure == .europeanSmallClaims })
    }

    /// eu-belgium with the second invoice set so that the principal is `principal`:
    /// 3 480,00 − 174,00 (credit note) + x = principal.
    static func route(principal: Decimal) throws -> (Route, Router) {
        var claim = try CaseFileReader.load(
            path: TestPaths.fixture("eu-belgium").appendingPathComponent("case.yaml").path
        ).value
        claim.invoices[1].amount = principal - 3480 + 174
        let statement = try ShippedBook.book.statementEngine.statement(for: claim, asOf: claim.asOf!)
        #expect(statement.totals.principal == principal)
        // Interest and fees are above zero, so the total exceeds 5 000 € in both cases: only the
        // principal counts (art. 2(1)).
        #expect(statement.totals.total > 5000)
        let router = ShippedBook.book.router
        return (try router.route(case: claim, statement: statement), router)
    }

    @Test("5 000,00 € of principal: small claims offered and producible")
    func ceilingOffered() throws {
        let (route, router) = try Self.route(principal: Decimal(string: "5000.00")!)
        #expect(route.alternatives.contains { $0.procedure == .europeanSmallClaims })
        let chosen = try router.choosing(.europeanSmallClaims, in: route)
        #expect(chosen?.form?.cerfa == "ESCP-A")
    }

    @Test("5 000,01 € of principal: small claims not offered, and refused")
    func ceilingRefused() throws {
        let (route, router) = try Self.route(principal: Decimal(string: "5000.01")!)
        #expect(!route.alternatives.contains { $0.procedure == .europeanSmallClaims })
        #expect(try router.choosing(.europeanSmallClaims, in: route) == nil)
    }
}
