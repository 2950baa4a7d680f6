import Foundation
import RecouvreModel
import RecouvreTestSupport
import Testing

@testable import RecouvreCaseFile

/// Exhibits come only from the case's own folder (issue 12): what the folder source says of
/// symbolic links, devices, pipes, folders and large files, and what `check` then reports.
@Suite("Exhibit files on disk")
struct ExhibitFileTests {
    /// A fresh case folder with `pieces/devis.pdf`, removed by the caller.
    static func folder() throws -> URL {
        let base = try TestPaths.temporaryFolder("recouvre-exhibits")
        try FileManager.default.createDirectory(
            at: base.appendingPathComponent("pieces"), withIntermediateDirectories: true)
        try Data("%PDF-1.4".utf8).write(to: base.appendingPathComponent("pieces/devis.pdf"))
        return base
    }

    @Test("the folder source: a file, a folder, missing, links out and in, a FIFO, a device")
    func entries() throws {
        let base = try Self.folder()
        defer { try? FileManager.default.removeItem(at: base) }
        let manager = FileManager.default
        try manager.createSymbolicLink(
            atPath: base.appendingPathComponent("pieces/passwd").path, withDestinationPath: "/etc/passwd")
        try manager.createSymbolicLink(
            atPath: base.appendingPathComponent("pieces/zero").path, withDestinationPath: "/dev/zero")
        try manager.createSymbolicLink(
            atPath: base.appendingPathComponent("pieces/alias.pdf").path, withDestinationPath: "devis.pdf")
        try manager.createSymbolicLink(
            atPath: base.appendingPathComponent("pieces/dangling").path, withDestinationPath: "nowhere")
        #expect(mkfifo(base.appendingPathComponent("pieces/fifo").path, 0o600) == 0)
        let source = FolderExhibitSource(folder: base)
        #expect(source.entry(at: "pieces/devis.pdf") == .file(size: 8))
        #expect(source.entry(at: "pieces/alias.pdf") == .file(size: 8))
        #expect(source.entry(at: "pieces") == .folder)
        #expect(source.entry(at: "pieces/absent.pdf") == .missing)
        #expect(source.entry(at: "pieces/dangling") == .missing)
        #expect(source.entry(at: "pieces/passwd") == .outside)
        #expect(source.entry(at: "pieces/zero") == .outside)
        #expect(source.entry(at: "pieces/fifo") == .special)
        #expect(try source.contents(of: "pieces/devis.pdf") == Data("%PDF-1.4".utf8))
        #expect(throws: ExhibitReadError.self) { try source.contents(of: "pieces/passwd") }
        #expect(throws: ExhibitReadError.self) { try source.contents(of: "pieces/fifo") }
    }

    @Test("the folder itself reached through a symbolic link still works")
    func linkedFolder() throws {
        let base = try Self.folder()
        defer { try? FileManager.default.removeItem(at: base) }
        let link = base.deletingLastPathComponent().appendingPathComponent("recouvre-link-\(UUID().uuidString)")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: base.path)
        defer { try? FileManager.default.removeItem(at: link) }
        #expect(FolderExhibitSource(folder: link).entry(at: "pieces/devis.pdf") == .file(size: 8))
    }

    @Test("check refuses each hostile exhibit at its location; a file over 20 MB by its size")
    func refusedAtCheck() throws {
        let base = try Self.folder()
        defer { try? FileManager.default.removeItem(at: base) }
        let manager = FileManager.default
        try manager.createSymbolicLink(
            atPath: base.appendingPathComponent("pieces/passwd").path, withDestinationPath: "/etc/passwd")
        #expect(mkfifo(base.appendingPathComponent("pieces/fifo").path, 0o600) == 0)
        // A sparse file: 21 MB long, nothing written.
        let big = base.appendingPathComponent("pieces/scan.pdf")
        #expect(manager.createFile(atPath: big.path, contents: nil))
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: 21 * 1024 * 1024)
        try handle.close()
        let text =
            Inline.head + Inline.invoice + """
                exhibits:
                  - { title: "Devis", file: "pieces/devis.pdf" }
                  - { title: "Mots de passe", file: "pieces/passwd" }
                  - { title: "Tube", file: "pieces/fifo" }
                  - { title: "Dossier", file: "pieces" }
                  - { title: "Scan", file: "pieces/scan.pdf" }

                """
        let file = base.appendingPathComponent("case.yaml")
        try Data(text.utf8).write(to: file)
        do {
            _ = try CaseFileReader.load(path: file.path)
            Issue.record("accepted")
        } catch {
            let lines = error.problems.map { "\($0.line): \($0.keyPath): \($0.message)" }
            #expect(
                lines == [
                    "22: exhibits[1] (Mots de passe).file: « pieces/passwd » mène hors du répertoire du dossier par un lien symbolique",
                    "23: exhibits[2] (Tube).file: « pieces/fifo » n'est pas un fichier ordinaire (un périphérique, un tube ou une socket)",
                    "24: exhibits[3] (Dossier).file: « pieces » est un répertoire",
                    "25: exhibits[4] (Scan).file: « pieces/scan.pdf » fait 21,0 Mo, au-delà de la limite de 20 Mo pour une pièce",
                ])
        }
    }
}
