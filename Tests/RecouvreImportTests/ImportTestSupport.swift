import Foundation
import RecouvreForms
import RecouvreImport
import RecouvreModel
import RecouvreTestSupport

/// The shipped catalogue, which words the exhibits an importer adds (`ImportReason`).
let importMessages: MessageCatalogue = try! LawBook.messageCatalogue(Forms(shipped: TestPaths.forms))

/// Paths and readers shared by the import tests.
enum ImportFixtures {
    static var root: URL { TestPaths.fixtures.appendingPathComponent("import") }
    static var invalid: URL { TestPaths.fixtures.appendingPathComponent("invalid/import") }

    static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    static func data(_ relative: String) throws -> Data { try Data(contentsOf: url(relative)) }

    static func creditor() throws -> CreditorDefaults {
        try CreditorDefaults.parse(try data("creancier.yaml"), name: "creancier.yaml")
    }

    static func input(_ relative: String) throws -> EInvoiceImporter.Input {
        EInvoiceImporter.Input(name: relative, data: try data(relative))
    }

    static func day(_ text: String) -> Day { Day(iso: text)! }
}

extension ImportResult {
    func caseFor(debtorKey: String) -> ImportedCase? { cases.first { $0.debtorKey == debtorKey } }
    var allNotes: [ImportNote] { notes + cases.flatMap(\.notes) }
}
