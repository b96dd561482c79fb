import Kubernetes
import OrderedCollections
import YAML

/// Strategic merge patches as kustomize applies them (kyaml's merge2): maps merge key by key,
/// `null` deletes, lists of objects merge by their merge key (`containers` by name, a Service's
/// `ports` by port, and so on) and other lists are replaced; `$patch: delete` and
/// `$patch: replace` directives act on maps and list elements.
enum StrategicMerge {
    /// The merged object, or nil when the patch deletes it (`$patch: delete` at the top).
    static func apply(_ patch: Value, to object: Value, kind: String) -> Value? {
        merge(object, patch, path: [], kind: kind)
    }

    /// Keys that mark list elements as associative when no merge key is known for the list,
    /// in kyaml's order of preference.
    private static let associativeKeys = ["mountPath", "devicePath", "ip", "type", "topologyKey", "name", "containerPort"]

    private static func merge(_ dest: Value?, _ patch: Value, path: [String], kind: String) -> Value? {
        switch patch {
        case .object(let p):
            switch p["$patch"]?.string {
            case "delete": return nil
            case "replace": return cleaned(patch)
            default: break
            }
            guard case .object(var result)? = dest else { return cleaned(patch) }
            for (key, value) in p where !isDirective(key) {
                if value.isNull {
                    result.removeValue(forKey: key)
                } else if let merged = merge(result[key], value, path: path + [key], kind: kind) {
                    result[key] = merged
                } else {
                    result.removeValue(forKey: key)
                }
            }
            return .object(result)
        case .array(let items):
            guard case .array(let existing)? = dest else {
                // kyaml keeps a lone `$patch: replace` element (and nothing else) when the list
                // did not exist; reproduced so output stays identical.
                if items.contains(where: { $0["$patch"]?.string == "replace" }) { return .array([["$patch": "replace"]]) }
                return cleaned(patch)
            }
            if items.contains(where: { $0["$patch"]?.string == "replace" }) {
                return cleaned(.array(items.filter { $0["$patch"]?.string != "replace" }))
            }
            guard let key = mergeKey(path: path, kind: kind, dest: existing, patch: items) else { return cleaned(patch) }
            // kyaml lists the patch's elements first (merged with their namesakes), then the
            // elements only the destination has.
            var result: [Value] = []
            var used = Set<Int>()
            for element in items {
                guard case .object = element, let id = element[key] else { continue }
                let index = existing.indices.first { !used.contains($0) && existing[$0][key] == id }
                if let index { used.insert(index) }
                if element["$patch"]?.string == "delete" { continue }
                if let index {
                    if let merged = merge(existing[index], element, path: path, kind: kind) { result.append(merged) }
                } else {
                    result.append(cleaned(element))
                }
            }
            for (i, element) in existing.enumerated() where !used.contains(i) { result.append(element) }
            return .array(result)
        default:
            return patch
        }
    }

    /// The list's merge key from the Kubernetes schema, else the first associative key every
    /// element has.
    private static func mergeKey(path: [String], kind: String, dest: [Value], patch: [Value]) -> String? {
        if let known = ListMapKeys.keys(for: path, kind: kind)?.first { return known }
        for elements in [dest, patch.filter { $0["$patch"] == nil }] where !elements.isEmpty {
            guard elements.allSatisfy({ $0.object != nil }) else { continue }
            if let key = associativeKeys.first(where: { k in elements.allSatisfy { $0[k] != nil } }) { return key }
        }
        return nil
    }

    private static func isDirective(_ key: String) -> Bool {
        key == "$patch" || key == "$retainKeys" || key.hasPrefix("$setElementOrder/") || key.hasPrefix("$deleteFromPrimitiveList/")
    }

    /// Patch content added where nothing was: directives and nulls dropped.
    private static func cleaned(_ value: Value) -> Value {
        switch value {
        case .object(let map):
            var out = OrderedDictionary<String, Value>()
            for (k, v) in map where !isDirective(k) && !v.isNull { out[k] = cleaned(v) }
            return .object(out)
        case .array(let items):
            return .array(items.filter { $0["$patch"]?.string != "delete" }.map(cleaned))
        default:
            return value
        }
    }
}
