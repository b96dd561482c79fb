import YAML

/// The `kube-root-ca.crt` ConfigMap every active namespace has, as kube-controller-manager's
/// root-ca-cert-publisher keeps it: `ca.crt` is the CA that signs the API server's serving
/// certificate (the Sandbox's own, `Cluster.certificateAuthority`), so in-cluster clients can
/// verify `kubernetes.default.svc`. Created when a namespace appears, re-created when deleted,
/// and restored when its data or description is edited (upstream's `syncNamespace`: the data
/// must be exactly `ca.crt`, and the description annotation present). Its uids come from the
/// cluster's infrastructure randomness, so the workloads' names stay what they were.
extension Cluster {
    static let rootCAConfigMapName = "kube-root-ca.crt"
    static let rootCADescriptionAnnotation = "kubernetes.io/description"
    /// Upstream's text (pkg/controller/certificates/rootcacertpublisher/publisher.go).
    static let rootCADescription = "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. "
        + "No other usage is guaranteed across distributions of Kubernetes clusters."

    var configMapType: ResourceType { catalog.type(group: "", version: "v1", resource: "configmaps")! }

    func runRootCAPublisher() {
        let data: Value = ["ca.crt": .string(certificateAuthority.caPEM)]
        for entry in store.list(namespaceType) where entry.object[path: ["metadata", "deletionTimestamp"]] == nil {
            let key = ObjectKey(namespace: entry.key.name, name: Self.rootCAConfigMapName)
            guard var live = store.get(configMapType, key) else {
                let configMap: Value = ["apiVersion": "v1", "kind": "ConfigMap",
                                        "metadata": ["name": .string(Self.rootCAConfigMapName), "namespace": .string(entry.key.name),
                                                     "annotations": [Self.rootCADescriptionAnnotation: .string(Self.rootCADescription)]],
                                        "data": data]
                _ = withInfrastructureRandomness { try? createObject(configMap, manager: "kube-controller-manager") }
                continue
            }
            let described = !(live[path: ["metadata", "annotations", Self.rootCADescriptionAnnotation]]?.string ?? "").isEmpty
            if live["data"] == data && described { continue }
            live[path: ["data"]] = data
            live[path: ["metadata", "annotations", Self.rootCADescriptionAnnotation]] = .string(Self.rootCADescription)
            _ = try? updateObject(configMapType, key, live, manager: "kube-controller-manager")
        }
    }
}
