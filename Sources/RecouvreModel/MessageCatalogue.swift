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
public protocol CatalogueReason: Sendable {
    /// The catalogue file (`forms/messages/<section>.yaml`) and key prefix.
    static var section: String { get }
}

extension CatalogueReason {
    /// `registryFee`: the enum case's name.
    public var catalogueName: String {
        if let child = Mirror(reflecting: self).children.first, let label = child.label { return label }
        return String(describing: self)
    }

    /// `route.registryFee`.
    public var catalogueKey: String { "\(Self.section).\(catalogueName)" }

    /// The labelled associated values, as text.
    public var catalogueParameters: [String: String] {
        guard let payload = Mirror(reflecting: self).children.first?.value else { return [:] }
        var parameters: [String: String] = [:]
        for child in Mirror(reflecting: payload).children {
            guard let label = child.label else { continue }
            parameters[label] = child.value as? String ?? String(describing: child.value)
        }
        return parameters
    }
}

/// Every French sentence the stages print, by key (`route.registryFee`), as written in
/// `forms/messages/*.yaml` (a firm may override a file). Loaded once with the law book.
public struct MessageCatalogue: Sendable, Hashable {
    /// Template text by key; placeholders are `{name}`.
    public let entries: [String: String]
    /// The calendar's words (`calendar.yaml`), resolved once: a reason's `Day` or `HalfYear` parameter is
    /// written out with them (`1er juillet 2026`, `2d semestre 2026`).
    public let dates: FrenchDates

    public init(entries: [String: String]) {
        self.entries = entries
        dates = FrenchDates(entries: entries)
    }

    /// The reason in words. A key the catalogue lacks, or a placeholder with no value, is a bug that the
    /// catalogue test finds; at run time it prints the key in brackets rather than failing a dossier.
    /// A parameter that is itself a reason (a word inside the sentence) is worded first, by this catalogue;
    /// a `Day` or a `HalfYear` is written out with the catalogue's calendar (`dates`).
    ///
    /// One reflection of the reason and one of its payload give the case name and every labelled value
    /// (a reflection of an enum case costs ≈ 7,000 instructions, and a dossier words ≈ 60 reasons): the
    /// same key and values as `catalogueKey` and `catalogueParameters`, which reflect it three times.
    public func text<Reason: CatalogueReason>(_ reason: Reason) -> String {
        guard let payload = Mirror(reflecting: reason).children.first, let name = payload.label else {
            // A case without values: its name is its description.
            return text(key: "\(Reason.section).\(String(describing: reason))", values: [])
        }
        var values: [(label: String, text: String)] = []
        for child in Mirror(reflecting: payload.value).children {
            guard let label = child.label else { continue }
            let text: String
            if let string = child.value as? String {
                text = string
            } else if let nested = child.value as? any CatalogueReason {
                text = self.text(nested)
            } else if let day = child.value as? Day {
                text = dates.long(day)
            } else if let half = child.value as? HalfYear {
                text = dates.halfYear(half)
            } else {
                text = String(describing: child.value)
            }
            values.append((label, text))
        }
        return text(key: "\(Reason.section).\(name)", values: values)
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

    static func fill(_ template: String, _ parameters: [String: String]) -> String {
        fill(template) { parameters[String($0)] }
    }

    /// `{name}` replaced by its value; a name without a value is kept as written, and a `{` never closed
    /// ends the filling (the rest is copied). The braces are ASCII: the text is scanned as UTF-8 bytes.
    static func fill(_ template: String, value: (Substring) -> String?) -> String {
        let utf8 = template.utf8
        var output = ""
        output.reserveCapacity(utf8.count + 32)
        var copied = utf8.startIndex
        while let open = utf8[copied...].firstIndex(of: UInt8(ascii: "{")) {
            let afterOpen = utf8.index(after: open)
            guard let close = utf8[afterOpen...].firstIndex(of: UInt8(ascii: "}")) else { break }
            output += template[copied..<open]
            let name = template[afterOpen..<close]
            if let text = value(name) { output += text } else { output += "{\(name)}" }
            copied = utf8.index(after: close)
        }
        output += template[copied...]
        return output
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
