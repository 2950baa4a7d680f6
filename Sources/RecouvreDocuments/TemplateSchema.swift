@_spi(Reflection) import Swift

/// A view model a template renders: a struct whose stored properties are the template's data. The
/// conformance has no requirement; it tells `TemplateSchema` to look inside the type (its fields are
/// read from the type's metadata, so the schema cannot drift from the view). See `TemplateViews.swift`.
// batch engineer: a view also converts itself to the dictionary Mustache is handed (`TemplateTree`).
public protocol TemplateView: TemplateConvertible {}

/// What a template may name in its view model, derived from the view's type (never from a hand list):
/// the stored properties of each `TemplateView` struct, through optionals and arrays.
public indirect enum TemplateSchema: Sendable, Hashable {
    /// Printed as text (a string, a number, an enumeration).
    case value
    /// A `Bool`: a section shows or hides its content.
    case flag
    /// A view: its stored properties in declaration order.
    case record([Field])
    /// An array: a section repeats its content for each element.
    case list(TemplateSchema)
    /// An optional: a section shows its content when the value is present.
    case optional(TemplateSchema)
    /// A dictionary: any name is accepted below it (nothing to check against).
    case open

    public struct Field: Sendable, Hashable {
        public var name: String
        public var schema: TemplateSchema

        public init(name: String, schema: TemplateSchema) {
            self.name = name
            self.schema = schema
        }
    }

    /// The schema of `type`. Views nested deeper than 16 levels (a view containing itself) stop as `.open`.
    public static func of(_ type: Any.Type) -> TemplateSchema { of(type, depth: 0) }

    static func of(_ type: Any.Type, depth: Int) -> TemplateSchema {
        guard depth < 16 else { return .open }
        if let optional = type as? any OptionalProbe.Type { return .optional(of(optional.wrappedType, depth: depth)) }
        if let sequence = type as? any SequenceProbe.Type { return .list(of(sequence.elementType, depth: depth + 1)) }
        if type is any DictionaryProbe.Type { return .open }
        if type == Bool.self { return .flag }
        // Only structs that declare themselves views are looked into (never an existential or a class,
        // whose metadata `_forEachField` does not describe the same way).
        guard type is any TemplateView.Type, !(type is AnyClass) else { return .value }
        var fields: [Field] = []
        _ = _forEachField(of: type, options: []) { name, _, fieldType, _ in
            fields.append(Field(name: String(cString: name), schema: of(fieldType, depth: depth + 1)))
            return true
        }
        return .record(fields)
    }

    /// The schema with its optionals removed (`String?` → `String`).
    var unwrapped: TemplateSchema {
        if case .optional(let wrapped) = self { return wrapped.unwrapped }
        return self
    }

    /// The field `name` of a record (through optionals); `.open` answers any name.
    func field(_ name: String) -> TemplateSchema? {
        switch unwrapped {
        case .record(let fields): return fields.first { $0.name == name }?.schema
        case .open: return .open
        default: return nil
        }
    }

    /// The names a template may use directly at this level.
    var fieldNames: [String] {
        if case .record(let fields) = unwrapped { return fields.map(\.name) }
        return []
    }

    /// Every path of the schema (`creditor`, `creditor.name`, `invoices.number`…), as `TemplateAudit` reports them.
    public var paths: Set<String> {
        var paths = Set<String>()
        collect(prefix: "", into: &paths)
        return paths
    }

    func collect(prefix: String, into paths: inout Set<String>) {
        switch self {
        case .optional(let wrapped), .list(let wrapped):
            wrapped.collect(prefix: prefix, into: &paths)
        case .record(let fields):
            for field in fields {
                let path = prefix.isEmpty ? field.name : "\(prefix).\(field.name)"
                paths.insert(path)
                field.schema.collect(prefix: path, into: &paths)
            }
        case .value, .flag, .open:
            return
        }
    }
}

protocol OptionalProbe { static var wrappedType: Any.Type { get } }
extension Optional: OptionalProbe { static var wrappedType: Any.Type { Wrapped.self } }

protocol SequenceProbe { static var elementType: Any.Type { get } }
extension Array: SequenceProbe { static var elementType: Any.Type { Element.self } }
extension Set: SequenceProbe { static var elementType: Any.Type { Element.self } }

protocol DictionaryProbe {}
extension Dictionary: DictionaryProbe {}
