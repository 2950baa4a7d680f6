import Foundation
import RecouvreBundleIO
import RecouvreModel
import RecouvreTestSupport

@testable import RecouvreArchive

#if canImport(Glibc)
    import Glibc
#endif

/// One secret for every archive the tests of this process create (and for the crashtest helper,
/// which inherits the environment): nothing is written to the user's configuration folder.
let testSecretInstalled: Void = {
    let path = TestPaths.temporaryRoot.appendingPathComponent("archive-tests.key").path
    setenv("RECOUVRE_ARCHIVE_SECRET", path, 1)
}()

/// A bundle folder as `recouvre build` writes it, reduced to what the archive reads: the notice, a
/// relevé, a dossier.xml recording both and the amount, and the manifest of the three.
struct SyntheticBundle {
    var caseReference = "2026-0042"
    var asOf: String? = "2026-11-23"
    var creditorName = "SAS Lumière Conseil"
    var creditorSiren: String? = "552100554"
    var debtorName = "SARL Dupont Électricité"
    var debtorSiren: String? = "732829320"
    var amountClaimed = "1220.00"
    var text = "Lyon, le 23 novembre 2026\n\nMise en demeure de payer la somme de 1 220,00 €.\n"
    /// What the manifest says, when it should differ from dossier.xml (a forged manifest).
    var manifestAmount: String? = nil

    init() { _ = testSecretInstalled }

    /// Writes the folder and returns it.
    @discardableResult
    func write(to folder: URL) throws -> URL {
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("pieces"),
            withIntermediateDirectories: true)
        let notice = Data(text.utf8)
        try notice.write(to: folder.appendingPathComponent("01-mise-en-demeure.txt"))
        let other = Data("Relevé de compte\n".utf8)
        try other.write(to: folder.appendingPathComponent("02-releve-de-compte.txt"))
        let xml = Data(
            Self.dossierXML(
                self,
                documents: [
                    ("01-mise-en-demeure.txt", "Mise en demeure", notice),
                    ("02-releve-de-compte.txt", "Relevé de compte", other),
                ]
            ).utf8)
        try xml.write(to: folder.appendingPathComponent("dossier.xml"))
        let manifest = BundleManifest(
            tool: "recouvre 0.1.0", caseReference: caseReference, asOf: asOf,
            creditor: ManifestParty(name: creditorName, siren: creditorSiren),
            debtor: ManifestParty(name: debtorName, siren: debtorSiren), amountClaimed: manifestAmount ?? amountClaimed,
            formalNotice: "01-mise-en-demeure.txt",
            files: [
                BundleManifestFile(path: "01-mise-en-demeure.txt", data: notice),
                BundleManifestFile(path: "02-releve-de-compte.txt", data: other),
                BundleManifestFile(path: "dossier.xml", data: xml),
            ])
        try manifest.json().write(to: folder.appendingPathComponent("manifest.json"))
        return folder
    }

    func read(in folder: URL) throws -> NoticeBundle {
        try NoticeBundle.read(path: write(to: folder).path)
    }

    /// The elements of dossier.xml the archive and verify read (not the whole schema).
    static func dossierXML(_ bundle: SyntheticBundle, documents: [(String, String, Data)]) -> String {
        func siren(_ value: String?) -> String { value.map { "<siren>\($0)</siren>" } ?? "" }
        let list = documents.map { name, title, data in
            "<document><file-name>\(name)</file-name><title>\(title)</title>"
                + "<sha256>\(SHA256Hex.of(data))</sha256><bytes>\(data.count)</bytes></document>"
        }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <dossier xmlns="urn:recouvre:dossier:1" version="1">
              <generation><tool>recouvre 0.1.0</tool>\(bundle.asOf.map { "<as-of>\($0)</as-of>" } ?? "")</generation>
              <case><reference>\(bundle.caseReference)</reference></case>
              <parties>
                <creditor><name>\(bundle.creditorName)</name>\(siren(bundle.creditorSiren))</creditor>
                <debtor><name>\(bundle.debtorName)</name>\(siren(bundle.debtorSiren))</debtor>
              </parties>
              <statement><totals><total>\(bundle.amountClaimed)</total></totals></statement>
              <documents>\(list)</documents>
            </dossier>

            """
    }
}

extension Day {
    /// A test day from a literal known to be valid.
    static func of(_ iso: String) -> Day {
        guard let day = Day(iso: iso) else { preconditionFailure("bad test date \(iso)") }
        return day
    }
}

/// A secret file with fixed bytes (00 01 02 … 1f), so that keyed hashes in golden files are stable.
func fixedSecret(in folder: URL) throws -> String {
    let url = folder.appendingPathComponent("fixed-secret.key")
    let hex = (0..<32).map { String(format: "%02x", $0) }.joined() + "\n"
    try Data(hex.utf8).write(to: url)
    return url.path
}
