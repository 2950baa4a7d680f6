import Foundation
import RecouvreTestSupport
import Testing

/// `make install PREFIX=…` as the README documents it: the binary in PREFIX/bin, the law book in
/// PREFIX/share/recouvre/forms, and the installed binary working from there with RECOUVRE_FORMS unset.
/// The binary under test is installed as it is (`BINARY=`), so the test builds nothing.
@Suite("make install / uninstall")
struct InstallCLITests {
    static let makeAvailable =
        FileManager.default.isExecutableFile(atPath: "/usr/bin/make")
        || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/make")

    struct Run: CustomStringConvertible {
        var status: Int32
        var stdout: String
        var stderr: String
        var description: String { "exit \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
    }

    /// Runs `executable arguments` in `directory`, with RECOUVRE_FORMS removed from the environment.
    static func run(_ executable: String, _ arguments: [String], in directory: URL) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["RECOUVRE_FORMS"] = nil
        process.environment = environment
        let output = try TestPaths.temporaryFolder("install-output")
        defer { try? FileManager.default.removeItem(at: output) }
        let outURL = output.appendingPathComponent("stdout")
        let errURL = output.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        // Files, not pipes: nothing to drain while the process runs.
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let processStatus = ChildExit.status(process)
        try out.close()
        try err.close()
        return Run(
            status: processStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    static func make(_ arguments: [String]) throws -> Run {
        try run("/usr/bin/env", ["make", "--no-print-directory"] + arguments, in: TestPaths.root)
    }

    @Test(
        "the installed binary finds its forms in PREFIX/share/recouvre/forms; uninstall removes both",
        .enabled(if: makeAvailable, "make is not installed"))
    func installRunUninstall() async throws {
        let prefix = try TestPaths.temporaryFolder("recouvre-prefix")
        defer { try? FileManager.default.removeItem(at: prefix) }
        let installed = try Self.make(["install", "PREFIX=\(prefix.path)", "BINARY=\(TestPaths.binary.path)"])
        #expect(installed.status == 0, "\(installed)")
        let binary = prefix.appendingPathComponent("bin/recouvre").path
        let forms = prefix.appendingPathComponent("share/recouvre/forms")
        #expect(FileManager.default.isExecutableFile(atPath: binary))
        #expect(FileManager.default.fileExists(atPath: forms.appendingPathComponent("rates/ecb-mro.yaml").path))
        #expect(FileManager.default.fileExists(atPath: forms.appendingPathComponent("schemas/dossier.xsd").path))

        // Run from a folder outside the checkout, the case copied there: nothing leads back to the checkout.
        let work = try TestPaths.temporaryFolder("recouvre-installed-run")
        defer { try? FileManager.default.removeItem(at: work) }
        try FileManager.default.copyItem(
            at: TestPaths.fixture("b2b-lyon-dijon"), to: work.appendingPathComponent("case"))
        let statement = try Self.run(
            binary, ["statement", "case/case.yaml", "--as-of", "2026-11-23", "--format", "json"],
            in: work)
        #expect(statement.status == 0, "\(statement)")
        // The same statement as the checkout's binary on the checkout's (shipped, not pinned) forms/.
        let expected = try await CLI.run(
            [
                "statement", TestPaths.fixture("b2b-lyon-dijon").appendingPathComponent("case.yaml").path,
                "--as-of", "2026-11-23", "--format", "json",
            ],
            environment: ["RECOUVRE_FORMS": TestPaths.forms.path])
        #expect(statement.stdout == expected.stdout)

        let build = try Self.run(
            binary, ["build", "case/case.yaml", "--out", "dossier", "--as-of", "2026-11-23"], in: work)
        #expect(build.status == 0, "\(build)")
        let verify = try Self.run(binary, ["verify", "dossier"], in: work)
        #expect(verify.status == 0, "\(verify)")

        let removed = try Self.make(["uninstall", "PREFIX=\(prefix.path)"])
        #expect(removed.status == 0, "\(removed)")
        #expect(!FileManager.default.fileExists(atPath: binary))
        #expect(!FileManager.default.fileExists(atPath: prefix.appendingPathComponent("share/recouvre").path))
    }

    @Test(
        "install refuses a BINARY that is not an executable, and installs nothing",
        .enabled(if: makeAvailable, "make is not installed"))
    func badBinary() throws {
        let prefix = try TestPaths.temporaryFolder("recouvre-prefix")
        defer { try? FileManager.default.removeItem(at: prefix) }
        let result = try Self.make(["install", "PREFIX=\(prefix.path)", "BINARY=\(prefix.path)/no-such-binary"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("is not an executable"))
        #expect(!FileManager.default.fileExists(atPath: prefix.appendingPathComponent("bin/recouvre").path))
    }
}
