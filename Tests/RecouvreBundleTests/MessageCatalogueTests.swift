import Foundation
import RecouvreForms
import RecouvreModel
import RecouvreTestSupport
import Testing

/// Every reason a stage gives has its wording in `forms/messages/`, with exactly the placeholders its
/// parameters fill, and the catalogue has no key that no reason uses. The reasons are read from the
/// Swift sources (`enum …: CatalogueReason`), so a new case without wording fails here.
@Suite("The message catalogue")
struct MessageCatalogueTests {
    struct Declared: Hashable {
        var key: String
        var parameters: [String]
        var file: String
    }

    /// The cases of every `CatalogueReason` enum under Sources/, with their parameter labels.
    static func declaredReasons() throws -> [Declared] {
        var declared: [Declared] = []
        let sources = TestPaths.root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String } ?? []
        for file in files.sorted() where file.hasSuffix(".swift") {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            guard text.contains(": CatalogueReason"),
                let sectionLine = text.split(separator: "\n").first(where: { $0.contains("static let section = \"") })
            else { continue }
            let section = sectionLine.split(separator: "\"")[1]
            // A case the formatter wrapped (`case name(\n    label: T, …)`) is read as one line.
            var lines: [String] = []
            for line in text.split(separator: "\n") {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if let last = lines.last, last.hasPrefix("case "),
                    last.filter({ $0 == "(" }).count > last.filter({ $0 == ")" }).count
                {
                    lines[lines.count - 1] = last + " " + trimmed
                } else {
                    lines.append(trimmed)
                }
            }
            for trimmed in lines {
                guard trimmed.hasPrefix("case ") else { continue }
                // `case a, b` or `case name(label: String, other: String)`.
                let body = trimmed.dropFirst("case ".count)
                if let open = body.firstIndex(of: "(") {
                    let name = body[body.startIndex..<open]
                    let inside = body[body.index(after: open)..<(body.lastIndex(of: ")") ?? body.endIndex)]
                    let labels = inside.split(separator: ",").map {
                        String($0.split(separator: ":")[0]).trimmingCharacters(in: .whitespaces)
                    }
                    declared.append(Declared(key: "\(section).\(name)", parameters: labels, file: file))
                } else {
                    for name in body.split(separator: ",") {
                        declared.append(
                            Declared(
                                key: "\(section).\(name.trimmingCharacters(in: .whitespaces))", parameters: [],
                                file: file))
                    }
                }
            }
        }
        return declared
    }

    @Test("every reason has wording with exactly its placeholders, and every catalogue key is a reason")
    func catalogueMatchesReasons() throws {
        let declared = try Self.declaredReasons()
        #expect(declared.count > 50)
        let catalogue = ShippedBook.book.messages.entries
        for reason in declared {
            guard let template = catalogue[reason.key] else {
                Issue.record("\(reason.file): \(reason.key) has no wording in forms/messages/")
                continue
            }
            let placeholders = Set(MessageCatalogue.placeholders(in: template))
            #expect(
                placeholders == Set(reason.parameters),
                "\(reason.key): placeholders \(placeholders.sorted()) ≠ parameters \(reason.parameters.sorted())")
        }
        let keys = Set(declared.map(\.key))
        for key in catalogue.keys.sorted() where !keys.contains(key) {
            Issue.record("forms/messages: \(key) is used by no reason")
        }
    }

    /// Each enum's generated `switch` (scripts/catalogue-reasons.py) gives the case name and the values
    /// `Mirror` gives, for one value of every case, and words the same sentence.
    @Test("the generated case names and values are those Mirror reads, for every case of every reason")
    func generatedConformances() throws {
        let catalogue = ShippedBook.book.messages
        let samples = CatalogueReasonSamples.all
        var keys = Set<String>()
        for sample in samples {
            keys.insert(sample.catalogueKey)
            #expect(sample.catalogueName == sample.reflectedName, "\(sample)")
            let generated = sample.catalogueValues(catalogue)
            let reflected = sample.catalogueValues(catalogue, reflected: true)
            #expect(generated.map(\.label) == reflected.map(\.label), "\(sample)")
            #expect(generated.map(\.text) == reflected.map(\.text), "\(sample)")
            // Distinct values: a label bound to another case's value would show here.
            #expect(Set(generated.map(\.text)).count == generated.count, "\(sample)")
        }
        // The samples are every declared case (the sources' own list, read above), each once.
        #expect(keys.count == samples.count)
        #expect(keys == Set(try Self.declaredReasons().map(\.key)))
    }

    /// The generated files are those the script writes from today's enums: a case added, renamed or
    /// removed without running it fails here (the enum would still work, by reflection, slowly).
    @Test("scripts/catalogue-reasons.py --check finds every generated conformance up to date")
    func generatedFilesUpToDate() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", TestPaths.root.appendingPathComponent("scripts/catalogue-reasons.py").path, "--check",
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let processStatus = ChildExit.status(process)
        #expect(processStatus == 0, "\(text)")
    }

    @Test("a reason is worded with its parameters; an unknown key shows itself instead of failing a dossier")
    func rendering() {
        enum Sample: CatalogueReason {
            static let section = "sample"
            case fee(amount: String, source: String)
            case plain
        }
        let catalogue = MessageCatalogue(entries: [
            "sample.fee": "Frais d'environ {amount} TTC ({source}).", "sample.plain": "Rien.",
        ])
        #expect(
            catalogue.text(Sample.fee(amount: "37,00 €", source: "C. com. R743-140"))
                == "Frais d'environ 37,00 € TTC (C. com. R743-140).")
        #expect(catalogue.text(Sample.plain) == "Rien.")
        #expect(Sample.fee(amount: "1", source: "2").catalogueKey == "sample.fee")
        #expect(MessageCatalogue(entries: [:]).text(Sample.plain) == "[sample.plain]")
    }
}
