import Foundation
import RecouvreBundle
import RecouvreBundleIO
import RecouvreTestSupport
import Testing

@Suite("Bundle writer and verifier")
struct BundleWriterTests {
    static let notice = BundleFile(path: "01-mise-en-demeure.txt", data: Data("Mise en demeure\n".utf8))
    static let piece = BundleFile(path: "pieces/01-devis.pdf", data: Data([0x25, 0x50, 0x44, 0x46, 0x00, 0xFF]))
    static let files = [notice, piece, BundleFile(path: "dossier.xml", data: dossierXML())]

    /// The part of dossier.xml that verify cross-checks: the case, the parties, the total and the
    /// digests of the documents and exhibits (`extra` is inserted before the closing tag).
    static func dossierXML(notice: Data = notice.data, extra: String = "") -> Data {
        Data(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <dossier xmlns="urn:recouvre:dossier:1" version="1">
              <generation><as-of>2026-11-23</as-of></generation>
              <case><reference>2026-0042</reference></case>
              <parties><creditor><name>Atelier Lumière</name></creditor><debtor><name>Bâtiments Durand</name></debtor></parties>
              <statement><totals><total>1229.73</total></totals></statement>
              <documents><document><file-name>01-mise-en-demeure.txt</file-name><title>Mise en demeure</title>
                <sha256>\(BundleManifest.sha256(notice))</sha256><bytes>\(notice.count)</bytes></document></documents>
              <exhibits><exhibit><number>1</number><title>Devis</title><path>pieces/01-devis.pdf</path>
                <sha256>\(BundleManifest.sha256(piece.data))</sha256><bytes>\(piece.data.count)</bytes></exhibit></exhibits>
            \(extra)</dossier>

            """.utf8)
    }

    static func manifest(_ files: [BundleFile] = files) -> BundleManifest {
        BundleManifest(
            tool: "recouvre 0.1.0", caseReference: "2026-0042", asOf: "2026-11-23",
            creditor: ManifestParty(name: "Atelier Lumière", siren: "123456782"),
            debtor: ManifestParty(name: "Bâtiments Durand", siren: nil), amountClaimed: "1229.73",
            formalNotice: "01-mise-en-demeure.txt",
            files: files.map { BundleManifestFile(path: $0.path, data: $0.data) })
    }

    /// A stand-in for the XSD check: the verifier's own logic is under test here.
    static let verifier = BundleVerifier { data in
        if String(decoding: data, as: UTF8.self).contains("BROKEN") { throw TestXMLError() }
    }

    struct TestXMLError: Error, CustomStringConvertible {
        var description: String { "dossier.xml:1:0: broken on purpose" }
    }

    static func bytes(of url: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil)
        while let item = walker?.nextObject() as? URL {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: item.path, isDirectory: &isDirectory)
            if !isDirectory.boolValue {
                result[String(item.path.dropFirst(url.path.count))] = try Data(contentsOf: item)
            }
        }
        return result
    }

    @Test("manifest.json: sorted keys, two-space indent, trailing newline, SHA-256 of each file")
    func manifestLayout() throws {
        let text = String(decoding: Self.manifest().json(), as: UTF8.self)
        #expect(
            text.hasPrefix(
                "{\n  \"amount_claimed\": \"1229.73\",\n  \"as_of\": \"2026-11-23\",\n  \"case\": \"2026-0042\",\n"))
        #expect(text.contains("\"debtor\": {\n    \"name\": \"Bâtiments Durand\",\n    \"siren\": null\n  }"))
        #expect(text.hasSuffix("  \"tool\": \"recouvre 0.1.0\"\n}\n"))
        // printf 'Mise en demeure\n' | sha256sum
        #expect(text.contains("\"sha256\": \"\(BundleManifest.sha256(Data("Mise en demeure\n".utf8)))\""))
        #expect(
            BundleManifest.sha256(Data("abc".utf8))
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")  // FIPS 180-2 example
        let paths = try BundleManifest.parse(Self.manifest().json()).files.map(\.path)
        #expect(paths == paths.sorted())
    }

    @Test("the same files give the same bytes, folder and zip", arguments: ["bundle", "bundle.zip"])
    func deterministic(name: String) throws {
        let dir = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = dir.appendingPathComponent("a-" + name)
        let second = dir.appendingPathComponent("b-" + name)
        try BundleWriter().write(files: Self.files, manifest: Self.manifest(), to: first, force: false)
        try BundleWriter().write(files: Self.files.reversed(), manifest: Self.manifest(), to: second, force: false)
        if name.hasSuffix(".zip") {
            #expect(try Data(contentsOf: first) == Data(contentsOf: second))
        } else {
            let a = try Self.bytes(of: first)
            #expect(a.count == 4)
            #expect(a == (try Self.bytes(of: second)))
        }
    }

    @Test("a failure midway leaves no bundle and no temporary file", arguments: ["bundle", "bundle.zip"])
    func atomic(name: String) throws {
        let dir = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent(name)
        let failing = BundleWriter { path in
            if path.hasPrefix("pieces/") { throw CocoaError(.fileWriteOutOfSpace) }
        }
        #expect(throws: BundleError.self) {
            try failing.write(files: Self.files, manifest: Self.manifest(), to: target, force: false)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test("an existing bundle is kept unless forced, and kept whole when a forced rewrite fails")
    func overwrite() throws {
        let dir = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("bundle")
        try BundleWriter().write(files: Self.files, manifest: Self.manifest(), to: target, force: false)
        #expect(throws: BundleError.exists(target.path)) {
            try BundleWriter().write(files: Self.files, manifest: Self.manifest(), to: target, force: false)
        }
        let before = try Self.bytes(of: target)
        let failing = BundleWriter { _ in throw CocoaError(.fileWriteOutOfSpace) }
        #expect(throws: BundleError.self) {
            try failing.write(files: [], manifest: Self.manifest([]), to: target, force: true)
        }
        #expect(try Self.bytes(of: target) == before)
        try BundleWriter().write(files: [], manifest: Self.manifest([]), to: target, force: true)
        #expect(try Self.bytes(of: target).keys.sorted() == ["/manifest.json"])
    }

    @Test("verify passes on an intact bundle", arguments: ["bundle", "bundle.zip"])
    func verifyIntact(name: String) throws {
        let dir = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent(name)
        try BundleWriter().write(files: Self.files, manifest: Self.manifest(), to: target, force: false)
        let report = try Self.verifier.verify(path: target.path)
        #expect(report.problems == [])
        #expect(report.text.contains("intact : les 3 fichiers correspondent"))
    }

    @Test("verify names a changed byte, an added file and a removed file")
    func verifyTampering() throws {
        let dir = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("bundle")
        try BundleWriter().write(files: Self.files, manifest: Self.manifest(), to: target, force: false)
        let piece = target.appendingPathComponent("pieces/01-devis.pdf")
        var bytes = try Data(contentsOf: piece)
        bytes[4] ^= 0x01
        try bytes.write(to: piece)
        try Data("extra".utf8).write(to: target.appendingPathComponent("pieces/ajout.txt"))
        try FileManager.default.removeItem(at: target.appendingPathComponent("01-mise-en-demeure.txt"))
        let report = try Self.verifier.verify(path: target.path)
        #expect(
            report.problems == [
                .removed("01-mise-en-demeure.txt"), .altered("pieces/01-devis.pdf"),
                .added("pieces/ajout.txt"),
                .tampered("pieces/01-devis.pdf", "son SHA-256 diffère de celui que dossier.xml enregistre"),
            ])
        #expect(report.text.contains("modifié : pieces/01-devis.pdf"))
    }

    @Test("verify reports a dossier.xml the schema refuses")
    func verifyXML() throws {
        let dir = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("bundle.zip")
        var files = Self.files
        files[2].data = Self.dossierXML(extra: "<BROKEN/>")
        try BundleWriter().write(files: files, manifest: Self.manifest(files), to: target, force: false)
        let report = try Self.verifier.verify(path: target.path)
        #expect(report.problems == [.invalidXML("dossier.xml:1:0: broken on purpose")])
    }

    @Test("verify refuses what is not a bundle")
    func notABundle() throws {
        let dir = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: BundleError.self) { try Self.verifier.verify(path: dir.path) }
        #expect(throws: BundleError.self) { try Self.verifier.verify(path: dir.appendingPathComponent("nope").path) }
    }
}
