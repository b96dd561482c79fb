import OrderedCollections
import YAML

/// The three non-apply PATCH formats the API server accepts.
enum Patches {
    struct PatchError: Error { var message: String }

    /// RFC 7386 JSON merge patch: maps merge, `null` deletes, everything else replaces.
    static func mergePatch(_ target: Value, _ patch: Value) -> Value {
        guard case .object(let p) = patch else { return patch }
        var t: OrderedDictionary<String, Value> = target.object ?? [:]
        for (k, v) in p {
            if v.isNull { t.removeValue(forKey: k) }
            else { t[k] = mergePatch(t[k] ?? .null, v) }
        }
        return .object(t)
    }

    /// Strategic merge patch: a merge patch that merges lists by their patch merge keys and
    /// understands the `$patch` (delete, replace, merge), `$deleteFromPrimitiveList` and
    /// `$setElementOrder` directives.
    static func strategicMergePatch(_ target: Value, _ patch: Value, path: [String] = [], kind: String) throws -> Value {
        guard case .object(var p) = patch else { return patch }
        if p["$patch"]?.string == "replace" {
            p.removeValue(forKey: "$patch")
            return .object(p)
        }
        if p["$patch"]?.string == "delete" { return .null }
        var t: OrderedDictionary<String, Value> = target.object ?? [:]
        for (k, v) in p {
            if k == "$retainKeys" || k == "$patch" { continue }
            if k.hasPrefix("$setElementOrder/") { continue }
            if k.hasPrefix("$deleteFromPrimitiveList/") {
                let field = String(k.dropFirst("$deleteFromPrimitiveList/".count))
                if case .array(let remove) = v, case .array(let have)? = t[field] {
                    t[field] = .array(have.filter { !remove.contains($0) })
                }
                continue
            }
            let childPath = path + [k]
            if v.isNull {
                t.removeValue(forKey: k)
            } else if case .array(let items) = v {
                t[k] = try mergeList(t[k]?.array ?? [], items, path: childPath, kind: kind)
            } else if case .object = v {
                let merged = try strategicMergePatch(t[k] ?? .object([:]), v, path: childPath, kind: kind)
                if merged.isNull { t.removeValue(forKey: k) } else { t[k] = merged }
            } else {
                t[k] = v
            }
        }
        return .object(t)
    }

    private static func mergeList(_ target: [Value], _ patch: [Value], path: [String], kind: String) throws -> Value {
        if let key = MergeKeys.patchKey(path: path, kind: kind) {
            var out = target
            if patch.contains(where: { $0["$patch"]?.string == "replace" }) {
                return .array(patch.filter { $0["$patch"] == nil })
            }
            for item in patch {
                guard let id = item[key] else {
                    throw PatchError(message: "map: \(item) does not contain declared merge key: \(key)")
                }
                let index = out.firstIndex { MergeKeys.sameScalar($0[key] ?? .null, id) }
                if item["$patch"]?.string == "delete" {
                    if let index { out.remove(at: index) }
                } else if let index {
                    out[index] = try strategicMergePatch(out[index], item, path: path + ["[]"], kind: kind)
                } else {
                    out.append(try strategicMergePatch(.object([:]), item, path: path + ["[]"], kind: kind))
                }
            }
            return .array(out)
        }
        if MergeKeys.isSet(path: path) {
            var out = target
            for item in patch where !out.contains(item) { out.append(item) }
            return .array(out)
        }
        return .array(patch)
    }

    /// RFC 6902 JSON patch.
    static func jsonPatch(_ target: Value, _ operations: Value) throws -> Value {
        guard case .array(let ops) = operations else { throw PatchError(message: "json: cannot unmarshal object into Go value of type jsonpatch.Patch") }
        var doc = target
        for op in ops {
            guard let name = op["op"]?.string, let path = op["path"]?.string else {
                throw PatchError(message: "missing op or path in JSON patch operation")
            }
            let tokens = try pointer(path)
            switch name {
            case "add": doc = try set(doc, tokens, op["value"] ?? .null, insert: true)
            case "replace":
                guard get(doc, tokens) != nil else { throw PatchError(message: "replace operation does not apply: doc is missing key: \(path)") }
                doc = try set(doc, tokens, op["value"] ?? .null, insert: false)
            case "remove":
                guard get(doc, tokens) != nil else { throw PatchError(message: "remove operation does not apply: doc is missing path: \(path)") }
                doc = try removing(doc, tokens)
            case "move", "copy":
                guard let from = op["from"]?.string, let value = get(doc, try pointer(from)) else {
                    throw PatchError(message: "\(name) operation does not apply: doc is missing from path")
                }
                if name == "move" { doc = try removing(doc, try pointer(from)) }
                doc = try set(doc, tokens, value, insert: true)
            case "test":
                guard let have = get(doc, tokens), ServerSideApply.equivalent(have, op["value"] ?? .null) else {
                    throw PatchError(message: "testing value \(path) failed: test failed")
                }
            default:
                throw PatchError(message: "Unexpected kind: \(name)")
            }
        }
        return doc
    }

    private static func pointer(_ path: String) throws -> [String] {
        if path.isEmpty { return [] }
        guard path.hasPrefix("/") else { throw PatchError(message: "JSON pointer must start with /: \(path)") }
        return path.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }

    private static func get(_ doc: Value, _ tokens: [String]) -> Value? {
        var current = doc
        for t in tokens {
            switch current {
            case .object(let m): guard let n = m[t] else { return nil }; current = n
            case .array(let a): guard let i = Int(t), a.indices.contains(i) else { return nil }; current = a[i]
            default: return nil
            }
        }
        return current
    }

    private static func set(_ doc: Value, _ tokens: [String], _ value: Value, insert: Bool) throws -> Value {
        guard let first = tokens.first else { return value }
        let rest = Array(tokens.dropFirst())
        switch doc {
        case .object(var m):
            if rest.isEmpty { m[first] = value }
            else {
                guard let child = m[first] else { throw PatchError(message: "add operation does not apply: doc is missing path: /\(tokens.joined(separator: "/"))") }
                m[first] = try set(child, rest, value, insert: insert)
            }
            return .object(m)
        case .array(var a):
            if rest.isEmpty {
                if first == "-" && insert { a.append(value); return .array(a) }
                guard let i = Int(first), i >= 0, i <= a.count, insert || i < a.count else {
                    throw PatchError(message: "add operation does not apply: index out of range: \(first)")
                }
                if insert { a.insert(value, at: i) } else { a[i] = value }
                return .array(a)
            }
            guard let i = Int(first), a.indices.contains(i) else { throw PatchError(message: "index out of range: \(first)") }
            a[i] = try set(a[i], rest, value, insert: insert)
            return .array(a)
        default:
            throw PatchError(message: "cannot set \(first) on a scalar")
        }
    }

    private static func removing(_ doc: Value, _ tokens: [String]) throws -> Value {
        guard let first = tokens.first else { return .null }
        let rest = Array(tokens.dropFirst())
        switch doc {
        case .object(var m):
            if rest.isEmpty { m.removeValue(forKey: first) } else if let c = m[first] { m[first] = try removing(c, rest) }
            return .object(m)
        case .array(var a):
            guard let i = Int(first), a.indices.contains(i) else { throw PatchError(message: "index out of range: \(first)") }
            if rest.isEmpty { a.remove(at: i) } else { a[i] = try removing(a[i], rest) }
            return .array(a)
        default:
            return doc
        }
    }
}
