import YAML

/// `namespace`: every namespaced object moves to the namespace (replacing the one it had),
/// Namespace objects are renamed to it, and RoleBinding subjects for the `default`
/// ServiceAccount follow, as kustomize does.
enum NamespaceTransform {
    static func apply(_ namespace: String, to resources: inout [Resource]) {
        for i in resources.indices {
            let kind = resources[i].kind
            if kind == "Namespace" {
                resources[i].object[path: ["metadata", "name"]] = .string(namespace)
            } else if resources[i].isNamespaced {
                resources[i].object[path: ["metadata", "namespace"]] = .string(namespace)
            }
            if kind == "RoleBinding" || kind == "ClusterRoleBinding", case .array(var subjects)? = resources[i].object["subjects"] {
                for j in subjects.indices where subjects[j]["name"]?.string == "default" {
                    subjects[j][path: ["namespace"]] = .string(namespace)
                }
                resources[i].object[path: ["subjects"]] = .array(subjects)
            }
        }
    }
}

/// `namePrefix` / `nameSuffix`: every object's name, except CustomResourceDefinitions and
/// Namespaces, whose names are fixed by what they define.
enum NameAffixTransform {
    static func apply(prefix: String, suffix: String, to resources: inout [Resource]) {
        guard !prefix.isEmpty || !suffix.isEmpty else { return }
        for i in resources.indices where !["CustomResourceDefinition", "Namespace"].contains(resources[i].kind) {
            resources[i].name = prefix + resources[i].name + suffix
        }
    }
}

/// `labels`, `commonLabels` and `commonAnnotations`: string pairs written into each field spec
/// that applies to the object's kind, creating the maps where the spec says so.
enum MetadataTransform {
    static func apply(_ pairs: [(String, String)], specs: [FieldSpec], to resources: inout [Resource]) {
        guard !pairs.isEmpty else { return }
        for i in resources.indices {
            let gvk = resources[i].gvk
            var seen: [[String]] = []
            for spec in specs where spec.matches(gvk) && !seen.contains(spec.path) {
                seen.append(spec.path)
                resources[i].object.visitFields(spec.path[...], create: spec.create) { field in
                    var map = field?.object ?? [:]
                    for (k, v) in pairs { map[k] = .string(v) }
                    field = .object(map)
                }
            }
        }
    }
}

/// `replicas`: the replica count of the named workloads (Deployment, ReplicationController,
/// ReplicaSet, StatefulSet); naming nothing of those kinds is an error, as in kustomize.
enum ReplicaTransform {
    static func apply(_ located: Kustomization.Located<Kustomization.ReplicaRule>, to resources: inout [Resource], file: String) throws {
        let rule = located.value
        var changed = false
        for i in resources.indices where resources[i].originalName == rule.name || resources[i].name == rule.name {
            let gvk = resources[i].gvk
            for spec in BuiltinFieldSpecs.replicas where spec.matches(gvk) {
                resources[i].object.visitFields(spec.path[...], create: spec.create) { field in field = .int(rule.count) }
                changed = true
            }
        }
        guard changed else {
            throw OverlayError(file: file, mark: located.mark, field: located.field,
                               "no Deployment, StatefulSet, ReplicaSet or ReplicationController is named \"\(rule.name)\"; name one of those (other kinds are changed with a patch)")
        }
    }
}
