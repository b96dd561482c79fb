import Kubernetes
import OrderedCollections
import YAML

/// ReplicaSet → Pods: creates pods from the template until `spec.replicas` exist, deletes the
/// least useful ones (not ready, then newest) above it, and reports replica counts.
extension Cluster {
    var replicaSetType: ResourceType { catalog.type(group: "apps", version: "v1", resource: "replicasets")! }

    func runReplicaSets() {
        let allPods = store.list(podType)
        var podsByOwner: [String: [Value]] = [:]
        for entry in allPods {
            for ref in entry.object[path: ["metadata", "ownerReferences"]]?.array ?? [] where ref["controller"]?.boolValue == true {
                if let uid = ref["uid"]?.string { podsByOwner[uid, default: []].append(entry.object) }
            }
        }
        for entry in store.list(replicaSetType) {
            let rs = entry.object
            guard rs[path: ["metadata", "deletionTimestamp"]] == nil, let uid = rs[path: ["metadata", "uid"]]?.string else { continue }
            var pods = (podsByOwner[uid] ?? []).filter { $0[path: ["metadata", "deletionTimestamp"]] == nil && !Self.isTerminal($0) }
            let want = rs[path: ["spec", "replicas"]]?.intValue ?? 1
            if pods.count < want {
                for _ in pods.count..<want {
                    if let pod = createPod(from: rs, template: ["spec", "template"], ownerKind: "ReplicaSet", namePrefix: entry.key.name + "-") {
                        pods.append(pod)
                    }
                }
            } else if pods.count > want {
                let ranked = pods.sorted { a, b in
                    let ra = Self.isReady(a), rb = Self.isReady(b)
                    if ra != rb { return !ra }
                    return (a[path: ["metadata", "creationTimestamp"]]?.string ?? "") > (b[path: ["metadata", "creationTimestamp"]]?.string ?? "")
                }
                for pod in ranked.prefix(pods.count - want) {
                    let key = ObjectKey(namespace: entry.key.namespace, name: pod[path: ["metadata", "name"]]?.string ?? "")
                    _ = try? deleteObject(podType, key, options: DeleteOptions())
                    recordEvent(rs, reason: "SuccessfulDelete", message: "Deleted pod: \(key.name)", component: "replicaset-controller")
                }
                pods = pods.filter { p in !ranked.prefix(pods.count - want).contains { $0[path: ["metadata", "uid"]] == p[path: ["metadata", "uid"]] } }
            }
            let minReady = Double(rs[path: ["spec", "minReadySeconds"]]?.intValue ?? 0)
            let ready = pods.filter(Self.isReady).count
            let available = pods.filter { Self.isAvailable($0, minReadySeconds: minReady, now: clock.now) }.count
            var updated = rs
            var status: OrderedDictionary<String, Value> = ["replicas": .int(Int64(pods.count))]
            let labels = rs[path: ["spec", "template", "metadata", "labels"]]?.stringMap ?? [:]
            let fully = pods.filter { p in let l = p[path: ["metadata", "labels"]]?.stringMap ?? [:]; return labels.allSatisfy { l[$0.key] == $0.value } }.count
            status["fullyLabeledReplicas"] = .int(Int64(fully))
            if ready > 0 { status["readyReplicas"] = .int(Int64(ready)) }
            if available > 0 { status["availableReplicas"] = .int(Int64(available)) }
            status["observedGeneration"] = rs[path: ["metadata", "generation"]] ?? 1
            updated[path: ["status"]] = .object(status)
            controllerWrite(replicaSetType, updated)
        }
    }

    /// Creates a pod from a controller's template, owned by it; nil if the write failed.
    @discardableResult
    func createPod(from owner: Value, template: [String], ownerKind: String, namePrefix: String) -> Value? {
        guard let tmpl = owner[path: template] else { return nil }
        var pod: Value = ["apiVersion": "v1", "kind": "Pod", "metadata": ["generateName": .string(namePrefix)]]
        if let labels = tmpl[path: ["metadata", "labels"]] { pod[path: ["metadata", "labels"]] = labels }
        if let annotations = tmpl[path: ["metadata", "annotations"]] { pod[path: ["metadata", "annotations"]] = annotations }
        pod[path: ["metadata", "ownerReferences"]] = [[
            "apiVersion": owner["apiVersion"] ?? "", "kind": .string(ownerKind),
            "name": owner[path: ["metadata", "name"]] ?? "", "uid": owner[path: ["metadata", "uid"]] ?? "",
            "controller": true, "blockOwnerDeletion": true,
        ]]
        pod[path: ["spec"]] = tmpl["spec"] ?? .object([:])
        let ns = owner[path: ["metadata", "namespace"]]?.string ?? "default"
        guard let created = try? createObject(pod, manager: "kube-controller-manager", in: podType, namespace: ns) else { return nil }
        let component = ["Job": "job-controller", "DaemonSet": "daemonset-controller"][ownerKind] ?? "replicaset-controller"
        recordEvent(owner, reason: "SuccessfulCreate", message: "Created pod: \(created[path: ["metadata", "name"]]?.string ?? "")", component: component)
        return created
    }

    static func isReady(_ pod: Value) -> Bool {
        pod[path: ["status", "conditions"]]?.array?.contains { $0["type"]?.string == "Ready" && $0["status"]?.string == "True" } ?? false
    }

    static func isAvailable(_ pod: Value, minReadySeconds: Double, now: Double) -> Bool {
        guard let ready = pod[path: ["status", "conditions"]]?.array?.first(where: { $0["type"]?.string == "Ready" }),
              ready["status"]?.string == "True" else { return false }
        if minReadySeconds == 0 { return true }
        let since = ready["lastTransitionTime"]?.string.flatMap(Timestamp.parse) ?? now
        return now - since >= minReadySeconds
    }

    static func isTerminal(_ pod: Value) -> Bool {
        let phase = pod[path: ["status", "phase"]]?.string
        return phase == "Succeeded" || phase == "Failed"
    }
}
