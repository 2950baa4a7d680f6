import Foundation
import RecouvreAmicable
import RecouvreModel
import Yams

// The amicable part of the law book: the ladder and the payer profiles (`forms/ladders/`) parsed by
// the loader; RecouvreAmicable receives the values (`AmicableForms`).

extension Ladder {
    /// Parses a ladder file. Pure: the law-book loader reads the file.
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

extension PayerProfiles {
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

extension AmicableForms {
    /// Parses `forms/ladders/default.yaml` and `forms/ladders/profiles.yaml` (their texts) and compiles
    /// the templates they need from `templates` (name → Mustache source, every template of forms/templates/),
    /// with the book's `messages`.
    public static func parse(
        ladder ladderText: String, profiles profilesText: String,
        templates sources: [String: String], messages: MessageCatalogue
    ) throws(AmicableError) -> AmicableForms {
        let ladder = try Ladder.parse(text: ladderText, file: Ladder.file)
        let profiles = try PayerProfiles.parse(text: profilesText, file: PayerProfiles.file, ladder: ladder)
        return try AmicableForms.compiling(
            ladder: ladder, profiles: profiles, templateSources: sources, messages: messages)
    }
}
