import OrderedCollections
import YAML

/// Reads manifests as kustomize does: go-yaml v3 resolves plain scalars (YAML 1.2 booleans, so
/// `yes` and `on` stay strings), and top-level `metadata.annotations` is a string map whose
/// values keep their source text (`n: "0x10"`, never `16`) because kustomize rewrites every
/// object's annotations through a Go `map[string]string`.
enum ManifestDecoding {
    /// Every non-empty document of `text`.
    static func decodeStream(_ text: String, file: String) throws -> [Value] {
        let documents: [Document]
        do {
            documents = try YAMLParser.parse(text, file: file)
        } catch let error as YAMLError {
            throw OverlayError(file: file, mark: error.mark, "not valid YAML: \(error.message); fix the YAML syntax")
        }
        var out: [Value] = []
        for document in documents {
            guard let root = document.root else { continue }
            let value = try decode(root, file: file)
            switch value {
            case .null: continue
            case .object(let entries) where entries.isEmpty: continue
            case .object(let entries):
                // A `kind: List` spreads its items, as kustomize reads it.
                if entries["kind"]?.string == "List", let items = entries["items"]?.array, entries["apiVersion"] != nil {
                    out += items.filter { !$0.isNull }
                } else {
                    out.append(value)
                }
            default:
                throw OverlayError(file: file, mark: root.start,
                                   "a resource document must be a mapping with apiVersion, kind and metadata.name")
            }
        }
        return out
    }

    /// One node, with the string-map rule applied below the document's top-level metadata
    /// unless `stringMetadata` is off (patches, where `null` must stay a deletion).
    static func decode(_ node: Node, file: String, stringMetadata: Bool = true) throws -> Value {
        try value(node, path: stringMetadata ? [] : ["patch"], file: file)
    }

    private static func value(_ node: Node, path: [String], file: String) throws -> Value {
        switch node.content {
        case .alias(_, let target):
            return try value(target, path: path, file: file)
        case .sequence(let items, _):
            return .array(try items.map { try value($0, path: path + ["[]"], file: file) })
        case .mapping(let pairs, _):
            var out = OrderedDictionary<String, Value>()
            for pair in pairs {
                if case .scalar("<<", .plain) = pair.key.content, pair.key.tag == nil {
                    try merge(pair.value, into: &out, path: path, file: file)
                    continue
                }
                let key = try keyString(pair.key, file: file)
                out[key] = try value(pair.value, path: path + [key], file: file)
            }
            return .object(out)
        case .scalar(let text, let style):
            if path.count == 3, path[0] == "metadata", path[1] == "annotations" {
                return .string(text)
            }
            return scalar(text, style: style, tag: node.tag)
        }
    }

    private static func merge(_ node: Node, into out: inout OrderedDictionary<String, Value>, path: [String], file: String) throws {
        let target = node.dereferenced
        var maps: [Node] = []
        if case .sequence(let items, _) = target.content { maps = items } else { maps = [node] }
        // Keys written in the mapping and earlier merged maps take precedence.
        for map in maps {
            guard case .object(let entries) = try value(map, path: path, file: file) else {
                throw OverlayError(file: file, mark: map.start, "a merge key (<<) needs a mapping or a list of mappings")
            }
            for (k, v) in entries where out[k] == nil { out[k] = v }
        }
    }

    private static func keyString(_ key: Node, file: String) throws -> String {
        switch key.dereferenced.content {
        case .scalar(let text, _): return text
        default: throw OverlayError(file: file, mark: key.start, "mapping keys must be scalars")
        }
    }

    /// go-yaml v3's resolution of a scalar decoded into `interface{}`.
    static func scalar(_ text: String, style: ScalarStyle, tag: String?) -> Value {
        if let tag, tag != "!" {
            if tag == ScalarResolver.Tag.string.rawValue || !tag.hasPrefix("tag:yaml.org,2002:") { return .string(text) }
        } else if !style.isPlain || tag == "!" {
            return .string(text)
        }
        switch ScalarResolver.resolve(text) {
        case .null: return .null
        case .bool(let b):
            // YAML 1.2: only true/false spellings are booleans.
            return ["true", "True", "TRUE", "false", "False", "FALSE"].contains(text) ? .bool(b) : .string(text)
        case .int(let i): return .int(i)
        case .uint(let u): return .uint(u)
        case .bigInt(let digits): return .float(Double(digits) ?? 0)
        case .float(let f): return .float(f)
        case .string(let s), .timestamp(let s): return .string(s)
        }
    }
}
