import Foundation
import RecouvreBundleIO
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
        let document = try document(input, validatingAgainst: schema)
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
    /// With `schema`, the document is validated while it is written (its events go to libxml2's
    /// validator: nothing is parsed back); `DossierXMLDocument.validate(against:)` then gives that
    /// verdict, located by a validation of the bytes only when it is a refusal.
    public static func document(
        _ input: DossierXMLInput, validatingAgainst schema: XMLSchemaValidator? = nil
    ) throws -> DossierXMLDocument {
        try DossierXMLStream(input, validatingAgainst: schema).finish(
            documents: input.documents, exhibits: input.exhibits)
    }
}

/// `dossier.xml` written in two phases (large engineer, issue 12): everything up to the route when it
/// is created, then the documents' and exhibits' digests and the sources in `finish` — so that the
/// long part (invoices, events, settlements, statement) is written, and validated, while the
/// documents it records the digests of are still rendering on another core. The bytes are those of
/// `DossierXML.document` (which is this, in one go).
public final class DossierXMLStream {
    let writer: XMLTreeWriter
    let input: DossierXMLInput
    let schema: XMLSchemaValidator?
    /// The bundle's file the bytes go to as they are written, when they are not kept.
    let output: StagedFile?
    let folder: StagedFolder?

    /// Writes the head of `input`'s dossier.xml (its `documents` and `exhibits` are not read).
    /// With `folder` (large engineer, issue 12), the bytes are not kept: they go to its `dossier.xml` as
    /// they are written, hashed on the way, and `finish` closes that file.
    public init(
        _ input: DossierXMLInput, validatingAgainst schema: XMLSchemaValidator? = nil, into folder: StagedFolder? = nil
    ) throws {
        self.input = input
        self.schema = schema
        self.folder = folder
        let output = try folder?.create(DossierXML.fileName)
        self.output = output
        writer = try XMLTreeWriter(
            buildsTree: false, validating: schema, name: DossierXML.fileName,
            output: output.map { file in { try file.write($0) } })
        try writer.startElement("dossier", namespace: DossierXML.namespace, attributes: [("version", "1")])
        // xml (issue 14): every element below the root is written with its literal name.
        let elements = writer.literalNames
        try DossierXML.writeGeneration(input, to: elements)
        try DossierXML.writeCase(input.case, to: elements)
        try DossierXML.writeParties(input.case, to: elements)
        try DossierXML.writeContract(input.case.contract, to: elements)
        try DossierXML.writeInvoices(input.case.invoices, to: elements)
        try DossierXML.writeEvents(input.case.events, to: elements)
        try DossierXML.writeSettlements(input.statement.payments, to: elements)
        try DossierXML.writeStatement(input.statement, to: elements)
        try DossierXML.writeRoute(input.route, to: elements)
    }

    /// The rest of the document, and its bytes with the verdict of the validation while written.
    /// Written into a staged folder: the file is closed, and the document has no bytes (but those of
    /// the file, read back, when it was refused: they locate the errors).
    public func finish(documents: [DocumentDigest], exhibits: [ExhibitDigest]) throws -> DossierXMLDocument {
        let elements = writer.literalNames
        try DossierXML.writeDocuments(documents, to: elements)
        try DossierXML.writeExhibits(exhibits, to: elements)
        try DossierXML.writeSources(input, to: elements)
        try writer.endElement()
        var data = try writer.finish()
        let validated = schema.map { ($0, writer.validationFailure) }
        guard let output, let folder else { return DossierXMLDocument(data: data, validated: validated) }
        let file = try output.close()
        if writer.validationFailure != nil { data = folder.contents(of: DossierXML.fileName) ?? Data() }
        return DossierXMLDocument(data: data, validated: validated, written: file)
    }
}

/// dossier.xml written: its bytes, for the schema check and the bundle.
public struct DossierXMLDocument {
    /// The bytes of `dossier.xml` (none when it was written into a staged folder and conforms).
    public let data: Data
    /// The schema the document was validated against while written, and its verdict (nil: valid).
    let validated: (schema: XMLSchemaValidator, failure: XMLValidationError?)?
    /// The file of a staged folder the document was written to, as the manifest records it.
    public let written: BundleManifestFile?

    init(
        data: Data, validated: (schema: XMLSchemaValidator, failure: XMLValidationError?)? = nil,
        written: BundleManifestFile? = nil
    ) {
        self.data = data
        self.validated = validated
        self.written = written
    }

    /// Validates the document against the schema: the verdict of the validation run while it was
    /// written against the same schema, else the bytes as libxml2 streams them (no tree is built);
    /// every error, located, when they do not conform.
    public func validate(against schema: XMLSchemaValidator) throws(XMLValidationError) {
        if let validated, validated.schema === schema {
            guard let failure = validated.failure else { return }
            // Refused while written: the bytes' validation locates the errors (the same verdict).
            try schema.validate(data, name: DossierXML.fileName)
            throw failure
        }
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
