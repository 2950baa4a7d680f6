import Foundation
import RecouvreLaw
import RecouvreModel
import Yams

/// Parsing and checking the tables of `forms/rates/` (domain.md §1–§3). Every table is checked as
/// strictly as a case file when it is loaded: a wrong table would make every statement wrong.
public enum RateTableParser {
    /// Rates outside this range (percent per year) are refused as a typo.
    static let rateRange: ClosedRange<Decimal> = -1...50

    public static func series(_ text: String, file: String, periods: Bool) throws(RateTableError) -> RateSeries {
        let root = try YAMLFields.root(text, file: file)
        let fields = YAMLFields(node: root, file: file, path: "")
        try fields.allowOnly(["id", "name", "unit", "source", "checked_through", "values"])
        guard let list = root["values"]?.sequence, !list.isEmpty else {
            throw .malformed(file: file, problem: "`values` doit être une liste non vide")
        }
        var values: [DatedRate] = []
        for (index, item) in list.enumerated() {
            let f = YAMLFields(node: item, file: file, path: "values[\(index)]")
            try f.allowOnly(
                periods ? ["from", "to", "rate", "source", "unverified"] : ["from", "rate", "source", "unverified"])
            let to: Day? = periods ? try f.day("to") : nil
            let value = DatedRate(
                from: try f.day("from"), to: to, rate: try f.decimal("rate"),
                source: try f.string("source"), unverified: try f.bool("unverified") ?? false)
            guard rateRange.contains(value.rate) else {
                throw .malformed(
                    file: file,
                    problem: "values[\(index)].rate: \(value.rate) % est hors de la plage plausible "
                        + "\(rateRange.lowerBound)–\(rateRange.upperBound) %")
            }
            if let previous = values.last, value.from <= previous.from {
                throw .malformed(
                    file: file,
                    problem: "values[\(index)].from: \(value.from.iso) ne suit pas \(previous.from.iso) "
                        + "(les valeurs sont classées par date, sans doublon)")
            }
            values.append(value)
        }
        let series = RateSeries(
            id: try fields.string("id"), name: try fields.string("name"), file: file,
            source: try fields.string("source"), checkedThrough: try fields.day("checked_through"),
            values: values)
        if let problem = series.continuityProblems().first {
            throw .malformed(file: file, problem: "values: \(problem)")
        }
        return series
    }

    public static func statutory(_ text: String, file: String) throws(RateTableError) -> StatutoryParameters {
        let root = try YAMLFields.root(text, file: file)
        let top = YAMLFields(node: root, file: file, path: "")
        try top.allowOnly(["id", "name", "source", "checked_through", "parameters"])
        let parametersNode = YAMLFields(node: root["parameters"] ?? Node.mapping([:]), file: file, path: "parameters")
        try parametersNode.allowOnly(Set(StatutoryParameters.Name.allCases.map(\.rawValue)))
        var values: [StatutoryParameters.Name: [StatutoryValue]] = [:]
        for name in StatutoryParameters.Name.allCases {
            guard let parameter = root["parameters"]?[name.rawValue] else {
                throw .malformed(file: file, problem: "parameters.\(name.rawValue): manquant")
            }
            try YAMLFields(node: parameter, file: file, path: "parameters.\(name.rawValue)").allowOnly([
                "unit", "values",
            ])
            guard let list = parameter["values"]?.sequence, !list.isEmpty else {
                throw .malformed(file: file, problem: "parameters.\(name.rawValue).values: manquant")
            }
            var parsed: [StatutoryValue] = []
            for (index, item) in list.enumerated() {
                let f = YAMLFields(node: item, file: file, path: "parameters.\(name.rawValue).values[\(index)]")
                try f.allowOnly(["from", "value", "source"])
                let value = StatutoryValue(
                    from: try f.day("from"), value: try f.decimal("value"), source: try f.string("source"))
                if let previous = parsed.last, value.from <= previous.from {
                    throw .malformed(
                        file: file, problem: "\(f.path).from: \(value.from.iso) ne suit pas \(previous.from.iso)")
                }
                guard value.value >= 0, value.value <= 1000 else {
                    throw .malformed(
                        file: file, problem: "\(f.path).value: \(value.value) est hors de la plage plausible 0–1000")
                }
                parsed.append(value)
            }
            values[name] = parsed
        }
        return StatutoryParameters(file: file, checkedThrough: try top.day("checked_through"), values: values)
    }

    public static func prescription(_ text: String, file: String) throws(RateTableError) -> PrescriptionRules {
        let root = try YAMLFields.root(text, file: file)
        let top = YAMLFields(node: root, file: file, path: "")
        try top.allowOnly(["id", "name", "source", "checked_through", "warn_days", "periods"])
        try YAMLFields(node: root["periods"] ?? Node.mapping([:]), file: file, path: "periods")
            .allowOnly(Set(PrescriptionRules.Key.allCases.map(\.rawValue)))
        var periods: [PrescriptionRules.Key: PrescriptionRules.Period] = [:]
        for key in PrescriptionRules.Key.allCases {
            guard let node = root["periods"]?[key.rawValue] else {
                throw .malformed(file: file, problem: "periods.\(key.rawValue): manquant")
            }
            let f = YAMLFields(node: node, file: file, path: "periods.\(key.rawValue)")
            try f.allowOnly(["years", "source"])
            let years = try f.int("years")
            guard (1...30).contains(years) else {
                throw .malformed(
                    file: file, problem: "periods.\(key.rawValue).years: \(years) est hors de la plage 1–30 ans")
            }
            periods[key] = PrescriptionRules.Period(years: years, source: try f.string("source"))
        }
        let warnDays = try top.int("warn_days")
        guard (0...3650).contains(warnDays) else {
            throw .malformed(file: file, problem: "warn_days: \(warnDays) est hors de la plage 0–3650 jours")
        }
        return PrescriptionRules(warnDays: warnDays, periods: periods)
    }
}
