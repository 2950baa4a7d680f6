import Foundation
import Testing

@testable import RecouvreAmicable
@testable import RecouvreDocuments

/// Issue 14, session 7 (render engineer): a chronology model sorted for the fast renderer by its
/// dynamic type is sorted as by the casts it replaced, for every kind of value a model may hold.
@Suite("Amicable template values: sorted by type as by casts")
struct AmicableValueCutsTests {
    static func describe(_ value: TemplateValue) -> String {
        switch value {
        case .text(let text): return "text(\(text.debugDescription))"
        case .flag(let flag): return "flag(\(flag))"
        case .list(let items): return "list(" + items.map(describe).joined(separator: ",") + ")"
        case .lazyList(let items): return "lazy(\(items.count))"
        case .record(let record):
            return "record("
                + record.names.sorted().map { "\($0):\(record[$0].map(describe) ?? "nil")" }.joined(separator: ",")
                + ")"
        case .other(let object): return "other(\(String(reflecting: type(of: object))):\(String(reflecting: object)))"
        }
    }

    @Test("every kind of value, nested or not")
    func values() {
        let optional: String? = "x"
        let none: String? = nil
        let values: [Any] = [
            "text", "", "e\u{0301}", true, false, 1, 2.5, Decimal(string: "1.10")!, optional as Any, none as Any,
            ["a": "b"] as [String: String], ["a": "b", "c": true, "d": ["e": 1] as [String: Any]] as [String: Any],
            [:] as [String: Any], ["x", "y"], [1, 2], Substring("sub"), "ns" as NSString, NSNumber(value: true),
            Optional(true) as Any, ["k": optional as Any] as [String: Any],
        ]
        for value in values {
            #expect(
                Self.describe(AmicableForms.templateValue(value))
                    == Self.describe(AmicableForms.templateValueByCasts(value)), "\(value)")
        }
    }
}
