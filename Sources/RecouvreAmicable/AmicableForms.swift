import Foundation
import Mustache
import RecouvreDocuments
import RecouvreModel

/// The amicable stage's part of `forms/`, parsed: the ladder, the payer profiles and the reminder
/// templates, compiled once, with the book's message catalogue. A value: the law-book loader
/// (RecouvreForms' `LawBook.load`) reads and parses the files (`AmicableForms.parse`, `Ladder.parse`,
/// `PayerProfiles.parse` live there).
public struct AmicableForms: Sendable {
    public var ladder: Ladder
    public var profiles: PayerProfiles
    /// The book's catalogue (`forms/messages/`): the stage's notes (`AmicableReason`), the calendar of
    /// its dates (`calendar.yaml`), the parties' identity words (`documents.yaml`) and the countries of
    /// their addresses (`countries.yaml`).
    public let messages: MessageCatalogue
    /// The templates the ladder needs (`relance-ferme`…), checked at load, parsed by Mustache on first use.
    let templates: CompiledTemplates

    /// The chronology lines the documents print (`relance-chronologie.mustache`).
    public static let chronologyTemplate = "relance-chronologie"
    /// The letter proposing a payment plan.
    public static let planTemplate = "plan-echeancier"
    /// The files of forms/ besides the templates.
    public static let files = [Ladder.file, PayerProfiles.file]

    /// `templates/<name>.mustache`.
    public static func templatePath(_ name: String) -> String { "templates/\(name).mustache" }

    /// The templates the ladder needs: each reminder step's, the chronology's and the plan letter's.
    public static func templateNames(for ladder: Ladder) -> [String] {
        var names = ladder.steps.compactMap(\.template)
        names.append(contentsOf: [chronologyTemplate, planTemplate])
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }

    /// The ladder and profiles parsed by the law-book loader, with the templates they need from
    /// `sources` (name → Mustache source, every template of forms/templates/) and the book's
    /// `messages`. Each template is checked here (`TemplateCheck`: syntax and limits) and parsed by
    /// Mustache when first rendered (see `TemplateSet.init`). Pure.
    public static func compiling(
        ladder: Ladder, profiles: PayerProfiles, templateSources sources: [String: String],
        messages: MessageCatalogue
    ) throws(AmicableError) -> AmicableForms {
        var needed: [String: String] = [:]
        for name in templateNames(for: ladder) {
            guard let source = sources[name] else {
                throw AmicableError(file: templatePath(name), "introuvable (modèle demandé par \(Ladder.file))")
            }
            do { try TemplateCheck.check(source, file: templatePath(name), schema: nil) } catch {
                throw AmicableError(file: templatePath(name), "modèle Mustache invalide (\(error))")
            }
            needed[name] = source
        }
        return AmicableForms(
            ladder: ladder, profiles: profiles, messages: messages,
            templates: CompiledTemplates(sources: needed, files: [:]))
    }

    /// Renders template `name` with `model` as text (never HTML-escaped), then lays it out at `width` columns.
    public func render(
        _ name: String, _ model: [String: Any], width: Int = TextLayout.a4Width
    ) throws(AmicableError) -> String {
        Self.laidOut(try entry(name).template.render(model), width: width)
    }

    /// Template `name`, compiled (on its first use): an error naming its file when the forms do not hold
    /// it or it does not compile.
    private func entry(_ name: String) throws(AmicableError) -> CompiledTemplates.Entry {
        guard templates.has(name) else {
            throw AmicableError(file: Self.templatePath(name), "modèle absent des formulaires chargés")
        }
        do { return try templates.template(name) } catch {
            throw AmicableError(file: Self.templatePath(name), "modèle Mustache invalide (\(error))")
        }
    }

    /// A rendered text laid out at `width` columns, its blank lines at most one in a row, none at the start,
    /// one newline at the end.
    static func laidOut(_ rendered: String, width: Int) -> String {
        var text = TextLayout.wrap(rendered, width: width)
        while text.hasPrefix("\n") { text.removeFirst() }
        while text.contains("\n\n\n") { text = text.replacingOccurrences(of: "\n\n\n", with: "\n\n") }
        while text.hasSuffix("\n\n") { text.removeLast() }
        if !text.hasSuffix("\n") { text += "\n" }
        return text
    }

    /// The non-empty lines of template `name` rendered with `model`: exactly the lines of
    /// `render(name, model, width: Int.max)` split at its newlines, the empty ones left out (what the
    /// chronology prints), without swift-mustache's reflection and without laying the text out (reader,
    /// issue 14: ≈ 0.3 M instructions a step before). The model is rendered by the fast renderer
    /// (`programText`, the library when it declines); a line is right-trimmed of its spaces as
    /// `TextLayout.wrap` trims it. A text holding a carriage return (`\r\n` is one `Character`) goes
    /// the whole way of `render`.
    func lines(_ name: String, _ model: [String: Any]) throws(AmicableError) -> [String] {
        let entry = try entry(name)
        let rendered = entry.programText(Self.templateValue(model)) ?? entry.template.render(model)
        guard !rendered.utf8.contains(UInt8(ascii: "\r")) else {
            return Self.laidOut(rendered, width: Int.max).split(separator: "\n").filter { !$0.isEmpty }.map {
                String($0)
            }
        }
        // Without a carriage return, a newline is a `Character` of its own (grapheme rules GB4/GB5), so
        // the byte cuts are the `Character` cuts.
        var lines: [String] = []
        let utf8 = rendered.utf8
        var start = utf8.startIndex
        while start < utf8.endIndex {
            let end = utf8[start...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            let line = rendered[start..<end]
            // The right-trim of TextLayout's layout: trailing `Character`s equal to a space.
            var trimmedEnd = line.endIndex
            while trimmedEnd > line.startIndex {
                let before = line.index(before: trimmedEnd)
                guard line[before] == " " else { break }
                trimmedEnd = before
            }
            if trimmedEnd > line.startIndex { lines.append(String(line[line.startIndex..<trimmedEnd])) }
            start = end < utf8.endIndex ? utf8.index(after: end) : end
        }
        return lines
    }

    /// A chronology model as the fast renderer reads it: what swift-mustache distinguishes in it — a
    /// string, a flag, a dictionary (its values by name, as `MustacheParent` gives them) —, anything else
    /// as it is.
    static func templateValue(_ value: Any) -> TemplateValue {
        // Fast path (render engineer, issue 14): a value whose dynamic type is exactly `String`, `Bool`
        // or `[String: Any]` is sorted by comparing its type, as the casts below sort it (each of those
        // is the first cast to succeed for it), without the failing casts before it.
        let dynamicType = type(of: value)
        if dynamicType == String.self { return .text(value as! String) }
        if dynamicType == Bool.self { return .flag(value as! Bool) }
        if dynamicType == [String: Any].self { return record(value as! [String: Any]) }
        return templateValueByCasts(value)
    }

    /// `templateValue` by casts, in their order: any value (the reference of its fast path).
    static func templateValueByCasts(_ value: Any) -> TemplateValue {
        if let text = value as? String, type(of: value) == String.self { return .text(text) }
        if let flag = value as? Bool, type(of: value) == Bool.self { return .flag(flag) }
        if let fields = value as? [String: Any] { return record(fields) }
        return .other(value)
    }

    /// A dictionary's values by name, each sorted by `templateValue`.
    static func record(_ fields: [String: Any]) -> TemplateValue {
        var record: [String: TemplateValue] = Dictionary(minimumCapacity: fields.count)
        for (key, field) in fields { record[key] = templateValue(field) }
        return .record(TemplateRecord(record))
    }

    /// `23 novembre 2026`; `1er janvier 2026`: the catalogue's calendar.
    func date(_ day: Day) -> String { messages.dates.long(day) }

    /// A one-line Mustache text (a subject).
    static func renderLine(_ source: String, _ model: [String: Any]) -> String {
        guard let template = try? MustacheTemplate(string: "{{%CONTENT_TYPE: TEXT}}" + source) else { return source }
        return template.render(model).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
