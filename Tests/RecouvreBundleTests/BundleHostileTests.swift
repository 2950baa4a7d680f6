import Foundation
import RecouvreBundle
import RecouvreBundleIO
import RecouvreTestSupport
import Testing
import ZIPFoundation

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 12: `--force` replaces only an earlier recouvre bundle, and `verify` on hostile bundles
/// (links, FIFOs, zip bombs, damaged zips, unsafe entries) refuses or reports, never reads outside,
/// never hangs, never crashes. Every hostile input is generated here.
@Suite("Hostile targets and bundles")
struct BundleHostileTests {
    let dir: URL

    init() throws { dir = try TestPaths.temporaryFolder("bundle-hostile") }

    static let files = BundleWriterTests.files
    static let manifest = BundleWriterTests.manifest()
    static let verifier = BundleWriterTests.verifier

    func write(_ name: String, force: Bool = false, protecting: [String] = []) throws -> URL {
        let target = dir.appendingPathComponent(name)
        try BundleWriter().write(
            files: Self.files, manifest: Self.manifest, to: target, force: force, protecting: protecting)
        return target
    }

    func refusal(_ target: URL, protecting: [String] = []) -> BundleError? {
        #expect(throws: BundleError.self) {
            try BundleWriter().write(
                files: Self.files, manifest: Self.manifest, to: target, force: true, protecting: protecting)
        }
    }

    // MARK: --force

    @Test(
        "--force replaces an earlier bundle, folder or zip, and leaves no .old or .partial behind",
        arguments: ["bundle", "bundle.zip"])
    func forceReplacesBundle(name: String) throws {
        let target = try write(name)
        _ = try write(name, force: true)
        #expect(try Self.verifier.verify(path: target.path).isIntact)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == [name])
    }

    @Test("--force never replaces the case's own folder (case.yaml and its exhibits)")
    func forceProtectsCase() throws {
        let caseFolder = dir.appendingPathComponent("client")
        try FileManager.default.createDirectory(at: caseFolder, withIntermediateDirectories: true)
        let caseFile = caseFolder.appendingPathComponent("case.yaml")
        try Data("version: 1\n".utf8).write(to: caseFile)
        let error = refusal(caseFolder, protecting: [caseFile.path])
        #expect(error?.description.contains("--force refusé") == true, "\(String(describing: error))")
        #expect(error?.description.contains("case.yaml") == true)
        #expect(FileManager.default.fileExists(atPath: caseFile.path))
        // Even a real earlier bundle that holds a protected exhibit is kept.
        let bundle = try write("b")
        let error2 = refusal(bundle, protecting: [bundle.appendingPathComponent("pieces/01-devis.pdf").path])
        #expect(error2?.description.contains("pièce") == true)
        #expect(try Self.verifier.verify(path: bundle.path).isIntact)
    }

    @Test("--force refuses a regular file, a folder of other files, a link, a FIFO, a device")
    func forceRefusesForeign() throws {
        let file = dir.appendingPathComponent("notes.txt")
        try Data("mes notes\n".utf8).write(to: file)
        #expect(refusal(file)?.description.contains("n'est pas un dossier zip écrit par recouvre") == true)
        #expect(try Data(contentsOf: file) == Data("mes notes\n".utf8))

        let zipNamed = dir.appendingPathComponent("photos.zip")
        try Data("PK not really\n".utf8).write(to: zipNamed)
        #expect(refusal(zipNamed) != nil)

        let folder = dir.appendingPathComponent("documents")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: folder.appendingPathComponent("contrat.pdf"))
        #expect(refusal(folder)?.description.contains("pas de manifest.json") == true)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("contrat.pdf").path))

        let bundle = try write("bundle")
        try Data("à garder".utf8).write(to: bundle.appendingPathComponent("notes-perso.txt"))
        #expect(refusal(bundle)?.description.contains("notes-perso.txt") == true)

        let link = dir.appendingPathComponent("lien")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: bundle.path)
        #expect(refusal(link)?.description.contains("lien symbolique") == true)

        let fifo = dir.appendingPathComponent("tube")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        #expect(refusal(fifo)?.description.contains("FIFO") == true)
        #expect(PathKind.of(fifo.path) == .special("un tube nommé (FIFO)"))

        // `--out /dev/null --force` once replaced /dev/null with a folder.
        #expect(refusal(URL(fileURLWithPath: "/dev/null"))?.description.contains("périphérique") == true)
        #expect(PathKind.of("/dev/null") == .special("un périphérique caractère"))
    }

    @Test("a killed build's .partial-* and .old-* of the same target are removed by the next build")
    func debrisRemoved() throws {
        for stale in [".bundle.partial-1234", ".bundle.old-5678", ".bundle.zip.partial-9"] {
            try FileManager.default.createDirectory(
                at: dir.appendingPathComponent(stale).appendingPathComponent("pieces"),
                withIntermediateDirectories: true)
        }
        try Data("autre".utf8).write(to: dir.appendingPathComponent(".autre.partial-1"))
        _ = try write("bundle")
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(left == [".autre.partial-1", ".bundle.zip.partial-9", "bundle"])
    }

    static let isLinux: Bool = {
        #if os(Linux)
            return true
        #else
            return false
        #endif
    }()

    @Test("on Linux two paths are swapped atomically (renameat2 RENAME_EXCHANGE)", .enabled(if: isLinux))
    func exchange() throws {
        let a = dir.appendingPathComponent("a")
        let b = dir.appendingPathComponent("b")
        try FileManager.default.createDirectory(at: a, withIntermediateDirectories: true)
        try Data("b".utf8).write(to: b)
        #expect(FileSystem.exchange(a.path, b.path))
        #expect(PathKind.of(a.path) == .regular(size: 1))
        #expect(PathKind.of(b.path) == .directory)
    }

    @Test("a full disk and a read-only folder are said in French, not as a Foundation dump")
    func frenchErrors() {
        #expect(FileSystemError.reason(of: CocoaError(.fileWriteOutOfSpace)) == "disque plein")
        #expect(FileSystemError.reason(errno: ENOSPC) == "disque plein")
        #expect(FileSystemError.reason(errno: EROFS) == "système de fichiers en lecture seule")
        let failing = BundleWriter { _ in throw CocoaError(.fileWriteOutOfSpace) }
        let error = #expect(throws: BundleError.self) {
            try failing.write(
                files: Self.files, manifest: Self.manifest, to: dir.appendingPathComponent("x"), force: false)
        }
        #expect(
            error?.description.hasSuffix("impossible d'écrire le dossier (disque plein) ; rien n'a été écrit") == true,
            "\(String(describing: error))")
    }

    // MARK: verify on hostile folders

    func problems(_ path: URL) throws -> [VerifyProblem] { try Self.verifier.verify(path: path.path).problems }

    @Test("a FIFO given to verify is refused without being opened")
    func fifoRefused() throws {
        let fifo = dir.appendingPathComponent("dossier")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let error = #expect(throws: BundleError.self) { try Self.verifier.verify(path: fifo.path) }
        #expect(error?.description.contains("tube nommé (FIFO)") == true)
    }

    @Test("a foreign folder (no manifest.json) is refused before it is walked; a huge one stops at the limit")
    func foreignFolder() throws {
        let error = #expect(throws: BundleError.self) { try Self.verifier.verify(path: "/usr") }
        #expect(error?.description == "/usr : pas un dossier recouvre (pas de manifest.json à la racine du dossier)")
        let huge = try write("huge")
        let many = huge.appendingPathComponent("pieces/beaucoup")
        try FileManager.default.createDirectory(at: many, withIntermediateDirectories: true)
        for index in 0...BundleLimits.entries {
            FileManager.default.createFile(atPath: many.path + "/\(index)", contents: nil)
        }
        let tooMany = #expect(throws: BundleError.self) { try Self.verifier.verify(path: huge.path) }
        #expect(tooMany?.description.contains("plus de \(BundleLimits.entries) fichiers") == true)
    }

    @Test("a link, a FIFO inside the folder: reported, never followed or opened")
    func linksInFolder() throws {
        let bundle = try write("bundle")
        let notice = bundle.appendingPathComponent("01-mise-en-demeure.txt")
        try FileManager.default.removeItem(at: notice)
        try FileManager.default.createSymbolicLink(atPath: notice.path, withDestinationPath: "/etc/passwd")
        #expect(mkfifo(bundle.appendingPathComponent("pieces/tube").path, 0o600) == 0)
        let found = try problems(bundle)
        #expect(found.contains(.tampered("01-mise-en-demeure.txt", "lien symbolique, jamais suivi")), "\(found)")
        #expect(found.contains(.tampered("pieces/tube", "un tube nommé (FIFO), jamais ouvert")), "\(found)")
    }

    @Test("missing dossier.xml, unknown schema, a letter re-hashed in the manifest: all altered")
    func alterations() throws {
        let noXML = try write("noxml")
        try FileManager.default.removeItem(at: noXML.appendingPathComponent("dossier.xml"))
        var manifest = Self.manifest
        manifest.files.removeAll { $0.path == "dossier.xml" }
        try manifest.json().write(to: noXML.appendingPathComponent("manifest.json"))
        #expect(try problems(noXML).contains { "\($0)".hasPrefix("modifié : dossier.xml (absent") })

        let schema = try write("schema")
        let url = schema.appendingPathComponent("manifest.json")
        let text = try String(contentsOf: url, encoding: .utf8)
            .replacingOccurrences(of: "recouvre.manifest/1", with: "recouvre.manifest/9")
        try Data(text.utf8).write(to: url)
        #expect(
            try problems(schema) == [
                .tampered(
                    "manifest.json",
                    "schéma du manifeste inconnu (\"recouvre.manifest/9\", attendu \"recouvre.manifest/1\")")
            ])

        let rehashed = try write("rehashed")
        let forged = Data("Mise en demeure de payer 999 999,99 €\n".utf8)
        try forged.write(to: rehashed.appendingPathComponent("01-mise-en-demeure.txt"))
        var forgedManifest = Self.manifest
        forgedManifest.files = forgedManifest.files.map {
            $0.path == "01-mise-en-demeure.txt" ? BundleManifestFile(path: $0.path, data: forged) : $0
        }
        try forgedManifest.json().write(to: rehashed.appendingPathComponent("manifest.json"))
        #expect(
            try problems(rehashed) == [
                .tampered("01-mise-en-demeure.txt", "son SHA-256 diffère de celui que dossier.xml enregistre")
            ])
    }

    @Test("a dossier.xml with 200,000 attributes is refused by the parser's limit, quickly")
    func attributeBomb() throws {
        var attributes = ""
        attributes.reserveCapacity(2_400_000)
        for index in 0..<200_000 { attributes += " a\(index)=\"1\"" }
        let xml = Data("<?xml version=\"1.0\"?><dossier xmlns=\"urn:recouvre:dossier:1\"\(attributes)/>".utf8)
        let error = #expect(throws: DossierRecordError.self) { try DossierRecord.parse(xml) }
        #expect(error?.description.contains("more than 256 attributes") == true, "\(String(describing: error))")
    }

    // MARK: verify on hostile zips

    /// A zip written entry by entry with ZIPFoundation (it lets a test write what recouvre never does).
    func zip(_ name: String, _ entries: [(String, Entry.EntryType, Data)]) throws -> URL {
        let url = dir.appendingPathComponent(name)
        let archive = try Archive(url: url, accessMode: .create)
        for (path, type, data) in entries {
            try archive.addEntry(
                with: path, type: type, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in data.subdata(in: Int(position)..<Int(position) + size) }
        }
        return url
    }

    var goodEntries: [(String, Entry.EntryType, Data)] {
        DossierBundle(files: Self.files, manifest: Self.manifest).allFiles.map { ($0.path, .file, $0.data) }
    }

    @Test("symlink, ../, absolute and duplicate zip entries are reported as alterations")
    func unsafeZipEntries() throws {
        let url = try zip(
            "evil.zip",
            goodEntries + [
                ("pieces/lien", .symlink, Data("/etc/passwd".utf8)),
                ("../evasion.txt", .file, Data("x".utf8)),
                ("/etc/absolu.txt", .file, Data("x".utf8)),
                ("01-mise-en-demeure.txt", .file, Data("doublon".utf8)),
            ])
        let found = try problems(url)
        #expect(found.contains(.tampered("pieces/lien", "lien symbolique dans le zip, jamais suivi")), "\(found)")
        #expect(found.contains(.tampered("../evasion.txt", "chemin remontant hors du dossier (..)")), "\(found)")
        #expect(found.contains(.tampered("/etc/absolu.txt", "chemin absolu, hors du dossier")), "\(found)")
        #expect(found.contains(.tampered("01-mise-en-demeure.txt", "entrée en double dans le zip")), "\(found)")
    }

    @Test("a zip bomb is refused under the size limits, whether it announces its size or lies about it")
    func zipBomb() throws {
        // 80 MiB of zeros deflate to about 80 KiB: above the 64 MiB per-file limit.
        let zeros = Data(count: 80 * 1024 * 1024)
        let honest = try zip("bomb.zip", goodEntries + [("pieces/zeros.bin", .file, zeros)])
        let announced = #expect(throws: BundleError.self) { try Self.verifier.verify(path: honest.path) }
        #expect(announced?.description.contains("refusé sans être lu") == true, "\(String(describing: announced))")

        // The same entry whose headers claim 1,000 bytes: inflating stops at the declared size.
        var bytes = try Data(contentsOf: honest)
        let name = Array("pieces/zeros.bin".utf8)
        func patch(signature: [UInt8], sizeOffset: Int, nameOffset: Int) {
            var index = 0
            while let found = bytes[index...].firstRange(of: signature) {
                let nameStart = found.lowerBound + nameOffset
                if nameStart + name.count <= bytes.count, Array(bytes[nameStart..<nameStart + name.count]) == name {
                    for (offset, byte) in [0xE8, 0x03, 0x00, 0x00].enumerated() {
                        bytes[found.lowerBound + sizeOffset + offset] = UInt8(byte)
                    }
                }
                index = found.upperBound
            }
        }
        patch(signature: [0x50, 0x4B, 0x03, 0x04], sizeOffset: 22, nameOffset: 30)  // local header
        patch(signature: [0x50, 0x4B, 0x01, 0x02], sizeOffset: 24, nameOffset: 46)  // central directory
        let lying = dir.appendingPathComponent("lying.zip")
        try bytes.write(to: lying)
        let report = try? Self.verifier.verify(path: lying.path)
        // Either refused outright (bomb, damaged) or reported: never 80 MiB read, never a crash.
        #expect(report == nil || report?.isIntact == false)
    }

    @Test("600 seeded random corruptions of a bundle zip: each refused or reported, none crashes")
    func damagedZips() throws {
        let good = try write("good.zip")
        let original = try Data(contentsOf: good)
        let seed = ProcessInfo.processInfo.environment["RECOUVRE_FUZZ_SEED"].flatMap(UInt64.init) ?? 20_261_201
        print("damagedZips: seed \(seed) (replay with RECOUVRE_FUZZ_SEED=\(seed))")
        var generator = SeededGenerator(seed: seed)
        var intact = 0
        for round in 0..<600 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                bytes[index] = UInt8.random(in: 0...255, using: &generator)
            }
            if round % 10 == 0 { bytes = bytes.prefix(Int.random(in: 0..<bytes.count, using: &generator)) }
            let url = dir.appendingPathComponent("damaged-\(round).zip")
            try bytes.write(to: url)
            do {
                if try Self.verifier.verify(path: url.path).isIntact { intact += 1 }
            } catch let error as BundleError {
                #expect(error.exitCode == 1, "round \(round), seed \(seed)")
            }
            try? FileManager.default.removeItem(at: url)
        }
        // A corruption may land in bytes no reader looks at (a comment, a date): say how many.
        print("damagedZips: \(intact) of 600 still verify as intact")
    }

    @Test("150 seeded random damages of a bundle folder: each reported or refused, never intact, never a hang")
    func damagedFolders() throws {
        let seed = ProcessInfo.processInfo.environment["RECOUVRE_FUZZ_SEED"].flatMap(UInt64.init) ?? 20_261_202
        print("damagedFolders: seed \(seed) (replay with RECOUVRE_FUZZ_SEED=\(seed))")
        var generator = SeededGenerator(seed: seed)
        let names = DossierBundle(files: Self.files, manifest: Self.manifest).allFiles.map(\.path)
        let fm = FileManager.default
        for round in 0..<150 {
            let target = try write("f-\(round)")
            let victim = target.appendingPathComponent(names.randomElement(using: &generator) ?? "dossier.xml")
            switch Int.random(in: 0..<6, using: &generator) {
            case 0:
                var bytes = try Data(contentsOf: victim)
                if bytes.isEmpty { bytes.append(0) }
                bytes[Int.random(in: 0..<bytes.count, using: &generator)] ^= UInt8.random(
                    in: 1...255, using: &generator)
                try bytes.write(to: victim)
            case 1: try fm.removeItem(at: victim)
            case 2:
                try fm.removeItem(at: victim)
                try fm.createSymbolicLink(atPath: victim.path, withDestinationPath: "/etc/hostname")
            case 3:
                try fm.removeItem(at: victim)
                #expect(mkfifo(victim.path, 0o600) == 0)
            case 4:
                try Data(count: Int.random(in: 0...64, using: &generator))
                    .write(to: target.appendingPathComponent("pieces/extra-\(round)"))
            default:
                var deep = target
                for level in 0..<10 { deep.appendPathComponent("d\(level)") }
                try fm.createDirectory(at: deep, withIntermediateDirectories: true)
            }
            do {
                let report = try Self.verifier.verify(path: target.path)
                #expect(!report.isIntact, "round \(round), seed \(seed): a damaged bundle verified as intact")
            } catch let error as BundleError {
                #expect(error.exitCode == 1, "round \(round), seed \(seed)")
            }
            FileSystem.removeTree(target.path)
        }
    }
}
