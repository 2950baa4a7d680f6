import Foundation
import RecouvreModel

/// A statutory number (points, multiple, euros, months) dated and sourced in `forms/rates/statutory.yaml`.
public struct StatutoryValue: Sendable, Hashable {
    public var from: Day
    public var value: Decimal
    public var source: String

    public init(from: Day, value: Decimal, source: String) {
        self.from = from
        self.value = value
        self.source = source
    }
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
    /// Each parameter's values, sorted by `from`.
    public var values: [Name: [StatutoryValue]]

    public init(file: String, checkedThrough: Day, values: [Name: [StatutoryValue]]) {
        self.file = file
        self.checkedThrough = checkedThrough
        self.values = values.mapValues { $0.sorted { $0.from < $1.from } }
    }

    /// The value of `name` in force on `day`. Like a rate series, the table answers only up to the
    /// day it was checked through: a later day is refused (a decree may have changed the value).
    public func value(_ name: Name, on day: Day) throws(RateTableError) -> StatutoryValue {
        guard day <= checkedThrough else {
            throw .parametersNotChecked(file: file, checkedThrough: checkedThrough, day: day)
        }
        guard let found = values[name]?.last(where: { $0.from <= day }) else {
            throw .parameterNotCovered(file: file, parameter: name.rawValue, day: day)
        }
        return found
    }
}
