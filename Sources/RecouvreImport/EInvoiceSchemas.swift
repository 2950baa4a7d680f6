import Foundation
import RecouvreModel
import RecouvrePDFAttachments
import RecouvreXML

/// `--validate`: an e-invoice or a CDAR message checked against its XSD (UBL 2.1 Invoice or
/// CreditNote, the Factur-X profile its BT-24 names, CDAR D22B), from the schemas shipped under
/// `forms/schemas/einvoice/` (sources and licences in its SOURCES.md). This module opens no forms/
/// file: the law-book loader reads the schemas' bytes (RecouvreForms' `LawBook.einvoiceSchemas`) and
/// RecouvreXML compiles each from memory once, on first use. Structure only: the EN 16931 business
/// rules are Schematron.
public struct EInvoiceSchemas: Sendable {
    let library: XMLSchemaLibrary

    /// `library`: the book's e-invoice schemas (`LawBook.einvoiceSchemas`).
    public init(library: XMLSchemaLibrary) { self.library = library }

    /// The entry XSD for a document, by its root element and profile.
    static func entry(for root: XMLElementNode) -> String? {
        switch root.name {
        case "Invoice": return "ubl-2.1/maindoc/UBL-Invoice-2.1.xsd"
        case "CreditNote": return "ubl-2.1/maindoc/UBL-CreditNote-2.1.xsd"
        case "CrossDomainAcknowledgementAndResponse":
            return "cdar-d22b/CrossDomainAcknowledgementAndResponse_100pD22B.xsd"
        case "CrossIndustryInvoice":
            let profile =
                root.child("ExchangedDocumentContext")?.child("GuidelineSpecifiedDocumentContextParameter")?.child(
                    "ID")?.text
                .lowercased() ?? ""
            let name: String
            if profile.contains("minimum") {
                name = "minimum/Factur-X_MINIMUM.xsd"
            } else if profile.contains("basicwl") {
                name = "basicwl/Factur-X_BASICWL.xsd"
            } else if profile.contains("basic") {
                name = "basic/Factur-X_BASIC.xsd"
            } else if profile.contains("extended") {
                name = "extended/Factur-X_EXTENDED.xsd"
            } else {
                name = "en16931/Factur-X_EN16931.xsd"
            }
            return "facturx-1.09/" + name
        default: return nil
        }
    }

    /// Validates the XML of `input` (for a PDF, its embedded XML); throws the first schema errors, located.
    public func validate(_ input: EInvoiceImporter.Input) throws(ImportError) {
        var data = input.data
        var name = input.name
        if data.prefix(1024).range(of: Data("%PDF-".utf8)) != nil {
            guard let files = try? PDFAttachmentsBridge.files(data, name: name),
                let xml = EInvoiceImporter.attachmentNames.lazy.compactMap({ wanted in
                    files.first { $0.name.lowercased() == wanted.lowercased() }
                }).first
            else { return }
            data = xml.data
            name = "\(input.name)#\(xml.name)"
        }
        let root: XMLElementNode
        do { root = try SafeXMLParser.parse(data, name: name) } catch {
            throw EInvoiceImporter.xmlRefusal(error, file: name)
        }
        guard let entry = Self.entry(for: root) else {
            throw ImportError(
                "aucun schéma pour l'élément racine \(root.name)", at: SourceLocation(file: name, line: root.line))
        }
        let schema = try self.schema(entry)
        do {
            try schema.validate(data, name: name)
        } catch {
            let shown = error.errors.prefix(10).map {
                ImportProblem(
                    "non conforme au schéma \(URL(fileURLWithPath: entry).lastPathComponent) : \($0.message)",
                    at: SourceLocation(file: name, line: $0.line, column: $0.column))
            }
            throw ImportError(
                shown
                    + (error.errors.count > 10 ? [ImportProblem("… et \(error.errors.count - 10) autres erreurs")] : [])
            )
        }
    }

    func schema(_ entry: String) throws(ImportError) -> XMLSchemaSet {
        do { return try library.schema(entry) } catch let error as XMLValidationError {
            throw ImportError(
                "le schéma \(entry) ne peut pas être compilé : \(error.description)",
                at: SourceLocation(file: "forms/schemas/einvoice/\(entry)"))
        } catch {
            // The loader could not read the schemas (its error names the forms/ file).
            throw ImportError("\(error)")
        }
    }
}

enum PDFAttachmentsBridge {
    static func files(_ data: Data, name: String) throws -> [EmbeddedFile] {
        try PDFAttachments.embeddedFiles(in: data, name: name)
    }
}
