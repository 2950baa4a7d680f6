import Foundation
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

    func check(_ data: Data, _ label: String) {
        do {
            _ = try CaseFileReader.decode(data, name: "fuzz.yaml", folder: URL(fileURLWithPath: "/nonexistent"))
        } catch {
            #expect(!error.problems.isEmpty, "\(label): an error without problems")
            for problem in error.problems {
                #expect(problem.description.hasPrefix("fuzz.yaml"), "\(label): \(problem)")
                #expect(!problem.description.contains("\n"), "\(label): a message on several lines: \(problem)")
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

    @Test("random mutations of every valid fixture")
    func mutations() throws {
        var generator = SeededGenerator(state: Self.seed &+ 2)
        let fragments: [[UInt8]] = [
            "-", ":", " ", "\n", "  ", "[", "}", "\"", "'", "#", "0", "9", ".", ",", "-1",
            "2025-02-30", "null", "~", "&a", "*a", "\t", "é", "\u{0}", "{}", "[]",
        ]
        .map { Array($0.utf8) }
        for name in FixtureTests.names {
            let original = try [UInt8](Data(contentsOf: TestPaths.fixture(name).appendingPathComponent("case.yaml")))
            for round in 0..<60 {
                var bytes = original
                for _ in 0..<Int.random(in: 1...4, using: &generator) {
                    let position = Int.random(in: 0..<bytes.count, using: &generator)
                    switch Int.random(in: 0..<4, using: &generator) {
                    case 0:
                        bytes.remove(at: position)
                    case 1:
                        bytes.insert(contentsOf: fragments.randomElement(using: &generator)!, at: position)
                    case 2:
                        bytes[position] = UInt8.random(in: 0...255, using: &generator)
                    default:
                        let end = min(bytes.count, position + Int.random(in: 1...40, using: &generator))
                        bytes.removeSubrange(position..<end)
                    }
                    if bytes.isEmpty { break }
                }
                check(Data(bytes), "\(name), round \(round)")
            }
        }
    }
}
