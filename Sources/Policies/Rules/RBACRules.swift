import YAML

/// `rbac`: least privilege. Params (each default true): `forbidWildcards`, `forbidSecrets`,
/// `forbidClusterAdmin`, `preferRoles` (a ClusterRole only ever bound in one namespace should
/// be a Role); and `clusterWideVerbs` (default none): verbs a ClusterRole bound cluster-wide by
/// a ClusterRoleBinding must not grant (`[delete, deletecollection]`).
enum RBACRules {
    static func check(_ params: Value, _ target: CheckedObject, _ context: RuleContext) -> [[String: String]] {
        var out: [[String: String]] = []
        switch target.kind {
        case "Role", "ClusterRole":
            for (i, rule) in (target.object["rules"]?.array ?? []).enumerated() {
                let verbs = (rule["verbs"]?.array ?? []).compactMap(\.string)
                let resources = (rule["resources"]?.array ?? []).compactMap(\.string)
                let groups = (rule["apiGroups"]?.array ?? []).compactMap(\.string)
                if params.flag("forbidWildcards", true) && (verbs.contains("*") || resources.contains("*") || groups.contains("*")) {
                    out.append(["detail": "rules[\(i)] uses a wildcard; list the verbs and resources the job needs"])
                }
                if params.flag("forbidSecrets", true) && (resources.contains("secrets") || (resources.contains("*") && groups.contains(""))) {
                    out.append(["detail": "rules[\(i)] grants access to Secrets (\(verbs.joined(separator: ",")))"])
                }
            }
            let clusterWide = (params["clusterWideVerbs"]?.array ?? []).compactMap(\.string)
            if target.kind == "ClusterRole", !clusterWide.isEmpty,
               let binding = context.all("ClusterRoleBinding").first(where: {
                   $0.object["roleRef"]?["kind"]?.string == "ClusterRole" && $0.object["roleRef"]?["name"]?.string == target.metadataName
               }) {
                for (i, rule) in (target.object["rules"]?.array ?? []).enumerated() {
                    let verbs = (rule["verbs"]?.array ?? []).compactMap(\.string)
                    let granted = clusterWide.filter { verbs.contains($0) || verbs.contains("*") }
                    if !granted.isEmpty {
                        out.append(["detail": "rules[\(i)] grants \(granted.joined(separator: ",")) in every namespace (ClusterRoleBinding \(binding.metadataName)); bind a Role in the namespace instead"])
                    }
                }
            }
            if target.kind == "ClusterRole" && params.flag("preferRoles", true) {
                let name = target.metadataName
                let bindings = context.objects.filter { b in
                    (b.kind == "RoleBinding" || b.kind == "ClusterRoleBinding")
                        && b.object["roleRef"]?["kind"]?.string == "ClusterRole" && b.object["roleRef"]?["name"]?.string == name
                }
                if !bindings.isEmpty && bindings.allSatisfy({ $0.kind == "RoleBinding" }) && Set(bindings.map(\.namespace)).count == 1 {
                    out.append(["detail": "ClusterRole \(name) is only bound in namespace \(bindings[0].namespace); a Role there grants less"])
                }
            }
        case "RoleBinding", "ClusterRoleBinding":
            if params.flag("forbidClusterAdmin", true), target.object["roleRef"]?["name"]?.string == "cluster-admin" {
                out.append(["detail": "binds cluster-admin"])
            }
        default:
            break
        }
        return out
    }
}
