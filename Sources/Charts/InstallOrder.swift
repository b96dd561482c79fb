/// The order Helm installs (and `helm template` prints) resources in, by kind: helm/helm
/// pkg/release/v1/util/kind_sorter.go `InstallOrder`. Unknown kinds come last, sorted by
/// kind name; equal keys keep their input order (a stable sort, no tie-break on name).
public enum InstallOrder {
    public static let kinds: [String] = [
        "PriorityClass", "Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange", "PodSecurityPolicy",
        "PodDisruptionBudget", "ServiceAccount", "Secret", "SecretList", "ConfigMap", "StorageClass",
        "PersistentVolume", "PersistentVolumeClaim", "CustomResourceDefinition", "ClusterRole",
        "ClusterRoleList", "ClusterRoleBinding", "ClusterRoleBindingList", "Role", "RoleList", "RoleBinding",
        "RoleBindingList", "Service", "DaemonSet", "Pod", "ReplicationController", "ReplicaSet", "Deployment",
        "HorizontalPodAutoscaler", "StatefulSet", "Job", "CronJob", "IngressClass", "Ingress", "APIService",
        "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration",
    ]

    private static let rank: [String: Int] = Dictionary(uniqueKeysWithValues: kinds.enumerated().map { ($1, $0) })

    /// `lessByKind`.
    public static func less(_ a: String, _ b: String) -> Bool {
        switch (rank[a], rank[b]) {
        case (nil, nil): return a < b
        case (nil, _): return false
        case (_, nil): return true
        case let (x?, y?): return x < y
        }
    }

    /// Stable sort by kind (`sort.SliceStable` with `lessByKind`).
    public static func sorted<T>(_ items: [T], kind: (T) -> String) -> [T] {
        items.enumerated().sorted { x, y in
            let kx = kind(x.element), ky = kind(y.element)
            if less(kx, ky) { return true }
            if less(ky, kx) { return false }
            return x.offset < y.offset
        }.map(\.element)
    }
}
