import Foundation
import RecouvreBundle
import RecouvreDocuments
import RecouvreForms

extension PDFRenderer {
    /// `01-mise-en-demeure.txt` → `01-mise-en-demeure.pdf`.
    public static func pdfName(_ textName: String) -> String {
        (textName.hasSuffix(".txt") ? String(textName.dropLast(4)) : textName) + ".pdf"
    }

    /// The documents that seize their addressee of the claim carry dossier.xml (a machine reads the
    /// dossier from the PDF itself): the requête, the PSPC request, the European form, the mémoire
    /// en réclamation, the déclaration de créance.
    public static func carriesDossier(_ kind: DocumentKind) -> Bool {
        switch kind {
        case .requeteInjonctionDePayer, .requetePetitesCreances, .formulaireEuropeen, .memoireEnReclamation,
            .declarationDeCreance, .requeteReleveDeForclusion, .requeteRefereProvision, .demandeDExecution:
            return true
        case .miseEnDemeure, .releveDeCompte, .bordereauDePieces, .lettreAuCommissaireDeJustice, .decompteDuTitre:
            return false
        }
    }

    /// The PDF of each document of a dossier, in order. With `only` (no text files in the bundle),
    /// the documents' own file names in the content (the bordereau's `fichier :` lines) name the PDFs.
    public func render(documents input: BundlePDFInput, only: Bool) throws -> [BundleFile] {
        var renames: [String: String] = [:]
        if only { for document in input.documents { renames[document.fileName] = Self.pdfName(document.fileName) } }
        var files: [BundleFile] = []
        files.reserveCapacity(input.documents.count)
        for document in input.documents {
            var attachments: [PDFAttachment] = []
            if Self.carriesDossier(document.kind) {
                attachments.append(
                    PDFAttachment(
                        name: "dossier.xml", text: String(decoding: input.dossierXML, as: UTF8.self),
                        mimeType: "application/xml", relationship: .data,
                        description: "Le dossier de recouvrement (recouvre, forms/schemas/dossier.xsd)"))
            }
            if document.kind == .releveDeCompte {
                attachments.append(
                    PDFAttachment(
                        name: "releve-de-compte.json", text: String(decoding: input.statementJSON, as: UTF8.self),
                        mimeType: "application/json", relationship: .source,
                        description: "Le relevé de compte calculé (recouvre.statement/1)"))
            }
            let content = renames.isEmpty ? document.content : document.content.renamingFiles(renames)
            let pdf = try render(
                content,
                info: PDFDocumentInfo(
                    kind: document.kind.rawValue, title: document.title, reference: input.caseReference,
                    author: input.author, date: input.date),
                attachments: attachments)
            files.append(BundleFile(path: Self.pdfName(document.fileName), data: pdf))
        }
        return files
    }

    /// The `--pdf` / `--pdf-only` option of a build: one renderer started now (its worker keeps the
    /// compiler loaded for every dossier the option is used for).
    public static func bundlePDF(forms: Forms, only: Bool) throws -> BundlePDF {
        let renderer = try PDFRenderer(layout: try PDFLayout.load(forms: forms))
        return BundlePDF(only: only) { input, only in try renderer.render(documents: input, only: only) }
    }
}

extension DocumentContent {
    /// The content with each occurrence of a file name replaced (whole words only in practice: the
    /// names are the dossier's own `NN-name.txt`).
    func renamingFiles(_ renames: [String: String]) -> DocumentContent {
        func fix(_ text: String) -> String {
            guard text.contains(".txt") else { return text }
            var text = text
            for (old, new) in renames where text.contains(old) { text = text.replacingOccurrences(of: old, with: new) }
            return text
        }
        return DocumentContent(
            blocks: blocks.map { block in
                switch block {
                case .title(let lines): return .title(lines: lines.map(fix))
                case .heading(let text): return .heading(fix(text))
                case .paragraph(let lines):
                    return .paragraph(lines.map { DocumentLine(indent: $0.indent, text: fix($0.text)) })
                case .list(var list):
                    list.items = list.items.map { .init(marker: $0.marker, text: fix($0.text)) }
                    return .list(list)
                case .sender(let lines): return .sender(lines: lines.map(fix))
                case .addressee(let lines): return .addressee(lines: lines.map(fix))
                case .placeAndDate(let text): return .placeAndDate(fix(text))
                case .table(var table):
                    table.rows = table.rows.map { .init(cells: $0.cells.map(fix), isTotal: $0.isTotal) }
                    return .table(table)
                case .signature(let lines): return .signature(lines: lines.map(fix))
                case .space, .pageBreak: return block
                }
            })
    }
}
