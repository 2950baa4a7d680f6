import Foundation
import RecouvreModel
import RecouvreTestSupport
import Testing

@testable import RecouvreCaseFile

/// The reader decodes the parser's events through a flat document (`FlatYAML`) instead of Yams's
/// Node tree: it must give what the session-3 reader gave (kept in `Legacy/`), for every input —
/// the same `Case`, the same problems (message, line, column, key path), the same location for
/// every key path of the file and the same unreadable paths, and the same validation.
@Suite("Flat reader = the Yams-tree reader")
struct ReaderEquivalenceTests {
    static let today = Day(iso: "2026-11-23")

    /// Compares both readers on `data`; returns whether the case was read (for the counts).
    @discardableResult
    static func compare(
        _ data: Data, _ label: String, json: Bool = false, folder: URL = URL(fileURLWithPath: "/nonexistent")
    ) -> Bool {
        let old = Result { () throws(CaseFileError) in try LegacyReader.read(data, name: "c.yaml", json: json) }
        let new = Result { () throws(CaseFileError) in try CaseFileReader.read(data, name: "c.yaml", json: json) }
        switch (old, new) {
        case (.failure(let before), .failure(let after)):
            #expect(before.problems == after.problems, "\(label)")
            return false
        case (.success(let before), .success(let after)):
            #expect(before.0 == after.0, "\(label): not the same Case")
            #expect(before.2 == after.2, "\(label): not the same problems")
            #expect(before.1.unreadable == after.1.unreadable, "\(label): not the same unreadable paths")
            let text = String(decoding: data, as: UTF8.self)
            var paths = LegacyReader.paths(of: text)
            // Paths the validator asks for that a file may lack.
            paths += ["invoices[0].number", "invoices[99].due", "creditor.address.postcode", "nothing.here", "x[0]"]
            for path in paths {
                #expect(before.1[path] == after.1[path], "\(label): location of \(path)")
                #expect(before.1.location(of: path) == after.1.location(of: path), "\(label): \(path)")
            }
            let exhibits = FolderExhibitSource(folder: folder)
            let validatedBefore = CaseValidator.validate(
                before.0, locations: before.1, exhibits: exhibits, today: today)
            let validatedAfter = CaseValidator.validate(after.0, locations: after.1, exhibits: exhibits, today: today)
            #expect(validatedBefore == validatedAfter, "\(label): not the same validation")
            return true
        case (.failure(let before), .success):
            Issue.record("\(label): read now, refused before: \(before.problems)")
        case (.success, .failure(let after)):
            Issue.record("\(label): refused now, read before: \(after.problems)")
        }
        return false
    }

    @Test("every shipped case file and the hand-written texts")
    func shipped() {
        var read = 0
        for (name, text) in YAMLComposeTests.texts {
            if Self.compare(Data(text.utf8), name, json: name.hasSuffix(".json")) { read += 1 }
        }
        #expect(read > 30)
    }

    @Test("seeded mutations of every valid and invalid fixture")
    func mutations() throws {
        var generator = FuzzTests.SeededGenerator(state: FuzzTests.seed &+ 41)
        var read = 0
        var total = 0
        for name in FixtureTests.names {
            let folder = TestPaths.fixture(name)
            let original = try [UInt8](Data(contentsOf: folder.appendingPathComponent("case.yaml")))
            for round in 0..<60 {
                total += 1
                let mutated = FuzzTests.mutate(original, using: &generator)
                if Self.compare(Data(mutated), "\(name), round \(round)", folder: folder) { read += 1 }
            }
        }
        let invalid = TestPaths.fixtures.appendingPathComponent("invalid")
        for name in try FileManager.default.contentsOfDirectory(atPath: invalid.path).sorted()
        where name.hasSuffix(".yaml") || name.hasSuffix(".json") {
            let original = try [UInt8](Data(contentsOf: invalid.appendingPathComponent(name)))
            Self.compare(Data(original), "invalid/\(name)", json: name.hasSuffix(".json"), folder: invalid)
            for round in 0..<20 {
                total += 1
                let mutated = FuzzTests.mutate(original, using: &generator)
                Self.compare(Data(mutated), "invalid/\(name), round \(round)", json: name.hasSuffix(".json"))
            }
        }
        // Enough of the mutations still read as a case for the comparison of Cases to mean something.
        #expect(total > 1500)
        #expect(read > 200)
    }

    /// A generated case: many invoices, payments naming them, credit notes, events, with a few
    /// values wrong (every 97th amount has three decimals, every 89th date is French) so that
    /// problems deep in long lists are compared too.
    static func generated(invoices count: Int, flaws: Bool) -> String {
        var text = Inline.head + "as_of: 2026-11-23\ncontract: { nature: commercial, penalty_rate: \"ECB + 10\" }\n"
        text += "invoices:\n"
        for index in 1...count {
            let amount =
                flaws && index % 97 == 0 ? "12.345" : "\(100 + index).\(index % 100 < 10 ? "0" : "")\(index % 100)"
            let issued = flaws && index % 89 == 0 ? "15/09/2025" : "2025-\(String(format: "%02d", 1 + index % 12))-01"
            text += "  - number: \"FA-\(index)\"\n    issued: \(issued)\n    due: 2025-12-31\n    amount: \(amount)\n"
            if index % 5 == 0 { text += "    description: \"Prestation n° \(index)\"\n" }
        }
        text += "payments:\n"
        for index in stride(from: 1, through: count, by: 3) {
            text += "  - { date: 2026-01-15, amount: 10.00, invoice: \"FA-\(index)\", reference: \"VIR-\(index)\" }\n"
        }
        text += "credit_notes:\n  - { number: \"AV-1\", date: 2026-02-01, amount: 5.00, invoice: \"FA-2\" }\n"
        text += "events:\n  - { type: formal_notice, date: 2026-03-01, received: 2026-03-03 }\n"
        if flaws { text += "  - { type: promise, date: 2026-04-01, amount: 0 }\n" }
        return text
    }

    @Test("generated cases, sound and flawed, up to 3,000 invoices", arguments: [1, 10, 300, 3000])
    func generatedCases(count: Int) {
        #expect(Self.compare(Data(Self.generated(invoices: count, flaws: false).utf8), "\(count) invoices"))
        #expect(Self.compare(Data(Self.generated(invoices: count, flaws: true).utf8), "\(count) invoices, flawed"))
    }
}
