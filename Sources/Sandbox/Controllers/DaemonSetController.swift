import Kubernetes
import OrderedCollections
import YAML

/// DaemonSet → one Pod per node whose labels match `spec.template.spec.nodeSelector` (the
/// Sandbox has one node), as kube-controller-manager's daemonset controller keeps them: pods
/// are labelled with the template's `controller-revision-hash`; a RollingUpdate replaces a pod
/// of an older template (at most `maxUnavailable` at a time; the one node makes that one),
/// OnDelete waits for the pod to be deleted; and the status counts what kubectl prints.
extension Cluster {
    var daemonSetType: ResourceType { catalog.type(group: "apps", version: "v1", resource: "daemonsets")! }

    func runDaemonSets() {
        let nodes = store.list(nodeType).map(\.object)
        for entry in store.list(daemonSetType) {
            let ds = entry.object
            guard ds[path: ["metadata", "deletionTimestamp"]] == nil, let uid = ds[path: ["metadata", "uid"]]?.string else { continue }
            let template = ds[path: ["spec", "template"]] ?? .object([:])
            let hash = Self.templateHash(template)
            let selector = template[path: ["spec", "nodeSelector"]]?.stringMap ?? [:]
            let eligible = nodes.filter { node in
                let labels = node[path: ["metadata", "labels"]]?.stringMap ?? [:]
                return selector.allSatisfy { labels[$0.key] == $0.value }
            }
            var pods = store.list(podType, namespace: entry.key.namespace).map(\.object).filter { pod in
                pod[path: ["metadata", "deletionTimestamp"]] == nil && !Self.isTerminal(pod)
                    && (pod[path: ["metadata", "ownerReferences"]]?.array ?? []).contains { $0["uid"]?.string == uid && $0["controller"]?.boolValue == true }
            }
            let rolling = ds[path: ["spec", "updateStrategy", "type"]]?.string != "OnDelete"
            if rolling, let stale = pods.first(where: { $0[path: ["metadata", "labels", "controller-revision-hash"]]?.string != hash }) {
                let name = stale[path: ["metadata", "name"]]?.string ?? ""
                _ = try? deleteObject(podType, ObjectKey(namespace: entry.key.namespace, name: name), options: DeleteOptions())
                recordEvent(ds, reason: "SuccessfulDelete", message: "Deleted pod: \(name)", component: "daemonset-controller")
                pods.removeAll { $0[path: ["metadata", "name"]]?.string == name }
            }
            if pods.count < eligible.count {
                var owner = ds
                owner[path: ["spec", "template", "metadata", "labels", "controller-revision-hash"]] = .string(hash)
                owner[path: ["spec", "template", "metadata", "labels", "pod-template-generation"]] =
                    .string(String(ds[path: ["metadata", "generation"]]?.intValue ?? 1))
                for _ in pods.count..<eligible.count {
                    if let pod = createPod(from: owner, template: ["spec", "template"], ownerKind: "DaemonSet", namePrefix: entry.key.name + "-") {
                        pods.append(pod)
                    }
                }
            }
            let minReady = Double(ds[path: ["spec", "minReadySeconds"]]?.intValue ?? 0)
            let scheduled = pods.filter { $0[path: ["spec", "nodeName"]] != nil }.count
            let ready = pods.filter(Self.isReady).count
            let available = pods.filter { Self.isAvailable($0, minReadySeconds: minReady, now: clock.now) }.count
            let updated = pods.filter { $0[path: ["metadata", "labels", "controller-revision-hash"]]?.string == hash }.count
            var status: OrderedDictionary<String, Value> = [
                "currentNumberScheduled": .int(Int64(scheduled)), "desiredNumberScheduled": .int(Int64(eligible.count)),
                "numberMisscheduled": 0, "numberReady": .int(Int64(ready)),
                "observedGeneration": ds[path: ["metadata", "generation"]] ?? 1,
                "updatedNumberScheduled": .int(Int64(updated)),
            ]
            if available > 0 { status["numberAvailable"] = .int(Int64(available)) }
            if eligible.count > available { status["numberUnavailable"] = .int(Int64(eligible.count - available)) }
            var written = ds
            written[path: ["status"]] = .object(status)
            controllerWrite(daemonSetType, written)
        }
    }
}
