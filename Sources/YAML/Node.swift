/// How a scalar was written in the source.
public enum ScalarStyle: Sendable, Hashable {
    case plain, singleQuoted, doubleQuoted, literal, folded

    /// Quoted and block scalars are strings no matter what they say; only plain ones resolve.
    public var isPlain: Bool { self == .plain }
}

/// Whether a collection was written in block (indented) or flow (`[a, b]`, `{a: b}`) style.
public enum CollectionStyle: Sendable, Hashable {
    case block, flow
}

/// One node of a YAML document as written: its content, explicit tag and anchor, and where it
/// starts and ends in the source.
///
/// The tree keeps the source's shape (key order, styles, aliases, merge keys) so that edits can
/// be made byte-exactly. `Value` is the resolved, semantic view of the same data.
public final class Node: Sendable {
    /// A key/value entry of a mapping, in source order.
    public struct Pair: Sendable {
        public let key: Node
        public let value: Node
    }

    public enum Content: Sendable {
        case scalar(String, ScalarStyle)
        case sequence([Node], CollectionStyle)
        case mapping([Pair], CollectionStyle)
        /// `*name`, with the anchored node it refers to.
        case alias(String, Node)
    }

    public let content: Content
    /// The explicit tag in long form (`tag:yaml.org,2002:str`, or a local tag such as `!foo`).
    public let tag: String?
    public let anchor: String?
    /// Where the node starts (for a collection, its first indicator or entry) and ends.
    public let start: Mark
    public let end: Mark

    public init(_ content: Content, tag: String? = nil, anchor: String? = nil, start: Mark, end: Mark) {
        self.content = content
        self.tag = tag
        self.anchor = anchor
        self.start = start
        self.end = end
    }

    /// The scalar text, or nil for collections and aliases.
    public var scalarText: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    /// The mapping entries, or nil if this is not a mapping.
    public var pairs: [Pair]? {
        if case .mapping(let pairs, _) = content { return pairs }
        return nil
    }

    /// The sequence items, or nil if this is not a sequence.
    public var items: [Node]? {
        if case .sequence(let items, _) = content { return items }
        return nil
    }

    /// The node an alias refers to (following chains), or the node itself.
    public var dereferenced: Node {
        var node = self
        while case .alias(_, let target) = node.content { node = target }
        return node
    }

    /// The value node of the first entry whose key is the scalar `key`.
    public subscript(key: String) -> Node? {
        guard let pairs = dereferenced.pairs else { return nil }
        for pair in pairs where pair.key.scalarText == key { return pair.value }
        return nil
    }
}

/// One document of a YAML stream.
public struct Document: Sendable {
    /// The root node; `nil` for a document with no content (e.g. a bare `---` or comments only).
    public let root: Node?
    public let start: Mark
    public let end: Mark
}
