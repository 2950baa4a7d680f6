import Foundation
import RecouvreTestSupport
import Testing

/// `recouvre route` as a user runs it, on the shared fixtures (all with as_of 2026-11-23).
@Suite("recouvre route")
struct RouteCLITests {
    struct FixtureRoute: Sendable, CustomTestStringConvertible {
        var fixture: String
        var procedure: String
        var kind: String?
        var court: String?
        var testDescription: String { fixture }
    }

    @Test(
        "each fixture routes as a lawyer would (JSON)",
        arguments: [
            FixtureRoute(
                fixture: "b2b-nanterre-tae", procedure: "injonction_de_payer",
                kind: "tribunal_des_activites_economiques", court: "Tribunal des activités économiques de Nanterre"),
            FixtureRoute(
                fixture: "b2b-lyon-dijon", procedure: "injonction_de_payer", kind: "tribunal_de_commerce",
                court: "Tribunal de commerce de Dijon"),
            FixtureRoute(
                fixture: "b2b-strasbourg", procedure: "injonction_de_payer", kind: "chambre_commerciale_tj",
                court: "Chambre commerciale du tribunal judiciaire de Strasbourg"),
            FixtureRoute(
                fixture: "lease-lille", procedure: "injonction_de_payer",
                kind: "juge_des_contentieux_de_la_protection", court: nil),
            FixtureRoute(
                fixture: "public-body-rennes", procedure: "administrative_claim", kind: "tribunal_administratif",
                court: "Tribunal administratif de Rennes"),
            FixtureRoute(fixture: "eu-belgium", procedure: "european_order_for_payment", kind: "foreign", court: nil),
            FixtureRoute(fixture: "collective-proceedings", procedure: "declaration_de_creance", kind: nil, court: nil),
            FixtureRoute(fixture: "non-eu-geneva", procedure: "none", kind: nil, court: nil),
        ])
    func json(_ row: FixtureRoute) async throws {
        let path = TestPaths.fixture(row.fixture).appendingPathComponent("case.yaml").path
        let result = try await CLI.run(["route", path, "--format", "json"])
        #expect(result.status == 0, "\(result)")
        let object = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "recouvre.route/1")
        #expect(object["procedure"] as? String == row.procedure)
        let court = object["court"] as? [String: Any]
        if let kind = row.kind { #expect(court?["kind"] as? String == kind) }
        if let name = row.court { #expect(court?["name"] as? String == name) }
        if row.fixture == "lease-lille" {
            #expect((court?["name"] as? String)?.hasSuffix("tribunal judiciaire de Lille") == true)
        }
    }

    @Test("the text explains the decision in French")
    func text() async throws {
        let path = TestPaths.fixture("b2b-nanterre-tae").appendingPathComponent("case.yaml").path
        let result = try await CLI.run(["route", path])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("Juridiction : Tribunal des activités économiques de Nanterre"))
        #expect(result.stdout.contains("Pourquoi :"))
        #expect(result.stdout.contains("12946*02"))
    }

    @Test("a bad --as-of is a usage error (exit 2)")
    func badDate() async throws {
        let path = TestPaths.fixture("b2b-nanterre-tae").appendingPathComponent("case.yaml").path
        let result = try await CLI.run(["route", path, "--as-of", "2026-02-30"])
        #expect(result.status == 2)
    }
}
