import Foundation
import RecouvreModel
import Yams

/// The amicable steps recorded beside a case file (`case.reminders.yaml` next to `case.yaml`):
/// `recouvre remind --record` and `recouvre plan --record` append to it; the user may add promises and
/// plans by hand. The user's case file is never rewritten: this file is recouvre's. Its events use the
/// case-file keys (`type: reminder` with `step`, `promise`, `plan`), so they can be copied into the case
/// file's `events:` once the case reader accepts those keys.
public struct AmicableJournal: Sendable, Hashable {
    public enum Entry: Sendable, Hashable {
        case reminder(RecordedReminder)
        case promise(PaymentPromise)
        case plan(AcceptedPlan)

        public var date: Day {
            switch self {
            case .reminder(let r): return r.date
            case .promise(let p): return p.date
            case .plan(let p): return p.date
            }
        }
    }

    /// The case file's name, for the reader of the journal.
    public var caseFile: String
    /// The payer profile to use for this debtor when `--profile` is not given.
    public var profile: String?
    public var entries: [Entry]

    public init(caseFile: String, profile: String? = nil, entries: [Entry] = []) {
        self.caseFile = caseFile
        self.profile = profile
        self.entries = entries
    }

    /// `case.yaml` → `case.reminders.yaml` (also for `case.json`).
    /// Plain string work on the path (`aged` asks it for 10,000 files: no URL is built).
    public static func path(forCase casePath: String) -> String {
        var trimmed = Substring(casePath)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        let slash = trimmed.lastIndex(of: "/")
        let name = slash.map { trimmed[trimmed.index(after: $0)...] } ?? trimmed
        let folder = slash.map { trimmed[...$0] } ?? ""
        // The stem: the name without its last extension (`.yaml`, `.json`); a leading dot is no extension.
        var stem = name
        if let dot = name.lastIndex(of: "."), dot > name.startIndex { stem = name[..<dot] }
        return "\(folder)\(stem).reminders.yaml"
    }

    /// Parses a journal. Pure: the CLI reads the file.
    public static func parse(text: String, file: String) throws(AmicableError) -> AmicableJournal {
        let root = try AmicableYAML.root(text, file: file)
        let top = AmicableYAML(node: root, file: file, path: "")
        if let version = try top.optionalInt("version"), version != 1 {
            throw AmicableError(file: file, "version : \(version) inconnue (1 attendu)")
        }
        var entries: [Entry] = []
        for (index, item) in (root["events"]?.sequence ?? []).enumerated() {
            let f = AmicableYAML(node: item, file: file, path: "events[\(index)]")
            let type = try f.string("type")
            let date = try f.day("date")
            switch type {
            case "reminder":
                entries.append(
                    .reminder(
                        RecordedReminder(
                            date: date, step: try f.optionalString("step"), channel: try f.optionalChannel("channel"),
                            file: try f.optionalString("file"), profile: try f.optionalString("profile"))))
            case "promise":
                let until = try f.day("until")
                if until < date {
                    throw AmicableError(
                        file: file, "\(f.key("until")) : \(until.iso) est avant la promesse du \(date.iso)")
                }
                entries.append(
                    .promise(PaymentPromise(date: date, until: until, amount: try f.optionalAmount("amount"))))
            case "plan":
                guard let list = item["instalments"]?.sequence, !list.isEmpty else {
                    throw AmicableError(file: file, "\(f.key("instalments")) : liste des échéances manquante")
                }
                var instalments: [Instalment] = []
                for (n, node) in list.enumerated() {
                    let i = AmicableYAML(node: node, file: file, path: "\(f.key("instalments"))[\(n)]")
                    guard let amount = try i.optionalAmount("amount") else {
                        throw AmicableError(file: file, "\(i.key("amount")) : manquant")
                    }
                    let day = try i.day("date")
                    if let last = instalments.last, day <= last.date {
                        throw AmicableError(
                            file: file,
                            "\(i.key("date")) : \(day.iso) ne suit pas l'échéance précédente (\(last.date.iso))")
                    }
                    instalments.append(Instalment(date: day, amount: amount))
                }
                entries.append(.plan(AcceptedPlan(date: date, instalments: instalments)))
            default:
                throw AmicableError(file: file, "\(f.key("type")) : « \(type) » ; reminder, promise ou plan attendu")
            }
        }
        return AmicableJournal(
            caseFile: try top.optionalString("case") ?? "", profile: try top.optionalString("profile"),
            entries: entries)
    }

    /// The journal as YAML, entries in the order recorded; parsing it gives back the same value.
    public func yaml() -> String {
        var out =
            "# recouvre: amicable steps recorded for \(caseFile) (recouvre remind --record, recouvre plan --record).\n"
        out += "# The case file itself is never rewritten. The events use the case-file keys.\n"
        out += "version: 1\n"
        out += "case: \(Self.quoted(caseFile))\n"
        if let profile { out += "profile: \(Self.quoted(profile))\n" }
        out += entries.isEmpty ? "events: []\n" : "events:\n"
        for entry in entries {
            switch entry {
            case .reminder(let r):
                var fields = ["type: reminder", "date: \(r.date.iso)"]
                if let step = r.step { fields.append("step: \(Self.quoted(step))") }
                if let channel = r.channel { fields.append("channel: \(channel.rawValue)") }
                if let file = r.file { fields.append("file: \(Self.quoted(file))") }
                if let profile = r.profile { fields.append("profile: \(Self.quoted(profile))") }
                out += "  - { \(fields.joined(separator: ", ")) }\n"
            case .promise(let p):
                var fields = ["type: promise", "date: \(p.date.iso)", "until: \(p.until.iso)"]
                if let amount = p.amount { fields.append("amount: \"\(Money.plain(amount))\"") }
                out += "  - { \(fields.joined(separator: ", ")) }\n"
            case .plan(let p):
                out += "  - type: plan\n    date: \(p.date.iso)\n    instalments:\n"
                for i in p.instalments {
                    out += "      - { date: \(i.date.iso), amount: \"\(Money.plain(i.amount))\" }\n"
                }
            }
        }
        return out
    }

    /// A double-quoted YAML scalar.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\x%02X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension AmicableYAML {
    func day(_ name: String) throws(AmicableError) -> Day {
        let text = try string(name)
        guard let day = Day(iso: text) else {
            throw AmicableError(file: file, "\(key(name)) : « \(text) » n'est pas une date AAAA-MM-JJ")
        }
        return day
    }

    func optionalAmount(_ name: String) throws(AmicableError) -> Decimal? {
        guard let text = try optionalString(name) else { return nil }
        switch Money.parse(text) {
        case .success(let value): return value
        case .failure:
            throw AmicableError(file: file, "\(key(name)) : « \(text) » n'est pas un montant (par exemple 1250.00)")
        }
    }
}
