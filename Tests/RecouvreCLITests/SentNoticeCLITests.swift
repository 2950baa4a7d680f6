import Foundation
import RecouvreTestSupport
import Testing

/// `build --stage court --archive`: the court dossier produces the notice actually sent, as the
/// archive kept it (`archive add --file`), byte for byte, and refuses one whose bytes changed
/// (issue 15, issue 17; domain.md §5).
@Suite("recouvre build --archive: the notice as sent")
struct SentNoticeCLITests {
    static let caseFile = "fixtures/b2b-lyon-dijon/case.yaml"
    let folder: URL
    let db: String
    /// The archive's secret goes to the test's own configuration folder, never the user's.
    let environment: [String: String]

    init() throws {
        folder = try TestPaths.temporaryFolder("sent-notice-cli")
        db = folder.appendingPathComponent("archive.sqlite").path
        environment = ["XDG_CONFIG_HOME": folder.appendingPathComponent("config").path, "RECOUVRE_ARCHIVE_SECRET": ""]
    }

    static let typstAvailable: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import typst"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        let processStatus = ChildExit.status(process)
        return processStatus == 0
    }()

    /// The fixture's notice, sent 2025-06-20: its notice bundle as of that day (`extra`: `--pdf`).
    func noticeBundle(_ extra: [String] = []) async throws -> URL {
        let bundle = folder.appendingPathComponent("notice")
        let built = try await CLI.run(
            ["build", Self.caseFile, "--out", bundle.path, "--stage", "notice", "--as-of", "2025-06-20"] + extra)
        #expect(built.status == 0, "\(built)")
        return bundle
    }

    func archiveAdd(_ bundle: URL, file: URL?) async throws {
        let added = try await CLI.run(
            [
                "archive", "add", bundle.path, "--sent", "2025-06-20", "--channel", "registered_letter",
                "--tracking", "1A 123 456 7890 1", "--db", db,
            ] + (file.map { ["--file", $0.path] } ?? []), environment: environment)
        #expect(added.status == 0, "\(added)")
    }

    func courtBuild(_ out: URL) async throws -> CLIResult {
        try await CLI.run(
            ["build", Self.caseFile, "--out", out.path, "--stage", "court", "--archive", db], environment: environment)
    }

    /// The court bundle holds `sent` as its exhibit 5 (the case lists the notice there), recorded with its
    /// SHA-256 in dossier.xml and manifest.json, and `verify` accepts the bundle.
    func expectExhibit(_ sent: Data, name: String, in out: URL, _ result: CLIResult) async throws {
        #expect(result.status == 0, "\(result)")
        let piece = out.appendingPathComponent("pieces/05-\(name)")
        #expect(try Data(contentsOf: piece) == sent)
        let sha = SHA256Hex.of(sent)
        let xml = try String(contentsOf: out.appendingPathComponent("dossier.xml"), encoding: .utf8)
        #expect(xml.contains("<path>pieces/05-\(name)</path>"), "\(xml)")
        #expect(xml.contains("<sha256>\(sha)</sha256>"))
        let manifest = try String(contentsOf: out.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(manifest.contains(sha))
        // The case's own letter is not produced: the archive's replaced it (the only piece 05).
        let own = try Data(
            contentsOf: TestPaths.fixture("b2b-lyon-dijon").appendingPathComponent(
                "pieces/mise-en-demeure-2025-06-20.txt"))
        #expect(sent != own)
        let pieces = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("pieces").path)
        #expect(pieces.filter { $0.hasPrefix("05-") } == ["05-\(name)"], "\(pieces)")
        #expect(result.stderr.contains("warning: mise en demeure envoyée prise de l'archive (notification #1"))
        #expect(result.stderr.contains("elle remplace events[1].letter (pieces/mise-en-demeure-2025-06-20.txt)"))
        let verified = try await CLI.run(["verify", out.path])
        #expect(verified.status == 0, "\(verified)")
    }

    @Test("a small PDF archived with --file is the court dossier's exhibit, byte for byte")
    func smallPDF() async throws {
        let bundle = try await noticeBundle()
        let scan = folder.appendingPathComponent("mise-en-demeure-signee.pdf")
        let pdf = Data("%PDF-1.4\n%\u{e2}\u{e3}\u{cf}\u{d3}\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".utf8)
        try pdf.write(to: scan)
        try await archiveAdd(bundle, file: scan)
        let out = folder.appendingPathComponent("court")
        try await expectExhibit(pdf, name: "mise-en-demeure-2025-06-20.pdf", in: out, try await courtBuild(out))
    }

    @Test("without --file the archived text of the notice bundle is the exhibit, byte for byte")
    func archivedText() async throws {
        let bundle = try await noticeBundle()
        try await archiveAdd(bundle, file: nil)
        let out = folder.appendingPathComponent("court")
        let text = try Data(contentsOf: bundle.appendingPathComponent("01-mise-en-demeure.txt"))
        try await expectExhibit(text, name: "mise-en-demeure-2025-06-20.txt", in: out, try await courtBuild(out))
    }

    @Test(
        "the PDF built by --pdf, archived, is the court dossier's exhibit, byte for byte",
        .enabled(if: typstAvailable, "needs the typst Python package"))
    func builtPDF() async throws {
        let bundle = try await noticeBundle(["--pdf"])
        let pdf = bundle.appendingPathComponent("01-mise-en-demeure.pdf")
        try await archiveAdd(bundle, file: pdf)
        let out = folder.appendingPathComponent("court")
        try await expectExhibit(
            try Data(contentsOf: pdf), name: "mise-en-demeure-2025-06-20.pdf", in: out, try await courtBuild(out))
    }

    @Test(
        "a --pdf-only notice bundle verifies; archive add asks for the --pdf bundle and its PDF, which then works",
        .enabled(if: typstAvailable, "needs the typst Python package"))
    func pdfOnly() async throws {
        let only = folder.appendingPathComponent("only")
        let built = try await CLI.run(
            ["build", Self.caseFile, "--out", only.path, "--stage", "notice", "--as-of", "2025-06-20", "--pdf-only"])
        #expect(built.status == 0, "\(built)")
        let verified = try await CLI.run(["verify", only.path])
        #expect(verified.status == 0, "\(verified)")
        let refused = try await CLI.run(
            [
                "archive", "add", only.path, "--sent", "2025-06-20", "--channel", "registered_letter", "--tracking",
                "1A", "--db", db,
            ], environment: environment)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("ce dossier a été écrit avec --pdf-only"), "\(refused)")
        let both = try await noticeBundle(["--pdf"])
        #expect(
            try Data(contentsOf: only.appendingPathComponent("01-mise-en-demeure.pdf"))
                == Data(contentsOf: both.appendingPathComponent("01-mise-en-demeure.pdf")))
        try await archiveAdd(both, file: only.appendingPathComponent("01-mise-en-demeure.pdf"))
    }

    @Test(
        "an archived letter whose bytes changed is refused, naming the notice and both digests; nothing is written",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3")))
    func tampered() async throws {
        let bundle = try await noticeBundle()
        let scan = folder.appendingPathComponent("scan.pdf")
        let pdf = Data("%PDF-1.4\n%%EOF\n".utf8)
        try pdf.write(to: scan)
        try await archiveAdd(bundle, file: scan)
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        sqlite.arguments = [db, "DROP TRIGGER sent_file_append_only_update; UPDATE sent_file SET data = x'00';"]
        try sqlite.run()
        let sqliteStatus = ChildExit.status(sqlite)
        #expect(sqliteStatus == 0)
        let out = folder.appendingPathComponent("court")
        let result = try await courtBuild(out)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("notification #1 (envoyée le 2025-06-20)"), "\(result.stderr)")
        #expect(result.stderr.contains("SHA-256 enregistré \(SHA256Hex.of(pdf))"), "\(result.stderr)")
        #expect(result.stderr.contains("SHA-256 des octets gardés \(SHA256Hex.of(Data([0])))"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}

/// SHA-256 in lower-case hex, with the system's sha256sum (the CLI tests link no crypto library).
enum SHA256Hex {
    static func of(_ data: Data) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        guard (try? process.run()) != nil else { return "" }
        input.fileHandleForWriting.write(data)
        try? input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        _ = ChildExit.status(process)
        return String(text.prefix(64))
    }
}
