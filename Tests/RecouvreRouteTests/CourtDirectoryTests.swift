import Foundation
import RecouvreForms
import RecouvreModel
import Testing

@testable import RecouvreRoute

@Suite("Court directory: loading and addresses")
struct CourtDirectoryTests {
    @Test("the shipped directory loads: every commune, the 12 TAE, the data date")
    func loads() throws {
        // No timing here (the machines are shared): the load's cost is measured by the benchmarks.
        let loaded = try #require(Shipped.directory)
        #expect(loaded.communeCount > 34_900)
        #expect(loaded.courts.values.filter { $0.kind == .tribunalDesActivitesEconomiques }.count == 12)
        #expect(loaded.meta["commercial_courts_date"] == "2021")
    }

    struct AddressCase: Sendable, CustomTestStringConvertible {
        var postcode: String?
        var city: String
        var insee: String? = nil
        var expected: String
        var testDescription: String { "\(postcode ?? "-") \(city) \(insee ?? "") → \(expected)" }
    }

    @Test(
        "resolves the commune of an address",
        arguments: [
            AddressCase(postcode: "69003", city: "Lyon", expected: "69383"),
            AddressCase(postcode: "69003", city: "LYON 3EME", expected: "69383"),
            AddressCase(postcode: "69001", city: "Lyon 1er", expected: "69381"),
            AddressCase(postcode: "75015", city: "Paris", expected: "75115"),
            AddressCase(postcode: "75016", city: "Paris 16e arrondissement", expected: "75116"),
            AddressCase(postcode: "13008", city: "Marseille", expected: "13208"),
            AddressCase(postcode: "75198", city: "Paris Cedex 04", expected: "75056"),
            AddressCase(postcode: "69433", city: "Lyon Cedex 03", expected: "69123"),
            AddressCase(postcode: "42000", city: "ST ETIENNE", expected: "42218"),
            AddressCase(postcode: "42100", city: "saint-étienne", expected: "42218"),
            AddressCase(postcode: "76600", city: "Le Havre", expected: "76351"),
            AddressCase(postcode: "92020", city: "Nanterre CEDEX", expected: "92050"),
            AddressCase(postcode: "01400", city: "Châtillon sur Chalaronne", expected: "01093"),
            AddressCase(postcode: "20000", city: "Ajaccio", expected: "2A004"),
            AddressCase(postcode: "21000", city: "", expected: "21231"),
            AddressCase(postcode: "99999", city: "Anything", insee: "2b033", expected: "2B033"),
            AddressCase(postcode: nil, city: "Villeneuve-d'Ascq", expected: "59009"),
        ])
    func resolves(_ row: AddressCase) throws {
        let directory = try #require(Shipped.directory)
        let address = Build.address(row.postcode, row.city, insee: row.insee)
        #expect(try directory.resolve(address, field: "debtor.address").insee == row.expected)
    }

    @Test("a postcode shared by several communes without a matching city lists the candidates with INSEE codes")
    func ambiguousPostcode() throws {
        let directory = try #require(Shipped.directory)
        #expect {
            try directory.resolve(Build.address("01400", "Bourg"), field: "debtor.address")
        } throws: { error in
            guard case RouteError.ambiguous(let field, _, _, let candidates) = error else { return false }
            return field == "debtor.address" && candidates.count == 10
                && candidates.contains("Châtillon-sur-Chalaronne (INSEE 01093)")
                && (error as? RouteError)?.description.contains("debtor.address.insee") == true
        }
    }

    @Test("a city that two communes of a département share is ambiguous without a postcode")
    func ambiguousName() throws {
        let directory = try #require(Shipped.directory)
        #expect(throws: RouteError.self) {
            try directory.resolve(Build.address(nil, "Saint-Denis"), field: "debtor.address")
        }
    }

    @Test("unknown communes, contradictory postcodes and unsupported territories are errors, never guesses")
    func errors() throws {
        let directory = try #require(Shipped.directory)
        let field = "debtor.address"
        #expect(
            throws: RouteError.cityMismatch(
                field: field, postcode: "21000", city: "Beaune", commune: "Dijon",
                insee: "21231")
        ) {
            try directory.resolve(Build.address("21000", "Beaune"), field: field)
        }
        #expect(throws: RouteError.unknownCommune(field: field, postcode: "21099", city: "Nulle-Part")) {
            try directory.resolve(Build.address("21099", "Nulle-Part"), field: field)
        }
        #expect(throws: RouteError.unknownINSEE(field: field, insee: "99999")) {
            try directory.resolve(Build.address("21000", "Dijon", insee: "99999"), field: field)
        }
        #expect(throws: RouteError.badPostcode(field: field, postcode: "2100")) {
            try directory.resolve(Build.address("2100", "Dijon"), field: field)
        }
        #expect(throws: RouteError.unsupportedTerritory(field: field, code: "98800")) {
            try directory.resolve(Build.address("98800", "Nouméa"), field: field)
        }
    }

    @Test("a commune re-created after 2021 has no commercial court: a clear error naming its TJ's courts")
    func communeCreatedAfter2021() throws {
        let claim = Build.claim(at: Build.address("31800", "Lieoux"))
        #expect {
            try Shipped.router().route(case: claim, statement: Build.statement(total: 3_000))
        } throws: { error in
            guard let error = error as? RouteError,
                case .noCommercialCourt(let field, _, let insee, let candidates, let date) = error
            else { return false }
            return field == "debtor.address" && insee == "31300" && candidates == ["Tribunal de commerce de Toulouse"]
                && date == "2021" && error.exitCode == 1 && error.description.contains("will not guess")
        }
        // The same commune routes normally for a civil claim (the TJ data is current).
        let civil = Build.claim(nature: .civil, debtor: .individual, at: Build.address("31800", "Lieoux"))
        let route = try Shipped.router().route(case: civil, statement: Build.statement(total: 3_000, regime: .civil))
        #expect(route.court?.name == "Tribunal judiciaire de Saint-Gaudens")
    }

    @Test(
        "names: accents, case, St/Ste, hyphens, CEDEX, articles and arrondissements",
        arguments: [
            ("Saint-Étienne", "ST ETIENNE CEDEX 2"), ("Sainte-Foy-lès-Lyon", "Ste Foy les Lyon"),
            ("Havre", "Le Havre"), ("Paris 15e Arrondissement", "Paris 15ème"), ("Lyon 1er Arrondissement", "LYON 1"),
            ("Villeneuve-d'Ascq", "villeneuve d ascq"),
        ])
    func nameKeys(official: String, written: String) {
        #expect(CommuneName.key(official) == CommuneName.key(written))
    }
}
