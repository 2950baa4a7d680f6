import Foundation
import RecouvreForms
import RecouvreModel
import RecouvreTestSupport
import Testing

@testable import RecouvreImport

/// The e-invoice schemas are part of the law book: read by its loader alone (through the counted
/// reader), each file once, on the first `--validate`; compiled from memory by RecouvreXML.
@Suite("E-invoice schemas: read by the law-book loader, compiled from memory")
struct EInvoiceSchemaLoadingTests {
    static let samples = [
        "akretion-factur-x/factur-x-en16931.xml", "akretion-factur-x/ubl-21-en16931.xml",
        "en16931-examples/ubl-tc434-creditnote1.xml", "akretion-factur-x/factur-x-minimum.xml",
        "mustangproject-facturx-pdf/Facture_F20180027.pdf", "cdar/UC1_F202500003_07-CDV-212_Encaissee.xml",
    ]

    @Test("an import run with --validate reads each schema file once, through the loader, and nothing twice")
    func readOnceThroughTheLoader() throws {
        let log = FormsReadLog()
        let book = try LawBook.load(forms: Forms(shipped: TestPaths.forms, log: log))
        // A build needs no e-invoice schema: the book's load does not read them.
        #expect(!log.reads.keys.contains { $0.hasPrefix("schemas/einvoice/") })
        let schemas = EInvoiceSchemas(library: book.einvoiceSchemas)
        for _ in 0..<2 {
            for sample in Self.samples {
                let input = try ImportFixtures.input("einvoice/" + sample)
                try schemas.validate(input)
                if !sample.hasPrefix("cdar/") { _ = try EInvoiceImporter.importFiles([input], messages: book.messages) }
            }
        }
        let schemaReads = log.reads.filter { $0.key.hasPrefix("schemas/einvoice/") }
        // Every .xsd of the folder, once (UBL maindoc + common, 5 Factur-X profiles, CDAR).
        let listed = Forms(shipped: TestPaths.forms).files(under: "schemas/einvoice").filter { $0.hasSuffix(".xsd") }
        #expect(listed.count > 30)
        #expect(Set(schemaReads.keys) == Set(listed.map { "schemas/einvoice/" + $0 }))
        #expect(log.reads.filter { $0.value != 1 }.isEmpty, "read twice: \(log.reads.filter { $0.value != 1 })")
    }

    @Test("a firm's override replaces one schema file and only that one")
    func overrideIsLayeredFileByFile() throws {
        let folder = try TestPaths.temporaryFolder("einvoice-schemas")
        defer { try? FileManager.default.removeItem(at: folder) }
        let minimum = "schemas/einvoice/facturx-1.09/minimum/Factur-X_MINIMUM.xsd"
        let target = folder.appendingPathComponent(minimum)
        try FileManager.default.createDirectory(
            at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("pas un schéma".utf8).write(to: target)
        let log = FormsReadLog()
        let schemas = EInvoiceSchemas(
            library: LawBook.einvoiceSchemas(Forms(shipped: TestPaths.forms, override: folder, log: log)))
        // UBL still validates with the shipped files.
        try schemas.validate(try ImportFixtures.input("einvoice/akretion-factur-x/ubl-21-en16931.xml"))
        // The MINIMUM profile takes the override's (broken) copy: a French error naming the schema.
        let error = #expect(throws: ImportError.self) {
            try schemas.validate(try ImportFixtures.input("einvoice/akretion-factur-x/factur-x-minimum.xml"))
        }
        #expect(
            error?.description.contains("le schéma facturx-1.09/minimum/Factur-X_MINIMUM.xsd ne peut pas être compilé")
                == true, "\(String(describing: error))")
        #expect(log.reads[minimum] == 1)
    }
}
