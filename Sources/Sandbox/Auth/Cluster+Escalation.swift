import YAML

/// RBAC's escalation prevention, as kube-apiserver's RBAC storage does it: a Role or
/// ClusterRole may be created or updated only by a user who already holds every permission it
/// grants (or may `escalate` it), and a binding only by one who holds the bound role's
/// permissions (or may `bind` it). This is why a job that applies its own Role must hold
/// everything that Role says, and why taking a rule away from it is felt at once.
extension Cluster {
    static let rbacGroup = "rbac.authorization.k8s.io"

    /// Checks a create, update or patch of an RBAC object by `user`; `result` is the object as
    /// the write would store it. Throws the 403 kube-apiserver answers.
    func confirmNoEscalation(_ result: Value, type: ResourceType, user: UserInfo) throws {
        guard type.group == Self.rbacGroup, !user.isPrivileged else { return }
        let namespace = result[path: ["metadata", "namespace"]]?.string ?? ""
        let name = result[path: ["metadata", "name"]]?.string ?? ""
        let authorizer = RBACAuthorizer(store: store, catalog: catalog)
        func may(_ verb: String, _ resource: String, _ resourceName: String) -> Bool {
            authorizer.authorize(RequestAttributes(user: user, verb: verb, isResourceRequest: true, apiGroup: Self.rbacGroup,
                                                   apiVersion: "v1", resource: resource, namespace: namespace, name: resourceName)).allowed
        }
        let granted: [RBACAuthorizer.Rule]
        switch type.resource {
        case "roles", "clusterroles":
            if may("escalate", type.resource, name) { return }
            granted = RBACAuthorizer.rules(result)
        case "rolebindings", "clusterrolebindings":
            let kind = result[path: ["roleRef", "kind"]]?.string ?? ""
            let roleName = result[path: ["roleRef", "name"]]?.string ?? ""
            let roleResource = kind == "ClusterRole" ? "clusterroles" : "roles"
            if may("bind", roleResource, roleName) { return }
            let roleNamespace = kind == "ClusterRole" ? "" : namespace
            guard let roleType = catalog.type(group: Self.rbacGroup, version: "v1", resource: roleResource) else { return }
            guard let role = store.get(roleType, ObjectKey(namespace: roleNamespace, name: roleName)) else {
                // The rights cannot be checked: kube-apiserver refuses the binding.
                throw APIError.badRequest("\(kind == "ClusterRole" ? "clusterrole" : "role").\(Self.rbacGroup) \"\(roleName)\" not found")
            }
            granted = RBACAuthorizer.rules(role)
        default:
            return
        }
        let missing = Self.missingRights(granted, user: user, namespace: namespace, authorizer: authorizer)
        guard !missing.isEmpty else { return }
        let groups = user.groups.map { "\"\($0)\"" }.joined(separator: " ")
        let qualified = "\(type.resource).\(Self.rbacGroup)"
        let message = "\(qualified) \"\(name)\" is forbidden: user \"\(user.name)\" (groups=[\(groups)]) is attempting to grant RBAC permissions not currently held:\n"
            + missing.joined(separator: "\n")
        throw APIError(code: 403, reason: "Forbidden", message: message,
                       details: ["name": .string(name), "group": .string(Self.rbacGroup), "kind": .string(type.resource)])
    }

    /// `validation.Covers` then `CompactRules` and `CompactString`: every (group, resource,
    /// name, verb) a rule grants that the user's own rules do not, merged per group, resource
    /// and name, described as `{APIGroups:["g"], Resources:["r"], Verbs:["get" "list"]}`, sorted.
    static func missingRights(_ rules: [RBACAuthorizer.Rule], user: UserInfo, namespace: String, authorizer: RBACAuthorizer) -> [String] {
        var verbsByTarget: [String: [String]] = [:]
        var order: [String] = []
        func quoted(_ items: [String]) -> String { "[" + items.map { "\"\($0)\"" }.joined(separator: " ") + "]" }
        for rule in rules {
            if !rule.nonResourceURLs.isEmpty {
                for url in rule.nonResourceURLs {
                    for verb in rule.verbs {
                        let a = RequestAttributes(user: user, verb: verb, isResourceRequest: false, path: url)
                        guard !authorizer.authorize(a).allowed else { continue }
                        let key = "{NonResourceURLs:\(quoted([url]))"
                        if verbsByTarget[key] == nil { order.append(key) }
                        verbsByTarget[key, default: []].append(verb)
                    }
                }
                continue
            }
            for group in rule.apiGroups {
                for resource in rule.resources {
                    for resourceName in rule.resourceNames.isEmpty ? [""] : rule.resourceNames {
                        for verb in rule.verbs {
                            let parts = resource.split(separator: "/", maxSplits: 1).map(String.init)
                            let a = RequestAttributes(user: user, verb: verb, isResourceRequest: true, apiGroup: group, resource: parts[0],
                                                      subresource: parts.count > 1 ? parts[1] : "", namespace: namespace, name: resourceName)
                            guard !authorizer.authorize(a).allowed else { continue }
                            var key = "{APIGroups:\(quoted([group])), Resources:\(quoted([resource]))"
                            if !resourceName.isEmpty { key += ", ResourceNames:\(quoted([resourceName]))" }
                            if verbsByTarget[key] == nil { order.append(key) }
                            verbsByTarget[key, default: []].append(verb)
                        }
                    }
                }
            }
        }
        return order.map { "\($0), Verbs:\(quoted(verbsByTarget[$0]!))}" }.sorted()
    }
}
