import ArgumentParser
import Foundation
import RecouvreCaseFile
import RecouvreForms
import RecouvreImport
import RecouvreModel

/// `recouvre import …`: ledgers and e-invoices to case files, one per debtor.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract:
            "Turns a receivables ledger (CSV, FEC) or e-invoices (UBL, CII, Factur-X) into case files, one per debtor.",
        discussion: """
            Every case is checked by the case file's rules before anything is written; a problem names the
            source file and its line (CSV, FEC) or the XML element and its line. The summary lists the
            debtors, invoices, total outstanding, and every line skipped and why. See docs/import.md.

            Examples:
              recouvre import csv grand-livre.csv --creditor creancier.yaml --out dossiers
              recouvre import fec 123456782FEC20251231.txt --creditor creancier.yaml --out dossiers
              recouvre import einvoice factures/*.xml factures/*.pdf --out dossiers --validate
              recouvre import status statuts/*.xml --into dossiers

            Exit status: 0 done, 1 an input is wrong (nothing written), 2 usage error.
            """,
        subcommands: [
            ImportCSVCommand.self, ImportFECCommand.self, ImportUBLCommand.self, ImportCIICommand.self,
            ImportFacturXCommand.self, ImportEInvoiceCommand.self, ImportStatusCommand.self,
        ]
    )
}

/// Options every import shares.
struct ImportOutputOptions: ParsableArguments {
    @Option(name: .long, help: "The folder to write the case files to (created if needed).")
    var out: String

    @Option(name: .long, help: "Output format of the summary: text or json (recouvre.import/1).")
    var format: OutputFormat = .text

    @Flag(name: .long, help: "Replace case files a previous import wrote in the folder.")
    var force = false
}

/// The creditor a ledger import (CSV, FEC) gives every case.
struct ImportCreditorOption: ParsableArguments {
    @Option(name: .long, help: "The creditor: a YAML file with the creditor: mapping of a case file.")
    var creditor: String
}

/// What every e-invoice import reads: the files, and whether to check them against their XSD first.
struct EInvoiceInputOptions: ParsableArguments {
    @Argument(help: "The invoices: XML (UBL, CII) or PDF (Factur-X), as the subcommand reads.")
    var files: [String]

    @Flag(
        name: .customLong("validate"),
        help: "Check each file (a PDF: its embedded XML) against its XSD first (forms/schemas/einvoice).")
    var validateSchemas = false

    @OptionGroup var forms: FormsOption
}

/// Reads a file given on the command line, refusing folders and files over `limit` bytes.
func readImportFile(_ path: String, limit: Int = 512 * 1024 * 1024) throws(ImportError) -> Data {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
        throw ImportError("fichier introuvable", at: SourceLocation(file: path), remedy: "vérifiez le chemin")
    }
    if isFolder.boolValue { throw ImportError("est un dossier, pas un fichier", at: SourceLocation(file: path)) }
    let size = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    if size > limit {
        throw ImportError(
            "fichier trop grand (\(size / 1_048_576) Mo, limite \(limit / 1_048_576) Mo) : non lu",
            at: SourceLocation(file: path))
    }
    guard let data = FileManager.default.contents(atPath: path) else {
        throw ImportError("illisible (droits ?)", at: SourceLocation(file: path))
    }
    return data
}

func readCreditor(_ path: String) throws(ImportError) -> CreditorDefaults {
    try CreditorDefaults.parse(try readImportFile(path, limit: 1024 * 1024), name: path)
}

/// Writes the cases and prints the summary.
func finishImport(_ result: ImportResult, options: ImportOutputOptions) throws(ImportError) {
    try ImportFolder.write(result, to: URL(fileURLWithPath: options.out), force: options.force)
    printOut(
        options.format == .json
            ? ImportSummary.json(result, folder: options.out) : ImportSummary.text(result, folder: options.out))
}

struct ImportCSVCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "csv",
        abstract: "A receivables ledger as CSV: one line per invoice, credit note or payment.",
        discussion: """
            French exports are read as they come: ; separator (, tab | detected), 1 234,56, 31/12/2025,
            UTF-8 with or without BOM or Windows-1252, CRLF. Columns are found by their usual French headers
            (N° facture, Date, Échéance, Montant TTC, Solde, Code client, Raison sociale, SIREN, Adresse,
            Code postal, Ville…) or named in --map MAP.yaml. Lines are grouped by debtor (SIREN, else customer
            code); fully paid invoices are skipped; a negative line is a credit note.

            Example:
              recouvre import csv grand-livre.csv --creditor creancier.yaml --map colonnes.yaml --out dossiers
            """
    )

    @Argument(help: "The ledger (CSV).") var ledger: String
    @OptionGroup var creditor: ImportCreditorOption
    @Option(name: .long, help: "A mapping file: field of the case file → column header (see docs/import.md).") var map:
        String?
    @OptionGroup var output: ImportOutputOptions

    func run() throws {
        try reportingErrors {
            let creditor = try readCreditor(self.creditor.creditor)
            let mapping =
                try map.map { path throws(ImportError) in
                    try LedgerMapping.parse(try readImportFile(path, limit: 1024 * 1024), name: path)
                }
                ?? LedgerMapping()
            let result = try CSVLedgerImporter.importLedger(
                try readImportFile(ledger), name: ledger, creditor: creditor, creditorFile: self.creditor.creditor,
                mapping: mapping)
            try finishImport(result, options: output)
        }
    }
}

struct ImportFECCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fec",
        abstract: "A Fichier des écritures comptables: the open items of the customer accounts (411…).",
        discussion: """
            18 columns separated by a tab or |, amounts with a decimal comma, dates AAAAMMJJ. Lettered lines
            (EcritureLet) are settled and skipped; an entry that does not balance is refused with its line.

            Example:
              recouvre import fec 123456782FEC20251231.txt --creditor creancier.yaml --out dossiers
            """
    )

    @Argument(help: "The FEC (.txt or .csv).") var file: String
    @OptionGroup var creditor: ImportCreditorOption
    @Option(
        name: .long,
        help: "Days from the invoice date to its due date (the FEC has none; default 30, C. com. L441-10 I).")
    var dueDays: Int = 30
    @OptionGroup var output: ImportOutputOptions

    func validate() throws {
        guard (0...365).contains(dueDays) else {
            throw ValidationError("--due-days \(dueDays): expected 0 to 365 days")
        }
    }

    func run() throws {
        try reportingErrors {
            let creditor = try readCreditor(self.creditor.creditor)
            let result = try FECImporter.importFEC(
                try readImportFile(file), name: file, creditor: creditor, creditorFile: self.creditor.creditor,
                dueDays: dueDays)
            try finishImport(result, options: output)
        }
    }
}

/// The e-invoice subcommands differ only in the format they accept.
protocol EInvoiceImportCommand: ParsableCommand {
    static var format: EInvoiceImporter.Format { get }
    var input: EInvoiceInputOptions { get }
    var output: ImportOutputOptions { get }
}

extension EInvoiceImportCommand {
    func run() throws {
        try reportingErrors {
            var inputs: [EInvoiceImporter.Input] = []
            for file in input.files {
                inputs.append(.init(name: file, data: try readImportFile(file, limit: 100 * 1024 * 1024)))
            }
            if input.validateSchemas {
                let schemas = EInvoiceSchemas(
                    folder: try Forms.locate(override: input.forms.forms).url("schemas/einvoice"))
                var problems: [ImportProblem] = []
                for input in inputs {
                    do { try schemas.validate(input) } catch let error as ImportError {
                        problems.append(contentsOf: error.problems)
                    }
                }
                if !problems.isEmpty { throw ImportError(problems) }
            }
            let result = try EInvoiceImporter.importFiles(inputs, format: Self.format)
            try finishImport(result, options: output)
        }
    }
}

struct ImportUBLCommand: EInvoiceImportCommand {
    static let configuration = CommandConfiguration(
        commandName: "ubl", abstract: "UBL 2.1 invoices and credit notes (EN 16931).",
        discussion: "Example:\n  recouvre import ubl facture.xml avoir.xml --out dossiers")
    static let format = EInvoiceImporter.Format.ubl
    @OptionGroup var input: EInvoiceInputOptions
    @OptionGroup var output: ImportOutputOptions
}

struct ImportCIICommand: EInvoiceImportCommand {
    static let configuration = CommandConfiguration(
        commandName: "cii", abstract: "UN/CEFACT CII invoices (the XML of Factur-X, ZUGFeRD).",
        discussion: "Example:\n  recouvre import cii factur-x.xml --out dossiers")
    static let format = EInvoiceImporter.Format.cii
    @OptionGroup var input: EInvoiceInputOptions
    @OptionGroup var output: ImportOutputOptions
}

struct ImportFacturXCommand: EInvoiceImportCommand {
    static let configuration = CommandConfiguration(
        commandName: "facturx", abstract: "Factur-X PDFs: the CII embedded in the PDF; the PDF becomes the exhibit.",
        discussion: "Example:\n  recouvre import facturx facture.pdf --out dossiers")
    static let format = EInvoiceImporter.Format.facturx
    @OptionGroup var input: EInvoiceInputOptions
    @OptionGroup var output: ImportOutputOptions
}

struct ImportEInvoiceCommand: EInvoiceImportCommand {
    static let configuration = CommandConfiguration(
        commandName: "einvoice",
        abstract: "E-invoices of any of these formats, each detected (PDF → Factur-X, else UBL or CII).",
        discussion: "Example:\n  recouvre import einvoice factures/* --out dossiers --format json")
    static let format = EInvoiceImporter.Format.einvoice
    @OptionGroup var input: EInvoiceInputOptions
    @OptionGroup var output: ImportOutputOptions
}

struct ImportStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Applies e-invoicing lifecycle statuses (CDAR messages) to the cases of a folder, as new files.",
        discussion: """
            212 Encaissée adds the payment; 205 Approuvée marks the invoice accepted and adds the message to
            the exhibits; 207 En litige and 210 Refusée mark it disputed or refused (no injonction de payer on a
            disputed claim without --force at build); 225/226 Affacturée warn that the claim may belong to the
            factor. The cases are never edited in place: each updated case is written beside the old one as
            NAME.majN.yaml, and every change is listed.

            Example:
              recouvre import status statuts/*.xml --into dossiers
            """
    )

    @Argument(help: "The CDAR status messages (XML).") var files: [String]
    @Option(name: .long, help: "The folder of case files to update (new files are written there).") var into: String
    @Flag(name: .customLong("validate"), help: "Check each message against the CDAR D22B XSD first.")
    var validateSchemas = false
    @OptionGroup var forms: FormsOption
    @Option(name: .long, help: "Output format of the summary: text or json.") var format: OutputFormat = .text

    func run() throws {
        try reportingErrors {
            let folder = URL(fileURLWithPath: into)
            var statuses: [(status: CDARStatus, message: Data)] = []
            var problems: [ImportProblem] = []
            let schemas =
                validateSchemas
                ? EInvoiceSchemas(folder: try Forms.locate(override: forms.forms).url("schemas/einvoice")) : nil
            for file in files {
                do {
                    let data = try readImportFile(file, limit: 20 * 1024 * 1024)
                    try schemas?.validate(.init(name: file, data: data))
                    for status in try CDARStatus.read(data, name: file) { statuses.append((status, data)) }
                } catch let error as ImportError {
                    problems.append(contentsOf: error.problems)
                }
            }
            if !problems.isEmpty { throw ImportError(problems) }
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
                .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json") }
            guard !names.isEmpty else {
                throw ImportError(
                    "aucun dossier (.yaml, .json) dans \(into)",
                    remedy: "donnez le dossier où `recouvre import` a écrit les cas")
            }
            var cases: [StatusImporter.ExistingCase] = []
            for name in StatusImporter.latestVersions(names) {
                let loaded = try CaseFileReader.load(path: folder.appendingPathComponent(name).path)
                cases.append(.init(fileName: name, value: loaded.value))
            }
            let outcome = StatusImporter.apply(statuses, to: cases, existingNames: Set(names))
            var files: [(String, Data)] = []
            var attached: Set<String> = []
            for update in outcome.updates {
                let imported = ImportedCase(
                    value: update.value, debtorKey: update.fileName, fileName: update.fileName,
                    locations: update.locations,
                    attachments: update.attachments, sources: [update.original])
                problems.append(
                    contentsOf: ImportValidator.problems(imported, base: FolderExhibitSource(folder: folder)))
                let header =
                    [
                        "Mis à jour par `recouvre import status` depuis \(update.original) (qui n'a pas été modifié)."
                    ] + update.changes.map { "- " + $0 }
                files.append((update.fileName, Data(CaseFileWriter.yaml(update.value, header: header).utf8)))
                for attachment in update.attachments where attached.insert(attachment.path).inserted {
                    files.append((attachment.path, attachment.data))
                }
            }
            if !problems.isEmpty { throw ImportError(problems) }
            try ImportFolder.writeFiles(files, to: folder, force: false, protect: Set(names))
            printOut(StatusSummary.render(outcome, folder: into, json: format == .json))
        }
    }
}
