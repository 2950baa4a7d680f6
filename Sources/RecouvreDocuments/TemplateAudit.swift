import Foundation

/// Checks a template against a view model, so templates stay data a test can hold to account
/// (conventions.md): every placeholder must name something the model offers, and everything the
/// model offers must be used somewhere. Paths are qualified by the sections they sit in
/// (`invoices.number`), resolved the way Mustache resolves names (up the context stack). Two audits:
/// against a value (`audit(template:model:)`, in tests, over the fixtures) and against the view's type
/// (`audit(template:schema:)`, run by `TemplateCheck` at every load of the law book).
public struct TemplateAudit: Sendable {
    /// Placeholders that resolve to nothing, with the section path they appear in.
    public var missing: [String] = []
    /// Model paths the template resolved.
    public var used: Set<String> = []
    /// Every path the model offers (`creditor`, `creditor.name`, `invoices.number`…).
    public var offered: Set<String> = []
    /// Tags this audit does not understand (partials, delimiter changes): reported, never ignored.
    public var unsupported: [String] = []
    /// Every problem with its line, in French, as a load of the template reports it (`TemplateCheck`).
    public var issues: [TemplateIssue] = []

    /// Offered paths that no placeholder used.
    public var unused: Set<String> { offered.subtracting(used) }

    public init() {}

    /// Audits `template` against the schema of its view type (`TemplateSchema.of`), with no value at
    /// hand: what the loader runs on every template. `offered` is every path of the schema.
    public static func audit(template: String, schema: TemplateSchema) -> TemplateAudit {
        var audit = TemplateAudit()
        let nodes = parse(template, audit: &audit)
        audit.walk(nodes, stack: [TypeFrame(schema: schema, path: "", inList: false)])
        audit.offered = schema.paths
        return audit
    }

    /// Audits `template` (its Mustache text) against `model`.
    public static func audit(template: String, model: Any) -> TemplateAudit {
        var audit = TemplateAudit()
        let nodes = parse(template, audit: &audit)
        audit.walk(nodes, stack: [Frame(value: model, path: "")])
        collectPaths(of: model, prefix: "", into: &audit.offered)
        return audit
    }

    /// Merges audits of the same template against several models (one per fixture).
    public mutating func merge(_ other: TemplateAudit) {
        missing.append(contentsOf: other.missing.filter { !missing.contains($0) })
        used.formUnion(other.used)
        offered.formUnion(other.offered)
        unsupported.append(contentsOf: other.unsupported.filter { !unsupported.contains($0) })
        issues.append(contentsOf: other.issues.filter { !issues.contains($0) })
    }

    // MARK: - Parsing

    /// The template's tags (`TemplateSyntax`); a template it refuses is reported in `unsupported`.
    static func parse(_ text: String, audit: inout TemplateAudit) -> [TemplateNode] {
        do { return try TemplateSyntax.parse(text) } catch {
            audit.unsupported.append(error.text)
            audit.issues.append(error)
            return []
        }
    }

    // MARK: - Walking

    struct Frame {
        var value: Any?
        var path: String
    }

    mutating func walk(_ nodes: [TemplateNode], stack: [Frame]) {
        for node in nodes {
            switch node {
            case .variable(let name, _):
                if !name.name.isEmpty { _ = resolve(name.name, in: stack) }
            case .section(let name, let inverted, _, let children):
                if name.name.isEmpty {
                    walk(children, stack: stack)
                    continue
                }
                guard let (value, path) = resolve(name.name, in: stack) else { continue }
                if inverted || !name.transforms.isEmpty {
                    walk(children, stack: stack)
                    continue
                }
                switch Self.unwrap(value) {
                case .none:
                    continue
                case .some(let present):
                    if let flag = present as? Bool {
                        if flag { walk(children, stack: stack) }
                    } else if Mirror(reflecting: present).displayStyle == .collection {
                        for element in Mirror(reflecting: present).children {
                            walk(children, stack: stack + [Frame(value: element.value, path: path)])
                        }
                    } else {
                        walk(children, stack: stack + [Frame(value: present, path: path)])
                    }
                }
            }
        }
    }

    /// Resolves a name as Mustache does: `.` is the current value; otherwise the first segment is
    /// looked up from the innermost section outwards, the rest descends.
    mutating func resolve(_ name: String, in stack: [Frame]) -> (Any?, String)? {
        let context = stack.map(\.path).last ?? ""
        if name == "." { return (stack.last?.value, stack.last?.path ?? "") }
        let segments = name.split(separator: ".").map(String.init)
        for frame in stack.reversed() {
            guard let first = Self.child(segments[0], of: frame.value) else { continue }
            var value: Any? = first
            var path = Self.join(frame.path, segments[0])
            used.insert(path)
            for segment in segments.dropFirst() {
                guard let next = Self.child(segment, of: value) else {
                    missing.append("\(name) (in \(context.isEmpty ? "the document" : context))")
                    return nil
                }
                value = next
                path = Self.join(path, segment)
                used.insert(path)
            }
            return (value, path)
        }
        missing.append("\(name) (in \(context.isEmpty ? "the document" : context))")
        return nil
    }

    /// The property `label` of `value` (found even when it is nil: the model offers it).
    static func child(_ label: String, of value: Any?) -> Any?? {
        guard let value = unwrap(value) else { return nil }
        for child in Mirror(reflecting: value).children where child.label == label {
            return .some(child.value)
        }
        return nil
    }

    static func unwrap(_ value: Any?) -> Any? {
        guard let value else { return nil }
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first.map { unwrap($0.value) } ?? nil
    }

    static func join(_ prefix: String, _ name: String) -> String { prefix.isEmpty ? name : "\(prefix).\(name)" }

    /// Every property path of a view model (structs, optionals and arrays of structs).
    static func collectPaths(of value: Any?, prefix: String, into paths: inout Set<String>) {
        guard let value = unwrap(value) else { return }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .struct, .class:
            for child in mirror.children {
                guard let label = child.label else { continue }
                let path = join(prefix, label)
                paths.insert(path)
                collectPaths(of: child.value, prefix: path, into: &paths)
            }
        case .collection:
            for element in mirror.children { collectPaths(of: element.value, prefix: prefix, into: &paths) }
        default:
            return
        }
    }
}

// MARK: - Against the view's type

extension TemplateAudit {
    struct TypeFrame {
        var schema: TemplateSchema
        var path: String
        /// Inside a list section: `first()`, `last()`… name the position of the element.
        var inList: Bool
    }

    mutating func walk(_ nodes: [TemplateNode], stack: [TypeFrame]) {
        for node in nodes {
            switch node {
            case .variable(let name, let line):
                guard let (schema, _) = resolve(name, line: line, in: stack), name.transforms.isEmpty else { continue }
                switch schema.unwrapped {
                case .record(let fields):
                    issues.append(
                        TemplateIssue(
                            line: line,
                            "\(name.written) désigne un groupe de données, pas un texte : nommez l'un de ses champs ("
                                + fields.prefix(8).map { "\(name.name).\($0.name)" }.joined(separator: ", ") + ")"))
                case .list:
                    issues.append(
                        TemplateIssue(
                            line: line,
                            "\(name.written) désigne une liste, pas un texte : parcourez-la avec "
                                + "{{#\(name.name)}}…{{/\(name.name)}}"))
                default:
                    break
                }
            case .section(let name, let inverted, let line, let children):
                guard let (schema, path) = resolve(name, line: line, in: stack) else { continue }
                if inverted || !name.transforms.isEmpty {
                    walk(children, stack: stack)
                    continue
                }
                switch schema.unwrapped {
                case .flag:
                    walk(children, stack: stack)
                case .list(let element):
                    walk(children, stack: stack + [TypeFrame(schema: element, path: path, inList: true)])
                case let other:
                    walk(children, stack: stack + [TypeFrame(schema: other, path: path, inList: false)])
                }
            }
        }
    }

    /// Resolves a tag's name against the schemas of the open sections, innermost first, as Mustache
    /// does; records the path used, or the problem with its line.
    mutating func resolve(_ name: TemplateName, line: Int, in stack: [TypeFrame]) -> (TemplateSchema, String)? {
        let context = stack.last?.path ?? ""
        let place = context.isEmpty ? "" : " (dans la section « \(context) »)"
        if name.name.isEmpty {
            if let unknown = name.transforms.first(where: { !TemplateCheck.positionTransforms.contains($0) }) {
                issues.append(
                    TemplateIssue(
                        line: line,
                        "\(name.written) : « \(unknown)() » n'est pas une position dans une liste (connues : "
                            + TemplateCheck.positionTransforms.sorted().map { "\($0)()" }.joined(separator: ", ") + ")")
                )
                return nil
            }
            guard stack.contains(where: \.inList) else {
                issues.append(TemplateIssue(line: line, "\(name.written) n'a de sens qu'à l'intérieur d'une liste"))
                return nil
            }
            return (.flag, context)
        }
        if let unknown = name.transforms.first(where: { !TemplateCheck.valueTransforms.contains($0) }) {
            issues.append(
                TemplateIssue(
                    line: line,
                    "\(name.written) : la transformation « \(unknown) » est inconnue (connues : "
                        + TemplateCheck.valueTransforms.sorted().joined(separator: ", ") + ")"))
            return nil
        }
        guard let frame = stack.last else { return nil }
        if name.name == "." { return (frame.schema, frame.path) }
        let local = name.name.hasPrefix(".")
        let segments = name.name.split(separator: ".").map(String.init)
        guard let first = segments.first else { return nil }
        let frames = local ? [frame] : stack.reversed()
        for candidate in frames {
            guard var schema = candidate.schema.field(first) else { continue }
            var path = Self.join(candidate.path, first)
            used.insert(path)
            for segment in segments.dropFirst() {
                guard let next = schema.field(segment) else {
                    missing.append("\(name.name) (in \(context.isEmpty ? "the document" : context))")
                    let offered = schema.fieldNames
                    issues.append(
                        TemplateIssue(
                            line: line,
                            "\(name.written) : « \(path) » n'a pas de champ « \(segment) »"
                                + (offered.isEmpty
                                    ? " (c'est un texte)" : " ; ses champs : \(offered.joined(separator: ", "))")))
                    return nil
                }
                schema = next
                path = Self.join(path, segment)
                used.insert(path)
            }
            return (schema, path)
        }
        missing.append("\(name.name) (in \(context.isEmpty ? "the document" : context))")
        var offered: [String] = []
        for candidate in frames { offered += candidate.schema.fieldNames.filter { !offered.contains($0) } }
        issues.append(
            TemplateIssue(
                line: line,
                "\(name.written) ne désigne aucune donnée de ce document\(place) ; données disponibles ici : "
                    + (offered.isEmpty ? "aucune" : offered.joined(separator: ", "))))
        return nil
    }
}
