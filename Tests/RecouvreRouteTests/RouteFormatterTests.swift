import Foundation
import RecouvreModel
import RecouvreTestSupport
import Testing

@testable import RecouvreRoute

@Suite("Route formatter: French text and recouvre.route/1 JSON")
struct RouteFormatterTests {
    static func nanterre() throws -> Route {
        // Commercial claim against a company in Nanterre: TAE de Nanterre since 1 Jan 2025, PSPC ≤ 5 000 €.
        let claim = Build.claim(at: Build.address("92000", "Nanterre"))
        return try Shipped.router().route(case: claim, statement: Build.statement(total: Decimal(string: "1220.00")!))
    }

    static func lease() throws -> Route {
        let claim = Build.claim(
            nature: .residentialLease, debtor: .individual, at: Build.address("59100", "Roubaix"),
            property: Build.address("59000", "Lille"),
            events: [Event(type: .formalNotice, date: Day(iso: "2026-10-01")!)])
        return try Shipped.router().route(
            case: claim, statement: Build.statement(total: Decimal(string: "12600.00")!, regime: .residentialLease))
    }

    @Test("text and JSON match their golden files", arguments: ["nanterre", "lease"])
    func golden(name: String) throws {
        let route = name == "nanterre" ? try Self.nanterre() : try Self.lease()
        if let diff = Golden.mismatch(
            RouteFormatter.text(route, messages: Shipped.book!.messages), target: "RecouvreRouteTests",
            name: "\(name).txt")
        {
            Issue.record(Comment(rawValue: diff))
        }
        if let diff = Golden.mismatch(RouteFormatter.json(route), target: "RecouvreRouteTests", name: "\(name).json") {
            Issue.record(Comment(rawValue: diff))
        }
    }

    @Test("JSON keys follow interfaces.md, money is a two-decimal string, and it parses")
    func jsonContract() throws {
        let json = RouteFormatter.json(try Self.nanterre())
        let object = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "recouvre.route/1")
        #expect(object["amount"] as? String == "1220.00")
        #expect(object["procedure"] as? String == "injonction_de_payer")
        let court = try #require(object["court"] as? [String: Any])
        #expect(court["kind"] as? String == "tribunal_des_activites_economiques")
        let form = try #require(object["form"] as? [String: Any])
        #expect(form["cerfa"] as? String == "12946*02")
        let order = [
            "\"schema\"", "\"nature\"", "\"amount\"", "\"procedure\"", "\"court\"", "\"form\"",
            "\"alternatives\"", "\"prior_steps\"", "\"warnings\"",
        ]
        let positions = order.compactMap { json.range(of: "\n  \($0)")?.lowerBound }
        #expect(positions.count == order.count && positions == positions.sorted())
        #expect(RouteFormatter.json(try Self.nanterre()) == json)
    }

    @Test("the text says why this court, why this form and what first")
    func textExplains() throws {
        let text = RouteFormatter.text(try Self.lease(), messages: Shipped.book!.messages)
        #expect(text.contains("Juge des contentieux de la protection du tribunal de proximité de Roubaix"))
        #expect(text.contains("domicile du débiteur à Roubaix (INSEE 59512)"))
        #expect(text.contains("hors du ressort du logement"))
        #expect(text.contains("16040*01"))
        #expect(text.contains("À faire d'abord"))
        #expect(text.contains("avis de réception"))
        #expect(!text.contains("avocat obligatoire"))  // CPC 761: no lawyer needed before the JCP
        let civil = Build.claim(nature: .civil, debtor: .individual, at: Build.address("92000", "Nanterre"))
        let route = try Shipped.router().route(case: civil, statement: Build.statement(total: 12_000, regime: .civil))
        #expect(
            RouteFormatter.text(route, messages: Shipped.book!.messages).contains(
                "avocat obligatoire au-delà de 10\u{00A0}000,00"))
    }
}
