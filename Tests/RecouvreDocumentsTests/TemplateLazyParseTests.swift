import Foundation
import RecouvreTestSupport
import Synchronization
import Testing

@testable import RecouvreDocuments

/// Mustache parses a template when it is first rendered, not when the law book is loaded
/// (`TemplateSet.init`): the load-time check (`TemplateCheck`) is what refuses a bad template. These
/// tests hold the two together: whatever the check accepts, swift-mustache parses, so a template never
/// passes the load and then fails in the middle of a build.
@Suite("Templates parsed on first use: the load-time check is the gate")
struct TemplateLazyParseTests {
    @Test("every shipped template, checked at load, is parsed by Mustache")
    func shippedTemplatesParse() throws {
        let templates = Samples.book.renderer.templates
        #expect(templates.sources.count >= DocumentKind.allCases.count)
        try templates.compileAll()
    }

    /// Seeded mutations of the shipped templates: braces, sigils and names inserted, deleted or
    /// swapped. Most are refused by the check; every one it accepts must parse. The seed is printed
    /// with a failure.
    @Test("a mutated template the check accepts is one Mustache parses (1,000 seeded mutations)")
    func mutationsTheCheckAcceptsParse() throws {
        let shipped = Samples.book.renderer.templates
        let texts = shipped.sources.keys.sorted().compactMap { try? shipped.source($0) }
        let pieces = [
            "{{", "}}", "{{{", "}}}", "{{#a}}", "{{/a}}", "{{^a}}", "{{!", "{{&b}}", "{", "}", "#", "/", "^",
            "{{ a }}", "{{a.b}}", "{{uppercased(a)}}", "{{#last()}}", "{{/last()}}", "\n", " ", "é", "{{.}}",
        ]
        var random = SeededGenerator(seed: 0x7E3A_11CE)
        var accepted = 0
        for round in 0..<1_000 {
            var bytes = Array(texts[round % texts.count].utf8)
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let at = Int.random(in: 0...bytes.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: bytes.insert(contentsOf: Array(pieces.randomElement(using: &random)!.utf8), at: at)
                case 1:
                    if at < bytes.count {
                        bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...6, using: &random)))
                    }
                default:
                    if at + 1 < bytes.count { bytes.swapAt(at, at + 1) }
                }
            }
            let text = String(decoding: bytes, as: UTF8.self)
            // A template with no schema is checked for its syntax and limits only, as a letter's is.
            guard (try? TemplateCheck.check(text, file: "t", schema: nil)) != nil else { continue }
            accepted += 1
            #expect(throws: Never.self, "round \(round): accepted at load, refused by Mustache") {
                _ = try CompiledTemplates(sources: ["t": text], files: [:]).template("t")
            }
        }
        // The mutations must exercise both sides: some accepted, most refused.
        #expect(accepted > 100, "only \(accepted) mutations passed the check")
        print("TemplateLazyParseTests: \(accepted) of 1,000 mutations accepted by the check, all parsed")
    }

    @Test("a template is parsed once, by the first of many concurrent renderings")
    func concurrentFirstUse() async throws {
        let set = try TemplateSet(sources: ["t": "{{#lines}}{{.}};{{/lines}}"])
        let texts = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<8 { group.addTask { try set.markup("t", ["lines": ["a", "b"]] as [String: Any]) } }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(texts == Array(repeating: "a;b;", count: 8))
    }

    @Test("each template is parsed once under concurrent first uses, and a parse holds up only its own template")
    func parseHoldsOnlyItsTemplate() throws {
        let parses = Mutex<[String: Int]>([:])
        let holding = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let templates = CompiledTemplates(
            sources: ["slow": "{{a}}", "fast": "{{b}}"], files: [:],
            onParse: { name in
                parses.withLock { $0[name, default: 0] += 1 }
                if name == "slow" {
                    holding.signal()
                    release.wait()
                }
            })
        let slowDone = DispatchSemaphore(value: 0)
        // Eight threads want "slow"; the first holds its parse until released.
        for _ in 0..<8 {
            DispatchQueue.global().async {
                _ = try? templates.template("slow")
                slowDone.signal()
            }
        }
        holding.wait()
        // While "slow" is being parsed, "fast" is parsed and handed out (one lock for all waited here).
        let fastDone = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            _ = try? templates.template("fast")
            fastDone.signal()
        }
        let fastInTime = fastDone.wait(timeout: .now() + 30) == .success
        release.signal()
        for _ in 0..<8 { slowDone.wait() }
        #expect(fastInTime, "the parse of another template held up \"fast\"")
        #expect(parses.withLock { $0 } == ["slow": 1, "fast": 1])
        // A refused template is refused each time, with the same error, parsed once.
        let bad = CompiledTemplates(
            sources: ["bad": "{{#a}}"], files: [:], onParse: { name in parses.withLock { $0[name, default: 0] += 1 } })
        var errors: [String] = []
        for _ in 0..<3 {
            do { _ = try bad.template("bad") } catch { errors.append("\(error.issues.map(\.text))") }
        }
        #expect(errors.count == 3 && Set(errors).count == 1)
        #expect(parses.withLock { $0["bad"] } == 1)
    }
}
