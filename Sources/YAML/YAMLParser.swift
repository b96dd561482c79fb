import CYAML

/// Parses YAML streams with libyaml into `Node` trees that remember where every node is.
///
/// Duplicate keys in a mapping are an error naming both places (unless `duplicateKeys` is
/// `.lastWins`); an alias must name an anchor defined earlier in the same document. Nothing is
/// resolved here: `Value(node)` does that.
public enum YAMLParser {
    /// What a mapping that repeats a key is.
    public enum DuplicateKeys: Sendable {
        /// An error naming both places: a repeated key in a file people edit silently drops
        /// configuration.
        case reject
        /// Accepted, the later value winning, as go-yaml v2 (sigs.k8s.io/yaml) reads it; for
        /// rendered manifests, which Helm reads that way.
        case lastWins
    }

    /// The deepest nesting accepted. Real manifests nest a few dozen levels; the limit keeps
    /// hostile input from exhausting the stack of the recursive passes that follow.
    public static let maximumDepth = 512

    /// Parses every document of `text`. `file` only labels error messages.
    public static func parse(_ text: String, file: String? = nil, duplicateKeys: DuplicateKeys = .reject) throws -> [Document] {
        var text = text
        return try text.withUTF8 { try parse(utf8: $0, file: file, duplicateKeys: duplicateKeys) }
    }

    /// Parses every document of the UTF-8 bytes.
    public static func parse(bytes: [UInt8], file: String? = nil) throws -> [Document] {
        try bytes.withUnsafeBufferPointer { try parse(utf8: $0, file: file) }
    }

    /// Parses text that holds exactly one document and returns its root (nil when empty).
    public static func parseSingle(_ text: String, file: String? = nil, duplicateKeys: DuplicateKeys = .reject) throws -> Node? {
        let documents = try parse(text, file: file, duplicateKeys: duplicateKeys)
        if documents.count > 1 {
            throw YAMLError(.syntax, "expected a single document, found \(documents.count)", file: file,
                            at: documents[1].start)
        }
        return documents.first?.root
    }

    static func parse(utf8 buffer: UnsafeBufferPointer<UInt8>, file: String?, duplicateKeys: DuplicateKeys = .reject) throws -> [Document] {
        var composer = Composer(offsets: SourceOffsets(buffer), file: file)
        composer.checksDuplicates = duplicateKeys == .reject
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw YAMLError(.syntax, "libyaml could not allocate a parser", file: file)
        }
        defer { yaml_parser_delete(&parser) }
        var empty: UInt8 = 0
        if let base = buffer.baseAddress, buffer.count > 0 {
            yaml_parser_set_input_string(&parser, base, buffer.count)
        } else {
            yaml_parser_set_input_string(&parser, &empty, 0)
        }
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                throw composer.syntaxError(parser)
            }
            defer { yaml_event_delete(&event) }
            if event.type == YAML_STREAM_END_EVENT { break }
            try composer.handle(&event)
        }
        return composer.documents
    }
}

/// Builds nodes from libyaml events with an explicit stack (no recursion).
private struct Composer {
    struct Frame {
        var isMapping: Bool
        var style: CollectionStyle
        var tag: String?
        var anchor: String?
        var start: Mark
        /// Sequence items, or for a mapping its completed pairs.
        var children: [Node] = []
        var pairs: [Node.Pair] = []
        /// A mapping key waiting for its value.
        var pendingKey: Node?
    }

    var offsets: SourceOffsets
    let file: String?
    var checksDuplicates = true
    var documents: [Document] = []
    var stack: [Frame] = []
    var anchors: [String: Node] = [:]
    var root: Node?
    var documentStart = Mark(offset: 0, line: 1, column: 1)

    init(offsets: SourceOffsets, file: String?) {
        self.offsets = offsets
        self.file = file
    }

    mutating func mark(_ m: yaml_mark_t) -> Mark {
        offsets.mark(index: Int(m.index), line: Int(m.line), column: Int(m.column))
    }

    mutating func syntaxError(_ parser: yaml_parser_t) -> YAMLError {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        var message = problem
        if let context = parser.context.map({ String(cString: $0) }) {
            message += " (\(context) at \(mark(parser.context_mark)))"
        }
        return YAMLError(.syntax, message, file: file, at: mark(parser.problem_mark))
    }

    static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    mutating func handle(_ event: inout yaml_event_t) throws {
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            anchors.removeAll(keepingCapacity: true)
            root = nil
            documentStart = mark(event.start_mark)
        case YAML_DOCUMENT_END_EVENT:
            documents.append(Document(root: root, start: documentStart, end: mark(event.end_mark)))
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            let style: ScalarStyle
            switch scalar.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: style = .literal
            case YAML_FOLDED_SCALAR_STYLE: style = .folded
            default: style = .plain
            }
            let node = Node(.scalar(text, style), tag: Self.string(scalar.tag), anchor: Self.string(scalar.anchor),
                            start: mark(event.start_mark), end: mark(event.end_mark))
            try add(node)
        case YAML_SEQUENCE_START_EVENT:
            let start = event.data.sequence_start
            try push(Frame(isMapping: false, style: start.style == YAML_FLOW_SEQUENCE_STYLE ? .flow : .block,
                           tag: Self.string(start.tag), anchor: Self.string(start.anchor),
                           start: mark(event.start_mark)))
        case YAML_MAPPING_START_EVENT:
            let start = event.data.mapping_start
            try push(Frame(isMapping: true, style: start.style == YAML_FLOW_MAPPING_STYLE ? .flow : .block,
                           tag: Self.string(start.tag), anchor: Self.string(start.anchor),
                           start: mark(event.start_mark)))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            let frame = stack.removeLast()
            let end = mark(event.end_mark)
            let content: Node.Content
            if frame.isMapping {
                if checksDuplicates { try checkDuplicateKeys(frame.pairs) }
                content = .mapping(frame.pairs, frame.style)
            } else {
                content = .sequence(frame.children, frame.style)
            }
            try add(Node(content, tag: frame.tag, anchor: frame.anchor, start: frame.start, end: end))
        case YAML_ALIAS_EVENT:
            let name = Self.string(event.data.alias.anchor) ?? ""
            let start = mark(event.start_mark)
            guard let target = anchors[name] else {
                throw YAMLError(.unknownAnchor, "unknown anchor '\(name)' referenced", file: file, at: start)
            }
            try add(Node(.alias(name, target), start: start, end: mark(event.end_mark)))
        default:
            break
        }
    }

    mutating func push(_ frame: Frame) throws {
        guard stack.count < YAMLParser.maximumDepth else {
            throw YAMLError(.syntax, "nesting deeper than \(YAMLParser.maximumDepth) levels", file: file,
                            at: frame.start)
        }
        stack.append(frame)
    }

    mutating func add(_ node: Node) throws {
        if let anchor = node.anchor { anchors[anchor] = node }
        if stack.isEmpty {
            root = node
            return
        }
        let top = stack.count - 1
        if !stack[top].isMapping {
            stack[top].children.append(node)
        } else if let key = stack[top].pendingKey {
            stack[top].pairs.append(Node.Pair(key: key, value: node))
            stack[top].pendingKey = nil
        } else {
            stack[top].pendingKey = node
        }
    }

    /// Keys are compared by text first (cheap, and almost always different); only keys with the
    /// same text are resolved to see whether they are the same key.
    func checkDuplicateKeys(_ pairs: [Node.Pair]) throws {
        guard pairs.count > 1 else { return }
        if pairs.count <= 16 {
            for i in 1..<pairs.count {
                guard let text = pairs[i].key.scalarText else { continue }
                for j in 0..<i where pairs[j].key.scalarText == text {
                    if let key = DuplicateKey(pairs[i].key), DuplicateKey(pairs[j].key) == key {
                        throw duplicate(pairs[i].key, first: pairs[j].key)
                    }
                }
            }
            return
        }
        var seen: [String: Int] = [:]
        seen.reserveCapacity(pairs.count)
        for (i, pair) in pairs.enumerated() {
            guard let text = pair.key.scalarText else { continue }
            if let j = seen[text] {
                if let key = DuplicateKey(pair.key), DuplicateKey(pairs[j].key) == key {
                    throw duplicate(pair.key, first: pairs[j].key)
                }
            } else {
                seen[text] = i
            }
        }
    }

    func duplicate(_ key: Node, first: Node) -> YAMLError {
        let shown = key.scalarText ?? "?"
        return YAMLError(.duplicateKey,
                         "mapping key \"\(shown)\" already defined at line \(first.start.line) column \(first.start.column); remove one of them",
                         file: file, at: key.start)
    }
}

/// The identity of a scalar key for duplicate detection: its text and the tag it resolves to,
/// so `a` and `"a"` collide while `1` and `"1"` do not (go-yaml v3 compares the same way).
private struct DuplicateKey: Hashable {
    let text: String
    let tag: String

    init?(_ node: Node) {
        guard case .scalar(let text, let style) = node.content else { return nil }
        if text == "<<" && style == .plain && node.tag == nil { return nil }  // repeated merge keys are allowed
        self.text = text
        if let explicit = node.tag, explicit != "!" {
            tag = explicit
        } else if style == .plain && node.tag == nil {
            tag = ScalarResolver.tag(of: text).rawValue
        } else {
            tag = ScalarResolver.Tag.string.rawValue
        }
    }
}
