import Foundation
import RecouvreModel
import RecouvreTestSupport
import Testing

@testable import RecouvreCaseFile

/// No input crashes or traps the reader: random bytes, and random mutations of a valid case, either
/// read or give located problems.
@Suite("Fuzzing the reader")
struct FuzzTests {
    /// SplitMix64: a small seeded generator, so a failure is reproducible from its seed.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let seed: UInt64 = 20_261_123

    /// The file-level problems, the only ones without a line.
    static let unlocated = ["le fichier est vide", "le fichier ne contient aucun dossier (seulement des blancs ou des commentaires)"]

    func check(_ data: Data, _ label: String, folder: URL = URL(fileURLWithPath: "/nonexistent"), json: Bool = false) {
        do {
            _ = try CaseFileReader.decode(data, name: "fuzz.yaml", folder: folder, json: json, today: Day(iso: "2026-11-23"))
        } catch {
            #expect(!error.problems.isEmpty, "\(label): an error without problems")
            for problem in error.problems {
                #expect(problem.description.hasPrefix("fuzz.yaml"), "\(label): \(problem)")
                #expect(!problem.description.contains("\n"), "\(label): a message on several lines: \(problem)")
                #expect(
                    problem.line > 0 || Self.unlocated.contains(problem.message),
                    "\(label): a problem without its line: \(problem)")
            }
        }
    }

    @Test("random bytes")
    func randomBytes() {
        var generator = SeededGenerator(state: Self.seed)
        for round in 0..<400 {
            let count = Int.random(in: 0...300, using: &generator)
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            check(Data(bytes), "random bytes, round \(round)")
        }
    }

    @Test("random ASCII and YAML punctuation")
    func randomText() {
        var generator = SeededGenerator(state: Self.seed &+ 1)
        let alphabet = Array("abc01-: \n\t[]{},#&*!|>'\"%@`?.\\éа€")
        for round in 0..<400 {
            let count = Int.random(in: 0...200, using: &generator)
            let text = String((0..<count).map { _ in alphabet.randomElement(using: &generator)! })
            check(Data(text.utf8), "random text, round \(round)")
        }
    }

    /// Fragments a mutation inserts: YAML punctuation, hostile values (anchors, tags, control
    /// characters, paths out of the folder, French dates and amounts), and keys of the format.
    static let fragments: [[UInt8]] = [
        "-", ":", " ", "\n", "  ", "[", "}", "\"", "'", "#", "0", "9", ".", ",", "-1",
        "2025-02-30", "null", "~", "&a", "*a", "\t", "é", "\u{0}", "{}", "[]", "!!binary ", "!x ", "\u{1B}[31m",
        "\r", "\\\"", "../../etc/passwd", "/dev/zero", "15/09/2025", "4 860,00", "1.234,56", "\u{2028}",
        "true", "0.00", "9999999999999999", "type: judgment", "received: 2999-01-01", "as_of: 1999-01-01",
        "kind: public_body", "siren: \"552100555\"", "capitalisation: requested", "outcome: not_collected",
        "collective_proceedings: { opened: 2026-06-30 }", "invoices: [\"X\"]", "- { type: plan, date: 2025-01-01 }",
    ].map { Array($0.utf8) }

    /// Up to four random edits: a byte removed, a fragment inserted, a byte changed, a span cut, a line
    /// duplicated or moved.
    static func mutate(_ original: [UInt8], using generator: inout SeededGenerator) -> [UInt8] {
        var bytes = original
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            if bytes.isEmpty { break }
            let position = Int.random(in: 0..<bytes.count, using: &generator)
            switch Int.random(in: 0..<6, using: &generator) {
            case 0:
                bytes.remove(at: position)
            case 1:
                bytes.insert(contentsOf: fragments.randomElement(using: &generator)!, at: position)
            case 2:
                bytes[position] = UInt8.random(in: 0...255, using: &generator)
            case 3:
                let end = min(bytes.count, position + Int.random(in: 1...40, using: &generator))
                bytes.removeSubrange(position..<end)
            default:
                // A whole line, copied or moved to the start of another line.
                let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
                guard lines.count > 2 else { continue }
                var edited = Array(lines)
                let from = Int.random(in: 0..<edited.count, using: &generator)
                let line = edited[from]
                if Bool.random(using: &generator) { edited.remove(at: from) }
                edited.insert(line, at: Int.random(in: 0..<edited.count, using: &generator))
                bytes = Array(edited.joined(separator: [UInt8(ascii: "\n")]))
            }
        }
        return bytes
    }

    /// 250 mutations of each valid fixture, read with its own folder (its exhibits on disk), and 40 of
    /// each invalid one: about 3 600 inputs.
    @Test("random mutations of every valid and invalid fixture")
    func mutations() throws {
        var generator = SeededGenerator(state: Self.seed &+ 2)
        for name in FixtureTests.names {
            let folder = TestPaths.fixture(name)
            let original = try [UInt8](Data(contentsOf: folder.appendingPathComponent("case.yaml")))
            for round in 0..<250 {
                check(Data(Self.mutate(original, using: &generator)), "\(name), round \(round)", folder: folder)
            }
        }
        let invalid = TestPaths.fixtures.appendingPathComponent("invalid")
        let names = try FileManager.default.contentsOfDirectory(atPath: invalid.path)
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.sorted()
        for name in names {
            let original = try [UInt8](Data(contentsOf: invalid.appendingPathComponent(name)))
            for round in 0..<40 {
                check(
                    Data(Self.mutate(original, using: &generator)), "invalid/\(name), round \(round)", folder: invalid,
                    json: name.hasSuffix(".json"))
            }
        }
    }

    @Test("the valid fixtures as JSON, mutated, through the strict JSON reader")
    func jsonMutations() throws {
        var generator = SeededGenerator(state: Self.seed &+ 3)
        let json = Array(
            """
            {"version": 1, "reference": "T-1", "as_of": "2026-11-23",
             "creditor": {"kind": "company", "name": "Atelier Lumière", "siren": "123456782",
                          "address": {"lines": ["12 rue des Lilas"], "postcode": "69003", "city": "Lyon"}},
             "debtor": {"kind": "company", "name": "Bâtiments Durand", "siren": "552100554",
                        "address": {"lines": ["4 avenue Jean Jaurès"], "postcode": "21000", "city": "Dijon"}},
             "invoices": [{"number": "FA-1", "issued": "2025-03-31", "due": "2025-04-30", "amount": 1800.00}],
             "events": [{"type": "formal_notice", "date": "2025-06-20", "received": "2025-06-23"}]}
            """.utf8)
        check(Data(json), "the JSON case", json: true)
        for round in 0..<400 {
            check(Data(Self.mutate(json, using: &generator)), "JSON, round \(round)", json: true)
        }
    }
}
