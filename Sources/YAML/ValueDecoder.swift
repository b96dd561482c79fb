import OrderedCollections

/// Turns `Node` trees into `Value`s by go-yaml v2's rules, as sigs.k8s.io/yaml does on its way to
/// JSON: aliases expand, merge keys (`<<`) merge, explicit tags convert, and non-string keys
/// become strings (`1` → "1", `yes` → "true").
public struct ValueDecoder {
    /// How numbers come out.
    public enum Numbers: Sendable {
        /// Integers stay integers, as go-yaml decodes them (what Kubernetes objects hold).
        case yaml
        /// Every number is a float64, as after Helm's YAML → JSON → `interface{}` round trip.
        case json
    }

    public var numbers: Numbers
    public var file: String?

    private var decodeCount = 0
    private var aliasCount = 0
    private var aliasDepth = 0

    public init(numbers: Numbers = .yaml, file: String? = nil) {
        self.numbers = numbers
        self.file = file
    }

    /// Decodes one node (nil, an empty document, is `.null`).
    public mutating func decode(_ node: Node?) throws -> Value {
        guard let node else { return .null }
        decodeCount = 0
        aliasCount = 0
        return try value(node)
    }

    /// Parses and decodes every document of `text`.
    public static func decodeAll(_ text: String, numbers: Numbers = .yaml, file: String? = nil) throws -> [Value] {
        var decoder = ValueDecoder(numbers: numbers, file: file)
        return try YAMLParser.parse(text, file: file).map { try decoder.decode($0.root) }
    }

    /// Parses and decodes text holding at most one document.
    public static func decode(_ text: String, numbers: Numbers = .yaml, file: String? = nil,
                              duplicateKeys: YAMLParser.DuplicateKeys = .reject) throws -> Value {
        var decoder = ValueDecoder(numbers: numbers, file: file)
        return try decoder.decode(YAMLParser.parseSingle(text, file: file, duplicateKeys: duplicateKeys))
    }

    private func error(_ node: Node, _ message: String, _ kind: YAMLError.Kind = .badValue) -> YAMLError {
        YAMLError(kind, message, file: file, at: node.start)
    }

    private mutating func value(_ node: Node) throws -> Value {
        decodeCount += 1
        if aliasDepth > 0 { aliasCount += 1 }
        switch node.content {
        case .scalar(let text, let style):
            return try scalar(node, text: text, style: style)
        case .sequence(let items, _):
            var out: [Value] = []
            out.reserveCapacity(items.count)
            for item in items { out.append(try value(item)) }
            return .array(out)
        case .mapping(let pairs, _):
            var out = OrderedDictionary<String, Value>(minimumCapacity: pairs.count)
            for pair in pairs {
                if isMergeKey(pair.key) {
                    try merge(pair.value, into: &out)
                    continue
                }
                let key = try keyString(pair.key)
                out[key] = try value(pair.value)
            }
            return .object(out)
        case .alias(let name, let target):
            if aliasCount > 100, decodeCount > 1000,
                Double(aliasCount) / Double(decodeCount) > Self.allowedAliasRatio(decodeCount)
            {
                throw error(node, "document contains excessive aliasing", .excessiveAliasing)
            }
            guard aliasDepth < YAMLParser.maximumDepth else {
                throw error(node, "anchor '\(name)' value contains itself", .excessiveAliasing)
            }
            aliasDepth += 1
            defer { aliasDepth -= 1 }
            return try value(target)
        }
    }

    /// go-yaml v2's limit on how much of a document may come from alias expansion.
    static func allowedAliasRatio(_ decodeCount: Int) -> Double {
        let low = 400_000, high = 4_000_000
        if decodeCount <= low { return 0.99 }
        if decodeCount >= high { return 0.10 }
        return 0.99 - 0.89 * (Double(decodeCount - low) / Double(high - low))
    }

    private func isMergeKey(_ key: Node) -> Bool {
        guard case .scalar(let text, let style) = key.content, text == "<<" else { return false }
        if let tag = key.tag { return tag == ScalarResolver.Tag.merge.rawValue }
        return style == .plain
    }

    /// Earlier maps in a merge sequence take precedence, so they are applied last.
    private mutating func merge(_ node: Node, into out: inout OrderedDictionary<String, Value>) throws {
        func mergeMap(_ n: Node) throws {
            guard n.dereferenced.pairs != nil else {
                throw error(n, "map merge requires map or sequence of maps as the value")
            }
            guard case .object(let entries) = try value(n) else { return }
            for (k, v) in entries { out[k] = v }
        }
        switch node.dereferenced.content {
        case .mapping:
            try mergeMap(node)
        case .sequence(let items, _):
            for item in items.reversed() { try mergeMap(item) }
        default:
            throw error(node, "map merge requires map or sequence of maps as the value")
        }
    }

    /// The JSON key for a mapping key, as sigs.k8s.io/yaml converts it.
    private mutating func keyString(_ key: Node) throws -> String {
        let resolved = try value(key)
        switch resolved {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .uint(let u): return String(u)
        case .bool(let b): return b ? "true" : "false"
        case .float(let f): return GoFloatFormat.keyString(f)
        case .null: return "null"
        case .array, .object:
            throw error(key, "mapping keys must be scalars to convert to JSON; found a collection")
        }
    }

    private func scalar(_ node: Node, text: String, style: ScalarStyle) throws -> Value {
        let tag = node.tag
        if tag == nil || tag == "!" {
            if style != .plain || tag == "!" { return .string(text) }
            return number(ScalarResolver.resolve(text))
        }
        guard let tag else { return .string(text) }
        switch tag {
        case ScalarResolver.Tag.string.rawValue:
            return .string(text)
        case ScalarResolver.Tag.binary.rawValue:
            guard let bytes = Base64.decode(text) else {
                throw error(node, "!!binary value contains invalid base64 data")
            }
            return .string(String(decoding: bytes, as: UTF8.self))
        case ScalarResolver.Tag.null.rawValue, ScalarResolver.Tag.bool.rawValue, ScalarResolver.Tag.int.rawValue,
            ScalarResolver.Tag.float.rawValue, ScalarResolver.Tag.timestamp.rawValue:
            let resolved = ScalarResolver.resolve(text)
            if resolved.tag.rawValue == tag { return number(resolved) }
            if tag == ScalarResolver.Tag.float.rawValue {
                switch resolved {
                case .int(let i): return .float(Double(i))
                case .uint(let u): return .float(Double(u))
                default: break
                }
            }
            throw error(node, "cannot decode !!\(resolved.tag.shortName) `\(text)` as a !!\(tag.split(separator: ":").last ?? "")")
        default:
            // Local and unknown tags are not resolved: the text is the value, as in go-yaml.
            return .string(text)
        }
    }

    private func number(_ resolved: ScalarResolver.Resolved) -> Value {
        switch resolved {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return numbers == .json ? .float(Double(i)) : .int(i)
        case .uint(let u): return numbers == .json ? .float(Double(u)) : .uint(u)
        case .bigInt(let digits): return .float(Double(digits) ?? .nan)
        case .float(let f): return .float(f)
        case .string(let s), .timestamp(let s): return .string(s)
        }
    }
}

extension ScalarResolver.Tag {
    /// `str`, `int`, ...: the name after `!!`.
    public var shortName: String { String(rawValue.split(separator: ":").last ?? "") }
}
