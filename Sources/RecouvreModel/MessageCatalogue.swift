/// A reason a stage gives (a warning, an explanation, a step to take) with its parameters, worded by
/// the message catalogue of `forms/messages/` — never by Swift. Each stage has one enum of reasons;
/// the case name is the catalogue key inside the stage's section and the labelled associated values
/// (already formatted as French text by the stage) fill the `{label}` placeholders.
///
/// ```swift
/// enum RouteReason: CatalogueReason {
///     static let section = "route"
///     case registryFee(amount: String, source: String)   // route.yaml: registryFee: "… environ {amount} TTC …"
/// }
/// ```
///
/// Each enum gives its case name and its labelled values through a `switch` (`catalogueName`,
/// `catalogueArguments(into:)`), written by `scripts/catalogue-reasons.py` into `<File>+Catalogue.swift`
/// beside the enum: wording a reason never reflects it (the two `Mirror`s of an enum case and of its
/// payload cost ≈ 12,000 instructions; a batch dossier's sentences cost 3.0 M instructions so). An enum
/// without that file, or a case added since the script ran (each generated `switch` ends in
/// `@unknown default`: a compiler warning, not an error), is worded by reflection (`reflectedName`,
/// `reflectedArguments`); the catalogue test fails until the script has been run.
public protocol CatalogueReason: Sendable {
    /// The catalogue file (`forms/messages/<section>.yaml`) and key prefix.
    static var section: String { get }
    /// `registryFee`: the enum case's name.
    var catalogueName: String { get }
    /// Adds each labelled associated value, in the order declared, to `arguments`.
    func catalogueArguments(into arguments: inout CatalogueArguments)
}

/// The labelled values of a reason, each as the text that fills its `{label}` placeholder: a `String`
/// as it is, a `Day` or a `HalfYear` written out with the catalogue's calendar, a reason worded by the
/// catalogue first (a word inside the sentence), anything else by its description.
public struct CatalogueArguments {
    /// The catalogue wording nested reasons and dates; nil: their descriptions (`catalogueParameters`).
    let catalogue: MessageCatalogue?
    /// The first four values inline, the rest in `more`: wording a reason (one to four values, nearly
    /// always) allocates no array. `values` gives them all, in order, as one list.
    private(set) var count = 0
    private var first: (label: String, text: String) = ("", "")
    private var second: (label: String, text: String) = ("", "")
    private var third: (label: String, text: String) = ("", "")
    private var fourth: (label: String, text: String) = ("", "")
    private var more: [(label: String, text: String)] = []

    init(catalogue: MessageCatalogue?) {
        self.catalogue = catalogue
    }

    /// The labelled values, in the order added.
    public var values: [(label: String, text: String)] {
        var values: [(label: String, text: String)] = []
        values.reserveCapacity(count)
        for index in 0..<count { values.append(self[index]) }
        return values
    }

    // (No `switch` here: the catalogue test reads the lines of this file that start with `case` as
    // reasons, for the example at its top.)
    subscript(index: Int) -> (label: String, text: String) {
        if index == 0 { return first }
        if index == 1 { return second }
        if index == 2 { return third }
        if index == 3 { return fourth }
        return more[index - 4]
    }

    /// The text of the first value labelled `label` (as `values.first { $0.label == label }?.text`).
    func text(for label: String) -> String? {
        if count > 0, first.label == label { return first.text }
        if count > 1, second.label == label { return second.text }
        if count > 2, third.label == label { return third.text }
        if count > 3, fourth.label == label { return fourth.text }
        return more.first { $0.label == label }?.text
    }

    /// The index of the first value labelled `label`, or nil (as `values.firstIndex { $0.label == label }`).
    func index(for label: String) -> Int? {
        if count > 0, first.label == label { return 0 }
        if count > 1, second.label == label { return 1 }
        if count > 2, third.label == label { return 2 }
        if count > 3, fourth.label == label { return 3 }
        return more.firstIndex { $0.label == label }.map { $0 + 4 }
    }

    /// The text of the value at `index`.
    func text(at index: Int) -> String {
        if index == 0 { return first.text }
        if index == 1 { return second.text }
        if index == 2 { return third.text }
        if index == 3 { return fourth.text }
        return more[index - 4].text
    }

    private mutating func append(_ label: String, _ text: String) {
        if count == 0 {
            first = (label, text)
        } else if count == 1 {
            second = (label, text)
        } else if count == 2 {
            third = (label, text)
        } else if count == 3 {
            fourth = (label, text)
        } else {
            more.append((label, text))
        }
        count += 1
    }

    public mutating func add(_ label: String, _ value: String) { append(label, value) }

    public mutating func add(_ label: String, _ value: Day) {
        append(label, catalogue?.dates.long(value) ?? String(describing: value))
    }

    public mutating func add(_ label: String, _ value: HalfYear) {
        append(label, catalogue?.dates.halfYear(value) ?? String(describing: value))
    }

    public mutating func add(_ label: String, _ value: some CatalogueReason) {
        append(label, catalogue?.text(value) ?? String(describing: value))
    }

    /// Any other value: as `Mirror` gave it (`as? String`, a nested reason, a date), else its description.
    public mutating func add(_ label: String, _ value: Any) {
        append(label, Self.text(of: value, catalogue: catalogue))
    }

    static func text(of value: Any, catalogue: MessageCatalogue?) -> String {
        if let string = value as? String { return string }
        if let catalogue {
            if let nested = value as? any CatalogueReason { return catalogue.text(nested) }
            if let day = value as? Day { return catalogue.dates.long(day) }
            if let half = value as? HalfYear { return catalogue.dates.halfYear(half) }
        }
        return String(describing: value)
    }
}

extension CatalogueReason {
    /// For an enum without its generated conformance: the case's name, by reflection.
    public var catalogueName: String { reflectedName }

    /// For an enum without its generated conformance: the labelled values, by reflection.
    public func catalogueArguments(into arguments: inout CatalogueArguments) {
        reflectedArguments(into: &arguments)
    }

    /// The case's name as `Mirror` gives it (the test compares it with `catalogueName`).
    public var reflectedName: String {
        if let child = Mirror(reflecting: self).children.first, let label = child.label { return label }
        return String(describing: self)
    }

    /// The labelled values as `Mirror` gives them (the test compares them with `catalogueArguments`).
    public func reflectedArguments(into arguments: inout CatalogueArguments) {
        guard let payload = Mirror(reflecting: self).children.first?.value else { return }
        for child in Mirror(reflecting: payload).children {
            guard let label = child.label else { continue }
            arguments.add(label, child.value)
        }
    }

    /// `route.registryFee`.
    public var catalogueKey: String { "\(Self.section).\(catalogueName)" }

    /// The labelled associated values, as text (dates and nested reasons by their descriptions).
    public var catalogueParameters: [String: String] {
        var arguments = CatalogueArguments(catalogue: nil)
        catalogueArguments(into: &arguments)
        var parameters: [String: String] = [:]
        for (label, text) in arguments.values { parameters[label] = text }
        return parameters
    }

    /// The values as `MessageCatalogue.text` fills them in: by the generated `switch` when the enum has
    /// one, else by reflection (`reflected: true` forces it, for the test).
    public func catalogueValues(
        _ catalogue: MessageCatalogue, reflected: Bool = false
    ) -> [(
        label: String, text: String
    )] {
        var arguments = CatalogueArguments(catalogue: catalogue)
        if reflected { reflectedArguments(into: &arguments) } else { catalogueArguments(into: &arguments) }
        return arguments.values
    }
}

/// Every French sentence the stages print, by key (`route.registryFee`), as written in
/// `forms/messages/*.yaml` (a firm may override a file). Loaded once with the law book.
public struct MessageCatalogue: Sendable, Hashable {
    /// What a catalogue holds, in one object: copying a catalogue (every stage and every reason worded
    /// keeps one) retains one reference, not its three dictionaries and the calendar's words.
    final class Storage: Sendable {
        let entries: [String: String]
        let dates: FrenchDates
        let sections: [String: [String: CatalogueTemplate]]

        init(entries: [String: String]) {
            self.entries = entries
            dates = FrenchDates(entries: entries)
            var sections: [String: [String: CatalogueTemplate]] = [:]
            for (key, template) in entries {
                guard let dot = key.utf8.firstIndex(of: UInt8(ascii: ".")) else { continue }
                let section = String(key[..<dot])
                let name = String(key[key.utf8.index(after: dot)...])
                sections[section, default: [:]][name] = CatalogueTemplate(template)
            }
            self.sections = sections
        }
    }

    let storage: Storage

    /// Template text by key; placeholders are `{name}`.
    public var entries: [String: String] { storage.entries }
    /// The calendar's words (`calendar.yaml`), resolved once: a reason's `Day` or `HalfYear` parameter is
    /// written out with them (`1er juillet 2026`, `2d semestre 2026`).
    public var dates: FrenchDates { storage.dates }

    /// The templates by section and name (`route` → `registryFee`), cut once into their literal text
    /// and placeholders (`CatalogueTemplate`): wording a reason looks two short keys up and appends,
    /// no key text to build, no template to scan again.
    var sections: [String: [String: CatalogueTemplate]] { storage.sections }

    public init(entries: [String: String]) {
        storage = Storage(entries: entries)
    }

    public static func == (lhs: MessageCatalogue, rhs: MessageCatalogue) -> Bool {
        lhs.storage === rhs.storage || lhs.entries == rhs.entries
    }
    public func hash(into hasher: inout Hasher) { hasher.combine(entries) }

    /// The reason in words. A key the catalogue lacks, or a placeholder with no value, is a bug that the
    /// catalogue test finds; at run time it prints the key in brackets rather than failing a dossier.
    /// A parameter that is itself a reason (a word inside the sentence) is worded first, by this catalogue;
    /// a `Day` or a `HalfYear` is written out with the catalogue's calendar (`dates`).
    ///
    public func text<Reason: CatalogueReason>(_ reason: Reason) -> String {
        var arguments = CatalogueArguments(catalogue: self)
        reason.catalogueArguments(into: &arguments)
        return text(section: Reason.section, name: reason.catalogueName, arguments: arguments)
    }

    /// `section.name`'s template filled with `arguments`: the same text as
    /// `text(key:name:values:)` with `arguments.values`, without making that list.
    func text(section: String, name: String, arguments: CatalogueArguments) -> String {
        // The two dictionary lookups and the part-by-part fill: under callgrind cheaper than the byte
        // table (≈ 955 instructions a lookup against ≈ 830) and the one-allocation fill (session 7).
        if let template = sections[section]?[name] {
            return template.filled { arguments.text(for: $0) }
        }
        return text(key: section, name: name, values: arguments.values)
    }

    /// The template `key` with its placeholders filled.
    public func text(key: String, _ parameters: [String: String]) -> String {
        guard let template = entries[key] else { return "[\(key)]" }
        return Self.fill(template) { parameters[String($0)] }
    }

    /// The same with the values in a list (a payload's labels are distinct): no dictionary to build.
    func text(key: String, values: [(label: String, text: String)]) -> String {
        guard let template = entries[key] else { return "[\(key)]" }
        return Self.fill(template) { name in values.first { $0.label == name }?.text }
    }

    /// `section.name`'s template filled with `values`.
    func text(key section: String, name: String, values: [(label: String, text: String)]) -> String {
        guard let template = sections[section]?[name] else {
            // A key whose section holds a dot is only in `entries`.
            let key = "\(section).\(name)"
            guard let template = entries[key] else { return "[\(key)]" }
            return Self.fill(template) { name in values.first { $0.label == name }?.text }
        }
        return template.filled { label in values.first { $0.label == label }?.text }
    }

    static func fill(_ template: String, _ parameters: [String: String]) -> String {
        fill(template) { parameters[String($0)] }
    }

    /// `{name}` replaced by its value; a name without a value is kept as written, and a `{` never closed
    /// ends the filling (the rest is copied). The braces are ASCII: the text is scanned as UTF-8 bytes.
    static func fill(_ template: String, value: (Substring) -> String?) -> String {
        var output = ""
        output.reserveCapacity(template.utf8.count + 32)
        cut(template) { literal in
            output += literal
        } placeholder: { name in
            if let text = value(name) { output += text } else { output += "{\(name)}" }
        }
        return output
    }

    /// Walks `template` in order: its literal runs, and the name of each `{name}` (the text up to the
    /// first `}` after a `{`; a `{` never closed ends the cutting, the rest is literal). The braces are
    /// ASCII: the text is scanned as UTF-8 bytes. `fill` and `CatalogueTemplate` both cut this way.
    @inline(__always)
    static func cut(
        _ template: String, literal: (Substring) -> Void, placeholder: (Substring) -> Void
    ) {
        let utf8 = template.utf8
        var copied = utf8.startIndex
        while let open = utf8[copied...].firstIndex(of: UInt8(ascii: "{")) {
            let afterOpen = utf8.index(after: open)
            guard let close = utf8[afterOpen...].firstIndex(of: UInt8(ascii: "}")) else { break }
            if copied < open { literal(template[copied..<open]) }
            placeholder(template[afterOpen..<close])
            copied = utf8.index(after: close)
        }
        if copied < utf8.endIndex { literal(template[copied...]) }
    }

    /// The placeholder names of a template, in order.
    public static func placeholders(in template: String) -> [String] {
        var names: [String] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "}") else { break }
            names.append(String(rest[afterOpen..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}

/// A catalogue template cut at its placeholders once (`MessageCatalogue.cut`, as `fill` cuts it).
struct CatalogueTemplate: Sendable {
    /// Literal text, or the name of a placeholder. (A struct, not an enum: the catalogue test reads
    /// every enum case of this module's sources as a reason.)
    struct Part: Sendable {
        var isPlaceholder: Bool
        var text: String
        /// `text.utf8.count`, counted once.
        var count: Int
    }

    let whole: String
    let parts: [Part]
    /// The length of the literal text, to reserve the output.
    let literalCount: Int

    init(_ template: String) {
        whole = template
        var parts: [Part] = []
        var literal = 0
        MessageCatalogue.cut(template) { text in
            parts.append(Part(isPlaceholder: false, text: String(text), count: text.utf8.count))
            literal += text.utf8.count
        } placeholder: { name in
            parts.append(Part(isPlaceholder: true, text: String(name), count: name.utf8.count))
        }
        self.parts = parts
        literalCount = literal
    }

    /// The template with each placeholder replaced by its value; one without a value is kept as
    /// written (`{name}`). The same text as `MessageCatalogue.fill(whole, value:)`.
    func filled(_ value: (String) -> String?) -> String {
        if parts.count <= 1, parts.first?.isPlaceholder != true { return whole }
        var output = ""
        output.reserveCapacity(literalCount + 16 * parts.count)
        for part in parts {
            if !part.isPlaceholder {
                output += part.text
            } else if let text = value(part.text) {
                output += text
            } else {
                output += "{\(part.text)}"
            }
        }
        return output
    }
}
