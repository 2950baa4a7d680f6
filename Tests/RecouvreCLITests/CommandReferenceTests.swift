import Foundation
import RecouvreTestSupport
import Testing

/// Messages never send the user to a command that does not exist: every "`recouvre X`" (or "see / run /
/// by / with / use recouvre X") written in Sources/ or forms/ names a subcommand of the built binary, and
/// "recouvre X Y" a subcommand of X when X has subcommands. ("recouvre loads no external resource" is a
/// sentence about the tool, not a command: only those forms are read as commands.)
@Suite("Commands named in messages exist")
struct CommandReferenceTests {
    /// The subcommand names listed under SUBCOMMANDS in `recouvre [path] --help`.
    static func subcommands(_ path: [String]) async throws -> Set<String> {
        let help = try await CLI.run(path + ["--help"])
        var names = Set<String>()
        var inList = false
        for line in help.stdout.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("SUBCOMMANDS:") {
                inList = true
                continue
            }
            guard inList else { continue }
            // "  name                    Abstract…": two spaces, a name, then spaces.
            let trimmed = line.drop { $0 == " " }
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let name = trimmed.split(separator: " ").first,
                name.first?.isLowercase == true
            else { continue }
            names.insert(String(name))
        }
        return names
    }

    /// Every reference in the text files under `folder` with one of `extensions`, with its place.
    static func references(
        under folder: URL, extensions: Set<String>
    ) throws -> [(place: String, command: String, sub: String?)] {
        let pattern = try NSRegularExpression(
            pattern: "(?:`|\\bsee |\\brun |\\bby |\\bwith |\\buse )recouvre ([a-z][a-z-]*)(?: ([a-z][a-z-]*))?")
        var found: [(String, String, String?)] = []
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard extensions.contains(url.pathExtension), let text = try? String(contentsOf: url, encoding: .utf8)
            else { continue }
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                // Comments are for developers (`/// recouvre build …` documents a command's own code).
                if trimmed.hasPrefix("//") { continue }
                let string = String(line)
                for match in pattern.matches(in: string, range: NSRange(string.startIndex..., in: string)) {
                    guard let command = Range(match.range(at: 1), in: string).map({ String(string[$0]) }) else {
                        continue
                    }
                    let sub = Range(match.range(at: 2), in: string).map { String(string[$0]) }
                    let place = "\(url.path.replacingOccurrences(of: TestPaths.root.path + "/", with: "")):\(index + 1)"
                    found.append((place, command, sub))
                }
            }
        }
        return found
    }

    @Test("every command named in Sources/ and forms/ exists")
    func namedCommandsExist() async throws {
        let commands = try await Self.subcommands([])
        #expect(commands.contains("build"), "could not read the subcommands of recouvre --help")
        var nested: [String: Set<String>] = [:]
        let found =
            try Self.references(under: TestPaths.root.appendingPathComponent("Sources"), extensions: ["swift"])
            + Self.references(under: TestPaths.forms, extensions: ["yaml", "mustache", "txt"])
        #expect(!found.isEmpty)
        for reference in found {
            #expect(
                commands.contains(reference.command),
                "\(reference.place): `recouvre \(reference.command)` is not a command (recouvre --help lists \(commands.sorted()))"
            )
            guard commands.contains(reference.command), let sub = reference.sub else { continue }
            if nested[reference.command] == nil {
                nested[reference.command] = try await Self.subcommands([reference.command])
            }
            let subs = nested[reference.command] ?? []
            if !subs.isEmpty {
                #expect(
                    subs.contains(sub), "\(reference.place): `recouvre \(reference.command) \(sub)` is not a command")
            }
        }
    }
}
