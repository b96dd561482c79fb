import OrderedCollections
import YAML

/// Server-side apply (`PATCH` with `application/apply-patch+yaml`): merges a manager's
/// configuration into the live object, detects conflicts with fields other managers own,
/// and removes fields this manager stopped applying that nobody else owns.
///
/// Ownership follows the structured-merge-diff rules at field granularity: maps merge by
/// key, list-maps by their keys, sets by value, everything else is atomic.
enum ServerSideApply {
    struct Conflict {
        var manager: String
        var subresource: String?
        var apiVersion: String
        var path: [PathElement]
    }

    /// The merged object, with managedFields updated. Throws a 409 listing every conflict
    /// when `force` is false and another manager owns a field this configuration changes.
    static func apply(live: Value?, config: Value, manager: String, force: Bool, type: ResourceType,
                      subresource: String?, time: String) throws -> Value {
        let includeStatus = subresource == "status"
        let configSet = FieldSet(object: config, kind: type.kind, includeStatus: includeStatus)
        var entries = live.map(ManagedFields.entries(of:)) ?? []
        let base = live ?? .object([:])

        // Conflicts: fields in this configuration owned by someone else, with a different value.
        // A list-map element's own membership (`k:{...}` with `.`) is identity, not a value:
        // applying the same element is co-ownership; only its differing leaves conflict.
        var conflicts: [Conflict] = []
        for entry in entries where !entry.sameOwner(manager, "Apply", subresource) {
            for path in configSet.paths where entry.fields.contains(path) {
                if case .key? = path.last, ObjectPaths.value(in: base, at: path) != nil { continue }
                let liveValue = ObjectPaths.value(in: base, at: path)
                let wanted = ObjectPaths.value(in: config, at: path)
                if !equivalent(liveValue, wanted) {
                    conflicts.append(Conflict(manager: entry.manager, subresource: entry.subresource, apiVersion: entry.apiVersion, path: path))
                }
            }
        }
        if !conflicts.isEmpty && !force {
            throw conflictError(conflicts, type: type, name: config[path: ["metadata", "name"]]?.string ?? "")
        }
        for c in conflicts {
            for i in entries.indices where entries[i].manager == c.manager {
                entries[i].fields.remove(c.path)
            }
        }

        // Merge, then drop what this manager applied before and no longer does, unless others own it.
        // Parents come before children, so a removed list element goes whole (its key fields intact).
        var merged = merge(base, config, path: [], kind: type.kind)
        let previous = entries.first { $0.sameOwner(manager, "Apply", subresource) }?.fields ?? FieldSet()
        var others = FieldSet()
        for e in entries where !e.sameOwner(manager, "Apply", subresource) { others.merge(e.fields) }
        let dropped = previous.subtracting(configSet)
        for path in dropped.paths where !others.containsPrefix(path) && !configSet.containsPrefix(path) {
            ObjectPaths.remove(path, from: &merged)
        }

        if let i = entries.firstIndex(where: { $0.sameOwner(manager, "Apply", subresource) }) {
            entries[i].fields = configSet
            entries[i].time = time
            entries[i].apiVersion = type.apiVersion
        } else {
            entries.append(ManagedFieldsEntry(manager: manager, operation: "Apply", apiVersion: type.apiVersion,
                                              time: time, subresource: subresource, fields: configSet))
        }
        ManagedFields.store(entries, into: &merged)
        return merged
    }

    /// Values equal for ownership purposes: numbers compare by value.
    static func equivalent(_ a: Value?, _ b: Value?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (let x?, let y?):
            if let p = x.doubleValue, let q = y.doubleValue { return p == q }
            switch (x, y) {
            case (.object(let m), .object(let n)):
                return m.count == n.count && m.allSatisfy { equivalent($0.value, n[$0.key]) }
            case (.array(let m), .array(let n)):
                return m.count == n.count && zip(m, n).allSatisfy { equivalent($0, $1) }
            default: return x == y
            }
        default: return false
        }
    }

    /// Structural merge: maps by key, list-maps by their keys (new elements appended),
    /// sets by value, anything else replaced by the configuration.
    static func merge(_ live: Value, _ config: Value, path: [String], kind: String) -> Value {
        switch (live, config) {
        case (.object(var l), .object(let c)):
            for (k, v) in c {
                if path.isEmpty && k == "metadata", case .object(var lm)? = l[k], case .object(let cm) = v {
                    for (mk, mv) in cm where !["managedFields", "resourceVersion", "uid", "creationTimestamp", "generation"].contains(mk) {
                        lm[mk] = lm[mk].map { merge($0, mv, path: ["metadata", mk], kind: kind) } ?? mv
                    }
                    l[k] = .object(lm)
                } else if let existing = l[k] {
                    l[k] = merge(existing, v, path: path + [k], kind: kind)
                } else {
                    l[k] = v
                }
            }
            return .object(l)
        case (.array(var l), .array(let c)):
            if let keys = MergeKeys.applyKeys(path: path, kind: kind) {
                for item in c {
                    let id = MergeKeys.keyText(item, keys: keys)
                    if let i = l.firstIndex(where: { MergeKeys.keyText($0, keys: keys) == id }) {
                        l[i] = merge(l[i], item, path: path + ["[]"], kind: kind)
                    } else {
                        l.append(item)
                    }
                }
                return .array(l)
            }
            if MergeKeys.isSet(path: path) {
                for item in c where !l.contains(item) { l.append(item) }
                return .array(l)
            }
            return config
        default:
            return config
        }
    }

    static func conflictError(_ conflicts: [Conflict], type: ResourceType, name: String) -> APIError {
        let describe = { (c: Conflict) in
            "conflict with \"\(c.manager)\"" + (c.subresource.map { " with subresource \"\($0)\"" } ?? "")
                + (c.apiVersion.isEmpty ? "" : " using \(c.apiVersion)")
        }
        let lines = conflicts.map { "\(describe($0)): \(FieldSet.display($0.path))" }
        let message = conflicts.count == 1
            ? "Apply failed with 1 conflict: \(lines[0])"
            : "Apply failed with \(conflicts.count) conflicts: " + lines.joined(separator: "\n")
        let causes: [Value] = conflicts.map {
            ["reason": "FieldManagerConflict", "message": .string(describe($0)), "field": .string(FieldSet.display($0.path))]
        }
        return APIError(code: 409, reason: "Conflict", message: message,
                        details: APIError.detailsValue(name: name, type: type, causes: causes))
    }
}
