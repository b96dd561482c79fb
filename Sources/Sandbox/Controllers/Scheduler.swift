import Kubernetes
import YAML

/// The default scheduler's resource fit (the NodeResourcesFit filter) over the one node: a pod
/// fits when its cpu and memory requests plus those of the pods already bound to the node are
/// within the node's allocatable. A pod that does not fit stays Pending with PodScheduled=False
/// (Unschedulable) and a `FailedScheduling` event worded as kube-scheduler words it, and is
/// tried again on every pass, so it binds as soon as capacity frees up.
extension Cluster {
    /// cpu (cores) and memory (bytes) requested by pods.
    struct Requests {
        var cpu = 0.0
        var memory = 0.0

        static func + (a: Requests, b: Requests) -> Requests { Requests(cpu: a.cpu + b.cpu, memory: a.memory + b.memory) }
    }

    /// How often an unschedulable pod's `FailedScheduling` event repeats while nothing changes:
    /// the scheduling queue's `podMaxInUnschedulablePodsDuration`.
    static let unschedulableRetry = 300.0

    /// A pod's effective requests (`resource.PodRequests`): the sum over its containers, or the
    /// largest init container's if larger, plus `spec.overhead`. Missing requests count as 0.
    static func podRequests(_ pod: Value) -> Requests {
        func requests(_ container: Value) -> Requests {
            Requests(cpu: quantity(container[path: ["resources", "requests", "cpu"]]),
                     memory: quantity(container[path: ["resources", "requests", "memory"]]))
        }
        var sum = Requests()
        for c in pod[path: ["spec", "containers"]]?.array ?? [] { sum = sum + requests(c) }
        for c in pod[path: ["spec", "initContainers"]]?.array ?? [] {
            let r = requests(c)
            sum = Requests(cpu: max(sum.cpu, r.cpu), memory: max(sum.memory, r.memory))
        }
        return sum + Requests(cpu: quantity(pod[path: ["spec", "overhead", "cpu"]]), memory: quantity(pod[path: ["spec", "overhead", "memory"]]))
    }

    private static func quantity(_ v: Value?) -> Double {
        guard let v else { return 0 }
        if let s = v.string, let q = try? Quantity(parsing: s) { return q.doubleValue }
        return v.doubleValue ?? 0
    }

    /// The node's allocatable cpu and memory, from its Node object (the scenario's `node`).
    func nodeAllocatable() -> Requests {
        let nodeType = catalog.type(group: "", version: "v1", resource: "nodes")!
        let node = store.get(nodeType, ObjectKey(namespace: "", name: "sandbox"))
        let cpu = node?[path: ["status", "allocatable", "cpu"]] ?? .string(scenario.node.cpu)
        let memory = node?[path: ["status", "allocatable", "memory"]] ?? .string(scenario.node.memory)
        return Requests(cpu: Self.quantity(cpu), memory: Self.quantity(memory))
    }

    /// The requests of pods bound to the node that are not terminal: what the scheduler's
    /// cache counts (its informer leaves out Succeeded and Failed pods).
    static func boundRequests(_ pods: [Value]) -> Requests {
        var sum = Requests()
        for pod in pods where pod[path: ["spec", "nodeName"]]?.string != nil {
            let phase = pod[path: ["status", "phase"]]?.string
            if phase == "Succeeded" || phase == "Failed" { continue }
            sum = sum + podRequests(pod)
        }
        return sum
    }

    /// Why `pod` does not fit beside `bound`, worded as the scheduler's FailedScheduling
    /// message; nil when it fits.
    func unschedulableMessage(_ pod: Value, bound: Requests) -> String? {
        let want = Self.podRequests(pod), have = nodeAllocatable()
        var reasons: [String] = []
        if want.cpu > 0, bound.cpu + want.cpu > have.cpu { reasons.append("1 Insufficient cpu") }
        if want.memory > 0, bound.memory + want.memory > have.memory { reasons.append("1 Insufficient memory") }
        guard !reasons.isEmpty else { return nil }
        return "0/1 nodes are available: \(reasons.joined(separator: ", ")). "
            + "preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod."
    }

    /// Leaves `pod` Pending as unschedulable: PodScheduled=False and, when first seen, when the
    /// reason changes or every `unschedulableRetry` seconds, a FailedScheduling event.
    func markUnschedulable(_ input: Value, uid: String, message: String) {
        var pod = input
        let now = clock.now
        let previous = kubelet.unschedulable[uid]
        if previous == nil || previous!.message != message || now - previous!.lastEvent >= Self.unschedulableRetry {
            recordEvent(pod, type: "Warning", reason: "FailedScheduling", message: message, component: "default-scheduler")
            kubelet.unschedulable[uid] = (message, now)
        }
        let old = pod[path: ["status", "conditions"]]?.array?.first { $0["type"]?.string == "PodScheduled" }
        let since = old?["status"]?.string == "False" && old?["message"]?.string == message
            ? (old?["lastTransitionTime"] ?? .string(Timestamp.format(now))) : .string(Timestamp.format(now))
        let status: Value = [
            "phase": "Pending",
            "conditions": [["type": "PodScheduled", "status": "False", "lastProbeTime": .null, "lastTransitionTime": since,
                            "reason": "Unschedulable", "message": .string(message)]],
            "qosClass": .string(Self.qosClass(pod[path: ["spec", "containers"]]?.array ?? [])),
        ]
        guard pod["status"] != status else { return }
        pod[path: ["status"]] = status
        controllerWrite(podType, pod)
    }
}
