import Foundation
import RecouvreForms
import RecouvreLaw
import RecouvreModel
import RecouvreTestSupport

@testable import RecouvreRoute

/// The checkout's forms/ folder with the pinned rate tables (TestPaths.pinnedForms), loaded once for all tests.
enum Shipped {
    static let forms = Forms(shipped: TestPaths.pinnedForms)
    static let book: LawBook? = try? LawBook.load(forms: forms)
    static let directory: CourtDirectory? = book?.courts
    static let rules: ProcedureRules? = book?.procedures

    static func router() throws -> Router {
        guard let book else { throw SetupError() }
        return book.router
    }

    struct SetupError: Error {}
}

/// Builds cases and statements in Swift (the routing depends only on the parties, the contract and the total).
enum Build {
    static let asOf = Day(iso: "2026-11-23")!

    static func address(_ postcode: String?, _ city: String, insee: String? = nil, country: String = "FR") -> Address {
        Address(lines: ["1 rue de la Paix"], postcode: postcode, city: city, insee: insee, country: country)
    }

    static func debtor(_ kind: Debtor, at address: Address) -> Party {
        switch kind {
        case .company:
            return Party(
                kind: .company, name: "Bâtiments Durand", legalForm: "SAS", siren: "552100554", address: address)
        case .individual: return Party(kind: .individual, name: "Jean Martin", address: address)
        case .publicBody: return Party(kind: .publicBody, name: "Commune", address: address)
        case .civilCompany: return Party(kind: .company, name: "SCI Les Tilleuls", legalForm: "SCI", address: address)
        }
    }

    enum Debtor: Sendable { case company, individual, publicBody, civilCompany }

    static func claim(
        nature: Nature? = nil, debtor: Debtor = .company, at address: Address, property: Address? = nil,
        collective: CollectiveProceedings? = nil, events: [Event] = [],
        exhibits: [Exhibit] = []
    ) -> Case {
        let creditor = Party(
            kind: .company, name: "Atelier Lumière", legalForm: "SARL", siren: "123456782",
            address: Address(lines: ["12 rue des Lilas"], postcode: "69003", city: "Lyon"))
        return Case(
            reference: "2026-0042", asOf: asOf, creditor: creditor, debtor: Build.debtor(debtor, at: address),
            contract: Contract(nature: nature, collectiveProceedings: collective, property: property),
            invoices: [
                Invoice(
                    number: "FA1", issued: Day(iso: "2025-03-31")!, due: Day(iso: "2025-04-30")!,
                    amount: 1000)
            ],
            events: events, exhibits: exhibits)
    }

    static func statement(
        total: Decimal, principal: Decimal? = nil, regime: Regime = .b2b, asOf: Day = asOf,
        warnings: [String] = []
    ) -> Statement {
        let principal = principal ?? total
        return Statement(
            reference: "2026-0042", asOf: asOf, regime: regime, dayBasis: .d365, invoices: [], payments: [],
            totals: Totals(principal: principal, penalties: total - principal, flatFees: 0, total: total),
            warnings: warnings, convention: "", rateTables: [])
    }
}
