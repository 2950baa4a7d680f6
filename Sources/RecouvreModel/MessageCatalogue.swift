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
    public func text<Reason: CatalogueReason>(_ reason: Reason) -> String {
        var parameters = reason.catalogueParameters
        if let payload = Mirror(reflecting: reason).children.first?.value {
            for child in Mirror(reflecting: payload).children {
                guard let label = child.label else { continue }
                if let nested = child.value as? any CatalogueReason {
                    parameters[label] = text(nested)
                } else if let day = child.value as? Day {
                    parameters[label] = dates.long(day)
                } else if let half = child.value as? HalfYear {
                    parameters[label] = dates.halfYear(half)
                }
            }
        }
        return text(key: reason.catalogueKey, parameters)
    }

    /// The template `key` with its placeholders filled.
    public func text(key: String, _ parameters: [String: String]) -> String {
        guard let template = entries[key] else { return "[\(key)]" }
        return Self.fill(template, parameters)
    }

    static func fill(_ template: String, _ parameters: [String: String]) -> String {
        var output = ""
        output.reserveCapacity(template.utf8.count + 32)
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            output += rest[rest.startIndex..<open]
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "}") else { break }
            let name = String(rest[afterOpen..<close])
            output += parameters[name] ?? "{\(name)}"
            rest = rest[rest.index(after: close)...]
        }
        output += rest
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
