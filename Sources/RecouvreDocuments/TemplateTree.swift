@_spi(Reflection) import Swift

/// The view model handed to Mustache, prepared once per document: every `TemplateView` becomes a
/// `[String: Any]` of its stored properties, so that each `{{name}}` is a dictionary lookup instead of
/// swift-mustache's `Mirror` scan of every property of every object on the context stack, repeated at
/// each tag and each row of each section (≈ 30 % of a batch's CPU).
///
/// The tree renders exactly as the structs did: swift-mustache looks a name up with
/// `Mirror.getValue(forKey:)`, the first stored property of that label, one `Optional` level unwrapped,
/// and a `nil` there means "not here, look further up the stack". The dictionary keeps the same first
/// property of each label, unwraps the same one level, and leaves a `nil` property out, so the lookup
/// goes on up the stack the same way. Arrays stay arrays (sections iterate them), their elements
/// converted; every other value (`String`, `Bool`, an enum) is kept as it is and rendered by the
/// library as before.
///
/// Reading the properties: `TemplateLayouts` (built once with the law book's templates) reads each
/// view's stored properties at their offsets, from the type's field list read once; a type it does not
/// know is reflected with `Mirror` (`value(_:)` without layouts, the reference the tests compare with).
public enum TemplateTree {
    public static func value(_ model: Any) -> Any { value(model, nil) }

    static func value(_ model: Any, _ layouts: TemplateLayouts?) -> Any {
        guard let convertible = model as? any TemplateConvertible else { return model }
        return convertible.templateValue(layouts) ?? model
    }

    /// `value(model, layouts)` as a `TemplateValue`.
    static func templateValue(_ model: Any, _ layouts: TemplateLayouts?) -> TemplateValue {
        guard let convertible = model as? any TemplateConvertible else { return .wrap(model) }
        return convertible.templateValueValue(layouts) ?? .wrap(model)
    }

    /// `properties(of:)` as `TemplateValue`s.
    static func values(of view: Any, _ layouts: TemplateLayouts?) -> TemplateRecord {
        TemplateRecord(dictionary(of: view, layouts))
    }

    /// The same as a dictionary.
    static func dictionary(of view: Any, _ layouts: TemplateLayouts?) -> [String: TemplateValue] {
        var values: [String: TemplateValue] = [:]
        for child in Mirror(reflecting: view).children {
            guard let label = child.label, values[label] == nil else { continue }
            if let convertible = child.value as? any TemplateConvertible {
                if let converted = convertible.templatePropertyValue(layouts) { values[label] = converted }
            } else {
                values[label] = .wrap(child.value)
            }
        }
        return values
    }

    /// A view's stored properties, each reflected once: the first of each label, one `Optional` level
    /// unwrapped, a `nil` left out.
    static func properties(of view: Any, _ layouts: TemplateLayouts?) -> [String: Any] {
        let mirror = Mirror(reflecting: view)
        var properties: [String: Any] = [:]
        for child in mirror.children {
            guard let label = child.label, properties[label] == nil else { continue }
            // One cast per property: an Optional unwraps itself (one level), a view or an array of
            // views converts itself, anything else is kept as it is.
            if let convertible = child.value as? any TemplateConvertible {
                if let converted = convertible.templateProperty(layouts) { properties[label] = converted }
            } else {
                properties[label] = child.value
            }
        }
        return properties
    }
}

/// The stored properties of every view type a document's model can hold, read once from the types'
/// metadata (`_forEachField`: name, offset, type — what `TemplateSchema` reads too), so that turning a
/// view into its dictionary reads each property at its offset: no `Mirror` (whose every use looks each
/// field's type up again by its mangled name: ≈ 2.8 M instructions per dossier).
///
/// A type is laid out only when it is a struct marked `TemplateView` whose fields are all described
/// (no existential field, whose stored box a plain read would not open as `Mirror` does); any other
/// value is converted by `TemplateTree`'s reflection, with the same result.
public struct TemplateLayouts: Sendable {
    /// Reads one property of a view at its offset. It holds only the property's type and offset,
    /// both immutable: safe to share between workers (a metatype is not `Sendable` for the compiler).
    struct Reader: @unchecked Sendable {
        let read: (UnsafeRawPointer, TemplateLayouts) -> Any?
        /// The same property as the fast renderer's value (`TemplateValue`).
        let value: (UnsafeRawPointer, TemplateLayouts) -> TemplateValue?
    }

    struct Field: Sendable {
        var name: String
        var read: Reader
    }

    let fields: [ObjectIdentifier: [Field]]
    /// Each laid-out type's field names and their hashes, in field order (`TemplateRecord`).
    let names: [ObjectIdentifier: (names: [String], hashes: [Int])]

    /// The layouts of `roots` and of every view type reachable from them through properties,
    /// optionals and arrays.
    public init(roots: [Any.Type]) {
        var fields: [ObjectIdentifier: [Field]] = [:]
        var refused = Set<ObjectIdentifier>()
        var pending = roots
        while let type = pending.popLast() {
            if let optional = type as? any OptionalProbe.Type {
                pending.append(optional.wrappedType)
                continue
            }
            if let sequence = type as? any SequenceProbe.Type {
                pending.append(sequence.elementType)
                continue
            }
            let id = ObjectIdentifier(type)
            guard type is any TemplateView.Type, !(type is AnyClass), fields[id] == nil, !refused.contains(id)
            else { continue }
            var layout: [Field] = []
            var described = true
            let complete = _forEachField(of: type, options: []) { name, offset, fieldType, kind in
                guard kind != .existential, kind != .existentialMetatype else {
                    described = false
                    return false
                }
                layout.append(Field(name: String(cString: name), read: Self.reader(fieldType, offset: offset)))
                pending.append(fieldType)
                return true
            }
            if complete && described { fields[id] = layout } else { refused.insert(id) }
        }
        self.fields = fields
        names = fields.mapValues { layout in (layout.map(\.name), layout.map(\.name.hashValue)) }
    }

    /// The layouts of every document's view model (built once, with the law book's `TemplateSet`).
    public static func documents() -> TemplateLayouts { TemplateLayouts(roots: DocumentKind.allCases.map(\.viewType)) }

    /// `model` as Mustache gets it: `TemplateTree.value(model)`, read through these layouts.
    public func value(_ model: Any) -> Any { TemplateTree.value(model, self) }

    /// The dictionary of `view` when its type is laid out, else nil.
    func properties<View>(of view: View) -> [String: Any]? {
        guard let layout = fields[ObjectIdentifier(View.self)] else { return nil }
        return withUnsafeBytes(of: view) { raw -> [String: Any]? in
            guard let base = raw.baseAddress else { return layout.isEmpty ? [:] : nil }
            var properties: [String: Any] = Dictionary(minimumCapacity: layout.count)
            for field in layout {
                if let value = field.read.read(base, self) { properties[field.name] = value }
            }
            return properties
        }
    }

    /// How a property of type `type` at `offset` is read: a view, an optional or an array converts
    /// itself (as `TemplateTree` does), anything else is kept as it is.
    static func reader(_ type: Any.Type, offset: Int) -> Reader {
        // render engineer (issue 14): an optional view and an array of views are converted knowing their
        // view type (no cast of each value to `TemplateConvertible` at each conversion): the values
        // `Optional.templatePropertyValue` and `Array.templateValueValue` give.
        if let optional = type as? any OptionalProbe.Type, let view = optional.wrappedType as? any TemplateView.Type,
            let reader = optionalViewReader(view, offset, type)
        {
            return reader
        }
        if let sequence = type as? any SequenceProbe.Type, let view = sequence.elementType as? any TemplateView.Type,
            let reader = arrayViewReader(view, offset, type)
        {
            return reader
        }
        if type == String?.self { return optionalTextReader(offset) }
        if type == [String].self { return textListReader(offset) }
        if let convertible = type as? any TemplateConvertible.Type { return convertibleReader(convertible, offset) }
        return plainReader(type, offset)
    }

    /// A property of type `String?` (render engineer, issue 14): the value `convertibleReader` gives
    /// it — `Optional.templatePropertyValue`: nil for `.none`, else the string sorted by
    /// `TemplateTree.templateValue` (no view: `TemplateValue.wrap`, `.text`) — without the failing
    /// cast of the string to `TemplateConvertible` at each read (≈ 2,900 instructions each).
    static func optionalTextReader(_ offset: Int) -> Reader {
        Reader(
            read: { base, layouts in base.load(fromByteOffset: offset, as: String?.self).templateProperty(layouts) },
            value: { base, _ in base.load(fromByteOffset: offset, as: String?.self).map { .text($0) } })
    }

    /// A property of type `[String]`: the value `Array.templatePropertyValue` gives it (a list of
    /// `.text`), without the check of its element type at each read.
    static func textListReader(_ offset: Int) -> Reader {
        Reader(
            read: { base, layouts in base.load(fromByteOffset: offset, as: [String].self).templateProperty(layouts) },
            value: { base, _ in .list(base.load(fromByteOffset: offset, as: [String].self).map { .text($0) }) })
    }

    /// A property of type `View?` (`type`), a struct view: its value is the view's record, `nil` none.
    static func optionalViewReader<View: TemplateView>(_: View.Type, _ offset: Int, _ type: Any.Type) -> Reader? {
        guard type == Optional<View>.self, !(View.self is AnyClass) else { return nil }
        return Reader(
            read: { base, layouts in base.load(fromByteOffset: offset, as: View?.self).templateProperty(layouts) },
            value: { base, layouts in
                guard let view = base.load(fromByteOffset: offset, as: View?.self) else { return nil }
                return view.templateValueValue(layouts) ?? .wrap(view)
            })
    }

    /// A property of type `[View]` (`type`), a struct view: a lazy list of the views' records.
    static func arrayViewReader<View: TemplateView>(_: View.Type, _ offset: Int, _ type: Any.Type) -> Reader? {
        guard type == [View].self, !(View.self is AnyClass) else { return nil }
        return Reader(
            read: { base, layouts in base.load(fromByteOffset: offset, as: [View].self).templateProperty(layouts) },
            value: { base, layouts in
                let views = base.load(fromByteOffset: offset, as: [View].self)
                return .lazyList(
                    TemplateList(count: views.count) { index in
                        views[index].templateValueValue(layouts) ?? .wrap(views[index])
                    })
            })
    }

    static func convertibleReader<Value: TemplateConvertible>(_: Value.Type, _ offset: Int) -> Reader {
        Reader(
            read: { base, layouts in base.load(fromByteOffset: offset, as: Value.self).templateProperty(layouts) },
            value: { base, layouts in base.load(fromByteOffset: offset, as: Value.self).templatePropertyValue(layouts) }
        )
    }

    static func plainReader<Value>(_: Value.Type, _ offset: Int) -> Reader {
        let read: (UnsafeRawPointer, TemplateLayouts) -> Any? = { base, _ in
            base.load(fromByteOffset: offset, as: Value.self)
        }
        // The type is known here: a string or a flag is sorted once, not cast at each tag.
        if Value.self == String.self {
            return Reader(read: read, value: { base, _ in .text(base.load(fromByteOffset: offset, as: String.self)) })
        }
        if Value.self == Bool.self {
            return Reader(read: read, value: { base, _ in .flag(base.load(fromByteOffset: offset, as: Bool.self)) })
        }
        return Reader(read: read, value: { base, _ in .other(base.load(fromByteOffset: offset, as: Value.self)) })
    }

    /// `model` as the fast renderer reads it: the same tree as `value(_:)`, sorted into `TemplateValue`s.
    public func templateValue(_ model: Any) -> TemplateValue { TemplateTree.templateValue(model, self) }

    /// The same for a view: what `TemplateTree.templateValue` gives once its cast to
    /// `TemplateConvertible` has found the view's own conformance.
    func templateValue(view: any TemplateView) -> TemplateValue { view.templateValueValue(self) ?? .wrap(view) }

    /// The fields of `view` as values when its type is laid out, else nil.
    func values<View>(of view: View) -> TemplateRecord? {
        let id = ObjectIdentifier(View.self)
        guard let layout = fields[id], let named = names[id] else { return nil }
        return withUnsafeBytes(of: view) { raw -> TemplateRecord? in
            guard let base = raw.baseAddress else {
                return layout.isEmpty ? TemplateRecord(names: [], hashes: [], values: []) : nil
            }
            var values: [TemplateValue?] = []
            values.reserveCapacity(layout.count)
            for field in layout { values.append(field.read.value(base, self)) }
            return TemplateRecord(names: named.names, hashes: named.hashes, values: values)
        }
    }
}

/// What `TemplateTree` converts: views, the optionals and arrays that hold them (conformances of this
/// module only; a type outside is marked `TemplateView`). `layouts`: the views' fields read at their
/// offsets (nil: reflected).
public protocol TemplateConvertible {
    /// The value Mustache gets for a property holding `self`; nil: leave the property out (a `nil`).
    func templateProperty(_ layouts: TemplateLayouts?) -> Any?
    /// The value for `self` as the whole model or an element of an array; nil: keep `self`.
    func templateValue(_ layouts: TemplateLayouts?) -> Any?
    /// `templateProperty` as the fast renderer's value.
    func templatePropertyValue(_ layouts: TemplateLayouts?) -> TemplateValue?
    /// `templateValue` as the fast renderer's value; nil: keep `self` (sorted by `TemplateValue.wrap`).
    func templateValueValue(_ layouts: TemplateLayouts?) -> TemplateValue?
}

extension TemplateView {
    public func templateProperty(_ layouts: TemplateLayouts?) -> Any? { templateValue(layouts) }
    public func templateValue(_ layouts: TemplateLayouts?) -> Any? {
        layouts?.properties(of: self) ?? TemplateTree.properties(of: self, layouts)
    }
    public func templatePropertyValue(_ layouts: TemplateLayouts?) -> TemplateValue? { templateValueValue(layouts) }
    public func templateValueValue(_ layouts: TemplateLayouts?) -> TemplateValue? {
        .record(layouts?.values(of: self) ?? TemplateTree.values(of: self, layouts))
    }
}

extension Optional: TemplateConvertible {
    /// swift-mustache's `unwrapOptional`: the payload, one level, converted when it is a view or an
    /// array; `.none` is no value.
    public func templateProperty(_ layouts: TemplateLayouts?) -> Any? {
        guard case .some(let wrapped) = self else { return nil }
        return TemplateTree.value(wrapped, layouts)
    }

    /// An optional element of an array is not unwrapped by swift-mustache either: kept.
    public func templateValue(_ layouts: TemplateLayouts?) -> Any? { nil }

    public func templatePropertyValue(_ layouts: TemplateLayouts?) -> TemplateValue? {
        guard case .some(let wrapped) = self else { return nil }
        return TemplateTree.templateValue(wrapped, layouts)
    }

    public func templateValueValue(_ layouts: TemplateLayouts?) -> TemplateValue? { nil }
}

extension Array: TemplateConvertible {
    /// Sections iterate arrays: the elements that are views become dictionaries; an array of anything
    /// else is kept as it is.
    public func templateProperty(_ layouts: TemplateLayouts?) -> Any? { templateValue(layouts) ?? self }

    public func templateValue(_ layouts: TemplateLayouts?) -> Any? {
        guard Element.self is any TemplateView.Type else { return nil }
        return map { TemplateTree.value($0, layouts) }
    }

    /// Always a list: of converted views, or of the elements as they are (sorted by their type).
    public func templatePropertyValue(_ layouts: TemplateLayouts?) -> TemplateValue? { templateValueValue(layouts) }

    public func templateValueValue(_ layouts: TemplateLayouts?) -> TemplateValue? {
        // large engineer (issue 12): the views are converted one at a time as the section renders them.
        if Element.self is any TemplateView.Type {
            return .lazyList(TemplateList(count: count) { TemplateTree.templateValue(self[$0], layouts) })
        }
        if Element.self == String.self { return .list(unsafeBitCast(self, to: [String].self).map { .text($0) }) }
        return .list(map { TemplateValue.wrap($0) })
    }
}
