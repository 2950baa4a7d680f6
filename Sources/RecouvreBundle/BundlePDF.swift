import Foundation
import RecouvreDocuments
import RecouvreModel

/// What a build hands to a PDF renderer (`recouvre build --pdf`): the documents' content and the
/// files the PDFs carry. The renderer itself lives in RecouvrePDF, which depends on this module.
public struct BundlePDFInput: Sendable {
    public var documents: [RenderedDocument]
    /// The bundle's dossier.xml, attached to the requête (or the document that seizes the court).
    public var dossierXML: Data
    /// The statement as `recouvre.statement/1` JSON, attached to the relevé.
    public var statementJSON: Data
    /// The documents' date: the PDFs' creation date.
    public var date: Day
    public var caseReference: String
    /// The creditor: the PDFs' author.
    public var author: String

    public init(
        documents: [RenderedDocument], dossierXML: Data, statementJSON: Data, date: Day, caseReference: String,
        author: String
    ) {
        self.documents = documents
        self.dossierXML = dossierXML
        self.statementJSON = statementJSON
        self.date = date
        self.caseReference = caseReference
        self.author = author
    }
}

/// `--pdf` (the PDFs beside the text documents) or `--pdf-only` (the PDFs instead of them).
public struct BundlePDF: Sendable {
    public var only: Bool
    /// The PDF of each document: `NN-name.pdf` → bytes, in the documents' order.
    public var render: @Sendable (BundlePDFInput, _ only: Bool) throws -> [BundleFile]

    public init(only: Bool, render: @escaping @Sendable (BundlePDFInput, _ only: Bool) throws -> [BundleFile]) {
        self.only = only
        self.render = render
    }

    /// The bundle's files with each document's PDF right after its text; with `only`, without the
    /// text documents (dossier.xml, the exhibits and the manifest stay).
    public func apply(to files: [BundleFile], input: BundlePDFInput) throws -> [BundleFile] {
        let pdfs = try render(input, only)
        var byText: [String: BundleFile] = [:]
        for (document, pdf) in zip(input.documents, pdfs) { byText[document.fileName] = pdf }
        var out: [BundleFile] = []
        out.reserveCapacity(files.count + pdfs.count)
        for file in files {
            guard let pdf = byText[file.path] else {
                out.append(file)
                continue
            }
            if !only { out.append(file) }
            out.append(pdf)
        }
        return out
    }
}
