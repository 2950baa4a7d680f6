import Foundation
import RecouvreModel

/// A statutory number (points, multiple, euros, months) dated and sourced in `forms/rates/statutory.yaml`.
public struct StatutoryValue: Sendable, Hashable {
    public var from: Day
    public var value: Decimal
    public var source: String
}

/// The statutory parameters of late-payment law, each a dated list (a law that changed on a date
/// keeps both values, chosen by the date).
public struct StatutoryParameters: Sendable, Hashable {
    public enum Name: String, Sendable, CaseIterable {
        case b2bDefaultMargin = "b2b_default_margin"
        case b2bFloorMultiple = "b2b_floor_multiple"
        case publicProcurementMargin = "public_procurement_margin"
        case judgmentIncrease = "judgment_increase"
        case judgmentIncreaseMonths = "judgment_increase_months"
        case flatFeeB2B = "flat_fee_b2b"
        case flatFeePublic = "flat_fee_public"
    }

    public var file: String
    public var checkedThrough: Day
    var values: [Name: [StatutoryValue]]

    /// The value of `name` in force on `day`.
    public func value(_ name: Name, on day: Day) throws(RateTableError) -> StatutoryValue {
        guard let found = values[name]?.last(where: { $0.from <= day }) else {
            throw .parameterNotCovered(file: file, parameter: name.rawValue, day: day)
        }
        return found
    }

    static func parse(_ text: String, file: String) throws(RateTableError) -> StatutoryParameters {
        let root = try YAMLFields.root(text, file: file)
        let top = YAMLFields(node: root, file: file, path: "")
        var values: [Name: [StatutoryValue]] = [:]
        for name in Name.allCases {
            guard let list = root["parameters"]?[name.rawValue]?["values"]?.sequence, !list.isEmpty else {
                throw .malformed(file: file, problem: "parameters.\(name.rawValue).values: missing")
            }
            var parsed: [StatutoryValue] = []
            for (index, item) in list.enumerated() {
                let f = YAMLFields(node: item, file: file, path: "parameters.\(name.rawValue).values[\(index)]")
                parsed.append(StatutoryValue(from: try f.day("from"), value: try f.decimal("value"), source: try f.string("source")))
            }
            values[name] = parsed.sorted { $0.from < $1.from }
        }
        return StatutoryParameters(file: file, checkedThrough: try top.day("checked_through"), values: values)
    }
}
