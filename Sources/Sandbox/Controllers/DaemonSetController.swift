import Kubernetes
import OrderedCollections
import YAML

/// DaemonSet → one Pod per node whose labels match `spec.template.spec.nodeSelector` (the
/// Sandbox has one node), as kube-controller-manager's daemonset controller keeps them: pods
/// are labelled with the template's `controller-revision-hash`; a RollingUpdate replaces a pod
/// of an older template (at most `maxUnavailable` at a time; the one node makes that one),
/// OnDelete waits for the pod to be deleted; and the status counts what kubectl prints. Each
/// template is kept as a ControllerRevision (`kubectl rollout history/undo daemonset`).
extension Cluster {
    var daemonSetType: ResourceType { catalog.type(group: "apps", version: "v1", resource: "daemonsets")! }

    func runDaemonSets() {
        let nodes = store.list(nodeType).map(\.object)
        for entry in store.list(daemonSetType) {
            let ds = entry.object
            guard ds[path: ["metadata", "deletionTimestamp"]] == nil, let uid = ds[path: ["metadata", "uid"]]?.string else { continue }
            let template = ds[path: ["spec", "template"]] ?? .object([:])
            let hash = Self.templateHash(template)
            recordRevision(ds, template: template, hash: hash)
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

    var controllerRevisionType: ResourceType { catalog.type(group: "apps", version: "v1", resource: "controllerrevisions")! }

    /// The DaemonSet's template as a ControllerRevision, as the daemonset controller keeps
    /// history: named `<ds>-<hash>`, labelled with the template's labels and the hash, owned
    /// by the DaemonSet, `data` the patch that restores the template; the current template's
    /// revision is the highest (a template seen before is renumbered, as after an undo), and
    /// the oldest revisions beyond `spec.revisionHistoryLimit` are deleted.
    private func recordRevision(_ ds: Value, template: Value, hash: String) {
        let ns = ds[path: ["metadata", "namespace"]]?.string ?? "default"
        let dsName = ds[path: ["metadata", "name"]]?.string ?? ""
        let uid = ds[path: ["metadata", "uid"]]?.string ?? ""
        let owned = store.list(controllerRevisionType, namespace: ns).map(\.object).filter { revision in
            (revision[path: ["metadata", "ownerReferences"]]?.array ?? []).contains { $0["uid"]?.string == uid }
        }
        let highest = owned.compactMap { $0["revision"]?.intValue }.max() ?? 0
        let name = "\(dsName)-\(hash)"
        if var current = owned.first(where: { $0[path: ["metadata", "name"]]?.string == name }) {
            guard (current["revision"]?.intValue ?? 0) < highest else { return }
            current[path: ["revision"]] = .int(Int64(highest + 1))
            controllerWrite(controllerRevisionType, current)
        } else {
            var data = template
            data[path: ["$patch"]] = "replace"
            var labels = template[path: ["metadata", "labels"]] ?? .object([:])
            labels[path: ["controller-revision-hash"]] = .string(hash)
            var revision: Value = ["apiVersion": "apps/v1", "kind": "ControllerRevision",
                                   "metadata": ["name": .string(name), "namespace": .string(ns), "labels": labels],
                                   "data": ["spec": ["template": data]], "revision": .int(Int64(highest + 1))]
            if let annotations = ds[path: ["metadata", "annotations"]] { revision[path: ["metadata", "annotations"]] = annotations }
            revision[path: ["metadata", "ownerReferences"]] = [[
                "apiVersion": "apps/v1", "kind": "DaemonSet", "name": .string(dsName), "uid": .string(uid),
                "controller": true, "blockOwnerDeletion": true,
            ]]
            _ = try? createObject(revision, manager: "kube-controller-manager")
        }
        let limit = ds[path: ["spec", "revisionHistoryLimit"]]?.intValue ?? 10
        let old = store.list(controllerRevisionType, namespace: ns).map(\.object)
            .filter { r in (r[path: ["metadata", "ownerReferences"]]?.array ?? []).contains { $0["uid"]?.string == uid } }
            .filter { $0[path: ["metadata", "name"]]?.string != name }
            .sorted { ($0["revision"]?.intValue ?? 0) < ($1["revision"]?.intValue ?? 0) }
        for revision in old.prefix(max(0, old.count - limit)) {
            let key = ObjectKey(namespace: ns, name: revision[path: ["metadata", "name"]]?.string ?? "")
            _ = try? deleteObject(controllerRevisionType, key, options: DeleteOptions())
        }
    }
}
