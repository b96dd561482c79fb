/// The order `kubectl kustomize` prints objects in (kustomize's "legacy" sort): namespaces,
/// quotas, CRDs, accounts and RBAC first, then config, services and storage, then workloads;
/// webhook configurations last; ties broken by group_version_kind, namespace and name.
enum LegacyOrder {
    private static let first = [
        "Namespace", "ResourceQuota", "StorageClass", "CustomResourceDefinition", "ServiceAccount",
        "PodSecurityPolicy", "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding", "ConfigMap", "Secret",
        "Service", "LimitRange", "PriorityClass", "PersistentVolume", "PersistentVolumeClaim", "Deployment",
        "StatefulSet", "CronJob", "PodDisruptionBudget",
    ]
    private static let last = ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"]

    private static func rank(_ kind: String) -> Int {
        if let i = first.firstIndex(of: kind) { return i - first.count }
        if let i = last.firstIndex(of: kind) { return i + 1 }
        return 0
    }

    static func sorted(_ resources: [Resource]) -> [Resource] {
        let keyed = resources.map { r -> (Int, String, String, Resource) in
            let id = r.idString
            let gvk = String(id.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)[0])
            return (rank(r.kind), gvk, id, r)
        }
        return keyed.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if x.0 != y.0 { return x.0 < y.0 }
            if x.1 != y.1 { return x.1 < y.1 }
            if x.2 != y.2 { return x.2 < y.2 }
            return a.offset < b.offset
        }.map { $0.element.3 }
    }
}
