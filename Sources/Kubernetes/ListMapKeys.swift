import YAML

/// Which lists Kubernetes merges by key (the OpenAPI `x-kubernetes-list-map-keys` and
/// strategic-merge `patchMergeKey`), so diffs and merges match elements by identity rather
/// than by position: containers by name, a Service's ports by port and protocol, and so on.
public enum ListMapKeys {
    /// The keys of the list under `field`, given the path to it (the list's own name last).
    /// Returns nil for atomic lists, which are replaced as a whole.
    public static func keys(for path: [String], kind: String) -> [String]? {
        guard let field = path.last else { return nil }
        switch field {
        case "containers", "initContainers", "ephemeralContainers", "env", "volumes", "imagePullSecrets", "resourceClaims":
            return ["name"]
        case "volumeMounts": return ["mountPath"]
        case "volumeDevices": return ["devicePath"]
        case "hostAliases": return ["ip"]
        case "topologySpreadConstraints": return ["topologyKey", "whenUnsatisfiable"]
        case "conditions": return ["type"]
        case "ports":
            // A Service's spec.ports versus a container's ports.
            if kind == "Service" && path == ["spec", "ports"] { return ["port", "protocol"] }
            return ["containerPort", "protocol"]
        default: return nil
        }
    }

    /// Default values the API server fills into key fields, so `{containerPort: 80}` matches
    /// a live `{containerPort: 80, protocol: TCP}`.
    public static func keyDefault(_ key: String) -> Value? {
        key == "protocol" ? .string("TCP") : nil
    }

    /// The identity of one element under the given keys, for matching.
    public static func identity(of element: Value, keys: [String]) -> [String] {
        keys.map { key in
            let v = element[key] ?? keyDefault(key) ?? .null
            switch v {
            case .string(let s): return s
            case .int(let i): return String(i)
            case .uint(let u): return String(u)
            case .float(let f): return f == f.rounded() ? String(Int64(f)) : String(f)
            default: return ""
            }
        }
    }
}
