import Foundation
import RecouvreBundleIO
import RecouvreTestSupport
import Testing

@testable import RecouvreArchive

/// `archive add` reads a bundle through the one bundle reader and verifier: it trusts nothing it
/// has not checked (issue 12).
@Suite("Reading a bundle for the archive")
struct NoticeBundleTests {
    let folder: URL

    init() throws {
        _ = testSecretInstalled
        folder = try TestPaths.temporaryFolder("archive-bundle")
    }

    /// Rewrites manifest.json after `edit`, re-hashing every file it lists (what a forger does).
    func reManifest(_ bundle: URL, _ edit: (inout BundleManifest) -> Void = { _ in }) throws {
        let url = bundle.appendingPathComponent("manifest.json")
        var manifest = try BundleManifest.parse(try Data(contentsOf: url))
        for index in manifest.files.indices {
            let file = bundle.appendingPathComponent(manifest.files[index].path)
            if let data = try? Data(contentsOf: file) {
                manifest.files[index] = BundleManifestFile(path: manifest.files[index].path, data: data)
            }
        }
        edit(&manifest)
        try manifest.json().write(to: url)
    }

    @Test("a mise en demeure changed after the build is refused")
    func alteredNotice() throws {
        let bundle = try SyntheticBundle().write(to: folder.appendingPathComponent("b"))
        let notice = bundle.appendingPathComponent("01-mise-en-demeure.txt")
        try Data("Lyon, le 23 novembre 2026\n\nMise en demeure de payer la somme de 9 220,00 €.\n".utf8).write(
            to: notice)
        let error = #expect(throws: ArchiveError.self) { try NoticeBundle.read(path: bundle.path) }
        #expect(error?.kind == .alteredBundle)
        #expect(error?.message.contains("modifié : 01-mise-en-demeure.txt") == true, "\(String(describing: error))")
    }

    @Test("a letter rewritten and re-hashed in the manifest is still refused: dossier.xml keeps its SHA-256")
    func reHashedNotice() throws {
        let bundle = try SyntheticBundle().write(to: folder.appendingPathComponent("r"))
        try Data("Mise en demeure de payer 999 999,99 €.\n".utf8)
            .write(to: bundle.appendingPathComponent("01-mise-en-demeure.txt"))
        try reManifest(bundle)
        let error = #expect(throws: ArchiveError.self) { try NoticeBundle.read(path: bundle.path) }
        #expect(error?.kind == .alteredBundle)
        #expect(error?.message.contains("dossier.xml enregistre") == true, "\(String(describing: error))")
    }

    @Test("the amount, case and parties come from dossier.xml; a manifest claiming 999,999.99 € is refused")
    func forgedManifestAmount() throws {
        var forged = SyntheticBundle()
        forged.manifestAmount = "999999.99"
        let error = #expect(throws: ArchiveError.self) { try forged.read(in: folder.appendingPathComponent("f")) }
        #expect(error?.kind == .alteredBundle)
        #expect(
            error?.message.contains("amount_claimed 999999.99, dossier.xml dit 1220.00") == true,
            "\(String(describing: error))")
        let honest = try SyntheticBundle().read(in: folder.appendingPathComponent("h"))
        #expect(honest.amountClaimed == Decimal(string: "1220.00"))
        #expect(honest.caseReference == "2026-0042")
        #expect(honest.debtor.name == "SARL Dupont Électricité")
    }

    @Test("a mise en demeure that is a symbolic link (to /etc/passwd) is never read")
    func symlinkedNotice() throws {
        let bundle = try SyntheticBundle().write(to: folder.appendingPathComponent("s"))
        let notice = bundle.appendingPathComponent("01-mise-en-demeure.txt")
        try FileManager.default.removeItem(at: notice)
        try FileManager.default.createSymbolicLink(atPath: notice.path, withDestinationPath: "/etc/passwd")
        try reManifest(bundle)
        let error = #expect(throws: ArchiveError.self) { try NoticeBundle.read(path: bundle.path) }
        #expect(error?.kind == .alteredBundle)
        #expect(error?.message.contains("lien symbolique") == true, "\(String(describing: error))")
    }

    @Test("a bundle without dossier.xml is refused")
    func missingDossierXML() throws {
        let bundle = try SyntheticBundle().write(to: folder.appendingPathComponent("x"))
        try FileManager.default.removeItem(at: bundle.appendingPathComponent("dossier.xml"))
        try reManifest(bundle) { $0.files.removeAll { $0.path == "dossier.xml" } }
        let error = #expect(throws: ArchiveError.self) { try NoticeBundle.read(path: bundle.path) }
        #expect(error?.message.contains("modifié : dossier.xml (absent") == true, "\(String(describing: error))")
    }

    @Test("a bundle without a mise en demeure is refused")
    func noFormalNotice() throws {
        let bundle = try SyntheticBundle().write(to: folder.appendingPathComponent("n"))
        try reManifest(bundle) { $0.formalNotice = nil }
        let error = #expect(throws: ArchiveError.self) { try NoticeBundle.read(path: bundle.path) }
        #expect(error?.message.contains("pas de mise en demeure") == true, "\(String(describing: error))")
    }

    @Test("a path leaving the bundle is refused")
    func escapingPath() throws {
        let bundle = try SyntheticBundle().write(to: folder.appendingPathComponent("e"))
        try reManifest(bundle) {
            $0.files.append(BundleManifestFile(path: "../secret", sha256: String(repeating: "0", count: 64), bytes: 1))
        }
        let error = #expect(throws: ArchiveError.self) { try NoticeBundle.read(path: bundle.path) }
        #expect(
            error?.message.contains("../secret (le manifeste nomme un chemin remontant hors du dossier") == true,
            "\(String(describing: error))")
    }

    @Test("a missing bundle is named")
    func missingBundle() {
        let error = #expect(throws: BundleError.self) { try NoticeBundle.read(path: "/nonexistent/dossier") }
        #expect(
            error?.description
                == "/nonexistent/dossier : pas un dossier recouvre (aucun fichier ni dossier à cet endroit)")
    }

    @Test(
        "a .zip bundle reads like the folder, at the root or in one top folder",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/zip")))
    func zipBundle() throws {
        let tree = try SyntheticBundle().write(to: folder.appendingPathComponent("dossier"))
        let fromFolder = try NoticeBundle.read(path: tree.path)
        for (zipName, arguments, directory) in [
            ("root.zip", ["-q", "-X", "-r", "../root.zip", "."], tree),
            ("nested.zip", ["-q", "-X", "-r", "nested.zip", "dossier"], folder),
        ] {
            let zip = Process()
            zip.executableURL = URL(fileURLWithPath: "/usr/bin/zip")
            zip.arguments = arguments
            zip.currentDirectoryURL = directory
            try zip.run()
            let zipStatus = ChildExit.status(zip)
            #expect(zipStatus == 0)
            let fromZip = try NoticeBundle.read(path: folder.appendingPathComponent(zipName).path)
            #expect(fromZip == fromFolder, "\(zipName)")
        }
    }
}
