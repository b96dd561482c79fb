import Kubernetes
import OrderedCollections
import YAML

/// How lists merge, per field: server-side apply's list-map keys (`x-kubernetes-list-map-keys`)
/// and strategic merge patch's `patchMergeKey`, which differ (a container port is keyed by
/// `containerPort` and `protocol` for apply but by `containerPort` alone for SMP).
enum MergeKeys {
    /// The list-map keys server-side apply uses for the list at `path` (field names, with
    /// `[]` for list elements on the way), or nil for an atomic list.
    static func applyKeys(path: [String], kind: String) -> [String]? {
        let fields = path.filter { $0 != "[]" }
        switch fields.last {
        case "ownerReferences": return ["uid"]
        default: return ListMapKeys.keys(for: fields, kind: kind)
        }
    }

    /// Lists of scalars merged as sets, by server-side apply and strategic merge patch alike.
    static func isSet(path: [String]) -> Bool {
        path == ["metadata", "finalizers"]
    }

    /// The strategic-merge-patch merge key for the list at `path`, or nil for a list that a
    /// patch replaces. SMP merges on one `patchMergeKey`, which for the multi-key list-maps is
    /// the first of their list-map keys: `containerPort` for container ports, `port` for a
    /// Service's, `topologyKey` for topology spread constraints.
    static func patchKey(path: [String], kind: String) -> String? {
        let fields = path.filter { $0 != "[]" }
        if fields.last == "ownerReferences" { return "uid" }
        return ListMapKeys.keys(for: fields, kind: kind)?.first
    }

    /// The `k:` text of a list element: its key fields (defaults filled) as sorted compact JSON.
    static func keyText(_ item: Value, keys: [String]) -> String {
        var m: OrderedDictionary<String, Value> = [:]
        for k in keys.sorted() {
            if let v = item[k] ?? ListMapKeys.keyDefault(k) { m[k] = v }
        }
        return json(.object(m))
    }

    static func json(_ v: Value) -> String {
        (try? JSONWriter(indent: nil, sortKeys: true, escapeHTML: false).string(v)) ?? ""
    }

    /// Whether a list element has the identity in a `k:` path element.
    static func matches(_ item: Value, keyText: String) -> Bool {
        guard case .object(let wanted)? = try? JSONParser(numbers: .yaml).parse(keyText) else { return false }
        for (k, v) in wanted {
            let have = item[k] ?? ListMapKeys.keyDefault(k) ?? .null
            if !sameScalar(have, v) { return false }
        }
        return true
    }

    /// Scalar equality across int/float spellings (JSON decoding may give either).
    static func sameScalar(_ a: Value, _ b: Value) -> Bool {
        if let x = a.doubleValue, let y = b.doubleValue { return x == y }
        return a == b
    }
}
