import Foundation
import RecouvreTestSupport
import Testing

/// Issue 11 at the command line: `statement` on a titled case prints the décompte du titre (the bundle's
/// computation and document), `route` gives the title's path, where a public body's mémoire stands and
/// the invoices a title does not cover, in text and JSON (docs/situations.md, docs/outputs.md).
@Suite("recouvre statement and route on the situations of issue 11")
struct TitleCLITests {
    static func path(_ fixture: String) -> String {
        TestPaths.fixture(fixture).appendingPathComponent("case.yaml").path
    }

    /// The output with its no-break spaces (French amounts: "9\u{00A0}998,92\u{00A0}€") as plain spaces.
    static func plain(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// The décompte of judgment-served as of 23 November 2026 (hand-checked in SituationsTests): 8 400,00 €
    /// at the taux légal from 15 February 2026, +5 points from 4 August 2026 (served 3 June, CPC 641):
    /// 82,00 + 21,52 + 199,76 = 303,28 € of interest; + 95,64 + 1 200,00 = 9 998,92 €.
    @Test("statement on a served judgment: the décompte du titre, byte for byte the bundle's document")
    func statementText() async throws {
        let result = try await CLI.run(["statement", Self.path("judgment-served")])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.hasPrefix("DÉCOMPTE DU TITRE EXÉCUTOIRE"))
        #expect(!result.stdout.contains("RELEVÉ DE COMPTE"))
        #expect(Self.plain(result.stdout).contains("9 998,92 €"))
        // The same bytes as 01-decompte-du-titre.txt of the court bundle's golden.
        let bundle = TestPaths.root.appendingPathComponent(
            "Tests/RecouvreBundleTests/Golden/fixtures/judgment-served/court/01-decompte-du-titre.txt")
        #expect(result.stdout == (try String(contentsOf: bundle, encoding: .utf8)))
        if let mismatch = Golden.mismatch(
            result.stdout, target: "RecouvreCLITests", name: "statement-judgment-served.txt")
        {
            Issue.record(Comment(rawValue: mismatch))
        }
    }

    @Test("statement --format json on a served judgment: the title's totals and its décompte under `title`")
    func statementJSON() async throws {
        let result = try await CLI.run(["statement", Self.path("judgment-served"), "--format", "json"])
        #expect(result.status == 0, "\(result)")
        let object = try Self.json(result.stdout)
        #expect(object["schema"] as? String == "recouvre.statement/1")
        #expect((object["invoices"] as? [Any])?.isEmpty == true)
        let totals = try #require(object["totals"] as? [String: Any])
        #expect(totals["total_claimed"] as? String == "9998.92")
        #expect(totals["principal"] as? String == "8400.00")
        let title = try #require(object["title"] as? [String: Any])
        #expect(title["total"] as? String == "9998.92")
        #expect(title["interest"] as? String == "303.28")
        #expect(title["increase_from"] as? String == "2026-08-04")
        #expect(title["covers"] as? [String] == ["FA2026-021", "FA2026-037"])
        #expect((title["periods"] as? [Any])?.count == 3)
        if let mismatch = Golden.mismatch(
            result.stdout, target: "RecouvreCLITests", name: "statement-judgment-served.json")
        {
            Issue.record(Comment(rawValue: mismatch))
        }
    }

    @Test("statement on a case without a title: the relevé de compte, unchanged")
    func statementWithoutTitle() async throws {
        let result = try await CLI.run(["statement", Self.path("b2b-lyon-dijon")])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.hasPrefix("RELEVÉ DE COMPTE"))
        let json = try Self.json(
            try await CLI.run(["statement", Self.path("b2b-lyon-dijon"), "--format", "json"]).stdout)
        #expect(json["title"] == nil)
    }

    @Test("statement under collective proceedings with a title: the relevé the déclaration is made of")
    func statementCollective() async throws {
        let result = try await CLI.run(["statement", Self.path("judgment-collective-proceedings")])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.hasPrefix("RELEVÉ DE COMPTE"))
    }

    @Test("route --format json: the uncovered invoices' own route and the title's path")
    func routeUncovered() async throws {
        let result = try await CLI.run(["route", Self.path("judgment-served"), "--format", "json"])
        #expect(result.status == 0, "\(result)")
        let object = try Self.json(result.stdout)
        #expect(object["procedure"] as? String == "enforcement")
        #expect(object["title_path"] as? String == "enforcement")
        let uncovered = try #require(object["uncovered"] as? [[String: Any]])
        #expect(uncovered.count == 1)
        #expect(uncovered.first?["invoices"] as? [String] == ["FA2026-115"])
        #expect(uncovered.first?["procedure"] as? String == "injonction_de_payer")
        #expect(uncovered.first?["amount"] as? String == "1873.02")
        #expect((uncovered.first?["court"] as? [String: Any])?["name"] as? String == "Tribunal de commerce de Dijon")
        #expect(uncovered.first?["alternatives"] as? [String] == ["pspc"])
        #expect(object["administrative_claim"] is NSNull)
    }

    @Test("route text: the uncovered invoices' section")
    func routeUncoveredText() async throws {
        let result = try await CLI.run(["route", Self.path("judgment-served")])
        #expect(result.status == 0, "\(result)")
        #expect(
            Self.plain(result.stdout).contains(
                "Factures non couvertes par le titre (FA2026-115) : 1 873,02 €, dans un dossier distinct"))
        #expect(Self.plain(result.stdout).contains("- leur voie : injonction de payer — Tribunal de commerce de Dijon"))
    }

    /// Received 9 September 2026, unanswered: implicitly rejected on 9 November (CRPA L231-4, CJA R421-2).
    @Test("route on a public body after implicit rejection: where the mémoire stands, JSON and text")
    func routeAdministrativeClaim() async throws {
        let result = try await CLI.run(["route", Self.path("public-body-implicit-rejection"), "--format", "json"])
        #expect(result.status == 0, "\(result)")
        let object = try Self.json(result.stdout)
        let claim = try #require(object["administrative_claim"] as? [String: Any])
        #expect(claim["status"] as? String == "implicitly_rejected")
        #expect(claim["received"] as? String == "2026-09-09")
        #expect(claim["rejected"] as? String == "2026-11-09")
        #expect(object["title_path"] is NSNull)
        #expect((object["uncovered"] as? [Any])?.isEmpty == true)
        let text = try await CLI.run(["route", Self.path("public-body-implicit-rejection")])
        #expect(
            Self.plain(text.stdout).contains(
                "Mémoire en réclamation : reçu le 9 septembre 2026, rejeté implicitement le 9 novembre 2026"))
        // Not yet received: the mémoire is the document to send.
        let rennes = try Self.json(
            try await CLI.run(["route", Self.path("public-body-rennes"), "--format", "json"]).stdout)
        #expect((rennes["administrative_claim"] as? [String: Any])?["status"] as? String == "not_received")
    }

    @Test(
        "route on a title in the other situations: its path, never a requête nor a European form",
        arguments: [
            ("judgment-eu-belgium", "eu_enforcement", "none"),
            ("judgment-non-eu-geneva", "exequatur", "none"),
            ("judgment-public-body", "public_body", "none"),
            ("judgment-collective-proceedings", "collective_proceedings", "declaration_de_creance"),
        ])
    func routeTitlePaths(_ fixture: String, _ path: String, _ procedure: String) async throws {
        let result = try await CLI.run(["route", Self.path(fixture), "--format", "json"])
        #expect(result.status == 0, "\(result)")
        let object = try Self.json(result.stdout)
        #expect(object["title_path"] as? String == path)
        #expect(object["procedure"] as? String == procedure)
        #expect(object["form"] is NSNull || procedure == "declaration_de_creance")
    }
}
