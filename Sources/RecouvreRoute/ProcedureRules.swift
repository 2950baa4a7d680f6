import Foundation
import RecouvreModel

/// The thresholds, forms and court-kind rules of `forms/procedures.yaml` (domain.md §4): data a
/// lawyer can update without a compiler, each value with its source.
public struct ProcedureRules: Sendable {
    /// An amount in force over a date range.
    public struct DatedAmount: Sendable, Hashable {
        public var from: Day
        public var until: Day?
        public var amount: Decimal
        public var source: String

        public init(from: Day, until: Day?, amount: Decimal, source: String) {
            self.from = from
            self.until = until
            self.amount = amount
            self.source = source
        }
    }

    /// A form with the text it comes from.
    public struct FormRule: Sendable, Hashable {
        public var form: Form
        public var source: String
    }

    /// The thresholds by name (`pspc`, `european_small_claims`, `amicable_attempt`, `proximite`,
    /// `lawyer_not_mandatory`, `tae_contribution`).
    public var thresholds: [String: [DatedAmount]]
    /// The forms by route (`commercial`, `civil`, `protection`, `european_order_for_payment`,
    /// `european_small_claims`, `pspc`, `declaration_de_creance`).
    public var forms: [String: FormRule]
    public var taeFrom: Day
    public var taeUntil: Day
    public var taeSource: String
    public var alsaceMoselle: Set<String>
    public var alsaceMoselleSource: String
    public var overseas: Set<String>
    public var overseasSource: String
    public var registryFee: Decimal
    public var registryFeeSource: String
    public var declarationMonths: Int
    public var declarationExtraMonthsAbroad: Int
    public var declarationReliefMonths: Int
    public var declarationSource: String
    /// ISO codes of the states bound by Reg. 1896/2006 and 861/2007 (France included).
    public var europeanStates: Set<String>
    public var excludedStates: Set<String>
    public var europeanSource: String
    /// Public body: the silence that rejects a claim (CRPA L231-4; CJA R421-2) and the time to bring a
    /// recours against an express rejection notified with the remedies (CJA R421-1, R421-5), in months.
    public var administrativeSilenceMonths: Int
    public var administrativeRecourseMonths: Int
    /// A title against a public person: the months it has to pay (mandate) the sum from the notification
    /// of the decision, before the préfet's mandatement d'office (CJA L911-9; loi 80-539 art. 1er II).
    public var mandatementMonths: Int
    public var administrativeSource: String
    /// The day the file was last checked against the texts.
    public var checked: Day

    /// The file, relative to `forms/`.
    public static let file = "procedures.yaml"

    /// The threshold in force on `day`.
    public func threshold(_ name: String, on day: Day) throws -> DatedAmount {
        guard let values = thresholds[name],
            let value = values.last(where: { $0.from <= day && ($0.until.map { day <= $0 } ?? true) })
        else { throw ProcedureRulesError(problem: "no \(name) threshold covers \(day.iso)") }
        return value
    }

    public func form(_ name: String) throws -> FormRule {
        guard let form = forms[name] else { throw ProcedureRulesError(problem: "no form \(name)") }
        return form
    }

    /// The rules of the file as decoded by the law-book loader, checked for completeness.
    public init(raw: RawRules) throws {
        func day(_ text: String, _ context: String) throws -> Day {
            guard let day = Day(iso: text) else {
                throw ProcedureRulesError(problem: "\(context): \(text) is not a date")
            }
            return day
        }
        func amount(_ text: String, _ context: String) throws -> Decimal {
            guard case .success(let value) = Money.parse(text) else {
                throw ProcedureRulesError(problem: "\(context): \(text) is not an amount")
            }
            return value
        }
        var thresholds: [String: [DatedAmount]] = [:]
        for (name, values) in raw.thresholds {
            thresholds[name] = try values.map {
                DatedAmount(
                    from: try day($0.from, name), until: try $0.until.map { try day($0, name) },
                    amount: try amount($0.amount, name), source: $0.source)
            }.sorted { $0.from < $1.from }
        }
        self.thresholds = thresholds
        forms = raw.forms.mapValues { FormRule(form: Form(cerfa: $0.cerfa, title: $0.title), source: $0.source) }
        checked = try day(raw.checked, "checked")
        taeFrom = try day(raw.taeExperiment.from, "tae_experiment")
        taeUntil = try day(raw.taeExperiment.until, "tae_experiment")
        taeSource = raw.taeExperiment.source
        alsaceMoselle = Set(raw.alsaceMoselle.departments)
        alsaceMoselleSource = raw.alsaceMoselle.source
        overseas = Set(raw.overseas.departments)
        overseasSource = raw.overseas.source
        registryFee = try amount(raw.commercialRegistryFee.approx, "commercial_registry_fee")
        registryFeeSource = raw.commercialRegistryFee.source
        declarationMonths = raw.declarationDeadline.months
        declarationExtraMonthsAbroad = raw.declarationDeadline.extraMonthsAbroad
        declarationReliefMonths = raw.declarationDeadline.reliefMonths
        declarationSource = raw.declarationDeadline.source
        europeanStates = Set(raw.europeanStates.members)
        excludedStates = Set(raw.europeanStates.excluded)
        europeanSource = raw.europeanStates.source
        administrativeSilenceMonths = raw.administrativeClaim.silenceMonths
        administrativeRecourseMonths = raw.administrativeClaim.recourseMonths
        mandatementMonths = raw.administrativeClaim.mandatementMonths
        administrativeSource = raw.administrativeClaim.source
        for name in [
            "pspc", "european_small_claims", "amicable_attempt", "proximite", "lawyer_not_mandatory",
            "tae_contribution",
        ] where thresholds[name] == nil {
            throw ProcedureRulesError(problem: "threshold \(name) is missing")
        }
        for name in [
            "commercial", "civil", "protection", "european_order_for_payment", "european_small_claims",
            "pspc", "declaration_de_creance",
        ] where forms[name] == nil {
            throw ProcedureRulesError(problem: "form \(name) is missing")
        }
    }
}

/// `forms/procedures.yaml` as written.
public struct RawRules: Decodable {
    struct Threshold: Decodable {
        var from: String
        var until: String?
        var amount: String
        var source: String
    }
    struct FormEntry: Decodable {
        var cerfa: String
        var title: String
        var source: String
    }
    struct Experiment: Decodable {
        var from: String
        var until: String
        var source: String
    }
    struct Departments: Decodable {
        var departments: [String]
        var source: String
    }
    struct Fee: Decodable {
        var approx: String
        var source: String
    }
    struct Deadline: Decodable {
        var months: Int
        var extraMonthsAbroad: Int
        var reliefMonths: Int
        var source: String
        enum CodingKeys: String, CodingKey {
            case months, source
            case extraMonthsAbroad = "extra_months_abroad"
            case reliefMonths = "relief_months"
        }
    }
    struct AdministrativeClaim: Decodable {
        var silenceMonths: Int
        var recourseMonths: Int
        var mandatementMonths: Int
        var source: String
        enum CodingKeys: String, CodingKey {
            case source
            case silenceMonths = "silence_months"
            case recourseMonths = "recourse_months"
            case mandatementMonths = "mandatement_months"
        }
    }
    struct States: Decodable {
        var members: [String]
        var excluded: [String]
        var source: String
    }

    var name: String
    var checked: String
    var thresholds: [String: [Threshold]]
    var forms: [String: FormEntry]
    var taeExperiment: Experiment
    var alsaceMoselle: Departments
    var overseas: Departments
    var commercialRegistryFee: Fee
    var declarationDeadline: Deadline
    var europeanStates: States
    var administrativeClaim: AdministrativeClaim

    enum CodingKeys: String, CodingKey {
        case name, checked, thresholds, forms, overseas
        case taeExperiment = "tae_experiment"
        case alsaceMoselle = "alsace_moselle"
        case commercialRegistryFee = "commercial_registry_fee"
        case declarationDeadline = "declaration_deadline"
        case europeanStates = "european_states"
        case administrativeClaim = "administrative_claim"
    }
}

/// `forms/procedures.yaml` is unreadable or incomplete.
public struct ProcedureRulesError: RecouvreError {
    public var problem: String

    public init(problem: String) { self.problem = problem }

    public var exitCode: Int32 { 1 }
    public var description: String { "forms/procedures.yaml: \(problem)" }
}
