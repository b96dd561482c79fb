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
