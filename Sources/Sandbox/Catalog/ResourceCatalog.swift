/// Every kind the Sandbox serves, grouped as discovery lists them. The set is what Shipshape
/// and kubectl touch for the chatbot application; adding a kind is a line here plus, if it
/// has defaults or a controller, code in `Defaulting` or `Controllers/`.
public struct ResourceCatalog: Sendable {
    public let types: [ResourceType]
    private let byPath: [String: ResourceType]
    private let byKind: [String: ResourceType]

    public static let standard = ResourceCatalog(types: [
        ResourceType("", "v1", "namespaces", "Namespace", namespaced: false, shortNames: ["ns"], subresources: ["status"]),
        ResourceType("", "v1", "nodes", "Node", namespaced: false, shortNames: ["no"], subresources: ["status"]),
        ResourceType("", "v1", "configmaps", "ConfigMap", shortNames: ["cm"]),
        ResourceType("", "v1", "secrets", "Secret"),
        ResourceType("", "v1", "services", "Service", shortNames: ["svc"], categories: ["all"], subresources: ["status"]),
        ResourceType("", "v1", "serviceaccounts", "ServiceAccount", shortNames: ["sa"], subresources: ["token"]),
        ResourceType("", "v1", "pods", "Pod", shortNames: ["po"], categories: ["all"], subresources: ["status", "log", "exec", "attach", "portforward", "ephemeralcontainers"]),
        ResourceType("", "v1", "events", "Event", shortNames: ["ev"]),
        ResourceType("", "v1", "resourcequotas", "ResourceQuota", shortNames: ["quota"], subresources: ["status"]),
        ResourceType("apps", "v1", "deployments", "Deployment", shortNames: ["deploy"], categories: ["all"],
                     subresources: ["status", "scale"], tracksGeneration: true),
        ResourceType("apps", "v1", "replicasets", "ReplicaSet", shortNames: ["rs"], categories: ["all"],
                     subresources: ["status", "scale"], tracksGeneration: true),
        ResourceType("apps", "v1", "daemonsets", "DaemonSet", shortNames: ["ds"], categories: ["all"],
                     subresources: ["status"], tracksGeneration: true),
        ResourceType("apps", "v1", "controllerrevisions", "ControllerRevision"),
        ResourceType("autoscaling", "v2", "horizontalpodautoscalers", "HorizontalPodAutoscaler", shortNames: ["hpa"],
                     categories: ["all"], subresources: ["status"], tracksGeneration: true),
        ResourceType("batch", "v1", "cronjobs", "CronJob", shortNames: ["cj"], categories: ["all"],
                     subresources: ["status"], tracksGeneration: true),
        ResourceType("batch", "v1", "jobs", "Job", categories: ["all"], subresources: ["status"], tracksGeneration: true),
        ResourceType("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget", shortNames: ["pdb"],
                     subresources: ["status"], tracksGeneration: true),
        ResourceType("rbac.authorization.k8s.io", "v1", "roles", "Role"),
        ResourceType("rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding"),
        ResourceType("rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", namespaced: false),
        ResourceType("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "ClusterRoleBinding", namespaced: false),
        ResourceType("coordination.k8s.io", "v1", "leases", "Lease"),
        // Access and identity reviews: asked, answered, never stored (`kubectl auth can-i`, `whoami`).
        ResourceType("authorization.k8s.io", "v1", "selfsubjectaccessreviews", "SelfSubjectAccessReview", namespaced: false, verbs: ["create"]),
        ResourceType("authorization.k8s.io", "v1", "selfsubjectrulesreviews", "SelfSubjectRulesReview", namespaced: false, verbs: ["create"]),
        ResourceType("authorization.k8s.io", "v1", "subjectaccessreviews", "SubjectAccessReview", namespaced: false, verbs: ["create"]),
        ResourceType("authorization.k8s.io", "v1", "localsubjectaccessreviews", "LocalSubjectAccessReview", verbs: ["create"]),
        ResourceType("authentication.k8s.io", "v1", "selfsubjectreviews", "SelfSubjectReview", namespaced: false, verbs: ["create"]),
        ResourceType("metrics.k8s.io", "v1beta1", "pods", "PodMetrics", verbs: ["get", "list"]),
        ResourceType("metrics.k8s.io", "v1beta1", "nodes", "NodeMetrics", namespaced: false, verbs: ["get", "list"]),
    ])

    public init(types: [ResourceType]) {
        self.types = types
        var byPath: [String: ResourceType] = [:]
        var byKind: [String: ResourceType] = [:]
        for t in types {
            byPath["\(t.group)/\(t.version)/\(t.resource)"] = t
            byKind["\(t.apiVersion)/\(t.kind)"] = t
        }
        self.byPath = byPath
        self.byKind = byKind
    }

    /// The type served at `/apis/{group}/{version}/{resource}` (`/api/v1/...` for the core group).
    public func type(group: String, version: String, resource: String) -> ResourceType? {
        byPath["\(group)/\(version)/\(resource)"]
    }

    /// The type of an object with this apiVersion and kind.
    public func type(apiVersion: String, kind: String) -> ResourceType? {
        byKind["\(apiVersion)/\(kind)"]
    }

    public func type(kind: String) -> ResourceType? {
        types.first { $0.kind == kind && isStored($0) }
    }

    /// Group versions in discovery order, the core group excluded.
    public var groupVersions: [(group: String, version: String)] {
        var seen = Set<String>()
        var out: [(String, String)] = []
        for t in types where !t.group.isEmpty && seen.insert("\(t.group)/\(t.version)").inserted {
            out.append((t.group, t.version))
        }
        return out
    }

    /// Whether objects of this type are kept in the store (metrics are computed, access and
    /// identity reviews answered, not stored).
    public func isStored(_ type: ResourceType) -> Bool {
        type.group != "metrics.k8s.io" && type.group != "authorization.k8s.io" && type.group != "authentication.k8s.io"
    }
}
