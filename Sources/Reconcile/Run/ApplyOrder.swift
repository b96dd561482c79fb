import YAML

/// The order objects are applied in: what others depend on first — Namespaces, ServiceAccounts,
/// RBAC, ConfigMaps and Secrets, Services, workloads, HPAs, PDBs, CronJobs; kinds it does not
/// know go last. Prune deletes in the reverse order.
public enum ApplyOrder {
    static let ranks: [String: Int] = [
        "Namespace": 0, "CustomResourceDefinition": 1, "ServiceAccount": 2, "ClusterRole": 3, "Role": 3,
        "ClusterRoleBinding": 4, "RoleBinding": 4, "ConfigMap": 5, "Secret": 5, "Service": 6,
        "Deployment": 7, "StatefulSet": 7, "DaemonSet": 7, "Job": 7, "HorizontalPodAutoscaler": 8,
        "PodDisruptionBudget": 9, "CronJob": 10,
    ]

    public static func rank(_ kind: String) -> Int { ranks[kind] ?? 11 }

    /// Sorted by rank, then by namespace and name, stably.
    public static func sorted(_ objects: [Value]) -> [Value] {
        objects.enumerated().sorted { a, b in
            let ra = rank(a.element["kind"]?.string ?? ""), rb = rank(b.element["kind"]?.string ?? "")
            if ra != rb { return ra < rb }
            return a.offset < b.offset
        }.map(\.element)
    }
}
