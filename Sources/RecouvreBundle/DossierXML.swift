import Foundation
import RecouvreLaw
import RecouvreModel
import RecouvreRoute
import RecouvreXML

/// A document of the bundle as `dossier.xml` records it.
public struct DocumentDigest: Sendable, Hashable {
    /// `01-mise-en-demeure.txt`.
    public var fileName: String
    public var title: String
    /// Lower-case hexadecimal SHA-256 of the file's bytes.
    public var sha256: String
    public var bytes: Int

    public init(fileName: String, title: String, sha256: String, bytes: Int) {
        self.fileName = fileName
        self.title = title
        self.sha256 = sha256
        self.bytes = bytes
    }
}

/// An exhibit (pièce) of the bordereau as `dossier.xml` records it; `path`, `sha256` and `bytes` are
/// given together when the exhibit is a file copied into the bundle, and all `nil` otherwise.
public struct ExhibitDigest: Sendable, Hashable {
    /// Its number on the bordereau (1, 2, …).
    public var number: Int
    public var title: String
    /// Relative to the bundle: `pieces/01-facture-FA2025-118.pdf`.
    public var path: String?
    public var sha256: String?
    public var bytes: Int?

    public init(number: Int, title: String, path: String? = nil, sha256: String? = nil, bytes: Int? = nil) {
        self.number = number
        self.title = title
        self.path = path
        self.sha256 = sha256
        self.bytes = bytes
    }
}

/// Everything `dossier.xml` records.
public struct DossierXMLInput: Sendable {
    public var `case`: Case
    public var statement: Statement
    public var route: Route
    public var documents: [DocumentDigest]
    public var exhibits: [ExhibitDigest]
    /// `recouvre 0.1.0`.
    public var tool: String
    /// Where the court directory comes from (its file, source and date), when a court was looked up.
    public var courtDataSource: String?

    public init(
        case theCase: Case, statement: Statement, route: Route, documents: [DocumentDigest],
        exhibits: [ExhibitDigest], tool: String, courtDataSource: String?
    ) {
        self.case = theCase
        self.statement = statement
        self.route = route
        self.documents = documents
        self.exhibits = exhibits
        self.tool = tool
        self.courtDataSource = courtDataSource
    }
}

/// `dossier.xml`: the machine-readable record of a dossier (namespace `urn:recouvre:dossier:1`,
/// schema `forms/schemas/dossier.xsd`), for the archive and for any tool a firm or a court uses.
///
/// It is evidence, so it is deterministic: elements in a fixed order (the schema's), lists in the
/// order of the case and the statement, amounts as plain two-decimal numbers, no timestamp (the only
/// date of generation is the statement's as-of date). Every document is validated against the schema
/// before it is returned: recouvre never writes a dossier.xml that does not conform.
public enum DossierXML {
    /// The namespace of the dossier vocabulary.
    public static let namespace = "urn:recouvre:dossier:1"
    /// The name errors give the document.
    public static let fileName = "dossier.xml"

    /// Writes `dossier.xml` and validates it against the law book's compiled schema. A document that
    /// does not validate is a bug in recouvre: `DossierXMLError.generatedInvalid`.
    public static func render(_ input: DossierXMLInput, schema: XMLSchemaValidator) throws -> Data {
        let document = try document(input)
        do {
            try document.validate(against: schema)
        } catch {
            throw DossierXMLError.generatedInvalid(error)
        }
        return document.data
    }

    /// The XML, not yet validated.
    static func write(_ input: DossierXMLInput) throws -> Data {
        try document(input).data
    }

    /// The XML as bytes, not yet validated (`DossierXMLDocument.validate(against:)` streams them
    /// through the schema validator). No libxml2 tree is built: a large dossier's tree took more
    /// memory than all its documents (issue 12, large cases).
    public static func document(_ input: DossierXMLInput) throws -> DossierXMLDocument {
        let writer = try XMLTreeWriter(buildsTree: false)
        try writer.element("dossier", namespace: namespace, attributes: [("version", "1")]) {
            try writeGeneration(input, to: writer)
            try writeCase(input.case, to: writer)
            try writeParties(input.case, to: writer)
            try writeContract(input.case.contract, to: writer)
            try writeInvoices(input.case.invoices, to: writer)
            try writeEvents(input.case.events, to: writer)
            try writeSettlements(input.statement.payments, to: writer)
            try writeStatement(input.statement, to: writer)
            try writeRoute(input.route, to: writer)
            try writeDocuments(input.documents, to: writer)
            try writeExhibits(input.exhibits, to: writer)
            try writeSources(input, to: writer)
        }
        return DossierXMLDocument(data: try writer.finish())
    }
}

/// dossier.xml written: its bytes, for the schema check and the bundle.
public struct DossierXMLDocument {
    /// The bytes of `dossier.xml`.
    public let data: Data

    /// Validates the bytes against the schema as libxml2 streams them (no tree is built); every error,
    /// located, when they do not conform.
    public func validate(against schema: XMLSchemaValidator) throws(XMLValidationError) {
        try schema.validateStream(data, name: DossierXML.fileName)
    }
}

/// Why `dossier.xml` could not be produced or checked.
public enum DossierXMLError: Error, CustomStringConvertible, Sendable {
    /// The XML recouvre generated does not conform to its own schema: a bug, reported as such.
    case generatedInvalid(XMLValidationError)
    /// The schema in `forms/` cannot be compiled.
    case schemaUnusable(path: String, XMLValidationError)

    public var description: String {
        switch self {
        case .generatedInvalid(let error):
            return "le dossier.xml produit par recouvre n'est pas conforme à forms/schemas/dossier.xsd ; "
                + "c'est un défaut de recouvre, rien n'a été écrit. libxml2 indique :\n\(error.description)"
        case .schemaUnusable(let path, let error):
            return "\(path) : le schéma du dossier ne peut pas être compilé :\n\(error.description)"
        }
    }
}
