import YAML

/// The pod-bearing parts of workload objects: where the pod spec, its labels and its
/// containers are for each kind.
enum Workload {
    static let kinds: Set<String> = ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "Pod"]
    /// Workloads that run continuously (probes and PDBs make sense for them).
    static let longRunning: Set<String> = ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"]

    /// The pod template (`metadata` + `spec`) of a workload.
    static func podTemplate(_ object: Value) -> Value? {
        switch object["kind"]?.string {
        case "Pod": return object
        case "CronJob": return object["spec"]?["jobTemplate"]?["spec"]?["template"]
        case let kind? where kinds.contains(kind): return object["spec"]?["template"]
        default: return nil
        }
    }

    static func podSpec(_ object: Value) -> Value? { podTemplate(object)?["spec"] }

    static func podLabels(_ object: Value) -> [String: String] {
        var out: [String: String] = [:]
        for (k, v) in podTemplate(object)?["metadata"]?["labels"]?.object ?? [:] { out[k] = v.string ?? "" }
        return out
    }

    /// Containers, and init containers when asked.
    static func containers(_ object: Value, includeInit: Bool = false) -> [Value] {
        guard let spec = podSpec(object) else { return [] }
        return (spec["containers"]?.array ?? []) + (includeInit ? spec["initContainers"]?.array ?? [] : [])
    }
}
