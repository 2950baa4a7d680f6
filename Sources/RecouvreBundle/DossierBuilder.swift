import Foundation
import RecouvreCaseFile
import RecouvreDocuments
import RecouvreForms
import RecouvreLaw
import RecouvreModel
import RecouvreRoute

/// What `recouvre build` was asked for.
public struct BuildRequest: Sendable {
    public var casePath: String
    /// A folder, or a `.zip` file.
    public var out: String
    public var asOf: Day?
    public var formsOverride: String?
    public var force: Bool
    /// `recouvre 0.1.0`, recorded in the manifest and the XML.
    public var tool: String
    /// Completes the case once read, before anything is computed (`build --archive` takes the formal
    /// notice and its receipt date from the archive of formal notices).
    public var completeCase: (@Sendable (Case) throws -> Case)?
    /// `--pdf` / `--pdf-only`: the PDF of each document (RecouvrePDF), beside or instead of its text.
    public var pdf: BundlePDF?

    public init(
        casePath: String, out: String, asOf: Day? = nil, formsOverride: String? = nil, force: Bool = false,
        tool: String, completeCase: (@Sendable (Case) throws -> Case)? = nil, pdf: BundlePDF? = nil
    ) {
        self.pdf = pdf
        self.casePath = casePath
        self.out = out
        self.asOf = asOf
        self.formsOverride = formsOverride
        self.force = force
        self.tool = tool
        self.completeCase = completeCase
    }
}

/// What a build wrote.
public struct BuildResult: Sendable {
    public var path: String
    public var manifest: BundleManifest
    /// Prescription notices, the statement's and the route's warnings.
    public var warnings: [String]

    /// What `build` prints: where the bundle is, what it holds, the warnings.
    public var text: String {
        var lines = [
            "Dossier \(manifest.caseReference) written to \(path) (\(manifest.files.count + 1) files, "
                + "claim \(manifest.amountClaimed ?? "?") EUR as of \(manifest.asOf ?? "?")):"
        ]
        lines += manifest.files.map { "  \($0.path)  \($0.bytes) bytes  sha256 \($0.sha256.prefix(16))…" }
        lines.append("  \(BundleManifest.fileName)")
        lines += warnings.map { "warning: \($0)" }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// The whole pipeline of `recouvre build` (design.md): case → statement → route → documents →
/// dossier.xml (validated) → bundle with its manifest, written atomically.
public enum DossierBuilder {
    public static func build(_ request: BuildRequest) throws -> BuildResult {
        let loaded = try CaseFileReader.load(path: request.casePath)
        let theCase = try request.completeCase?(loaded.value) ?? loaded.value
        let forms = try Forms.locate(override: request.formsOverride)
        let asOf = request.asOf ?? theCase.asOf ?? Today.day()

        var warnings: [String] = []
        // Domain.md §3: once prescription has run, no court dossier unless the user forces it, and then
        // the warning stays in the output.
        let prescription = Prescription.check(case: theCase, asOf: asOf)
        let expired = prescription.filter(\.expired).map(\.message)
        if !expired.isEmpty && !request.force { throw BundleError.prescribed(expired) }
        warnings += prescription.map(\.message)
        let statement = try StatementEngine(tables: try RateTables.load(forms: forms))
            .statement(for: theCase, asOf: asOf)
        let route = try Router(
            directory: try CourtDirectory.load(forms: forms),
            rules: try ProcedureRules.load(forms: forms)
        )
        .route(case: theCase, statement: statement)
        warnings += statement.warnings + route.warnings
        let dossier = try DossierRenderer(forms: forms).render(
            DossierInput(case: theCase, statement: statement, route: route))

        var files: [BundleFile] = []
        var documentDigests: [DocumentDigest] = []
        for document in dossier.documents {
            let data = Data(document.text.utf8)
            files.append(BundleFile(path: document.fileName, data: data))
            documentDigests.append(
                DocumentDigest(
                    fileName: document.fileName, title: document.title,
                    sha256: BundleManifest.sha256(data), bytes: data.count))
        }
        var exhibitDigests: [ExhibitDigest] = []
        for exhibit in dossier.exhibits {
            guard let path = exhibit.bundlePath else {
                exhibitDigests.append(ExhibitDigest(number: exhibit.number, title: exhibit.title))
                continue
            }
            let data: Data
            if let source = exhibit.source {
                data = try exhibitData(source, folder: loaded.folder, exhibit: exhibit)
                files.append(BundleFile(path: path, data: data))
            } else {
                data = files.first { $0.path == path }?.data ?? Data()
            }
            exhibitDigests.append(
                ExhibitDigest(
                    number: exhibit.number, title: exhibit.title, path: path,
                    sha256: BundleManifest.sha256(data), bytes: data.count))
        }

        let xml = try DossierXML.render(
            DossierXMLInput(
                case: theCase, statement: statement, route: route, documents: documentDigests,
                exhibits: exhibitDigests, tool: request.tool, courtDataSource: route.court?.source))
        // A dossier.xml that does not validate is our bug: report it, write nothing.
        do { try DossierXML.validate(xml, forms: forms) } catch {
            throw BundleError.invalidDossierXML("\(error)")
        }
        files.append(BundleFile(path: DossierXML.fileName, data: xml))
        if let pdf = request.pdf {
            files = try pdf.apply(
                to: files,
                input: BundlePDFInput(
                    documents: dossier.documents, dossierXML: xml, statementJSON: Data(StatementFormatter.json(statement).utf8),
                    date: asOf, caseReference: theCase.reference, author: theCase.creditor.name))
        }

        let manifest = BundleManifest(
            tool: request.tool, caseReference: theCase.reference, asOf: asOf.iso,
            creditor: ManifestParty(name: theCase.creditor.name, siren: theCase.creditor.siren),
            debtor: ManifestParty(name: theCase.debtor.name, siren: theCase.debtor.siren),
            amountClaimed: Money.plain(statement.totals.total), formalNotice: dossier.formalNotice,
            files: files.map { BundleManifestFile(path: $0.path, data: $0.data) })
        let target = URL(fileURLWithPath: request.out)
        try BundleWriter().write(files: files, manifest: manifest, to: target, force: request.force)
        // The statement repeats the prescription notices: print each warning once, in order.
        var seen = Set<String>()
        warnings = warnings.filter { seen.insert($0).inserted }
        return BuildResult(path: request.out, manifest: manifest, warnings: warnings)
    }

    /// The bytes of an exhibit's file, relative to the case file; a missing file is an input error
    /// naming it.
    static func exhibitData(_ source: String, folder: URL, exhibit: DossierExhibit) throws -> Data {
        let url = source.hasPrefix("/") ? URL(fileURLWithPath: source) : folder.appendingPathComponent(source)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw BundleError.missingExhibit(number: exhibit.number, title: exhibit.title, path: source)
        }
        return data
    }
}

/// A verifier whose XML check is the dossier schema of `forms/schemas/dossier.xsd`.
extension BundleVerifier {
    public static func dossier(forms: Forms) throws -> BundleVerifier {
        let validator = try DossierXML.validator(forms: forms)
        return BundleVerifier { data in try validator.validate(data, name: DossierXML.fileName) }
    }
}
