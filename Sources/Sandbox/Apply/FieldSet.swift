import Kubernetes
import OrderedCollections
import YAML

/// One step in a managed-field path, spelled as `fieldsV1` spells it: `f:name` for a map
/// field, `k:{"name":"app"}` for a list-map element, `v:"x"` for a set element.
enum PathElement: Hashable, Comparable, Sendable {
    case field(String)
    case key(String)
    case value(String)

    var text: String {
        switch self {
        case .field(let f): return "f:" + f
        case .key(let k): return "k:" + k
        case .value(let v): return "v:" + v
        }
    }

    init?(text: String) {
        if text.hasPrefix("f:") { self = .field(String(text.dropFirst(2))) }
        else if text.hasPrefix("k:") { self = .key(String(text.dropFirst(2))) }
        else if text.hasPrefix("v:") { self = .value(String(text.dropFirst(2))) }
        else { return nil }
    }

    static func < (a: PathElement, b: PathElement) -> Bool { a.text < b.text }
}

/// A set of field paths: what one manager owns, in the tree shape of `managedFields[].fieldsV1`.
/// A node is a member when the path itself is owned (`"."` in fieldsV1 for list elements,
/// an empty object for leaves).
struct FieldSet: Equatable, Sendable {
    var member = false
    var children: [PathElement: FieldSet] = [:]

    var isEmpty: Bool { !member && children.isEmpty }

    /// The fields an object sets, using list-map keys so list elements are owned by identity.
    /// apiVersion, kind, name, namespace and (optionally) status are identity or server-owned
    /// and never tracked.
    init(object: Value, kind: String, includeStatus: Bool = false) {
        self.init()
        guard case .object(let map) = object else { return }
        for (k, v) in map {
            switch k {
            case "apiVersion", "kind": continue
            case "status" where !includeStatus: continue
            case "metadata":
                var meta = FieldSet()
                if case .object(let m) = v {
                    for (mk, mv) in m where ["labels", "annotations", "ownerReferences", "finalizers"].contains(mk) {
                        meta.children[.field(mk)] = FieldSet(value: mv, path: ["metadata", mk], kind: kind)
                    }
                }
                if !meta.isEmpty { children[.field("metadata")] = meta }
            default:
                children[.field(k)] = FieldSet(value: v, path: [k], kind: kind)
            }
        }
    }

    init() {}

    private init(value: Value, path: [String], kind: String) {
        self.init()
        switch value {
        case .object(let map) where !map.isEmpty:
            for (k, v) in map { children[.field(k)] = FieldSet(value: v, path: path + [k], kind: kind) }
        case .array(let items) where !items.isEmpty:
            if let keys = MergeKeys.applyKeys(path: path, kind: kind) {
                for item in items {
                    var element = FieldSet(value: item, path: path + ["[]"], kind: kind)
                    element.member = true
                    children[.key(MergeKeys.keyText(item, keys: keys)), default: FieldSet()].merge(element)
                }
            } else if MergeKeys.isSet(path: path) {
                for item in items {
                    children[.value(MergeKeys.json(item)), default: FieldSet()].member = true
                }
            } else {
                member = true
            }
        default:
            member = true
        }
    }

    /// Parses `fieldsV1` JSON.
    init(fieldsV1: Value) {
        self.init()
        guard case .object(let map) = fieldsV1 else { return }
        for (k, v) in map {
            if k == "." { member = true; continue }
            guard let e = PathElement(text: k) else { continue }
            let child = FieldSet(fieldsV1: v)
            // A leaf is written as `{}`.
            children[e] = child.isEmpty ? FieldSet(member: true) : child
        }
    }

    private init(member: Bool) {
        self.member = member
    }

    /// The `fieldsV1` JSON, keys sorted as the server writes them.
    var fieldsV1: Value {
        var out: OrderedDictionary<String, Value> = [:]
        if member && !children.isEmpty { out["."] = .object([:]) }
        for (k, v) in children.sorted(by: { $0.key < $1.key }) {
            out[k.text] = v.children.isEmpty ? .object([:]) : v.fieldsV1
        }
        return .object(out)
    }

    mutating func merge(_ other: FieldSet) {
        member = member || other.member
        for (k, v) in other.children { children[k, default: FieldSet()].merge(v) }
    }

    /// Every member path, depth-first.
    var paths: [[PathElement]] {
        var out: [[PathElement]] = []
        func walk(_ s: FieldSet, _ prefix: [PathElement]) {
            if s.member && !prefix.isEmpty { out.append(prefix) }
            for (k, v) in s.children.sorted(by: { $0.key < $1.key }) { walk(v, prefix + [k]) }
        }
        walk(self, [])
        return out
    }

    func contains(_ path: [PathElement]) -> Bool {
        guard let first = path.first else { return member }
        return children[first]?.contains(Array(path.dropFirst())) ?? false
    }

    /// Whether any member lies at or below `path`.
    func containsPrefix(_ path: [PathElement]) -> Bool {
        guard let first = path.first else { return !isEmpty }
        return children[first]?.containsPrefix(Array(path.dropFirst())) ?? false
    }

    mutating func remove(_ path: [PathElement]) {
        guard let first = path.first else { member = false; return }
        guard var child = children[first] else { return }
        child.remove(Array(path.dropFirst()))
        children[first] = child.isEmpty ? nil : child
    }

    func subtracting(_ other: FieldSet) -> FieldSet {
        var out = self
        for p in other.paths { out.remove(p) }
        return out
    }

    /// `.spec.template.spec.containers[name="app"].image`, the form conflict messages use.
    static func display(_ path: [PathElement]) -> String {
        var s = ""
        for e in path {
            switch e {
            case .field(let f): s += "." + f
            case .key(let k):
                if case .object(let m)? = try? JSONParser().parse(k) {
                    s += "[" + m.map { "\($0.key)=\(MergeKeys.json($0.value))" }.joined(separator: ",") + "]"
                } else { s += "[\(k)]" }
            case .value(let v): s += "[=\(v)]"
            }
        }
        return s
    }
}
