import Foundation
import Mustache

/// A document's data as the fast renderer reads it: the view models' values already sorted into what
/// Mustache distinguishes, so that rendering is a `switch`, never a dynamic cast (swift-mustache casts
/// every value to five protocols at each tag and splits each name at each lookup: ≈ 6 M instructions
/// per dossier). Built from the views by `TemplateLayouts` (their properties read at their offsets).
public indirect enum TemplateValue {
    /// A `String`.
    case text(String)
    /// A `Bool`: a section shows or hides its content.
    case flag(Bool)
    /// An array: a section repeats its content for each element.
    case list([TemplateValue])
    /// An array of views, each converted when a section reaches it (`TemplateList`): the same as
    /// `.list` of the converted elements, without holding them all at once.
    case lazyList(TemplateList)
    /// A view: its properties by name, a `nil` one left out (the lookup goes on up the stack).
    case record(TemplateRecord)
    /// Anything else (an enumeration, a number, an optional inside an array…), handled exactly as
    /// swift-mustache handles it.
    case other(Any)

    /// A value of no known shape, sorted by its exact dynamic type (an `Optional` holding a string
    /// stays `.other`: Mustache treats it as an optional).
    static func wrap(_ value: Any) -> TemplateValue {
        if type(of: value) == String.self, let text = value as? String { return .text(text) }
        if type(of: value) == Bool.self, let flag = value as? Bool { return .flag(flag) }
        return .other(value)
    }
}

/// A view's properties as the fast renderer reads them (render engineer, issue 14: in the order of the
/// view's fields, with each name's hash made once — by the view's layout, and by the template's
/// program for each name it looks up — instead of a dictionary built for each view and hashed at each
/// insertion and lookup): the first property of a name, `nil` when there is none or it was left out
/// (a `nil` optional), as the dictionary `[name: value]` of the same properties gives.
public struct TemplateRecord {
    let names: [String]
    let hashes: [Int]
    var values: [TemplateValue?]

    /// `names` and their `hashes` (`name.hashValue`), and the value of each (nil: left out).
    init(names: [String], hashes: [Int], values: [TemplateValue?]) {
        self.names = names
        self.hashes = hashes
        self.values = values
    }

    /// The properties of a dictionary (views reflected with `Mirror`, a caller's own values): the
    /// record answers each name as the dictionary does.
    public init(_ dictionary: [String: TemplateValue]) {
        names = Array(dictionary.keys)
        hashes = names.map(\.hashValue)
        values = names.map { dictionary[$0] }
    }

    /// The value of the property `name`, whose hash is `hash`; nil when the view has none.
    func value(named name: String, hash: Int) -> TemplateValue? {
        for index in hashes.indices where hashes[index] == hash && names[index] == name {
            if let value = values[index] { return value }
        }
        return nil
    }

    /// The same, the name's hash made here.
    public subscript(name: String) -> TemplateValue? { value(named: name, hash: name.hashValue) }
}

/// The elements of an array of views for the fast renderer, converted one at a time while a section
/// renders them (large engineer, issue 12: a 100,000-invoice relevé held one dictionary per account
/// and per penalty period at once, a third of the build's peak memory; now one account's at a time).
public struct TemplateList {
    public let count: Int
    let element: (Int) -> TemplateValue

    init(count: Int, element: @escaping (Int) -> TemplateValue) {
        self.count = count
        self.element = element
    }

    public var isEmpty: Bool { count == 0 }

    /// The element at `index` (0 ..< count), converted now.
    public subscript(index: Int) -> TemplateValue { element(index) }
}

/// A template compiled for the fast renderer from swift-mustache's own parse (its tokens, read once
/// when the law book is loaded: the standalone lines, the whitespace and the names are the library's),
/// rendered over `TemplateValue`s with the library's rules, tag by tag (`MustacheTemplate.renderToken`,
/// `getChild`, `renderSection`, `renderInvertedSection` of swift-mustache 2.0). Whatever those rules
/// would hand to a lambda, a custom renderable or representation, a sequence other than an array, or a
/// transform of a list or a view, the renderer gives up (nil) and the library renders the document:
/// the text is the same either way (a test renders every template of every sample and fixture both ways).
struct TemplateProgram: Sendable {
    enum Node: Sendable {
        case text(String)
        case variable(Name)
        case section(Name, [Node])
        case invertedSection(Name, [Node])
    }

    /// A tag's name as the library resolves it.
    struct Name: Sendable {
        enum Kind: Sendable {
            /// `.`: the top of the stack.
            case current
            /// `first()` (no name, transforms): the position in the enclosing list.
            case position
            /// `.name`: looked up in the top of the stack only.
            case top([Part])
            /// `a.b`: the first part looked up the stack, the others inside it.
            case stack([Part])
        }
        var kind: Kind
        /// Innermost last, as written (applied last to first).
        var transforms: [String]

        /// One part of a dotted name, with its hash (`TemplateRecord.value(named:hash:)`).
        struct Part: Sendable {
            let name: String
            let hash: Int
            init(_ name: Substring) {
                self.name = String(name)
                hash = self.name.hashValue
            }
        }
    }

    let nodes: [Node]

    /// The program of `template`, or nil when it holds a tag this renderer does not render (a partial,
    /// a block, a second content type…) or a content type that escapes (only the text pragma is read).
    init?(_ template: MustacheTemplate) {
        guard let tokens = Self.tokens(of: template), let first = tokens.first, first.label == "contentType",
            let contentType = first.value as? any MustacheContentType,
            contentType.escapeText("<&>\"'") == "<&>\"'",
            let nodes = Self.nodes(tokens.dropFirst())
        else { return nil }
        self.nodes = nodes
    }

    /// The template's tokens (case name and payload), read by reflection: swift-mustache keeps them internal.
    static func tokens(of template: MustacheTemplate) -> [(label: String, value: Any)]? {
        guard let tokens = Mirror(reflecting: template).children.first(where: { $0.label == "tokens" })?.value,
            let list = tokens as? [Any]
        else { return nil }
        var result: [(label: String, value: Any)] = []
        for token in list {
            guard let payload = Mirror(reflecting: token).children.first, let label = payload.label else { return nil }
            result.append((label, payload.value))
        }
        return result
    }

    static func nodes(_ tokens: ArraySlice<(label: String, value: Any)>) -> [Node]? {
        var nodes: [Node] = []
        for token in tokens {
            switch token.label {
            case "text":
                guard let text = token.value as? String else { return nil }
                nodes.append(.text(text))
            case "variable", "unescapedVariable":
                // The content type is text: a variable and an unescaped one print the same.
                guard let (name, _) = Self.name(token.value, withTemplate: false) else { return nil }
                nodes.append(.variable(name))
            case "section", "invertedSection":
                guard let (name, template) = Self.name(token.value, withTemplate: true), let template,
                    let inner = Self.tokens(of: template), let children = Self.nodes(inner[...])
                else { return nil }
                nodes.append(token.label == "section" ? .section(name, children) : .invertedSection(name, children))
            default:
                return nil
            }
        }
        return nodes
    }

    /// `(name: String, transforms: [String])` or `(name:, transforms:, template:)`.
    static func name(_ payload: Any, withTemplate: Bool) -> (Name, MustacheTemplate?)? {
        var fields: [String: Any] = [:]
        for child in Mirror(reflecting: payload).children {
            guard let label = child.label else { return nil }
            fields[label] = child.value
        }
        guard let written = fields["name"] as? String, let transforms = fields["transforms"] as? [String] else {
            return nil
        }
        let template = fields["template"] as? MustacheTemplate
        guard withTemplate == (template != nil), fields.count == (withTemplate ? 3 : 2) else { return nil }
        // getChild's cases, in its order.
        let kind: Name.Kind
        if written == "." {
            kind = .current
        } else if written == "", !transforms.isEmpty {
            kind = .position
        } else if written.first == "." {
            kind = .top(written.split(separator: ".").map(Name.Part.init))
        } else {
            kind = .stack(written.split(separator: ".").map(Name.Part.init))
        }
        return (Name(kind: kind, transforms: transforms), template)
    }

    // MARK: Rendering

    /// The library gives up here: render with swift-mustache instead.
    struct Unsupported: Error {}

    /// The rendering context: the stack of objects and the position in the enclosing list (reset by
    /// every object pushed, kept by a flag's section, as in `MustacheContext`). Render engineer (issue
    /// 14): one context for the whole rendering, an object pushed for a section and popped after it
    /// (with the position it replaced), instead of a copy of the stack for each section and element
    /// (an array allocated and its values retained each time): each node sees the same stack and
    /// position. A rendering that throws is abandoned whole, so its context is never read again.
    struct Context {
        var stack: [TemplateValue]
        var position: Position?
        /// Where whole lines of the text go while it renders (`render(_:sink:)`), if anywhere.
        var sink: MarkupSink? = nil
    }

    struct Position {
        var first: Bool
        var last: Bool
        var index: Int
    }

    /// The text, or nil when the library must render it. Render engineer (session 8): the text is
    /// gathered as UTF-8 bytes (`TemplateBytes`: each piece copied into one buffer) and made a string
    /// once, instead of ≈ 300 `String` appends a dossier; a string's bytes are the concatenation of its
    /// pieces' bytes, so the text is the one `renderByStrings` gives (its reference, tested).
    func render(_ value: TemplateValue) -> String? {
        rendered(value, sink: nil, into: TemplateBytes())?.text()
    }

    /// `render(_:)` appending each piece to a `String` (the renderer before the byte buffer): the
    /// reference the tests compare the byte buffer with.
    func renderByStrings(_ value: TemplateValue) -> String? {
        rendered(value, sink: nil, into: "")
    }

    /// The same, handing whole lines to `sink` as a long list renders (the text is never whole in
    /// memory): returns the text's last piece, not yet given to the sink, or nil when the library must
    /// render it (then whatever the sink took is to be dropped).
    /// Its last piece stays bytes: the sink lays them out as they are (`MarkupSink.finishData`).
    func render(_ value: TemplateValue, sink: MarkupSink) -> TemplateBytes? {
        rendered(value, sink: sink, into: TemplateBytes())
    }

    /// `render(_:sink:)` over a `String` (the reference of the byte buffer, for the tests).
    func renderByStrings(_ value: TemplateValue, sink: MarkupSink) -> String? {
        rendered(value, sink: sink, into: "")
    }

    /// The program over `value` into `output` (whole lines to `sink`, if any): nil when it meets what
    /// the library must render.
    private func rendered<Output: TemplateOutput>(
        _ value: TemplateValue, sink: MarkupSink?, into output: Output
    )
        -> Output?
    {
        var output = output
        var context = Context(stack: [value], position: nil, sink: sink)
        context.stack.reserveCapacity(16)
        do {
            try Self.render(nodes, &context, into: &output)
        } catch {
            return nil
        }
        return output
    }

    static func render<Output: TemplateOutput>(
        _ nodes: [Node], _ context: inout Context, into output: inout Output
    ) throws(Unsupported) {
        for node in nodes {
            switch node {
            case .text(let text):
                output.write(text)
            case .variable(let name):
                guard let value = try child(name, context) else { continue }
                output.write(try text(value))
            case .section(let name, let children):
                let value = try child(name, context)
                try renderSection(value, children, &context, into: &output)
            case .invertedSection(let name, let children):
                let value = try child(name, context)
                try renderInvertedSection(value, children, &context, into: &output)
            }
        }
    }

    /// A variable's text: `String(describing:)` of the value, an optional unwrapped one level.
    static func text(_ value: TemplateValue) throws(Unsupported) -> String {
        switch value {
        case .text(let text): return text
        case .flag(let flag): return flag ? "true" : "false"
        case .list, .lazyList, .record:
            // The library would print the description of its converted array or dictionary.
            throw Unsupported()
        case .other(let object):
            if object is MustacheTemplate || object is any MustacheCustomRenderable || object is MustacheLambda {
                throw Unsupported()
            }
            if let optional = object as? any OptionalValue {
                return String(describing: optional.wrappedValue ?? object)
            }
            return String(describing: object)
        }
    }

    static func renderSection<Output: TemplateOutput>(
        _ value: TemplateValue?, _ children: [Node], _ context: inout Context, into output: inout Output
    ) throws(Unsupported) {
        guard let value else { return }
        switch value {
        case .list(let items):
            try renderList(items, children, &context, into: &output)
        case .lazyList(let items):
            try renderList(items, children, &context, into: &output)
        case .flag(let flag):
            if flag { try render(children, &context, into: &output) }
        case .text, .record:
            try renderPushed(value, children, &context, into: &output)
        case .other(let object):
            if object is MustacheLambda { throw Unsupported() }
            if object is any MustacheSequence {
                guard let items = object as? [Any] else { throw Unsupported() }
                try renderList(items.map(TemplateValue.wrap), children, &context, into: &output)
            } else if let flag = object as? Bool {
                if flag { try render(children, &context, into: &output) }
            } else if let renderable = object as? any MustacheCustomRenderable {
                _ = renderable
                throw Unsupported()
            } else {
                try renderPushed(value, children, &context, into: &output)
            }
        }
    }

    static func renderInvertedSection<Output: TemplateOutput>(
        _ value: TemplateValue?, _ children: [Node], _ context: inout Context, into output: inout Output
    ) throws(Unsupported) {
        guard let value else { return try render(children, &context, into: &output) }
        switch value {
        case .list(let items):
            if items.isEmpty { try renderPushed(value, children, &context, into: &output) }
        case .lazyList(let items):
            if items.isEmpty { try renderPushed(value, children, &context, into: &output) }
        case .flag(let flag):
            if !flag { try render(children, &context, into: &output) }
        case .text, .record:
            return
        case .other(let object):
            if object is any MustacheSequence {
                guard let items = object as? [Any] else { throw Unsupported() }
                if items.isEmpty { try renderPushed(value, children, &context, into: &output) }
            } else if let flag = object as? Bool {
                if !flag { try render(children, &context, into: &output) }
            } else if object is any MustacheCustomRenderable {
                throw Unsupported()
            }
        }
    }

    static func renderList<Output: TemplateOutput>(
        _ items: [TemplateValue], _ children: [Node], _ context: inout Context, into output: inout Output
    ) throws(Unsupported) {
        let saved = context.position
        context.stack.append(.flag(false))
        let top = context.stack.count - 1
        for (index, item) in items.enumerated() {
            context.stack[top] = item
            context.position = Position(first: index == 0, last: index == items.count - 1, index: index)
            try render(children, &context, into: &output)
        }
        context.stack.removeLast()
        context.position = saved
    }

    /// The same for a lazy list: each element converted when reached, and released when the next one
    /// is (only the current element's dictionary is alive). A long list reserves the text it will
    /// probably take once its first elements are rendered (their average size times the rest, and a
    /// margin), so that a 100,000-account section is not copied and left at twice its size by the
    /// string's doubling growth; the reservation changes only the string's capacity, never its text.
    static func renderList<Output: TemplateOutput>(
        _ items: TemplateList, _ children: [Node], _ context: inout Context, into output: inout Output
    ) throws(Unsupported) {
        let start = output.byteCount
        let saved = context.position
        context.stack.append(.flag(false))
        let top = context.stack.count - 1
        defer {
            context.stack.removeLast()
            context.position = saved
        }
        for index in 0..<items.count {
            context.stack[top] = items[index]
            context.position = Position(first: index == 0, last: index == items.count - 1, index: index)
            try render(children, &context, into: &output)
            if let sink = context.sink {
                if output.byteCount >= sink.piece { sink.take(&output) }
            } else if index == Self.sampledElements - 1, items.count > 2 * Self.sampledElements {
                let average = (output.byteCount - start) / Self.sampledElements
                let rest = average * (items.count - Self.sampledElements)
                output.reserveCapacity(output.byteCount + rest + rest / 8 + 4096)
            }
        }
    }

    /// How many elements of a long list are rendered before its text is reserved.
    static let sampledElements = 64

    /// `children` rendered with `value` pushed (no position), then the context as it was.
    static func renderPushed<Output: TemplateOutput>(
        _ value: TemplateValue, _ children: [Node], _ context: inout Context, into output: inout Output
    ) throws(Unsupported) {
        let saved = context.position
        context.stack.append(value)
        context.position = nil
        try render(children, &context, into: &output)
        context.stack.removeLast()
        context.position = saved
    }

    // MARK: Lookup (getChild)

    static func child(_ name: Name, _ context: Context) throws(Unsupported) -> TemplateValue? {
        var child: TemplateValue?
        switch name.kind {
        case .current:
            child = context.stack.last
        case .position:
            guard let position = context.position else { return nil }
            child = try positionTransform(position, name.transforms)
            return child
        case .top(let parts):
            guard let top = context.stack.last else { return nil }
            child = try descend(parts[...], from: top)
        case .stack(let parts):
            guard let first = parts.first else {
                child = context.stack.last
                break
            }
            child = nil
            for object in context.stack.reversed() {
                if let found = try immediateChild(first, of: object) {
                    child = try descend(parts.dropFirst(), from: found)
                    break
                }
            }
        }
        guard var value = child else { return nil }
        if case .other(let object) = value, object is any MustacheCustomRepresentation { throw Unsupported() }
        for transform in name.transforms.reversed() {
            guard let transformed = try apply(transform, to: value) else { return nil }
            value = transformed
        }
        return value
    }

    /// The sequence context's transforms first (the position), then those of the values they give.
    static func positionTransform(_ position: Position, _ transforms: [String]) throws(Unsupported) -> TemplateValue? {
        var remaining = transforms
        guard let innermost = remaining.popLast() else { return nil }
        var value: TemplateValue
        switch innermost {
        case "first": value = .flag(position.first)
        case "last": value = .flag(position.last)
        case "index": value = .other(position.index)
        case "even": value = .flag(position.index & 1 == 0)
        case "odd": value = .flag(position.index & 1 == 1)
        default: return nil
        }
        for transform in remaining.reversed() {
            guard let transformed = try apply(transform, to: value) else { return nil }
            value = transformed
        }
        return value
    }

    static func descend(
        _ parts: ArraySlice<Name.Part>, from object: TemplateValue
    ) throws(Unsupported) -> TemplateValue? {
        var current = object
        for part in parts {
            if case .other(let value) = current, value is MustacheLambda { throw Unsupported() }
            guard let next = try immediateChild(part, of: current) else { return nil }
            current = next
        }
        return current
    }

    /// `_getImmediateChild`: a view's property; nothing inside a string, a flag or a list (their
    /// mirrors have no labelled child); anything else as the library reads it.
    static func immediateChild(_ part: Name.Part, of object: TemplateValue) throws(Unsupported) -> TemplateValue? {
        let name = part.name
        switch object {
        case .record(let fields): return fields.value(named: name, hash: part.hash)
        case .text, .flag, .list, .lazyList: return nil
        case .other(let value):
            if value is any MustacheCustomRepresentation { throw Unsupported() }
            if let parent = value as? any MustacheParent { return parent.child(named: name).map(TemplateValue.wrap) }
            guard let matched = Mirror(reflecting: value).children.first(where: { $0.label == name }) else {
                return nil
            }
            let mirror = Mirror(reflecting: matched.value)
            guard mirror.displayStyle == .optional else { return TemplateValue.wrap(matched.value) }
            return mirror.children.first.map { TemplateValue.wrap($0.value) }
        }
    }

    /// A transform (`uppercased`, `count`…) as the value's own `transform` gives it; a list's or a
    /// view's is left to the library (it applies to the converted array or dictionary).
    static func apply(_ transform: String, to value: TemplateValue) throws(Unsupported) -> TemplateValue? {
        switch value {
        case .text(let text): return text.transform(transform).map(TemplateValue.wrap)
        case .flag: return nil
        case .list, .lazyList, .record: throw Unsupported()
        case .other(let object):
            guard let transformable = object as? any MustacheTransformable else { return nil }
            return transformable.transform(transform).map(TemplateValue.wrap)
        }
    }
}

/// Where the fast renderer writes its text: a `String` (the reference) or UTF-8 bytes (`TemplateBytes`).
protocol TemplateOutput {
    /// Appends `text`.
    mutating func write(_ text: String)
    /// The length of the text so far, in UTF-8 bytes.
    var byteCount: Int { get }
    mutating func reserveCapacity(_ bytes: Int)
    /// Empties the text, keeping its storage.
    mutating func removeAll()
    /// The text's whole lines (up to its last line feed) cut off its start; nil, leaving the text as
    /// it is, when it has no line feed.
    mutating func takeLines() -> String?
    /// The text's whole lines cut off its start and given to `feed` (`MarkupFeed.take`); nil when the
    /// text has no line feed (nothing given), else what `take` returned.
    mutating func giveLines(to feed: inout MarkupFeed) throws -> Bool?
    /// The whole text given to `feed`: what `take` returned.
    func giveAll(to feed: inout MarkupFeed) throws -> Bool
}

extension String: TemplateOutput {
    mutating func write(_ text: String) { self += text }
    var byteCount: Int { utf8.count }
    mutating func removeAll() { removeAll(keepingCapacity: true) }
    mutating func takeLines() -> String? {
        guard let last = utf8.lastIndex(of: 0x0A) else { return nil }
        let end = utf8.index(after: last)
        let lines = String(self[..<end])
        removeSubrange(..<end)
        return lines
    }
    mutating func giveLines(to feed: inout MarkupFeed) throws -> Bool? {
        guard let lines = takeLines() else { return nil }
        return try feed.take(lines)
    }
    func giveAll(to feed: inout MarkupFeed) throws -> Bool { try feed.take(self) }
}

/// The fast renderer's text as UTF-8 bytes (render engineer, session 8): each piece's bytes copied at
/// the end of one buffer. Every piece is a `String`'s valid UTF-8, and the bytes of a string made of
/// pieces are their bytes one after the other, so `text()` is the string the same appends give.
struct TemplateBytes: TemplateOutput {
    var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(4096) }

    mutating func write(_ text: String) {
        var text = text
        // A native or small string's bytes are contiguous (`makeContiguousUTF8` copies only any other).
        text.makeContiguousUTF8()
        text.utf8.withContiguousStorageIfAvailable { piece in bytes.append(contentsOf: piece) }
    }

    var byteCount: Int { bytes.count }
    mutating func reserveCapacity(_ count: Int) { bytes.reserveCapacity(count) }
    mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    mutating func takeLines() -> String? {
        guard let last = bytes.lastIndex(of: 0x0A) else { return nil }
        let lines = String(decoding: bytes[...last], as: UTF8.self)
        bytes.removeSubrange(...last)
        return lines
    }

    /// The text.
    func text() -> String { String(decoding: bytes, as: UTF8.self) }

    /// The lines handed over as bytes (`MarkupFeed.take(bytes:)`: the same as their string's).
    mutating func giveLines(to feed: inout MarkupFeed) throws -> Bool? {
        guard let last = bytes.lastIndex(of: 0x0A) else { return nil }
        defer { bytes.removeSubrange(...last) }
        return try bytes.withUnsafeBufferPointer { try feed.take(bytes: UnsafeBufferPointer(rebasing: $0[...last])) }
    }

    func giveAll(to feed: inout MarkupFeed) throws -> Bool {
        try bytes.withUnsafeBufferPointer { try feed.take(bytes: $0) }
    }
}

/// `Optional`, seen through `Any` (swift-mustache's internal `AnyOptional`).
protocol OptionalValue {
    var wrappedValue: Any? { get }
}

extension Optional: OptionalValue {
    var wrappedValue: Any? { self }
}

/// Where the fast renderer hands the whole lines of a long document as it renders them (large
/// engineer, issue 12): parsed into the document's content at once (`MarkupFeed`), so the markup is
/// never one string. A parse error is kept (the first: the one parsing the whole text would give) and
/// nothing more is parsed; a piece with a carriage return abandons the feed (the whole text must be
/// parsed by its `Character` scan: the caller renders again without a sink).
final class MarkupSink {
    /// The text is handed over once it holds this many bytes (`piece`; tests cut it much finer).
    static let defaultPiece = 256 * 1024
    let piece: Int
    private(set) var feed: MarkupFeed
    private(set) var error: (any Error)?
    private(set) var abandoned = false

    init(file: String, laidOut writer: TextWriter? = nil, piece: Int = MarkupSink.defaultPiece) {
        feed = MarkupFeed(file: file, laidOut: writer)
        self.piece = piece
    }

    /// Takes the whole lines of `output` (up to its last line feed) out of it and parses them.
    func take<Output: TemplateOutput>(_ output: inout Output) {
        if abandoned || error != nil {
            output.removeAll()
            return
        }
        give { feed in try output.giveLines(to: &feed) }
    }

    /// The text's last piece, then the laid-out bytes (made with a `TextWriter`), or the kept error;
    /// nil when the feed was abandoned.
    func finishData<Output: TemplateOutput>(_ rest: Output) throws -> Data? {
        try finishing(rest) { try $0.finishData() }
    }

    /// The text's last piece, then the content (or the kept error); nil when the feed was abandoned.
    func finish<Output: TemplateOutput>(_ rest: Output) throws -> DocumentContent? {
        try finishing(rest) { try $0.finish() }
    }

    /// The last piece given, then `result` of the feed, unless an error was kept or the feed abandoned.
    private func finishing<Output: TemplateOutput, Value>(
        _ rest: Output, _ result: (inout MarkupFeed) throws -> Value
    ) throws -> Value? {
        if let error { throw error }
        guard !abandoned else { return nil }
        give { feed in try rest.giveAll(to: &feed) }
        if let error { throw error }
        guard !abandoned else { return nil }
        return try result(&feed)
    }

    /// `hand` gives the feed some lines: false (the feed refused them) abandons it, an error is kept.
    private func give(_ hand: (inout MarkupFeed) throws -> Bool?) {
        do {
            if try hand(&feed) == false { abandoned = true }
        } catch {
            self.error = error
        }
    }
}
