import OrderedCollections
import YAML

/// Prepares rendered objects for applying: fills in the namespace, removes `spec.replicas`
/// from workloads an HPA scales (so Shipshape never fights the autoscaler), and turns a
/// Secret's `stringData` into the base64 `data` the server stores.
public enum DesiredState {
    /// Workloads (`Kind/namespace/name`) that an HPA in `objects` targets.
    public static func hpaTargets(_ objects: [Value], defaultNamespace: String) -> Set<String> {
        var out = Set<String>()
        for o in objects where o["kind"]?.string == "HorizontalPodAutoscaler" {
            guard let ref = o["spec"]?["scaleTargetRef"], let kind = ref["kind"]?.string, let name = ref["name"]?.string else { continue }
            let ns = o["metadata"]?["namespace"]?.string ?? defaultNamespace
            out.insert("\(kind)/\(ns)/\(name)")
        }
        return out
    }

    /// The objects as they will be applied.
    public static func prepare(_ objects: [Value], namespace: String, clusterScoped: Set<String> = DesiredState.clusterScopedKinds) -> [Value] {
        let targets = hpaTargets(objects, defaultNamespace: namespace)
        return objects.map { object in
            guard case .object(var o) = object, let kind = o["kind"]?.string else { return object }
            var meta = o["metadata"]?.object ?? [:]
            if !clusterScoped.contains(kind) && meta["namespace"] == nil { meta["namespace"] = .string(namespace) }
            o["metadata"] = .object(meta)
            let ns = meta["namespace"]?.string ?? ""
            let name = meta["name"]?.string ?? ""
            if kind == "Secret", case .object(let strings)? = o["stringData"] {
                // The API server stores stringData as base64 `data` and never returns it:
                // compared as written it would be drift forever. Apply the stored form.
                var data = o["data"]?.object ?? [:]
                for (key, value) in strings { data[key] = .string(Base64.encode(Array((value.string ?? "").utf8))) }
                o["data"] = .object(data)
                o.removeValue(forKey: "stringData")
            }
            if targets.contains("\(kind)/\(ns)/\(name)"), case .object(var spec)? = o["spec"] {
                spec.removeValue(forKey: "replicas")
                o["spec"] = .object(spec)
            }
            return .object(o)
        }
    }

    public static let clusterScopedKinds: Set<String> = [
        "Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "PersistentVolume",
        "StorageClass", "PriorityClass", "IngressClass", "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration",
    ]
}
