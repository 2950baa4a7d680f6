import Foundation
import RecouvreBundle
import RecouvreCaseFile
import RecouvreForms
import RecouvreLaw
import RecouvreModel
import RecouvreRoute
import RecouvreTestSupport
import RecouvreXML
import Testing

/// The schema against what the real engines produce: every valid fixture, read by the case-file
/// reader and computed by the statement engine, gives a dossier.xml that validates.
@Suite("DossierXML on the fixtures")
struct DossierXMLFixtureTests {
    static let fixtures = TestPaths.validFixtureNames

    @Test("the dossier of each fixture validates against the shipped schema", arguments: fixtures)
    func fixture(name: String) throws {
        let loaded = try CaseFileReader.load(path: TestPaths.fixture(name).appendingPathComponent("case.yaml").path)
        let claim = loaded.value
        let asOf = try #require(claim.asOf)
        let statement = try ShippedBook.book.statementEngine.statement(
            for: claim, asOf: asOf)
        // The router is another module's work: a minimal route built from the statement stands in for it.
        let route = Route(
            nature: claim.nature, regime: claim.regime, amount: statement.totals.total, asOf: asOf,
            procedure: .none, court: nil, form: nil, alternatives: [], courDAppel: nil,
            priorSteps: [], warnings: [], explanation: [])
        let exhibits = claim.exhibits.enumerated().map { ExhibitDigest(number: $0.offset + 1, title: $0.element.title) }
        let input = DossierXMLInput(
            case: claim, statement: statement, route: route, documents: [],
            exhibits: exhibits, tool: "recouvre test", courtDataSource: nil)
        let data = try DossierXML.render(input, schema: ShippedBook.book.dossierSchema)
        try ShippedBook.book.dossierSchema.validate(data, name: "dossier.xml")
        let root = try SafeXMLParser.parse(data)
        #expect(root.child("statement")?.child("totals")?.child("total")?.text == Money.plain(statement.totals.total))
        #expect(root.child("invoices")?.children(named: "invoice").count == claim.invoices.count)
    }
}
