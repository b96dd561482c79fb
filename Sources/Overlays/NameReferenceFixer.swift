import YAML

/// Rewrites references after names changed (prefix, suffix, namespace, content hash), as
/// kustomize's name-reference transformer does: a field that holds the name an object was read
/// with now holds the name it has.
enum NameReferenceFixer {
    static func fix(_ resources: inout [Resource], file: String) throws {
        for reference in NameReference.builtin {
            let referrals = resources.indices.filter { i in
                let gvk = resources[i].gvk
                return reference.kind == gvk.kind
                    && (reference.group.isEmpty || reference.group == gvk.group)
                    && (reference.version.isEmpty || reference.version == gvk.version)
            }
            if referrals.isEmpty { continue }
            for i in resources.indices {
                let specs = reference.referrers.filter { $0.matches(resources[i].gvk) }
                if specs.isEmpty { continue }
                let referrer = resources[i]
                if let refKind = kindGuard(referrer, reference: reference), refKind != reference.kind { continue }
                let candidates = referrals.map { resources[$0] }.filter { couldBeReferenced($0, by: referrer) }
                for spec in specs {
                    try resources[i].object.visitFields(spec.path[...], create: false) { field in
                        guard let current = field else { return }
                        field = try rewrite(current, path: spec.path, candidates: candidates, referrer: referrer, file: file)
                    }
                }
            }
        }
    }

    /// RoleBindings name the kind of their role, HPAs the kind of their target: only a referral of
    /// that kind may be rewritten into them.
    private static func kindGuard(_ referrer: Resource, reference: NameReference) -> String? {
        if (referrer.kind == "RoleBinding" || referrer.kind == "ClusterRoleBinding") && (reference.kind == "Role" || reference.kind == "ClusterRole") {
            return referrer.object[path: ["roleRef", "kind"]]?.string
        }
        if referrer.kind == "HorizontalPodAutoscaler" {
            return referrer.object[path: ["spec", "scaleTargetRef", "kind"]]?.string
        }
        return nil
    }

    /// Namespaced objects refer within their namespace (RoleBindings also into their subjects'
    /// namespaces); cluster-scoped objects refer to, and are referred to from, anywhere.
    private static func couldBeReferenced(_ candidate: Resource, by referrer: Resource) -> Bool {
        if !referrer.isNamespaced || !candidate.isNamespaced { return true }
        let referrerNS = Resource.effectiveNamespace(referrer.namespace, namespaced: true)
        if Resource.effectiveNamespace(candidate.namespace, namespaced: true) == referrerNS { return true }
        if referrer.kind == "RoleBinding" || referrer.kind == "ClusterRoleBinding" {
            let subjectNamespaces = (referrer.object["subjects"]?.array ?? []).compactMap { $0["namespace"]?.string }
            return subjectNamespaces.contains(candidate.namespace)
        }
        return false
    }

    private static func rewrite(_ value: Value, path: [String], candidates: [Resource], referrer: Resource, file: String) throws -> Value {
        switch value {
        case .string(let name):
            guard let target = try select(name, candidates, referrer: referrer, file: file) else { return value }
            return .string(target.name)
        case .array(let items) where path.last == "subjects":
            return .array(try items.map { try rewriteSubject($0, candidates: candidates, referrer: referrer, file: file) })
        case .array(let items):
            return .array(try items.map { item in
                guard case .string(let name) = item, let target = try select(name, candidates, referrer: referrer, file: file) else { return item }
                return .string(target.name)
            })
        case .object(var map):
            // A webhook's clientConfig.service: name and namespace together.
            guard let name = map["name"]?.string else { return value }
            let namespace = map["namespace"]?.string ?? ""
            let wanted = Resource.effectiveNamespace(namespace, namespaced: true)
            let matching = candidates.filter {
                $0.originalName == name
                    && (Resource.effectiveNamespace($0.originalNamespace, namespaced: true) == wanted || $0.namespace == namespace)
            }
            guard let target = matching.first else { return value }
            map["name"] = .string(target.name)
            map["namespace"] = .string(target.namespace)
            return .object(map)
        default:
            return value
        }
    }

    /// A RoleBinding subject naming a ServiceAccount by name and namespace.
    private static func rewriteSubject(_ subject: Value, candidates: [Resource], referrer: Resource, file: String) throws -> Value {
        guard subject["kind"]?.string == "ServiceAccount", let name = subject["name"]?.string else { return subject }
        let namespace = subject["namespace"]?.string ?? ""
        let matching = candidates.filter { c in
            c.originalName == name
                && (namespace.isEmpty
                    || Resource.effectiveNamespace(c.originalNamespace, namespaced: true) == Resource.effectiveNamespace(namespace, namespaced: true)
                    || c.namespace == namespace)
        }
        guard let target = matching.first else { return subject }
        var out = subject
        out[path: ["name"]] = .string(target.name)
        if !target.namespace.isEmpty { out[path: ["namespace"]] = .string(target.namespace) }
        return out
    }

    private static func select(_ name: String, _ candidates: [Resource], referrer: Resource, file: String) throws -> Resource? {
        var matching = candidates.filter { $0.originalName == name }
        if matching.count > 1 {
            let ns = Resource.effectiveNamespace(referrer.namespace, namespaced: referrer.isNamespaced)
            matching = matching.filter { Resource.effectiveNamespace($0.namespace, namespaced: $0.isNamespaced) == ns }
        }
        guard let first = matching.first else { return nil }
        if matching.contains(where: { $0.name != first.name }) {
            throw OverlayError(
                file: file, object: referrer.label,
                "the reference to \"\(name)\" could mean \(matching.map(\.label).joined(separator: " or ")); give them distinct names")
        }
        return first
    }
}
