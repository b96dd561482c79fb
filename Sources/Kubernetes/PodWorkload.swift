import YAML

/// The workload a pod belongs to, as people name it: a Deployment's pod by the Deployment
/// (its ReplicaSet's name without the `pod-template-hash`), another controller's by the
/// owner's name, a bare pod by its own. Usage history and log counts are kept per workload,
/// so a rollout's new pods continue the same history.
public enum PodWorkload {
    public static func name(of pod: Value) -> String {
        let name = pod[path: ["metadata", "name"]]?.string ?? ""
        guard let owner = pod[path: ["metadata", "ownerReferences"]]?.array?.first, let ownerName = owner["name"]?.string else { return name }
        if owner["kind"]?.string == "ReplicaSet", let hash = pod[path: ["metadata", "labels", "pod-template-hash"]]?.string,
           ownerName.hasSuffix("-" + hash) {
            return String(ownerName.dropLast(hash.count + 1))
        }
        return ownerName
    }

    /// Whether the pod is a Job's (named per run; batch work, not a workload's history).
    public static func isJobPod(_ pod: Value) -> Bool {
        pod[path: ["metadata", "ownerReferences"]]?.array?.first?["kind"]?.string == "Job"
    }
}
