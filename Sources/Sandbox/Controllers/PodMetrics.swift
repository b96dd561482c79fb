import Kubernetes
import OrderedCollections
import YAML

/// metrics.k8s.io: per-container CPU and memory of running pods, from the load model, as
/// metrics-server reports them (nanocores and KiB).
extension Cluster {
    /// Usage of each running container of a pod, by container name.
    func podUsage(_ pod: Value, rate: Double) -> [(name: String, usage: Usage)] {
        guard let uid = pod[path: ["metadata", "uid"]]?.string, let runtime = kubelet.pods[uid] else { return [] }
        var out: [(String, Usage)] = []
        for c in runtime.containers {
            guard case .running(let since) = c.phase, let profile = scenario.image(c.image) else { continue }
            out.append((c.name, usage(profile: profile, requestRate: rate, runningSince: since, at: clock.now)))
        }
        return out
    }

    /// `query` carries the list's label and field selectors (`kubectl top pods -l app=x`).
    func metrics(_ target: ResourcePath, query: [String: String] = [:]) throws -> Value {
        let now = Timestamp.format(clock.now)
        if target.type.resource == "nodes" {
            let pods = store.list(podType).map(\.object)
            let rates = perPodRates(pods: pods)
            var cpu = 0.0, mem = 0.0
            for pod in pods { for u in podUsage(pod, rate: rates[pod[path: ["metadata", "uid"]]?.string ?? ""] ?? 0) { cpu += u.usage.cpuMillicores; mem += u.usage.memoryMi } }
            let item: Value = ["metadata": ["name": "sandbox", "creationTimestamp": .string(now)], "timestamp": .string(now), "window": "20s",
                               "usage": ["cpu": .string("\(Int(cpu * 1_000_000))n"), "memory": .string("\(Int(mem * 1024))Ki")]]
            if target.name != nil && target.name != "sandbox" { throw APIError.notFound(target.type, target.name!) }
            if target.name != nil { return item.merging(kind: "NodeMetrics") }
            return ["kind": "NodeMetricsList", "apiVersion": "metrics.k8s.io/v1beta1", "metadata": .object([:]), "items": [item]]
        }
        let all = store.list(podType).map(\.object)
        let rates = perPodRates(pods: all)
        let filter = try ListFilter(namespace: target.namespace, query: query)
        var pods = store.list(podType, namespace: target.namespace).map(\.object).filter(filter.matches)
        if let name = target.name { pods = pods.filter { $0[path: ["metadata", "name"]]?.string == name } }
        var items: [Value] = []
        for pod in pods {
            let usage = podUsage(pod, rate: rates[pod[path: ["metadata", "uid"]]?.string ?? ""] ?? 0)
            guard !usage.isEmpty else { continue }
            items.append([
                "metadata": ["name": pod[path: ["metadata", "name"]] ?? "", "namespace": pod[path: ["metadata", "namespace"]] ?? "",
                             "creationTimestamp": .string(now), "labels": pod[path: ["metadata", "labels"]] ?? .object([:])],
                "timestamp": .string(now), "window": "20s",
                "containers": .array(usage.map { u in
                    ["name": .string(u.name), "usage": ["cpu": .string("\(Int(clamping: u.usage.cpuMillicores * 1_000_000, to: 0...Int.max))n"),
                                                        "memory": .string("\(Int(clamping: u.usage.memoryMi * 1024, to: 0...Int.max))Ki")]]
                }),
            ])
        }
        if let name = target.name {
            guard let item = items.first else { throw APIError(code: 404, reason: "NotFound", message: "podmetrics.metrics.k8s.io \"\(target.namespace ?? "")/\(name)\" not found") }
            return item.merging(kind: "PodMetrics")
        }
        return ["kind": "PodMetricsList", "apiVersion": "metrics.k8s.io/v1beta1", "metadata": .object([:]), "items": .array(items)]
    }
}

extension Value {
    /// This object with kind and apiVersion first, for single metrics objects.
    fileprivate func merging(kind: String) -> Value {
        var out: OrderedDictionary<String, Value> = ["kind": .string(kind), "apiVersion": "metrics.k8s.io/v1beta1"]
        for (k, v) in object ?? [:] { out[k] = v }
        return .object(out)
    }
}
