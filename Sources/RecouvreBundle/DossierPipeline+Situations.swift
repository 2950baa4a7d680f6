import Foundation
import RecouvreDocuments
import RecouvreLaw
import RecouvreModel
import RecouvreRoute

extension DossierPipeline {
    /// The route of `claim` on its statement. A case with a title is routed to its enforcement (CPCE
    /// L111-3); the invoices the title does not cover get their own route, computed on
    /// `Case.withoutTitle` and its own statement, offered as alternatives (docs/situations.md).
    public func route(for claim: Case, statement: Statement, asOf: Day) throws -> Route {
        var route = try book.router.route(case: claim, statement: statement)
        if let declared = try declaredTitle(claim, statement: statement, route: route) {
            // Collective proceedings: the title's sums stopped the day before the opening judgment
            // (C. com. L622-28), with the uncovered invoices' own statement, make the declared claim.
            route.uncoveredInvoices = declared.rest?.invoices.map(\.number) ?? []
            let rest = declared.rest?.totals.total ?? 0
            route.amount = rest + declared.title.total
            route.explanation.append(
                book.messages.text(
                    EnforcementRouteReason.titleDeclaredTotal(
                        date: frenchDay(declared.title.asOf), title: Money.french(declared.title.total),
                        rest: Money.french(rest), total: Money.french(route.amount))))
        }
        if route.titleRouted, let rest = claim.withoutTitle {
            let restStatement = try self.statement(for: rest, asOf: asOf, dayBasis: statement.dayBasis)
            if restStatement.totals.total > 0 {
                route = book.router.adding(
                    uncovered: try book.router.route(case: rest, statement: restStatement),
                    invoices: rest.invoices.map(\.number), to: route)
            }
        }
        return route
    }

    /// The case, statement and route of the dossier built with `--procedure`: for a title, a procedure
    /// of the uncovered invoices' route builds their dossier, without the sums of the title (CPC 1409).
    /// Nil when the route does not allow the procedure.
    public func choosing(
        _ procedure: Procedure, claim: Case, statement: Statement, route: Route, asOf: Day
    ) throws -> (claim: Case, statement: Statement, route: Route)? {
        if route.titleRouted, procedure != route.procedure, let rest = claim.withoutTitle,
            let uncovered = route.uncovered.first
        {
            guard let chosen = try book.router.choosing(procedure, in: uncovered) else { return nil }
            return (rest, try self.statement(for: rest, asOf: asOf, dayBasis: statement.dayBasis), chosen)
        }
        guard let chosen = try book.router.choosing(procedure, in: route) else { return nil }
        return (claim, statement, chosen)
    }

    /// Collective proceedings with a title given before the opening judgment: the title's décompte as of
    /// the day before the opening (L622-28 stops interest; L622-25: the claim as of the opening judgment)
    /// and the statement of the invoices it does not cover (nil when it covers them all).
    public func declaredTitle(
        _ claim: Case, statement: Statement, route: Route
    ) throws -> (title: TitleStatement, rest: Statement?)? {
        guard route.titlePath == .collectiveProceedings,
            case .opened(let opened)? = claim.contract.collectiveProceedings,
            let judgment = claim.judgment, judgment.date < opened,
            let title = try book.statementEngine.title(
                for: claim, asOf: opened.adding(days: -1), dayBasis: statement.dayBasis)
        else { return nil }
        let rest = try claim.withoutTitle.map {
            try self.statement(for: $0, asOf: statement.asOf, dayBasis: statement.dayBasis)
        }
        return (title, rest)
    }

    /// The statement a dossier records, with the title's décompte of a declaration (`declaredTitle`):
    /// the uncovered invoices' statement (their relevé), the title under `title`.
    public func recordedStatement(_ statement: Statement, claim: Case, route: Route) throws -> Statement {
        guard let declared = try declaredTitle(claim, statement: statement, route: route) else {
            return Self.recorded(statement, for: route)
        }
        var recorded = declared.rest ?? statement
        if declared.rest == nil {
            recorded.invoices = []
            recorded.payments = []
            recorded.totals = Totals(principal: 0, penalties: 0, flatFees: 0, extraRecoveryCosts: 0, total: 0)
        }
        recorded.title = declared.title
        recorded.warnings = Warnings.firstOccurrences(recorded.warnings + declared.title.warnings)
        var ids = Set(recorded.rateTables.map(\.id))
        recorded.rateTables += declared.title.rateTables.filter { ids.insert($0.id).inserted }
        return recorded
    }

    /// The statement a dossier records: for a title (its enforcement, in France or abroad, or its payment
    /// by a public person), the title's décompte alone (its
    /// totals, rate tables and warnings; the invoices it decided on are no longer claimed as such).
    public static func recorded(_ statement: Statement, for route: Route) -> Statement {
        guard route.titleRouted, let title = statement.title else { return statement }
        var recorded = statement
        recorded.invoices = []
        recorded.payments = []
        recorded.totals = Totals(
            principal: title.principalDue, penalties: title.interestDue, flatFees: 0,
            extraRecoveryCosts: title.costsDue, total: title.total)
        recorded.warnings = title.warnings
        recorded.rateTables = title.rateTables
        return recorded
    }

    /// What `recouvre statement` prints: the relevé de compte, or — for a case whose dossier is a title
    /// (docs/situations.md) — the décompte du titre, the same computation and the same document as the
    /// bundle's `01-decompte-du-titre.txt`; in JSON the statement the dossier records (the title's
    /// totals, no invoice lines) with the décompte under `title`.
    public func statementOutput(for claim: Case, asOf: Day, dayBasis: DayBasis = .d365, json: Bool) throws -> String {
        let statement = try self.statement(for: claim, asOf: asOf, dayBasis: dayBasis)
        if let title = statement.title {
            let route = try route(for: claim, statement: statement, asOf: asOf)
            if route.titleRouted {
                let recorded = try recordedStatement(statement, claim: claim, route: route)
                return json
                    ? StatementFormatter.json(recorded, title: title)
                    : try book.renderer.decompteDuTitre(DossierInput(case: claim, statement: recorded, route: route))
            }
        }
        return json ? StatementFormatter.json(statement) : StatementFormatter.text(statement, messages: book.messages)
    }
}

extension DossierPipeline {
    /// "28 septembre 2026", with the book's month names (`forms/messages/calendar.yaml`).
    func frenchDay(_ day: Day) -> String { book.messages.dates.long(day) }
}
