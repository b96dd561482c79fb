import OrderedCollections
import YAML

/// Kubernetes' RBAC authorizer over the Sandbox's store: a request is allowed when a
/// ClusterRoleBinding, or a RoleBinding in the request's namespace, binds a subject matching
/// the user to a Role or ClusterRole with a rule covering the request. Members of
/// `system:masters` are allowed before RBAC is consulted, as kube-apiserver's privileged-group
/// authorizer does. Aggregated ClusterRoles are not expanded (their `rules` are read as stored).
///
/// Pure: it reads the store and changes nothing, so callers hold the cluster lock.
struct RBACAuthorizer {
    let store: ObjectStore
    let catalog: ResourceCatalog

    /// The answer, and why: the binding that allowed it, or the errors met (a binding naming a
    /// missing role), which kube-apiserver appends to the 403 message as `RBAC: ...`.
    struct Decision: Equatable {
        var allowed: Bool
        var reason: String
    }

    /// One role rule, as `rbac/v1.PolicyRule`.
    struct Rule: Equatable {
        var verbs: [String]
        var apiGroups: [String]
        var resources: [String]
        var resourceNames: [String]
        var nonResourceURLs: [String]

        init(verbs: [String], apiGroups: [String] = [], resources: [String] = [], resourceNames: [String] = [], nonResourceURLs: [String] = []) {
            self.verbs = verbs
            self.apiGroups = apiGroups
            self.resources = resources
            self.resourceNames = resourceNames
            self.nonResourceURLs = nonResourceURLs
        }

        init(_ value: Value) {
            func strings(_ key: String) -> [String] { value[key]?.array?.compactMap(\.string) ?? [] }
            self.init(verbs: strings("verbs"), apiGroups: strings("apiGroups"), resources: strings("resources"),
                      resourceNames: strings("resourceNames"), nonResourceURLs: strings("nonResourceURLs"))
        }

        var value: Value {
            var out: OrderedDictionary<String, Value> = [:]
            out["verbs"] = .array(verbs.map(Value.string))
            if !apiGroups.isEmpty { out["apiGroups"] = .array(apiGroups.map(Value.string)) }
            if !resources.isEmpty { out["resources"] = .array(resources.map(Value.string)) }
            if !resourceNames.isEmpty { out["resourceNames"] = .array(resourceNames.map(Value.string)) }
            if !nonResourceURLs.isEmpty { out["nonResourceURLs"] = .array(nonResourceURLs.map(Value.string)) }
            return .object(out)
        }

        /// `RuleAllows`: verb, then group, resource (with `*/sub` for any resource's
        /// subresource) and resourceNames, or the non-resource URL (a trailing `*` is a prefix).
        func allows(_ a: RequestAttributes) -> Bool {
            guard verbs.contains("*") || verbs.contains(a.verb) else { return false }
            if a.isResourceRequest {
                guard apiGroups.contains("*") || apiGroups.contains(a.apiGroup) else { return false }
                let combined = a.resourceWithSubresource
                let resourceMatches = resources.contains { r in
                    r == "*" || r == combined
                        || (!a.subresource.isEmpty && r.count == a.subresource.count + 2 && r.hasPrefix("*/") && r.hasSuffix(a.subresource))
                }
                guard resourceMatches else { return false }
                return resourceNames.isEmpty || resourceNames.contains(a.name)
            }
            return nonResourceURLs.contains { url in
                url == "*" || url == a.path || (url.hasSuffix("*") && a.path.hasPrefix(String(url.dropLast())))
            }
        }
    }

    /// A binding's grant as it applies: where it came from (for the SSAR reason), its rules.
    struct Grant {
        var description: String
        var rules: [Rule]
    }

    func authorize(_ a: RequestAttributes) -> Decision {
        if a.user.isPrivileged { return Decision(allowed: true, reason: "") }
        var errors: [String] = []
        for grant in grants(for: a.user, namespace: a.namespace, errors: &errors) where grant.rules.contains(where: { $0.allows(a) }) {
            return Decision(allowed: true, reason: "RBAC: allowed by \(grant.description)")
        }
        let reason: String
        switch errors.count {
        case 0: reason = ""
        case 1: reason = "RBAC: " + errors[0]
        default: reason = "RBAC: [" + errors.joined(separator: ", ") + "]"
        }
        return Decision(allowed: false, reason: reason)
    }

    /// Every grant that applies to the user in `namespace` ("" for cluster scope): the
    /// ClusterRoleBindings, then the namespace's RoleBindings, each in name order.
    func grants(for user: UserInfo, namespace: String, errors: inout [String]) -> [Grant] {
        var out: [Grant] = []
        for entry in store.list(type("clusterrolebindings")) {
            guard let subject = matchingSubject(entry.object, user: user, namespace: "") else { continue }
            let roleName = entry.object[path: ["roleRef", "name"]]?.string ?? ""
            guard let role = store.get(type("clusterroles"), ObjectKey(namespace: "", name: roleName)) else {
                errors.append("clusterrole.rbac.authorization.k8s.io \"\(roleName)\" not found")
                continue
            }
            out.append(Grant(description: "ClusterRoleBinding \"\(entry.key.name)\" of ClusterRole \"\(roleName)\" to \(subject)",
                             rules: Self.rules(role)))
        }
        guard !namespace.isEmpty else { return out }
        for entry in store.list(type("rolebindings"), namespace: namespace) {
            guard let subject = matchingSubject(entry.object, user: user, namespace: namespace) else { continue }
            let roleName = entry.object[path: ["roleRef", "name"]]?.string ?? ""
            let kind = entry.object[path: ["roleRef", "kind"]]?.string ?? ""
            let role: Value?
            if kind == "ClusterRole" {
                role = store.get(type("clusterroles"), ObjectKey(namespace: "", name: roleName))
                if role == nil { errors.append("clusterrole.rbac.authorization.k8s.io \"\(roleName)\" not found") }
            } else {
                role = store.get(type("roles"), ObjectKey(namespace: namespace, name: roleName))
                if role == nil { errors.append("role.rbac.authorization.k8s.io \"\(roleName)\" not found") }
            }
            guard let role else { continue }
            out.append(Grant(description: "RoleBinding \"\(entry.key.name)/\(namespace)\" of \(kind == "ClusterRole" ? "ClusterRole" : "Role") \"\(roleName)\" to \(subject)",
                             rules: Self.rules(role)))
        }
        return out
    }

    private func type(_ resource: String) -> ResourceType {
        catalog.type(group: "rbac.authorization.k8s.io", version: "v1", resource: resource)!
    }

    static func rules(_ role: Value) -> [Rule] { role["rules"]?.array?.map(Rule.init) ?? [] }

    /// The first subject of the binding that is this user, described as the SSAR reason names
    /// it (`ServiceAccount "name/ns"`, `User "alice"`, `Group "devs"`), or nil.
    private func matchingSubject(_ binding: Value, user: UserInfo, namespace: String) -> String? {
        for subject in binding["subjects"]?.array ?? [] {
            let name = subject["name"]?.string ?? ""
            switch subject["kind"]?.string {
            case "User":
                if user.name == name { return "User \"\(name)\"" }
            case "Group":
                if user.groups.contains(name) { return "Group \"\(name)\"" }
            case "ServiceAccount":
                // A subject without a namespace means the binding's own namespace.
                let ns = subject["namespace"]?.string.flatMap { $0.isEmpty ? nil : $0 } ?? namespace
                if !ns.isEmpty, user.name == UserInfo.serviceAccountPrefix + ns + ":" + name { return "ServiceAccount \"\(name)/\(ns)\"" }
            default:
                continue
            }
        }
        return nil
    }
}
