/// Where a value of a case came from: a file, a line and a column (both from 1; 0 when unknown),
/// and optionally a description of the place that a line alone does not give, such as an XML
/// element path (`/Invoice/cbc:DueDate`) or a CSV column header.
public struct SourceLocation: Sendable, Hashable {
    public var file: String
    public var line: Int
    public var column: Int
    public var context: String?

    public init(file: String, line: Int = 0, column: Int = 0, context: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.context = context
    }

    /// `file:line:column`, `file:line` or `file`, then ` (context)` when there is one.
    public var prefix: String {
        var text = file
        if line > 0 {
            text += ":\(line)"
            if column > 0 { text += ":\(column)" }
        }
        if let context, !context.isEmpty { text += " (\(context))" }
        return text
    }
}

/// Where each value of a `Case` came from, by key path in the case format's terms
/// (`invoices[1].due`, `debtor.address.postcode`).
///
/// A reader records a location per value, or gives a resolver that finds it on demand (the YAML
/// reader walks its parsed document only for the few paths a problem is reported at). A path with no
/// location of its own takes its nearest ancestor's (a missing key is reported at its mapping), and
/// the file itself when none has one.
///
/// `unreadable` holds the paths whose value the reader could not read (and reported): the `Case`
/// carries a placeholder there, and the validator says nothing about those values, so a wrong date
/// is reported once, not again as "due before issued".
public struct SourceLocations: Sendable {
    public let file: String
    private var table: [String: SourceLocation] = [:]
    private let resolver: (@Sendable (String) -> SourceLocation?)?
    public private(set) var unreadable: Set<String> = []

    /// An empty map for `file`: record locations with `record`.
    public init(file: String) {
        self.file = file
        self.resolver = nil
    }

    /// A map that asks `resolver` for the paths not recorded.
    public init(file: String, resolver: @escaping @Sendable (String) -> SourceLocation?) {
        self.file = file
        self.resolver = resolver
    }

    public mutating func record(_ path: String, _ location: SourceLocation) {
        table[path] = location
    }

    public mutating func record(_ path: String, line: Int, column: Int = 0, context: String? = nil) {
        table[path] = SourceLocation(file: file, line: line, column: column, context: context)
    }

    /// Marks the value at `path` (and everything below it) as not read.
    public mutating func markUnreadable(_ path: String) {
        unreadable.insert(path)
    }

    /// Whether the value at `path`, or one of its ancestors, could not be read.
    public func isUnreadable(_ path: String) -> Bool {
        if unreadable.isEmpty { return false }
        var current: String? = path
        while let each = current {
            if unreadable.contains(each) { return true }
            current = Self.parent(of: each)
        }
        return false
    }

    /// The location recorded for exactly `path`, if any.
    public subscript(path: String) -> SourceLocation? {
        if let found = table[path] { return found }
        return resolver?(path)
    }

    /// The location of `path`, else of its nearest ancestor, else the file.
    public func location(of path: String) -> SourceLocation {
        var current: String? = path
        while let each = current {
            if let found = self[each] { return found }
            current = Self.parent(of: each)
        }
        return SourceLocation(file: file)
    }

    /// `invoices[1].due` → `invoices[1]` → `invoices` → `` → nil.
    public static func parent(of path: String) -> String? {
        if path.isEmpty { return nil }
        if path.hasSuffix("]"), let open = path.lastIndex(of: "[") { return String(path[..<open]) }
        if let dot = path.lastIndex(of: ".") { return String(path[..<dot]) }
        return ""
    }

    /// The components of a key path: names and list indices (`invoices[1].due` → `invoices`, 1, `due`).
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    public static func components(of path: String) -> [Component] {
        var result: [Component] = []
        var name = ""
        var index: String?
        for character in path {
            if var digits = index {
                if character == "]" {
                    if let value = Int(digits) { result.append(.index(value)) }
                    index = nil
                } else {
                    digits.append(character)
                    index = digits
                }
                continue
            }
            switch character {
            case ".":
                if !name.isEmpty { result.append(.key(name)) }
                name = ""
            case "[":
                if !name.isEmpty { result.append(.key(name)) }
                name = ""
                index = ""
            default:
                name.append(character)
            }
        }
        if !name.isEmpty { result.append(.key(name)) }
        return result
    }
}

/// One problem in a case, located: `case.yaml:14:5: invoices[1] (F-103).due : … (remedy)`.
public struct CaseProblem: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    /// `invoices[1].due`; empty for the file as a whole.
    public var keyPath: String
    /// What is wrong.
    public var message: String
    /// What would be right (printed in parentheses), if anything useful can be said.
    public var remedy: String?
    /// A place a line alone does not give (an XML element path, a CSV column).
    public var context: String?

    public init(file: String, line: Int, column: Int, keyPath: String, message: String, remedy: String? = nil,
                context: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.keyPath = keyPath
        self.message = message
        self.remedy = remedy
        self.context = context
    }

    public init(at location: SourceLocation, keyPath: String, message: String, remedy: String? = nil) {
        self.init(
            file: location.file, line: location.line, column: location.column, keyPath: keyPath,
            message: message, remedy: remedy, context: location.context)
    }

    public var location: SourceLocation {
        SourceLocation(file: file, line: line, column: column, context: context)
    }

    /// `file:line:col: key.path : message (remedy)`; a problem with the file as a whole (line 0) has no
    /// line and column: `file: message (remedy)`. The key path is followed by a French " : ".
    public var description: String {
        var text = location.prefix + ": "
        if !keyPath.isEmpty { text += "\(keyPath) : " }
        text += message
        if let remedy { text += " (\(remedy))" }
        return text
    }
}
