import Foundation
import RecouvreBundleIO
import RecouvreModel

/// What the archive takes from a bundle written by `recouvre build`: the case, the parties, the
/// amount claimed and the mise en demeure itself, with the hashes that tie it to its manifest.
public struct NoticeBundle: Sendable, Hashable {
    public var caseReference: String
    /// The date the bundle was computed as of (manifest `as_of`).
    public var asOf: Day?
    public var creditor: ArchivedParty
    public var debtor: ArchivedParty
    /// Amount claimed in euros, as the manifest gives it (`"1234.56"`).
    public var amountClaimed: Decimal
    /// File name of the mise en demeure in the bundle (`01-mise-en-demeure.txt`).
    public var noticeFile: String
    /// The text of the mise en demeure, exactly as in the bundle.
    public var noticeText: String
    /// SHA-256 of the mise en demeure's bytes.
    public var noticeSHA256: String
    /// SHA-256 of the bundle's `manifest.json` bytes.
    public var manifestSHA256: String

    public init(
        caseReference: String, asOf: Day?, creditor: ArchivedParty, debtor: ArchivedParty,
        amountClaimed: Decimal, noticeFile: String, noticeText: String, manifestSHA256: String
    ) {
        self.caseReference = caseReference
        self.asOf = asOf
        self.creditor = creditor
        self.debtor = debtor
        self.amountClaimed = amountClaimed
        self.noticeFile = noticeFile
        self.noticeText = noticeText
        self.noticeSHA256 = SHA256Hex.of(noticeText)
        self.manifestSHA256 = manifestSHA256
    }

    /// Reads a bundle folder or `.zip` through the one bundle reader, verifies it whole (every
    /// checksum of the manifest, dossier.xml present and agreeing with the documents it records, no
    /// link, FIFO or unsafe entry; with the CLI's verifier, dossier.xml against the schema) and takes
    /// the case, the parties and the amount from `dossier.xml`, the notice from the file dossier.xml
    /// and the manifest both hash: never from a field of manifest.json that no checksum covers.
    public static func read(path: String, verifier: BundleVerifier = .structural) throws -> NoticeBundle {
        let reader = try BundleReader(path: path)
        let report = try verifier.verify(reader)
        guard report.isIntact, let manifest = report.manifest, let record = report.dossier else {
            let lines = report.problems.prefix(10).map { "  \($0)" }.joined(separator: "\n")
            throw ArchiveError(
                .alteredBundle,
                "\(path) : le dossier a été modifié depuis sa construction (recouvre verify le montre) ; seul un "
                    + "dossier intact, tel qu'envoyé, est archivé :\n\(lines)")
        }
        guard let noticeFile = manifest.formalNotice,
            let document = record.documents.first(where: { $0.path == noticeFile })
        else {
            throw ArchiveError(
                "\(path) : ce dossier ne contient pas de mise en demeure à archiver (formal_notice absent)")
        }
        // pdf (issue 15): a `--pdf-only` bundle holds the notice as PDF alone; the archive keeps its text.
        if !manifest.files.contains(where: { $0.path == noticeFile }), noticeFile.hasSuffix(".txt") {
            let pdf = String(noticeFile.dropLast(4)) + ".pdf"
            throw ArchiveError(
                "\(path) : ce dossier a été écrit avec --pdf-only : la mise en demeure n'y est qu'en PDF (\(pdf)) et "
                    + "l'archive garde son texte ; archivez le même dossier écrit avec --pdf (le texte et le même PDF) "
                    + "en joignant le PDF envoyé : recouvre archive add DOSSIER --file DOSSIER/\(pdf) …")
        }
        let noticeData = try reader.data(noticeFile)
        let actual = SHA256Hex.of(noticeData)
        guard actual == document.sha256 else {
            throw ArchiveError(.alteredBundle, "\(path)/\(noticeFile) : la mise en demeure a changé pendant la lecture")
        }
        guard let text = String(data: noticeData, encoding: .utf8) else {
            throw ArchiveError("\(path)/\(noticeFile) : la mise en demeure n'est pas un texte UTF-8")
        }
        let manifestData = try reader.data(BundleManifest.fileName)
        func party(_ party: ManifestParty) -> ArchivedParty {
            ArchivedParty(name: party.name, siren: party.siren?.filter { !$0.isWhitespace })
        }
        var bundle = NoticeBundle(
            caseReference: record.caseReference, asOf: record.asOf, creditor: party(record.creditor),
            debtor: party(record.debtor), amountClaimed: record.total, noticeFile: noticeFile, noticeText: text,
            manifestSHA256: SHA256Hex.of(manifestData))
        bundle.noticeSHA256 = actual
        return bundle
    }
}
