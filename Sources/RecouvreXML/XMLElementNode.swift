/// An element of a parsed document, copied out of libxml2's tree into plain Swift values so that
/// nothing of the C library escapes `RecouvreXML`.
public struct XMLElementNode: Sendable, Hashable {
    /// An attribute: local name, namespace URI (`nil` when none) and value.
    public struct Attribute: Sendable, Hashable {
        public var name: String
        public var namespace: String?
        public var value: String

        public init(name: String, namespace: String?, value: String) {
            self.name = name
            self.namespace = namespace
            self.value = value
        }
    }

    /// Local name (`Invoice` for `<ubl:Invoice>`).
    public var name: String
    /// Namespace URI, `nil` when the element is in no namespace.
    public var namespace: String?
    /// In document order.
    public var attributes: [Attribute]
    /// Child elements, in document order.
    public var children: [XMLElementNode]
    /// The element's own text and CDATA content, concatenated (not its descendants').
    public var text: String
    /// Line of the start tag (1-based).
    public var line: Int

    public init(
        name: String, namespace: String?, attributes: [Attribute], children: [XMLElementNode],
        text: String, line: Int
    ) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.children = children
        self.text = text
        self.line = line
    }

    /// The first child element with that local name.
    public func child(_ name: String) -> XMLElementNode? {
        children.first { $0.name == name }
    }

    /// Every child element with that local name.
    public func children(named name: String) -> [XMLElementNode] {
        children.filter { $0.name == name }
    }

    /// The value of the attribute with that local name.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }
}
