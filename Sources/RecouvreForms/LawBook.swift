import Foundation
import RecouvreAmicable
import RecouvreDocuments
import RecouvreLaw
import RecouvreModel
import RecouvreRoute
import RecouvreXML
import Yams

/// Everything recouvre knows of the law and of its documents, read from `forms/` (and a firm's
/// override folder, file by file) once, parsed and checked, then shared: one immutable `Sendable`
/// value that every stage receives (design.md). No stage opens a `forms/` file; the command line,
/// `batch` and any other face load one book and pass it along.
public struct LawBook: Sendable {
    /// The rate tables, the statutory parameters and the prescription periods (`forms/rates/`).
    public let rates: RateTables
    /// Thresholds, forms and court-kind rules (`forms/procedures.yaml`).
    public let procedures: ProcedureRules
    /// The court directory (`forms/courts/`).
    public let courts: CourtDirectory
    /// The document templates, compiled (`forms/templates/*.mustache`).
    public let templates: TemplateSet
    /// Wording choices that are not law (`forms/templates/settings.yaml`).
    public let documentSettings: DocumentSettings
    /// The CERFA box maps by form number (`forms/cerfa/`).
    public let cerfa: [String: CerfaMap]
    /// The dossier schema, compiled once (`forms/schemas/dossier.xsd`).
    public let dossierSchema: XMLSchemaValidator
    /// Every sentence the stages print (`forms/messages/*.yaml`), by `section.key`.
    public let messages: MessageCatalogue
    /// Where each file came from: relative path → absolute path (the shipped folder or the override).
    public let origins: [String: String]
    /// The reminder ladder, the payer profiles and the reminder templates (`forms/ladders/`, amicable).
    public let amicable: AmicableForms
    /// The PDF layout (`forms/pdf/`: Typst sources, a firm's logo, `fonts/`), by name under `pdf/`
    /// (`document.typ`, `fonts/X.otf`): bytes RecouvrePDF hands to its worker (`PDFLayout(book:)`).
    public let pdfLayout: [String: Data]
    /// The e-invoice schemas (`forms/schemas/einvoice/`), read and compiled on first use, once per book
    /// (`LawBook.einvoiceSchemas(_:)`).
    public let einvoiceSchemas: XMLSchemaLibrary

    /// The statement engine of this book.
    public var statementEngine: StatementEngine { StatementEngine(tables: rates, messages: messages) }

    /// The router of this book (its prescription periods are the statement's).
    public var router: Router {
        Router(directory: courts, rules: procedures, prescription: rates.prescription, messages: messages)
    }

    /// The document renderer of this book.
    public var renderer: DossierRenderer {
        DossierRenderer(
            templates: templates, settings: documentSettings, cerfa: cerfa, messages: messages,
            statutory: rates.statutory)
    }

    /// The files every book is made of, relative to `forms/` (templates and CERFA maps are listed
    /// from their folders).
    public static let fixedFiles: [String] =
        [
            RateTables.ecbFile, RateTables.particulierFile, RateTables.autresCasFile, RateTables.statutoryFile,
            RateTables.prescriptionFile, ProcedureRules.file, DocumentSettings.path, schemaPath,
        ] + CourtDirectory.files.map { "courts/\($0)" } + AmicableForms.files

    /// The dossier schema inside `forms/`.
    public static let schemaPath = "schemas/dossier.xsd"

    /// Reads and checks every file of `forms` once. A file that is missing or malformed is an error
    /// naming it: `RateTableError` (exit 3) for the rate tables, a `LawBookError` (exit 1) otherwise.
    public static func load(forms: Forms) throws -> LawBook {
        var origins: [String: String] = [:]
        func text(_ path: String) throws -> String {
            origins[path] = try forms.url(path).path
            return try forms.text(path)
        }
        func data(_ path: String) throws -> Data {
            origins[path] = try forms.url(path).path
            return try forms.data(path)
        }
        func rateText(_ path: String) throws(RateTableError) -> String {
            do { return try text(path) } catch { throw .malformed(file: path, problem: "\(error)") }
        }

        let rates = RateTables(
            ecb: try RateTableParser.series(rateText(RateTables.ecbFile), file: RateTables.ecbFile, periods: false),
            legalParticulier: try RateTableParser.series(
                rateText(RateTables.particulierFile), file: RateTables.particulierFile, periods: true),
            legalAutresCas: try RateTableParser.series(
                rateText(RateTables.autresCasFile), file: RateTables.autresCasFile, periods: true),
            statutory: try RateTableParser.statutory(
                rateText(RateTables.statutoryFile), file: RateTables.statutoryFile),
            prescription: try RateTableParser.prescription(
                rateText(RateTables.prescriptionFile), file: RateTables.prescriptionFile))

        let procedures: ProcedureRules
        do {
            let procedureText = try text(ProcedureRules.file)
            let root = try YAMLFields.root(procedureText, file: ProcedureRules.file)
            procedures = try ProcedureRules(raw: YAMLDecoder().decode(RawRules.self, from: root))
        } catch let error as ProcedureRulesError {
            throw error
        } catch {
            throw ProcedureRulesError(problem: "\(error)")
        }

        var courtFiles: [String: Data] = [:]
        for name in CourtDirectory.files { courtFiles[name] = try data("courts/\(name)") }
        let courts = try CourtDirectory.parse(files: courtFiles)

        var templateSources: [String: String] = [:]
        for name in forms.files(in: "templates") where name.hasSuffix(".mustache") {
            let template = String(name.dropLast(".mustache".count))
            templateSources[template] = try text(TemplateSet.path(template))
        }
        for kind in DocumentKind.allCases where templateSources[kind.template] == nil {
            throw DocumentError(file: TemplateSet.path(kind.template), message: "introuvable")
        }
        let templates = try TemplateSet(sources: templateSources, origins: origins)

        let settings: DocumentSettings
        do {
            let settingsText = try text(DocumentSettings.path)
            let root = try YAMLFields.root(settingsText, file: DocumentSettings.path)
            settings = try YAMLDecoder().decode(DocumentSettings.self, from: root)
        } catch let error as DocumentError {
            throw error
        } catch {
            throw DocumentError(file: DocumentSettings.path, message: "illisible (\(error))")
        }
        if let problem = settings.problems().first {
            throw DocumentError(file: DocumentSettings.path, message: problem)
        }

        var cerfa: [String: CerfaMap] = [:]
        for name in forms.files(in: "cerfa") where name.hasSuffix(".yaml") {
            let path = "cerfa/\(name)"
            let map: CerfaMap
            do {
                let mapText = try text(path)
                let root = try YAMLFields.root(mapText, file: path)
                map = try YAMLDecoder().decode(CerfaMap.self, from: root)
            } catch {
                throw DocumentError(
                    file: path,
                    message:
                        "illisible comme carte de CERFA (\(error)) ; chaque case demande id, label et fields parmi : "
                        + CerfaField.allCases.map(\.rawValue).joined(separator: ", "))
            }
            guard CerfaMap.path(for: map.number) == path else {
                throw DocumentError(
                    file: path, message: "décrit le CERFA \(map.number), attendu dans \(CerfaMap.path(for: map.number))"
                )
            }
            cerfa[map.number] = map
        }
        // The injonction de payer requêtes are written box by box: each of their forms needs its map.
        for route in ["commercial", "civil", "protection"] {
            guard let number = procedures.forms[route]?.form.cerfa, cerfa[number] == nil else { continue }
            throw DocumentError(file: CerfaMap.path(for: number), message: "introuvable (carte du CERFA \(number))")
        }

        let messages = try messageCatalogue(forms, read: text)

        let schemaData = try data(schemaPath)
        let schema: XMLSchemaValidator
        do {
            schema = try XMLSchemaValidator(schemaData: schemaData, name: "dossier.xsd")
        } catch {
            throw LawBookError(
                file: schemaPath, problem: "le schéma du dossier ne peut être compilé :\n\(error.description)")
        }

        let amicable = try AmicableForms.parse(
            ladder: text(Ladder.file), profiles: text(PayerProfiles.file), templates: templateSources,
            messages: messages)

        let pdfLayout = try pdfFiles(forms, read: data)

        return LawBook(
            rates: rates, procedures: procedures, courts: courts, templates: templates, documentSettings: settings,
            cerfa: cerfa, dossierSchema: schema, messages: messages, origins: origins, amicable: amicable,
            pdfLayout: pdfLayout, einvoiceSchemas: einvoiceSchemas(forms))
    }

    /// The message catalogue of `forms/messages/*.yaml` (shipped and overridden, file by file), each
    /// file read once with `read` (the loader's reader): `section.key` → text.
    public static func messageCatalogue(
        _ forms: Forms, read: (String) throws -> String
    ) throws -> MessageCatalogue {
        var entries: [String: String] = [:]
        for name in forms.files(in: "messages") where name.hasSuffix(".yaml") {
            let path = "messages/\(name)"
            let section = String(name.dropLast(".yaml".count))
            let root: Node
            do { root = try YAMLFields.root(try read(path), file: path) } catch let error as RateTableError {
                throw LawBookError(file: path, problem: error.description)
            }
            for (key, value) in root.mapping ?? [:] {
                guard let name = key.scalar?.string, let template = value.scalar?.string,
                    value.tag.description.hasSuffix(":str")
                else {
                    throw LawBookError(
                        file: path, problem: "\(key.scalar?.string ?? "?") : un texte entre guillemets est attendu")
                }
                entries["\(section).\(name)"] = template
            }
        }
        return MessageCatalogue(entries: entries)
    }

    /// Only the message catalogue of `forms` (the importers, which word the exhibits they add and need
    /// nothing else of the book).
    public static func messageCatalogue(_ forms: Forms) throws -> MessageCatalogue {
        try messageCatalogue(forms) { try forms.text($0) }
    }

    /// The folder of the PDF layout inside `forms/`.
    public static let pdfFolder = "pdf"

    /// The files of `forms/pdf/` and `forms/pdf/fonts/` (shipped and overridden), by name under `pdf/`,
    /// each read once with `read` (the loader's reader). Subfolders other than `fonts/` are ignored.
    public static func pdfFiles(
        _ forms: Forms, read: (String) throws -> Data
    ) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for folder in [pdfFolder, pdfFolder + "/fonts"] {
            for name in forms.files(in: folder) {
                let path = folder + "/" + name
                var isDirectory: ObjCBool = false
                guard let url = try? forms.url(path),
                    FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue
                else { continue }
                do { files[String(path.dropFirst(pdfFolder.count + 1))] = try read(path) } catch {
                    throw LawBookError(file: path, problem: "\(error)")
                }
            }
        }
        return files
    }

    /// Only the PDF layout of `forms` (a PDF tool that needs nothing else of the book).
    public static func pdfFiles(_ forms: Forms) throws -> [String: Data] {
        try pdfFiles(forms) { try forms.data($0) }
    }
}

/// A `forms/` file the law book cannot use (exit status 1), naming it.
public struct LawBookError: RecouvreError, Sendable {
    public var file: String
    public var problem: String

    public init(file: String, problem: String) {
        self.file = file
        self.problem = problem
    }

    public var exitCode: Int32 { 1 }
    public var description: String { "forms/\(file) : \(problem)" }
}
