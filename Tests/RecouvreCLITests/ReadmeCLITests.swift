import Foundation
import RecouvreTestSupport
import Testing

/// The README's commands work as written, and the main one can be run twice in a row: a newcomer who
/// runs it again gets the same dossier, not an error.
@Suite("README commands")
struct ReadmeCLITests {
    /// Every `swift run recouvre …` line of the README's shell blocks, as the arguments after `recouvre`.
    static func readmeCommands() throws -> [[String]] {
        let readme = try String(contentsOf: TestPaths.root.appendingPathComponent("README.md"), encoding: .utf8)
        return readme.split(separator: "\n").compactMap { line in
            let text = line.trimmingCharacters(in: .whitespaces)
            guard text.hasPrefix("swift run recouvre ") else { return nil }
            return text.dropFirst("swift run recouvre ".count).split(separator: " ").map(String.init)
        }
    }

    @Test("the README's build command succeeds twice as written, and its dossier verifies")
    func buildTwice() async throws {
        let commands = try Self.readmeCommands()
        let build = try #require(
            commands.first { $0.first == "build" }, "no `swift run recouvre build` line in README.md")
        // The command's paths are relative to the checkout: run it in a scratch copy of what it names.
        let work = try TestPaths.temporaryFolder("readme-commands")
        defer { try? FileManager.default.removeItem(at: work) }
        try FileManager.default.createDirectory(
            at: work.appendingPathComponent("fixtures"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: TestPaths.fixture("b2b-lyon-dijon"),
            to: work.appendingPathComponent("fixtures/b2b-lyon-dijon"))
        let first = try await CLI.run(build, in: work)
        #expect(first.status == 0, "\(first)")
        let second = try await CLI.run(build, in: work)
        #expect(second.status == 0, "run twice: \(second)")
        let out = try #require(build.firstIndex(of: "--out").map { build[$0 + 1] })
        let verify = try await CLI.run(["verify", out], in: work)
        #expect(verify.status == 0, "\(verify)")
    }

    @Test("every `swift run recouvre` line of the README names a command that exists")
    func commandsExist() async throws {
        for command in try Self.readmeCommands() {
            let name = try #require(command.first)
            let help = try await CLI.run([name, "--help"])
            #expect(help.status == 0, "README: recouvre \(name): \(help)")
        }
    }
}
