import YAML

/// The ClusterRoles and ClusterRoleBindings kube-apiserver creates at startup that matter to
/// the Sandbox's clients: `cluster-admin` for `system:masters`, discovery and `/version` for
/// every authenticated user, `/version` and the health checks for anyone, and
/// `system:basic-user` so every user can ask what they may do (`kubectl auth can-i`).
enum BootstrapPolicy {
    static let objects: [Value] = [
        role("cluster-admin", [
            ["apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]],
            ["nonResourceURLs": ["*"], "verbs": ["*"]],
        ]),
        role("system:discovery", [
            ["nonResourceURLs": ["/api", "/api/*", "/apis", "/apis/*", "/healthz", "/livez", "/openapi", "/openapi/*",
                                 "/readyz", "/version", "/version/"], "verbs": ["get"]],
        ]),
        role("system:public-info-viewer", [
            ["nonResourceURLs": ["/healthz", "/livez", "/readyz", "/version", "/version/"], "verbs": ["get"]],
        ]),
        role("system:basic-user", [
            ["apiGroups": ["authorization.k8s.io"], "resources": ["selfsubjectaccessreviews", "selfsubjectrulesreviews"], "verbs": ["create"]],
            ["apiGroups": ["authentication.k8s.io"], "resources": ["selfsubjectreviews"], "verbs": ["create"]],
        ]),
        binding("cluster-admin", groups: [UserInfo.Groups.masters]),
        binding("system:discovery", groups: [UserInfo.Groups.authenticated]),
        binding("system:public-info-viewer", groups: [UserInfo.Groups.authenticated, UserInfo.Groups.unauthenticated]),
        binding("system:basic-user", groups: [UserInfo.Groups.authenticated]),
    ]

    private static let metadataLabels: Value = ["kubernetes.io/bootstrapping": "rbac-defaults"]
    private static let metadataAnnotations: Value = ["rbac.authorization.kubernetes.io/autoupdate": "true"]

    private static func role(_ name: String, _ rules: [Value]) -> Value {
        ["apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole",
         "metadata": ["name": .string(name), "labels": metadataLabels, "annotations": metadataAnnotations],
         "rules": .array(rules)]
    }

    private static func binding(_ name: String, groups: [String]) -> Value {
        ["apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding",
         "metadata": ["name": .string(name), "labels": metadataLabels, "annotations": metadataAnnotations],
         "roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": .string(name)],
         "subjects": .array(groups.map { ["apiGroup": "rbac.authorization.k8s.io", "kind": "Group", "name": .string($0)] })]
    }
}
