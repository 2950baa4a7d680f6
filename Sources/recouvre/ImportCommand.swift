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
            "Fait d'un grand livre clients (CSV, FEC) ou de factures électroniques (UBL, CII, Factur-X) des fichiers de cas, un par débiteur.",
        discussion: """
            Chaque cas est vérifié par les règles du fichier de cas avant que rien ne soit écrit ; un problème nomme \
            le fichier source et sa ligne (CSV, FEC) ou l'élément XML et sa ligne. Le résumé liste les débiteurs, \
            les factures, le total restant dû, et chaque ligne ignorée avec sa raison. Voir docs/import.md.

            Exemples :
              recouvre import csv grand-livre.csv --creditor creancier.yaml --out dossiers
              recouvre import fec 123456782FEC20251231.txt --creditor creancier.yaml --out dossiers
              recouvre import einvoice factures/*.xml factures/*.pdf --out dossiers --validate
              recouvre import status statuts/*.xml --into dossiers

            Code de sortie : 0 fait, 1 une entrée est erronée (rien n'est écrit), 2 erreur d'usage.
            """,
        subcommands: [
            ImportCSVCommand.self, ImportFECCommand.self, ImportUBLCommand.self, ImportCIICommand.self,
            ImportFacturXCommand.self, ImportEInvoiceCommand.self, ImportStatusCommand.self,
        ]
    )
}

/// Options every import shares.
struct ImportOutputOptions: ParsableArguments {
    @Option(name: .long, help: "Le dossier où écrire les fichiers de cas (créé au besoin).")
    var out: String

    @Option(name: .long, help: "Format du résumé : text ou json (recouvre.import/1).")
    var format: OutputFormat = .text

    @Flag(name: .long, help: "Remplace les fichiers de cas qu'un import précédent a écrits dans le dossier.")
    var force = false
}

/// The creditor a ledger import (CSV, FEC) gives every case.
struct ImportCreditorOption: ParsableArguments {
    @Option(name: .long, help: "Le créancier : un fichier YAML avec la rubrique creditor: d'un fichier de cas.")
    var creditor: String
}

/// What every e-invoice import reads: the files, and whether to check them against their XSD first.
struct EInvoiceInputOptions: ParsableArguments {
    @Argument(help: "Les factures : XML (UBL, CII) ou PDF (Factur-X), selon la sous-commande.")
    var files: [String]

    @Flag(
        name: .customLong("validate"),
        help: "Vérifie d'abord chaque fichier (un PDF : son XML incorporé) contre son XSD (forms/schemas/einvoice).")
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
    keepUntilExit(result)
}

/// Leaves `value` to the end of the process instead of releasing it now: the command is done with it,
/// and releasing 25,000 imported cases (their values, locations, notes) one allocation at a time on
/// the main thread was about 5 % of a 15,000-line import's instructions; the system takes the whole
/// memory back at exit at once. Only for values a command is finished with just before it exits.
func keepUntilExit<T>(_ value: T) {
    _ = Unmanaged.passRetained(KeptUntilExit(value))
}

private final class KeptUntilExit<T> {
    let value: T
    init(_ value: T) { self.value = value }
}

struct ImportCSVCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "csv",
        abstract: "Un grand livre clients en CSV : une ligne par facture, avoir ou règlement.",
        discussion: """
            Les exports français sont lus tels qu'ils viennent : séparateur ; (, tabulation | détectés), 1 234,56, \
            31/12/2025, UTF-8 avec ou sans BOM ou Windows-1252, CRLF. Les colonnes sont trouvées par leurs en-têtes \
            français usuels (N° facture, Date, Échéance, Montant TTC, Solde, Code client, Raison sociale, SIREN, \
            Adresse, Code postal, Ville…) ou nommées dans --map MAP.yaml. Les lignes sont regroupées par débiteur \
            (SIREN, sinon code client) ; les factures entièrement payées sont ignorées ; une ligne négative est un avoir.

            Exemple :
              recouvre import csv grand-livre.csv --creditor creancier.yaml --map colonnes.yaml --out dossiers
            """
    )

    @Argument(help: "Le grand livre (CSV).") var ledger: String
    @OptionGroup var creditor: ImportCreditorOption
    @Option(
        name: .long,
        help: "Un fichier de correspondance : champ du fichier de cas → en-tête de colonne (voir docs/import.md).")
    var map: String?
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
        abstract: "Un fichier des écritures comptables : les écritures non lettrées des comptes clients (411…).",
        discussion: """
            18 colonnes séparées par une tabulation ou |, montants avec une virgule décimale, dates AAAAMMJJ. Les \
            lignes lettrées (EcritureLet) sont soldées et ignorées ; une écriture qui ne s'équilibre pas est refusée \
            avec sa ligne.

            Exemple :
              recouvre import fec 123456782FEC20251231.txt --creditor creancier.yaml --out dossiers
            """
    )

    @Argument(help: "Le FEC (.txt ou .csv).") var file: String
    @OptionGroup var creditor: ImportCreditorOption
    @Option(
        name: .long,
        help: "Jours de la date de facture à l'échéance (le FEC n'en donne pas ; par défaut 30, C. com. L441-10 I).")
    var dueDays: Int = 30
    @OptionGroup var output: ImportOutputOptions

    func validate() throws {
        guard (0...365).contains(dueDays) else {
            throw ValidationError("--due-days \(dueDays) : attendu de 0 à 365 jours")
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
                    library: LawBook.einvoiceSchemas(try Forms.locate(override: input.forms.forms)))
                var problems: [ImportProblem] = []
                for input in inputs {
                    do { try schemas.validate(input) } catch let error as ImportError {
                        problems.append(contentsOf: error.problems)
                    }
                }
                if !problems.isEmpty { throw ImportError(problems) }
            }
            let result = try EInvoiceImporter.importFiles(
                inputs, format: Self.format,
                messages: LawBook.messageCatalogue(try Forms.locate(override: input.forms.forms)))
            try finishImport(result, options: output)
        }
    }
}

struct ImportUBLCommand: EInvoiceImportCommand {
    static let configuration = CommandConfiguration(
        commandName: "ubl", abstract: "Factures et avoirs UBL 2.1 (EN 16931).",
        discussion: "Exemple :\n  recouvre import ubl facture.xml avoir.xml --out dossiers")
    static let format = EInvoiceImporter.Format.ubl
    @OptionGroup var input: EInvoiceInputOptions
    @OptionGroup var output: ImportOutputOptions
}

struct ImportCIICommand: EInvoiceImportCommand {
    static let configuration = CommandConfiguration(
        commandName: "cii", abstract: "Factures UN/CEFACT CII (le XML de Factur-X, ZUGFeRD).",
        discussion: "Exemple :\n  recouvre import cii factur-x.xml --out dossiers")
    static let format = EInvoiceImporter.Format.cii
    @OptionGroup var input: EInvoiceInputOptions
    @OptionGroup var output: ImportOutputOptions
}

struct ImportFacturXCommand: EInvoiceImportCommand {
    static let configuration = CommandConfiguration(
        commandName: "facturx", abstract: "PDF Factur-X : le CII incorporé au PDF ; le PDF devient la pièce.",
        discussion: "Exemple :\n  recouvre import facturx facture.pdf --out dossiers")
    static let format = EInvoiceImporter.Format.facturx
    @OptionGroup var input: EInvoiceInputOptions
    @OptionGroup var output: ImportOutputOptions
}

struct ImportEInvoiceCommand: EInvoiceImportCommand {
    static let configuration = CommandConfiguration(
        commandName: "einvoice",
        abstract: "Factures électroniques de l'un de ces formats, chacune détectée (PDF → Factur-X, sinon UBL ou CII).",
        discussion: "Exemple :\n  recouvre import einvoice factures/* --out dossiers --format json")
    static let format = EInvoiceImporter.Format.einvoice
    @OptionGroup var input: EInvoiceInputOptions
    @OptionGroup var output: ImportOutputOptions
}

struct ImportStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract:
            "Applique aux cas d'un dossier les statuts du cycle de vie des factures électroniques (messages CDAR), en nouveaux fichiers.",
        discussion: """
            212 Encaissée ajoute le règlement ; 205 Approuvée marque la facture acceptée et ajoute le message aux \
            pièces ; 207 En litige et 210 Refusée la marquent contestée ou refusée (pas d'injonction de payer sur \
            une créance contestée sans --force au build) ; 225/226 Affacturée avertissent que la créance peut \
            appartenir au factor. Les cas ne sont jamais modifiés sur place : chaque cas mis à jour est écrit à côté \
            de l'ancien sous le nom NOM.majN.yaml, et chaque changement est listé.

            Exemple :
              recouvre import status statuts/*.xml --into dossiers
            """
    )

    @Argument(help: "Les messages de statut CDAR (XML).") var files: [String]
    @Option(name: .long, help: "Le dossier des fichiers de cas à mettre à jour (les nouveaux fichiers y sont écrits).")
    var into: String
    @Flag(name: .customLong("validate"), help: "Vérifie d'abord chaque message contre le XSD CDAR D22B.")
    var validateSchemas = false
    @OptionGroup var forms: FormsOption
    @Option(name: .long, help: "Format du résumé : text ou json.") var format: OutputFormat = .text

    func run() throws {
        try reportingErrors {
            let folder = URL(fileURLWithPath: into)
            var statuses: [(status: CDARStatus, message: Data)] = []
            var problems: [ImportProblem] = []
            let schemas =
                validateSchemas
                ? EInvoiceSchemas(library: LawBook.einvoiceSchemas(try Forms.locate(override: forms.forms))) : nil
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
            let messages = try LawBook.messageCatalogue(try Forms.locate(override: forms.forms))
            let outcome = StatusImporter.apply(statuses, to: cases, existingNames: Set(names), messages: messages)
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
