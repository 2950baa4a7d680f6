import Foundation

/// Checks a template against a view model, so templates stay data a test can hold to account
/// (conventions.md): every placeholder must name something the model offers, and everything the
/// model offers must be used somewhere. Paths are qualified by the sections they sit in
/// (`invoices.number`), resolved the way Mustache resolves names (up the context stack).
public struct TemplateAudit: Sendable {
    /// Placeholders that resolve to nothing, with the section path they appear in.
    public var missing: [String] = []
    /// Model paths the template resolved.
    public var used: Set<String> = []
    /// Every path the model offers (`creditor`, `creditor.name`, `invoices.number`…).
    public var offered: Set<String> = []
    /// Tags this audit does not understand (partials, delimiter changes): reported, never ignored.
    public var unsupported: [String] = []

    /// Offered paths that no placeholder used.
    public var unused: Set<String> { offered.subtracting(used) }

    public init() {}

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
    }

    // MARK: - Parsing

    indirect enum Node {
        case variable(String)
        case section(String, inverted: Bool, [Node])
    }

    static func parse(_ text: String, audit: inout TemplateAudit) -> [Node] {
        var stack: [(name: String, inverted: Bool, nodes: [Node])] = [("", false, [])]
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            let afterOpen = rest[open.upperBound...]
            let triple = afterOpen.hasPrefix("{")
            let closer = triple ? "}}}" : "}}"
            guard let close = afterOpen.range(of: closer) else {
                audit.unsupported.append("unclosed tag")
                break
            }
            var tag = String(afterOpen[afterOpen.startIndex..<close.lowerBound])
            rest = afterOpen[close.upperBound...]
            if triple { tag.removeFirst() }
            tag = tag.trimmingCharacters(in: .whitespaces)
            guard let sigil = tag.first else { continue }
            let name = String(tag.dropFirst()).trimmingCharacters(in: .whitespaces)
            switch sigil {
            case "!", "%": continue
            case "#", "^":
                stack.append((name, sigil == "^", []))
            case "/":
                guard stack.count > 1, stack.last?.name == name else {
                    audit.unsupported.append("unbalanced {{/\(name)}}")
                    continue
                }
                let section = stack.removeLast()
                stack[stack.count - 1].nodes.append(.section(section.name, inverted: section.inverted, section.nodes))
            case "&":
                stack[stack.count - 1].nodes.append(.variable(name))
            case ">", "<", "$", "=":
                audit.unsupported.append("{{\(tag)}}")
            default:
                stack[stack.count - 1].nodes.append(.variable(tag))
            }
        }
        if stack.count > 1 { audit.unsupported.append("unclosed section {{#\(stack.last!.name)}}") }
        return stack[0].nodes
    }

    // MARK: - Walking

    struct Frame {
        var value: Any?
        var path: String
    }

    mutating func walk(_ nodes: [Node], stack: [Frame]) {
        for node in nodes {
            switch node {
            case .variable(let name):
                _ = resolve(name, in: stack)
            case .section(let name, let inverted, let children):
                guard let (value, path) = resolve(name, in: stack) else { continue }
                if inverted {
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
