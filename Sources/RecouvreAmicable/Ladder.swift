import Foundation
import RecouvreModel

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

}
