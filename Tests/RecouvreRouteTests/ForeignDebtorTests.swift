import Foundation
import RecouvreModel
import Testing

@testable import RecouvreRoute

/// Foreign debtors (issue 11): the French injonction de payer reaches a debtor abroad where French
/// courts have jurisdiction (Brussels I bis art. 7(1)(b): goods delivered / services provided in France),
/// as an alternative; a Swiss debtor is told of the Lugano Convention 2007 and the Swiss poursuite.
@Suite("Foreign debtors: French courts by the place of performance, Switzerland")
struct ForeignDebtorTests {
    func route(_ country: String, _ city: String, performance: String?) throws -> Route {
        var claim = Build.claim(at: Build.address(nil, city, country: country))
        claim.contract.performanceCountry = performance
        return try Shipped.router().route(case: claim, statement: Build.statement(total: 4_000))
    }

    @Test(
        "EU debtor, goods delivered in France: the European order stays the route, the French injonction is an alternative"
    )
    func euPerformedInFrance() throws {
        let route = try route("BE", "Bruxelles", performance: "FR")
        #expect(route.procedure == .europeanOrderForPayment)
        let french = route.alternatives.first { $0.procedure == .injonctionDePayer }
        #expect(french?.why.contains("7(1)(b)") == true)
        #expect(!route.warnings.contains { $0.contains("ne visent pas un débiteur établi à l'étranger") })
    }

    @Test("EU debtor, performance abroad or unknown: no French alternative, and no claim that it can never apply")
    func euPerformedAbroad() throws {
        let route = try route("BE", "Bruxelles", performance: nil)
        #expect(!route.alternatives.contains { $0.procedure == .injonctionDePayer })
        #expect(route.warnings.contains { $0.contains("que si les juridictions françaises sont compétentes") })
    }

    @Test("Swiss debtor: the Lugano Convention 2007 and the Swiss poursuite")
    func swiss() throws {
        let route = try route("CH", "Genève", performance: nil)
        #expect(route.procedure == .none)
        #expect(route.explanation.contains { $0.contains("Lugano") && $0.contains("poursuite pour dettes") })
        let inFrance = try self.route("CH", "Genève", performance: "FR")
        #expect(inFrance.alternatives.first { $0.procedure == .injonctionDePayer }?.why.contains("Lugano") == true)
    }
}
