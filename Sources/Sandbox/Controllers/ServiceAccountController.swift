import YAML

/// The `default` ServiceAccount every active namespace has, as kube-controller-manager's
/// serviceaccount controller keeps it: created when a namespace appears, re-created if deleted.
extension Cluster {
    var serviceAccountType: ResourceType { catalog.type(group: "", version: "v1", resource: "serviceaccounts")! }
    var namespaceType: ResourceType { catalog.type(group: "", version: "v1", resource: "namespaces")! }

    func runServiceAccounts() {
        for entry in store.list(namespaceType) where entry.object[path: ["metadata", "deletionTimestamp"]] == nil {
            let key = ObjectKey(namespace: entry.key.name, name: "default")
            guard store.get(serviceAccountType, key) == nil else { continue }
            let account: Value = ["apiVersion": "v1", "kind": "ServiceAccount",
                                  "metadata": ["name": "default", "namespace": .string(entry.key.name)]]
            _ = try? createObject(account, manager: "kube-controller-manager")
        }
    }
}
