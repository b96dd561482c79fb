import Foundation
import KubeClient
import Kubernetes
import YAML

/// One pass over a namespace's `metrics.k8s.io` pod metrics and pod statuses, folded into a
/// usage history: a sample per running container of a long-running pod (Job pods are skipped) (with its requests and memory limit), OOM
/// kills that finished since the container's last sample, start-to-ready durations of pods
/// that became ready since then, and `Unhealthy` (probe failure) events.
///
/// Time is the metrics' own `timestamp`, so a simulated cluster's clock is honoured.
public struct MetricsSampler {
    public let api: KubeAPI
    public let namespace: String

    public init(api: KubeAPI, namespace: String) {
        self.api = api
        self.namespace = namespace
    }

    /// Samples once; returns how many container samples were added.
    @discardableResult
    public func sample(into history: inout UsageHistory) throws -> Int {
        let metrics = try api.podMetrics(namespace: namespace)
        var podsByName: [String: Value] = [:]
        for pod in try api.list(try api.resource(apiVersion: "v1", kind: "Pod"), namespace: namespace) {
            if let name = pod[path: ["metadata", "name"]]?.string { podsByName[name] = pod }
        }
        let events = (try? api.events(namespace: namespace)) ?? []
        var added = 0
        var seenWorkloads = Set<String>()
        for item in metrics {
            guard let podName = item[path: ["metadata", "name"]]?.string, let pod = podsByName[podName],
                  let time = Self.time(item["timestamp"]) else { continue }
            // Job pods are named per run: they would add a container per run to the checkpoint,
            // and batch work is not what requests are recommended for.
            if PodWorkload.isJobPod(pod) { continue }
            let workload = Self.workload(of: pod)
            let specs = Dictionary((pod[path: ["spec", "containers"]]?.array ?? []).compactMap { c in c["name"]?.string.map { ($0, c) } },
                                   uniquingKeysWith: { a, _ in a })
            let statuses = Dictionary((pod[path: ["status", "containerStatuses"]]?.array ?? []).compactMap { c in c["name"]?.string.map { ($0, c) } },
                                      uniquingKeysWith: { a, _ in a })
            let readyAt = (pod[path: ["status", "conditions"]]?.array ?? [])
                .first { $0["type"]?.string == "Ready" && $0["status"]?.string == "True" }
                .flatMap { Self.time($0["lastTransitionTime"]) }
            let startedAt = Self.time(pod[path: ["status", "startTime"]])
            for c in item["containers"]?.array ?? [] {
                guard let name = c["name"]?.string else { continue }
                let key = "\(namespace)/\(workload)/\(name)"
                var usage = history.containers[key] ?? ContainerUsage()
                let since = usage.lastSample ?? -Double.infinity
                let spec = specs[name]
                let terminated = statuses[name]?[path: ["lastState", "terminated"]]
                let oom = terminated?["reason"]?.string == "OOMKilled" && (Self.time(terminated?["finishedAt"]) ?? 0) > since
                usage.add(UsageSample(container: key, time: time, pod: podName,
                                      cpuCores: Self.quantity(c[path: ["usage", "cpu"]]),
                                      memoryBytes: Self.quantity(c[path: ["usage", "memory"]]),
                                      cpuRequestCores: Self.quantity(spec?[path: ["resources", "requests", "cpu"]]),
                                      memoryRequestBytes: Self.quantity(spec?[path: ["resources", "requests", "memory"]]),
                                      memoryLimitBytes: Self.quantity(spec?[path: ["resources", "limits", "memory"]]),
                                      oomKilled: oom))
                if let readyAt, let startedAt, readyAt > since, readyAt >= startedAt { usage.addStartup(seconds: readyAt - startedAt) }
                if seenWorkloads.insert(key).inserted {
                    let failures = events.filter { e in
                        e["reason"]?.string == "Unhealthy" && (e[path: ["involvedObject", "name"]]?.string).map { pod in
                            (podsByName[pod].map(Self.workload(of:)) ?? Self.workload(ofPodNamed: pod)) == workload } == true
                            && (Self.time(e["lastTimestamp"]) ?? Self.time(e["eventTime"]) ?? 0) > since
                    }
                    usage.addProbeFailures(failures.reduce(0) { $0 + ($1["count"]?.intValue ?? 1) })
                }
                history.containers[key] = usage
                added += 1
            }
        }
        return added
    }

    /// The workload that owns a pod (`PodWorkload`, shared with the logs job).
    static func workload(of pod: Value) -> String { PodWorkload.name(of: pod) }

    /// A Deployment pod's workload from its name alone (`backend-deployment-7d9f8c5b6-x2x4z`).
    static func workload(ofPodNamed name: String) -> String {
        let parts = name.split(separator: "-")
        return parts.count > 2 ? parts.dropLast(2).joined(separator: "-") : name
    }

    static func quantity(_ v: Value?) -> Double? {
        guard let v else { return nil }
        if let d = v.doubleValue { return d }
        return v.string.flatMap { try? Quantity(parsing: $0) }?.doubleValue
    }

    static func time(_ v: Value?) -> Double? {
        guard let s = v?.string, !s.isEmpty else { return nil }
        return ISO8601DateFormatter().date(from: s)?.timeIntervalSince1970
    }
}
