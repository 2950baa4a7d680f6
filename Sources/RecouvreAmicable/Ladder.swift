import Foundation
import RecouvreModel
import Yams

/// One step of a reminder ladder (`forms/ladders/default.yaml`).
public struct LadderStep: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// An amicable reminder written by `recouvre remind` from its template.
        case reminder
        /// The mise en demeure (C. civ. 1344): announced by `remind`, written by `recouvre build`.
        case formalNotice = "formal_notice"
    }

    /// Recorded in the case as `reminder.step`.
    public var id: String
    /// Days relative to the due date of the oldest unpaid invoice: -5 is five days before, 1 is J+1.
    public var days: Int
    public var kind: Kind
    public var channel: Channel
    /// `forms/templates/<template>.mustache`; nil for the formal notice.
    public var template: String?
    /// The reminder states the penalties accrued and, between professionals, the flat recovery fee.
    public var statesPenalties: Bool
    /// How the chronology names the step (`relance ferme`).
    public var label: String
    /// The subject line, a Mustache template (`{{reference}}`).
    public var subject: String

    public init(
        id: String, days: Int, kind: Kind = .reminder, channel: Channel, template: String?,
        statesPenalties: Bool, label: String, subject: String
    ) {
        self.id = id
        self.days = days
        self.kind = kind
        self.channel = channel
        self.template = template
        self.statesPenalties = statesPenalties
        self.label = label
        self.subject = subject
    }

    /// `J-5`, `J+1`, `J+15`.
    public var offset: String { days < 0 ? "J\(days)" : "J+\(days)" }
}

/// A reminder ladder: its steps in the order of their days, the last one the formal notice.
public struct Ladder: Sendable, Hashable {
    public var id: String
    public var name: String
    /// Two reminders are never closer than this (a step sent late pushes the next one).
    public var minimumGapDays: Int
    /// An instalment of an accepted plan unpaid this many days after its date breaks the plan.
    public var planGraceDays: Int
    public var steps: [LadderStep]

    public init(id: String, name: String, minimumGapDays: Int, planGraceDays: Int, steps: [LadderStep]) {
        self.id = id
        self.name = name
        self.minimumGapDays = minimumGapDays
        self.planGraceDays = planGraceDays
        self.steps = steps
    }

    public static let file = "ladders/default.yaml"

    public func step(_ id: String) -> LadderStep? { steps.first { $0.id == id } }

    /// Parses a ladder file. Pure: the caller reads the file (the law-book loader, or the CLI until it lands).
    public static func parse(text: String, file: String) throws(AmicableError) -> Ladder {
        let root = try AmicableYAML.root(text, file: file)
        let top = AmicableYAML(node: root, file: file, path: "")
        guard let list = root["steps"]?.sequence, !list.isEmpty else {
            throw AmicableError(file: file, "`steps` : liste d'étapes manquante ou vide")
        }
        var steps: [LadderStep] = []
        for (index, item) in list.enumerated() {
            let f = AmicableYAML(node: item, file: file, path: "steps[\(index)]")
            let id = try f.string("id")
            if steps.contains(where: { $0.id == id }) {
                throw AmicableError(
                    file: file, "\(f.key("id")) : l'étape « \(id) » figure deux fois ; chaque id est unique")
            }
            let kind: LadderStep.Kind =
                try f.optionalString("kind").map { raw throws(AmicableError) in
                    guard let kind = LadderStep.Kind(rawValue: raw) else {
                        throw AmicableError(
                            file: file, "\(f.key("kind")) : « \(raw) » inconnu (reminder ou formal_notice)")
                    }
                    return kind
                } ?? .reminder
            let template = try f.optionalString("template")
            if kind == .reminder && template == nil {
                throw AmicableError(
                    file: file, "\(f.key("template")) : manquant (le modèle de la relance, sans .mustache)")
            }
            steps.append(
                LadderStep(
                    id: id, days: try f.int("days"), kind: kind, channel: try f.channel("channel"), template: template,
                    statesPenalties: try f.bool("penalties") ?? false, label: try f.string("label"),
                    subject: try f.string("subject")))
        }
        for (index, step) in steps.enumerated() where index > 0 && step.days <= steps[index - 1].days {
            throw AmicableError(
                file: file,
                "steps[\(index)].days : \(step.days) ne suit pas l'étape précédente "
                    + "(\(steps[index - 1].days)) ; les étapes vont dans l'ordre de leurs jours")
        }
        if let notice = steps.firstIndex(where: { $0.kind == .formalNotice }), notice != steps.count - 1 {
            throw AmicableError(
                file: file, "steps[\(notice)] : la mise en demeure (kind: formal_notice) est la dernière étape")
        }
        return Ladder(
            id: try top.string("id"), name: try top.string("name"),
            minimumGapDays: try top.optionalInt("min_gap_days") ?? 0,
            planGraceDays: try top.optionalInt("plan_grace_days") ?? 0, steps: steps)
    }
}

/// A payer profile (`forms/ladders/profiles.yaml`): the pace and the tone of the ladder for a kind of payer.
public struct PayerProfile: Sendable, Hashable {
    /// Changes to one step of the ladder.
    public struct StepChange: Sendable, Hashable {
        public var days: Int?
        public var channel: Channel?
        public var statesPenalties: Bool?
        public init(days: Int? = nil, channel: Channel? = nil, statesPenalties: Bool? = nil) {
            self.days = days
            self.channel = channel
            self.statesPenalties = statesPenalties
        }
    }

    public var id: String
    public var aliases: [String]
    public var name: String
    public var description: String
    public var changes: [String: StepChange]
    public var skip: Set<String>
    /// Printed by the templates before the facts, and before the salutation.
    public var opening: String
    public var closing: String
    /// The reminders offer a payment plan.
    public var offersPlan: Bool

    public init(
        id: String, aliases: [String] = [], name: String, description: String = "",
        changes: [String: StepChange] = [:], skip: Set<String> = [], opening: String = "",
        closing: String = "", offersPlan: Bool = false
    ) {
        self.id = id
        self.aliases = aliases
        self.name = name
        self.description = description
        self.changes = changes
        self.skip = skip
        self.opening = opening
        self.closing = closing
        self.offersPlan = offersPlan
    }

    /// The ladder as this profile follows it: skipped steps removed, days, channels and penalties changed.
    public func applied(to ladder: Ladder) -> Ladder {
        var result = ladder
        result.steps = ladder.steps.compactMap { step in
            guard !skip.contains(step.id) else { return nil }
            var step = step
            if let change = changes[step.id] {
                if let days = change.days { step.days = days }
                if let channel = change.channel { step.channel = channel }
                if let penalties = change.statesPenalties { step.statesPenalties = penalties }
            }
            return step
        }
        return result
    }
}

/// The profiles of `forms/ladders/profiles.yaml`, the first being the default.
public struct PayerProfiles: Sendable, Hashable {
    public var profiles: [PayerProfile]

    public init(profiles: [PayerProfile]) { self.profiles = profiles }

    public static let file = "ladders/profiles.yaml"

    /// The profile used without `--profile`: `standard`, else the first.
    public var standard: PayerProfile { profiles.first { $0.id == "standard" } ?? profiles[0] }

    /// The profile named by its id or an alias, case and accents aside.
    public func profile(named name: String) -> PayerProfile? {
        let wanted = Self.key(name)
        return profiles.first { Self.key($0.id) == wanted || $0.aliases.contains { Self.key($0) == wanted } }
    }

    static func key(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "fr_FR"))
            .map { $0 == " " || $0 == "_" ? "-" : $0 }.reduce(into: "") { $0.append($1) }
    }

    /// The profile named, or an error listing the profiles (exit 2, a usage error).
    public func resolve(_ name: String?) throws(AmicableError) -> PayerProfile {
        guard let name else { return standard }
        guard let found = profile(named: name) else {
            let known = profiles.map { "\($0.id) (\($0.aliases.joined(separator: ", ")))" }.joined(separator: " ; ")
            throw AmicableError("--profile \(name) : profil inconnu ; profils de \(Self.file) : \(known)", exitCode: 2)
        }
        return found
    }

    /// Parses the profiles file; `ladder` is checked for the step ids the profiles name.
    public static func parse(text: String, file: String, ladder: Ladder? = nil) throws(AmicableError) -> PayerProfiles {
        let root = try AmicableYAML.root(text, file: file)
        guard let list = root["profiles"]?.sequence, !list.isEmpty else {
            throw AmicableError(file: file, "`profiles` : liste de profils manquante ou vide")
        }
        var profiles: [PayerProfile] = []
        for (index, item) in list.enumerated() {
            let f = AmicableYAML(node: item, file: file, path: "profiles[\(index)]")
            var changes: [String: PayerProfile.StepChange] = [:]
            if let mapping = item["steps"]?.mapping {
                for (keyNode, value) in mapping {
                    guard let id = keyNode.string else { continue }
                    if let ladder, ladder.step(id) == nil {
                        throw AmicableError(
                            file: file, "\(f.key("steps")).\(id) : aucune étape « \(id) » dans \(Ladder.file)")
                    }
                    let s = AmicableYAML(node: value, file: file, path: "\(f.key("steps")).\(id)")
                    changes[id] = PayerProfile.StepChange(
                        days: try s.optionalInt("days"), channel: try s.optionalChannel("channel"),
                        statesPenalties: try s.bool("penalties"))
                }
            }
            let skip = Set((item["skip"]?.sequence ?? []).compactMap(\.string))
            if let ladder, let unknown = skip.sorted().first(where: { ladder.step($0) == nil }) {
                throw AmicableError(file: file, "\(f.key("skip")) : aucune étape « \(unknown) » dans \(Ladder.file)")
            }
            profiles.append(
                PayerProfile(
                    id: try f.string("id"), aliases: (item["aliases"]?.sequence ?? []).compactMap(\.string),
                    name: try f.string("name"), description: try f.optionalString("description") ?? "",
                    changes: changes, skip: skip, opening: try f.optionalString("opening") ?? "",
                    closing: try f.optionalString("closing") ?? "", offersPlan: try f.bool("offer_plan") ?? false))
        }
        return PayerProfiles(profiles: profiles)
    }
}

/// Typed access to the fields of a YAML mapping, with French errors naming the file and the key.
struct AmicableYAML {
    let node: Node
    let file: String
    let path: String

    static func root(_ text: String, file: String) throws(AmicableError) -> Node {
        let parsed: Node?
        do { parsed = try Yams.compose(yaml: text) } catch {
            throw AmicableError(file: file, "YAML illisible (\(error))")
        }
        guard let node = parsed, node.mapping != nil else {
            throw AmicableError(file: file, "un dictionnaire YAML est attendu")
        }
        return node
    }

    func key(_ name: String) -> String { path.isEmpty ? name : "\(path).\(name)" }

    func optionalString(_ name: String) throws(AmicableError) -> String? {
        guard let value = node[name] else { return nil }
        guard let text = value.scalar?.string else {
            throw AmicableError(file: file, "\(key(name)) : un texte est attendu")
        }
        return text
    }

    func string(_ name: String) throws(AmicableError) -> String {
        guard let text = try optionalString(name), !text.isEmpty else {
            throw AmicableError(file: file, "\(key(name)) : manquant")
        }
        return text
    }

    func optionalInt(_ name: String) throws(AmicableError) -> Int? {
        guard let text = try optionalString(name) else { return nil }
        guard let value = Int(text) else {
            throw AmicableError(file: file, "\(key(name)) : « \(text) » n'est pas un nombre entier de jours")
        }
        return value
    }

    func int(_ name: String) throws(AmicableError) -> Int {
        guard let value = try optionalInt(name) else { throw AmicableError(file: file, "\(key(name)) : manquant") }
        return value
    }

    func bool(_ name: String) throws(AmicableError) -> Bool? {
        guard let text = try optionalString(name) else { return nil }
        switch text.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw AmicableError(file: file, "\(key(name)) : « \(text) » ; true ou false attendu")
        }
    }

    func optionalChannel(_ name: String) throws(AmicableError) -> Channel? {
        guard let text = try optionalString(name) else { return nil }
        guard let channel = Channel(rawValue: text), channel != .bailiff else {
            throw AmicableError(file: file, "\(key(name)) : « \(text) » ; email, letter ou registered_letter attendu")
        }
        return channel
    }

    func channel(_ name: String) throws(AmicableError) -> Channel {
        guard let value = try optionalChannel(name) else { throw AmicableError(file: file, "\(key(name)) : manquant") }
        return value
    }
}
