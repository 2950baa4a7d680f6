import Foundation
import Testing

@testable import RecouvreDocuments

/// Issue 14 (render engineer): the fast renderer's view values are read through the views' layouts
/// into `TemplateRecord`s (field order, names hashed once; optional views and arrays of views converted
/// knowing their type). The values must be those of the reflected views (`Mirror`, a dictionary per
/// view, each value cast to `TemplateConvertible`), and a record must answer every name as that
/// dictionary does.
@Suite("Template records: the values of the reflected views")
struct TemplateRecordTests {
    /// A value written out with its shape: records by sorted name, lists element by element.
    static func describe(_ value: TemplateValue, depth: Int = 0) -> String {
        guard depth < 12 else { return "…" }
        switch value {
        case .text(let text): return "t(\(text.debugDescription))"
        case .flag(let flag): return "f(\(flag))"
        case .list(let items): return "[" + items.map { describe($0, depth: depth + 1) }.joined(separator: ",") + "]"
        case .lazyList(let items):
            return "L[" + (0..<items.count).map { describe(items[$0], depth: depth + 1) }.joined(separator: ",") + "]"
        case .record(let record):
            let present = zip(record.names, record.values).compactMap { name, value in value.map { (name, $0) } }
            return "{"
                + present.sorted { $0.0 < $1.0 }.map { "\($0.0):\(describe($0.1, depth: depth + 1))" }
                .joined(separator: ",") + "}"
        case .other(let object): return "o(\(String(reflecting: type(of: object))):\(String(describing: object)))"
        }
    }

    @Test("every document's values read through the layouts are the reflected views' values")
    func layoutsGiveTheReflectedValues() throws {
        let renderer = Samples.book.renderer
        var compared = 0
        for input in RenderingFastPathTests.inputs {
            for kind in DocumentKind.plan(for: input.route, stage: input.stage) {
                let model = try renderer.model(for: kind, input)
                let laidOut = renderer.templates.layouts.templateValue(model)
                let reflected = TemplateTree.templateValue(model, nil)
                guard case .record = laidOut else {
                    Issue.record("\(kind.template): not a record")
                    continue
                }
                #expect(Self.describe(laidOut) == Self.describe(reflected), "\(kind.template) \(input.case.reference)")
                compared += 1
            }
        }
        #expect(compared > 50)
    }

    @Test("a record answers each name as the dictionary of the same properties")
    func recordLookup() {
        let dictionary: [String: TemplateValue] = [
            "name": .text("A"), "amount": .text("1 234,56 €"), "shown": .flag(true), "é": .text("accent"),
            "aVeryLongPropertyNameBeyondFifteenBytes": .text("long"),
        ]
        let record = TemplateRecord(dictionary)
        for name in Array(dictionary.keys) + ["", "nom", "e\u{0301}", "Name", "aVeryLongPropertyNameBeyondFifteenByte"]
        {
            #expect(
                record[name].map { Self.describe($0) } == dictionary[name].map { Self.describe($0) },
                "\(name.debugDescription)")
        }
        // A left-out property (nil) is no value, as a key absent from the dictionary.
        let partial = TemplateRecord(
            names: ["a", "b"], hashes: ["a".hashValue, "b".hashValue], values: [nil, .flag(false)])
        #expect(partial["a"] == nil)
        #expect(partial["b"].map { Self.describe($0) } == "f(false)")
    }
}
