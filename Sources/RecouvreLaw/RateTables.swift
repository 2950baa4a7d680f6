import Foundation
import RecouvreForms
import RecouvreModel
import Yams

/// Every dated table the statement reads, loaded from `forms/rates/` at run time (a `--forms`
/// folder overrides them file by file): the ECB MRO rate, the two taux de l'intérêt légal, the
/// statutory parameters and the prescription periods.
public struct RateTables: Sendable {
    public var ecb: RateSeries
    public var legalParticulier: RateSeries
    public var legalAutresCas: RateSeries
    public var statutory: StatutoryParameters
    public var prescription: PrescriptionRules

    public init(ecb: RateSeries, legalParticulier: RateSeries, legalAutresCas: RateSeries,
                statutory: StatutoryParameters, prescription: PrescriptionRules) {
        self.ecb = ecb
        self.legalParticulier = legalParticulier
        self.legalAutresCas = legalAutresCas
        self.statutory = statutory
        self.prescription = prescription
    }

    public static let ecbFile = "rates/ecb-mro.yaml"
    public static let particulierFile = "rates/legal-particulier.yaml"
    public static let autresCasFile = "rates/legal-autres-cas.yaml"
    public static let statutoryFile = "rates/statutory.yaml"
    public static let prescriptionFile = "rates/prescription.yaml"

    /// Reads the five tables. A missing or malformed file is a `RateTableError` (exit 3).
    public static func load(forms: Forms) throws -> RateTables {
        RateTables(
            ecb: try series(forms, ecbFile, periods: false),
            legalParticulier: try series(forms, particulierFile, periods: true),
            legalAutresCas: try series(forms, autresCasFile, periods: true),
            statutory: try StatutoryParameters.parse(text(forms, statutoryFile), file: statutoryFile),
            prescription: try PrescriptionRules.parse(text(forms, prescriptionFile), file: prescriptionFile))
    }

    /// The taux légal series of a creditor category (C. mon. fin. L313-2).
    public func legal(_ category: LegalRateCategory) -> RateSeries {
        category == .particulier ? legalParticulier : legalAutresCas
    }

    static func text(_ forms: Forms, _ file: String) throws(RateTableError) -> String {
        do { return try forms.text(file) } catch { throw .malformed(file: file, problem: error.description) }
    }

    static func series(_ forms: Forms, _ file: String, periods: Bool) throws(RateTableError) -> RateSeries {
        try RateSeries.parse(try text(forms, file), file: file, periods: periods)
    }
}

extension RateSeries {
    /// Parses a rate file (see `forms/rates/ecb-mro.yaml`). `periods`: every value has a `to`.
    public static func parse(_ text: String, file: String, periods: Bool) throws(RateTableError) -> RateSeries {
        let root = try YAMLFields.root(text, file: file)
        let fields = YAMLFields(node: root, file: file, path: "")
        guard let list = root["values"]?.sequence, !list.isEmpty else {
            throw .malformed(file: file, problem: "`values` must be a non-empty list")
        }
        var values: [DatedRate] = []
        for (index, item) in list.enumerated() {
            let f = YAMLFields(node: item, file: file, path: "values[\(index)]")
            let to: Day? = periods ? try f.day("to") : nil
            values.append(DatedRate(from: try f.day("from"), to: to, rate: try f.decimal("rate"),
                                    source: try f.string("source"), unverified: f.bool("unverified") ?? false))
        }
        return RateSeries(id: try fields.string("id"), name: try fields.string("name"), file: file,
                          source: try fields.string("source"), checkedThrough: try fields.day("checked_through"),
                          values: values)
    }
}

/// Typed access to the scalar fields of a YAML mapping, with errors naming file and key.
struct YAMLFields {
    let node: Node
    let file: String
    let path: String

    static func root(_ text: String, file: String) throws(RateTableError) -> Node {
        let parsed: Node?
        do { parsed = try Yams.compose(yaml: text) } catch { throw .malformed(file: file, problem: "not valid YAML: \(error)") }
        guard let node = parsed, node.mapping != nil else { throw .malformed(file: file, problem: "expected a mapping at the top") }
        return node
    }

    func key(_ name: String) -> String { path.isEmpty ? name : "\(path).\(name)" }

    func string(_ name: String) throws(RateTableError) -> String {
        guard let value = node[name]?.scalar?.string, !value.isEmpty else {
            throw .malformed(file: file, problem: "\(key(name)): missing")
        }
        return value
    }

    func day(_ name: String) throws(RateTableError) -> Day {
        let text = try string(name)
        guard let day = Day(iso: text) else { throw .malformed(file: file, problem: "\(key(name)): \"\(text)\" is not a YYYY-MM-DD date") }
        return day
    }

    func decimal(_ name: String) throws(RateTableError) -> Decimal {
        let text = try string(name)
        guard text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
        else { throw .malformed(file: file, problem: "\(key(name)): \"\(text)\" is not a plain decimal number") }
        return value
    }

    func int(_ name: String) throws(RateTableError) -> Int {
        let text = try string(name)
        guard let value = Int(text) else { throw .malformed(file: file, problem: "\(key(name)): \"\(text)\" is not a whole number") }
        return value
    }

    func bool(_ name: String) -> Bool? {
        guard let text = node[name]?.scalar?.string else { return nil }
        return ["true", "yes"].contains(text.lowercased())
    }
}
