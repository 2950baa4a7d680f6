import Foundation
import RecouvreTestSupport
import Testing
@testable import RecouvreArchive

@Suite("Reading a bundle for the archive")
struct NoticeBundleTests {
    let folder: URL

    init() throws { folder = try TestPaths.temporaryFolder("archive-bundle") }

    @Test("a mise en demeure changed after the build is refused")
    func alteredNotice() throws {
        let bundle = try SyntheticBundle().write(to: folder.appendingPathComponent("b"))
        let notice = bundle.appendingPathComponent("01-mise-en-demeure.txt")
        try Data("Lyon, le 23 novembre 2026\n\nMise en demeure de payer la somme de 9 220,00 €.\n".utf8).write(to: notice)
        let error = #expect(throws: ArchiveError.self) { try NoticeBundle.read(path: bundle.path) }
        #expect(error?.kind == .alteredBundle)
        #expect(error?.message.contains("01-mise-en-demeure.txt: the mise en demeure was altered") == true)
    }

    @Test("a missing key of the manifest is named", arguments: ["formal_notice", "amount_claimed", "case", "debtor"])
    func missingKey(key: String) throws {
        let bundle = try SyntheticBundle().write(to: folder.appendingPathComponent(key))
        let manifestURL = bundle.appendingPathComponent("manifest.json")
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: manifestURL)) as? [String: Any])
        object[key] = nil
        try JSONSerialization.data(withJSONObject: object).write(to: manifestURL)
        let error = #expect(throws: ArchiveError.self) { try NoticeBundle.read(path: bundle.path) }
        #expect(error?.message.contains("manifest.json: \(key)") == true, "\(String(describing: error))")
    }

    @Test("an amount that is not decimal text is refused")
    func badAmount() throws {
        var synthetic = SyntheticBundle()
        synthetic.amountClaimed = "1 220,00"
        let error = #expect(throws: ArchiveError.self) { try synthetic.read(in: folder.appendingPathComponent("a")) }
        #expect(error?.message.contains("amount_claimed \"1 220,00\" is not an amount") == true)
    }

    @Test("a path leaving the bundle is refused")
    func escapingPath() throws {
        let bundle = try SyntheticBundle().write(to: folder.appendingPathComponent("e"))
        let manifestURL = bundle.appendingPathComponent("manifest.json")
        let text = try String(contentsOf: manifestURL, encoding: .utf8)
            .replacingOccurrences(of: "\"01-mise-en-demeure.txt\"", with: "\"../01-mise-en-demeure.txt\"")
        try Data(text.utf8).write(to: manifestURL)
        let error = #expect(throws: ArchiveError.self) { try NoticeBundle.read(path: bundle.path) }
        #expect(error?.message.contains("is not a path inside the bundle") == true)
    }

    @Test("a missing bundle is named")
    func missingBundle() {
        let error = #expect(throws: ArchiveError.self) { try NoticeBundle.read(path: "/nonexistent/dossier") }
        #expect(error?.message == "/nonexistent/dossier: no such bundle (give the folder or .zip written by recouvre build)")
    }

    @Test("a .zip bundle reads like the folder, at the root or in one top folder",
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
            zip.waitUntilExit()
            #expect(zip.terminationStatus == 0)
            let fromZip = try NoticeBundle.read(path: folder.appendingPathComponent(zipName).path)
            #expect(fromZip == fromFolder, "\(zipName)")
        }
    }
}
