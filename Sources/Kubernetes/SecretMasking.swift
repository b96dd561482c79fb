import YAML

/// The one rule for showing a Secret: its values never appear. Every printer of objects,
/// diffs, drift lines and policy findings masks through here, as `kubectl diff` does: a value
/// is `***`, or `*** (before)` / `*** (after)` where the two sides differ.
public enum SecretMasking {
    /// What a masked value reads as.
    public static let marker = "***"

    /// Whether `object` is a Secret (its values must be masked).
    public static func isSecret(_ object: Value?) -> Bool { object?["kind"]?.string == "Secret" }

    /// The fields of a Secret that are safe to show: its identity and type. Everything else
    /// (`data`, `stringData`, annotations that may copy them, unknown fields) is masked.
    public static func isShowable(secretPath path: String) -> Bool {
        for safe in ["apiVersion", "kind", "type", "immutable", "metadata.name", "metadata.namespace", "metadata.labels", "metadata.uid"]
        where path == safe || path.hasPrefix(safe + ".") || path.hasPrefix(safe + "[") {
            return true
        }
        return false
    }

    /// `object` with every value of `data` and `stringData` replaced by `marker` (whatever
    /// their shape: a map keeps its keys, anything else is masked whole) and the
    /// last-applied annotation, which copies them, masked too. Non-Secrets are returned as is.
    public static func masked(_ object: Value, marker: String = marker) -> Value {
        guard isSecret(object) else { return object }
        return maskedContents(object, marker: marker)
    }

    /// `masked` for an object already known to be a Secret (a `SecretList` item has no kind).
    public static func maskedContents(_ object: Value, marker: String = marker) -> Value {
        guard case .object(var o) = object else { return .string(marker) }
        for key in ["data", "stringData"] {
            guard let value = o[key], !value.isNull else { continue }
            if case .object(var entries) = value {
                for k in entries.keys { entries[k] = .string(marker) }
                o[key] = .object(entries)
            } else {
                o[key] = .string(marker)
            }
        }
        if case .object(var meta)? = o["metadata"], case .object(var annotations)? = meta["annotations"],
           annotations["kubectl.kubernetes.io/last-applied-configuration"] != nil {
            annotations["kubectl.kubernetes.io/last-applied-configuration"] = .string(marker)
            meta["annotations"] = .object(annotations)
            o["metadata"] = .object(meta)
        }
        return .object(o)
    }

    /// Two sides of a Secret masked for a diff: values equal on both sides read `***`, values
    /// that differ read `*** (before)` and `*** (after)`.
    public static func maskedPair(_ before: Value, _ after: Value) -> (Value, Value) {
        func side(_ v: Value, _ other: Value, _ suffix: String) -> Value {
            guard case .object = v, case .object(var o) = maskedContents(v) else { return v }
            for field in ["data", "stringData"] {
                switch v[field] {
                case .object(let entries)?:
                    var out = entries
                    for (k, value) in entries { out[k] = .string(other[field]?[k] != value ? "\(marker) (\(suffix))" : marker) }
                    o[field] = .object(out)
                case let value? where !value.isNull:
                    o[field] = .string(other[field] != value ? "\(marker) (\(suffix))" : marker)
                default:
                    break
                }
            }
            return .object(o)
        }
        return (side(before, after, "before"), side(after, before, "after"))
    }
}
