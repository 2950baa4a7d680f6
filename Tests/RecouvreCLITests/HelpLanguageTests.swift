import Foundation
import RecouvreTestSupport
import Testing

/// `--help` reads in French on every command (the users are French legal assistants): the overview,
/// the discussion and every argument's and option's help. Only swift-argument-parser's own headings
/// (OVERVIEW, USAGE, ARGUMENTS, OPTIONS, SUBCOMMANDS) and its built-in `--help` / `--version` lines
/// stay as the library writes them; option names and values (`--stage court`, `registered_letter`) are
/// identifiers, not prose.
@Suite("--help in French")
struct HelpLanguageTests {
    /// Every command path, found by walking the SUBCOMMANDS lists from the root.
    static func commandPaths() async throws -> [[String]] {
        var paths: [[String]] = [[]]
        var index = 0
        while index < paths.count {
            let path = paths[index]
            index += 1
            for name in try await CommandReferenceTests.subcommands(path).sorted() where name != "help" {
                paths.append(path + [name])
            }
        }
        return paths
    }

    /// English words that never occur in French prose (nor in the option names and file names the help
    /// quotes: `not-collected`, `--from`, `default.yaml`, `case.yaml`); each one found is a sentence left
    /// untranslated.
    static let englishWords: Set<String> = [
        "the", "and", "of", "with", "is", "for", "its", "when", "each", "which", "example", "examples",
        "folder", "writes", "prints", "shows", "lists", "only", "needs", "must", "without", "every", "exit",
    ]

    /// The prose lines of a help text: without the library's headings and built-in lines, and without
    /// the example command lines (indented by two spaces and starting with `recouvre` or a script).
    static func proseWords(_ help: String) -> [(line: String, word: String)] {
        var found: [(String, String)] = []
        for rawLine in help.split(separator: "\n") {
            let line = String(rawLine)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if ["USAGE:", "OPTIONS:", "ARGUMENTS:", "SUBCOMMANDS:"].contains(where: trimmed.hasPrefix) { continue }
            if trimmed.contains("Show help information.") || trimmed.contains("Show the version.")
                || trimmed.hasPrefix("See 'recouvre help") || trimmed.hasPrefix("recouvre ")
                || trimmed.hasPrefix("scripts/")
            {
                continue
            }
            // Drop the option's own spelling (`--out <out>`, `-h, --help`) before the help text.
            var prose = trimmed.replacingOccurrences(of: "OVERVIEW:", with: "")
            if prose.hasPrefix("-") || prose.hasPrefix("<") {
                guard let gap = prose.range(of: "  ") else { continue }
                prose = String(prose[gap.upperBound...])
            }
            // Identifiers quoted in the prose (`--as-of`, `as_of`, `not-collected`) are not words.
            let tokens = prose.lowercased().split(separator: " ").filter {
                !$0.contains("-") && !$0.contains("_") && !$0.contains("`")
            }
            let words = tokens.flatMap { $0.split { !$0.isLetter } }.map(String.init)
            for word in words where englishWords.contains(word) { found.append((line, word)) }
        }
        return found
    }

    @Test("no English sentence in the --help of any command")
    func everyCommandHelpIsFrench() async throws {
        let paths = try await Self.commandPaths()
        #expect(paths.count > 20, "the walk found only \(paths.count) commands")
        var problems: [String] = []
        for path in paths {
            let help = try await CLI.run(path + ["--help"])
            #expect(help.status == 0, "recouvre \(path.joined(separator: " ")) --help")
            for (line, word) in Self.proseWords(help.stdout) {
                problems.append("recouvre \(path.joined(separator: " ")) --help: « \(word) » in: \(line)")
            }
        }
        #expect(problems.isEmpty, "\(problems.count) English words:\n\(problems.prefix(40).joined(separator: "\n"))")
    }

    @Test("the detector finds an English sentence and passes a French one")
    func detectorWorks() {
        #expect(!Self.proseWords("  --out <out>   Where to write the bundle: a folder.").isEmpty)
        #expect(Self.proseWords("  --out <out>   Où écrire le dossier : un dossier, ou un .zip.").isEmpty)
        #expect(Self.proseWords("  recouvre build case.yaml --out the-folder").isEmpty)
    }

    @Test("every --help example on a shipped fixture runs as written and succeeds")
    func fixtureExamplesRun() async throws {
        let work = try TestPaths.temporaryFolder("help-examples")
        defer { try? FileManager.default.removeItem(at: work) }
        try FileManager.default.copyItem(at: TestPaths.fixtures, to: work.appendingPathComponent("fixtures"))
        var examples: [[String]] = []
        for path in try await Self.commandPaths() {
            let help = try await CLI.run(path + ["--help"])
            let lines = help.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for (index, line) in lines.enumerated() {
                var text = line.trimmingCharacters(in: .whitespaces)
                // swift-argument-parser wraps a long example at 80 columns, the rest flush left.
                if index + 1 < lines.count, let next = lines[index + 1].first, next != " " {
                    text += " " + lines[index + 1]
                }
                guard text.hasPrefix("recouvre "), text.contains("fixtures/") else { continue }
                // An example's output redirection (`> route.json`) is the shell's, not recouvre's.
                let command = text.split(separator: ">").first.map(String.init) ?? text
                let arguments = command.split(separator: " ").dropFirst().map(String.init)
                if !examples.contains(arguments) { examples.append(arguments) }
            }
        }
        #expect(examples.count >= 8, "only \(examples.count) examples found")
        for arguments in examples {
            let result = try await CLI.run(arguments, in: work)
            #expect(result.status == 0, "recouvre \(arguments.joined(separator: " ")): \(result)")
        }
    }
}
