import Foundation
import RecouvreCaseFile
import RecouvreDocuments
import RecouvreForms
import RecouvreLaw
import RecouvreRoute
import RecouvreTestSupport

/// The dossier inputs of the shipped fixtures, computed by the real engines.
enum FixtureInputs {
    static let names = TestPaths.validFixtureNames

    static func input(_ name: String) throws -> DossierInput {
        let book = Samples.book
        let loaded = try CaseFileReader.load(path: TestPaths.fixture(name).appendingPathComponent("case.yaml").path)
        let theCase = loaded.value
        let statement = try book.statementEngine.statement(for: theCase, asOf: theCase.asOf!)
        let route = try book.router.route(case: theCase, statement: statement)
        return DossierInput(case: theCase, statement: statement, route: route)
    }

    /// The fixture at both stages.
    static func stages(_ name: String) throws -> [DossierInput] {
        let base = try input(name)
        return DossierStage.allCases.map { stage in
            var input = base
            input.options.stage = stage
            return input
        }
    }
}
