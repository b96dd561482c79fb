import Foundation
import Kubernetes
import YAML

/// What `/metrics` accumulates between scrapes: counters (CPU seconds, OOM kills, requests and
/// their latency buckets) grow by the load model's current rate times the simulated seconds
/// since the last scrape, so `rate()` over them gives back the usage metrics.k8s.io reports.
struct ScrapeState {
    /// Simulated time of the last scrape (nil before the first).
    var lastTime: Double?
    var scrapes = 0
    /// CPU seconds by `uid/container/restartCount` (cAdvisor's counter restarts with the container).
    var cpuSeconds: [String: Double] = [:]
    /// OOM kills by `uid/container`, and the finish time of the last one counted.
    var oomKills: [String: (count: Int, lastFinished: Double)] = [:]
    /// CPU seconds of every container on the node since the simulation began.
    var nodeBusySeconds = 0.0
    /// Requests served by `namespace/workload`: count, latency sum and cumulative latency buckets.
    var traffic: [String: (count: Double, sum: Double, buckets: [Double])] = [:]
}

/// `/metrics` on the API address: the series a real cluster's Prometheus scrapes from cAdvisor
/// (kubelet), kube-state-metrics and node-exporter, with their names and labels, plus a request
/// counter and latency histogram per workload from the load model. Every sample carries the
/// simulated time, so a Prometheus scraping with `honor_timestamps: true` (the default) sees
/// simulated time: a day passes in minutes at `--speed 600`. docs/sandbox.md has the scrape config.
extension Cluster {
    /// The latency histogram's upper bounds (the Prometheus client libraries' defaults).
    static let latencyBuckets: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
    /// Mean request latency of an idle pod, in seconds; it grows as 1/(1 − utilization).
    static let baseLatency = 0.05
    /// The node's root filesystem: its size (when the node does not give its ephemeral-storage
    /// capacity), what the system uses, and each running container's share (image and logs).
    static let nodeDiskBytes = 100.0 * 1_073_741_824
    static let nodeDiskSystemBytes = 10.0 * 1_073_741_824
    static let containerDiskBytes = 200.0 * 1_048_576

    /// Simulated time of the last `/metrics` scrape, and how many there were: tests step the
    /// clock and wait for a scraper to have seen each step.
    public var metricsScrapes: (count: Int, lastTime: Double?) { withLock { (scrape.scrapes, scrape.lastTime) } }

    /// The exposition document at the current simulated time; advances the counters.
    func prometheusMetrics() -> String {
        let now = clock.now
        let pods = store.list(podType).map(\.object)
        let rates = perPodRates(pods: pods)
        let dt = max(0, now - (scrape.lastTime ?? now))
        var out = PrometheusExposition(timestampMillis: Int64(now * 1000))

        // cAdvisor, per running container.
        out.family("container_cpu_usage_seconds_total", .counter, "Cumulative cpu time consumed in seconds.")
        out.family("container_memory_working_set_bytes", .gauge, "Current working set in bytes.")
        out.family("container_spec_memory_limit_bytes", .gauge, "Memory limit for the container.")
        out.family("container_oom_events_total", .counter, "Count of out of memory events observed for the container.")
        var cpuSeconds: [String: Double] = [:]
        var oomKills: [String: (count: Int, lastFinished: Double)] = [:]
        var busyNow = 0.0, memoryNow = 0.0, runningContainers = 0
        var workloadCPU: [String: (usage: Double, request: Double)] = [:]
        var served: [String: Double] = [:]
        for pod in pods {
            guard let uid = pod[path: ["metadata", "uid"]]?.string, let runtime = kubelet.pods[uid] else { continue }
            let namespace = pod[path: ["metadata", "namespace"]]?.string ?? ""
            let name = pod[path: ["metadata", "name"]]?.string ?? ""
            let workload = Self.workloadName(of: pod)
            let ready = Self.isReady(pod)
            let specs = pod[path: ["spec", "containers"]]?.array ?? []
            let usages = Dictionary(podUsage(pod, rate: rates[uid] ?? 0).map { ($0.name, $0.usage) }, uniquingKeysWith: { a, _ in a })
            for c in runtime.containers {
                let labels = [("namespace", namespace), ("pod", name), ("container", c.name), ("image", c.image)]
                let spec = specs.first { $0["name"]?.string == c.name }
                let oomKey = "\(uid)/\(c.name)"
                var oom = scrape.oomKills[oomKey] ?? (0, -Double.infinity)
                if let t = c.lastTermination, t.reason == "OOMKilled", t.finishedAt > oom.lastFinished { oom = (oom.count + 1, t.finishedAt) }
                oomKills[oomKey] = oom
                guard case .running(let since) = c.phase, let usage = usages[c.name] else { continue }
                let key = "\(uid)/\(c.name)/\(c.restartCount)"
                let cores = usage.cpuMillicores / 1000
                // A container first seen now has run at its current usage since it started.
                let seconds = scrape.cpuSeconds[key].map { $0 + cores * dt } ?? cores * max(0, now - since)
                cpuSeconds[key] = seconds
                out.sample("container_cpu_usage_seconds_total", labels, seconds)
                out.sample("container_memory_working_set_bytes", labels, (usage.memoryMi * 1_048_576).rounded())
                if let spec, let limit = Self.memoryLimitMi(spec) { out.sample("container_spec_memory_limit_bytes", labels, limit * 1_048_576) }
                out.sample("container_oom_events_total", labels, Double(oom.count))
                busyNow += cores
                memoryNow += usage.memoryMi * 1_048_576
                runningContainers += 1
                if ready {
                    let request = Self.quantityValue(spec?[path: ["resources", "requests", "cpu"]]) ?? 0
                    let key = namespace + "/" + workload
                    workloadCPU[key, default: (0, 0)].usage += cores
                    workloadCPU[key, default: (0, 0)].request += request
                }
            }
            if ready, let rate = rates[uid], rate > 0 { served[namespace + "/" + workload, default: 0] += rate }
        }
        scrape.cpuSeconds = cpuSeconds
        scrape.oomKills = oomKills
        scrape.nodeBusySeconds += busyNow * dt

        // The load model's traffic, per workload: requests served and their latency.
        for (key, rate) in served {
            let cpu = workloadCPU[key] ?? (0, 0)
            let utilization = cpu.request > 0 ? cpu.usage / cpu.request : 0
            let mean = Self.baseLatency / (1 - min(utilization, 0.9))
            let requests = rate * dt
            var t = scrape.traffic[key] ?? (0, 0, Array(repeating: 0, count: Self.latencyBuckets.count))
            t.count += requests
            t.sum += requests * mean
            for (i, le) in Self.latencyBuckets.enumerated() { t.buckets[i] += requests * (1 - Foundation.exp(-le / mean)) }
            scrape.traffic[key] = t
        }
        out.family("http_requests_total", .counter, "Requests served by the workload's ready pods (the Sandbox's load model).")
        for (key, t) in scrape.traffic.sorted(by: { $0.key < $1.key }) {
            let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
            out.sample("http_requests_total", [("namespace", parts[0]), ("workload", parts[1]), ("code", "200")], t.count.rounded(.down))
        }
        out.family("http_request_duration_seconds", .histogram, "Request latency of the workload (exponential, mean 50ms / (1 - CPU utilization)).")
        for (key, t) in scrape.traffic.sorted(by: { $0.key < $1.key }) {
            let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
            // Whole requests in every bucket, never more than the count: buckets stay monotonic.
            let count = t.count.rounded(.down)
            out.histogram("http_request_duration_seconds", [("namespace", parts[0]), ("workload", parts[1])],
                          buckets: zip(Self.latencyBuckets, t.buckets).map { ($0, min(count, $1.rounded(.down))) }, sum: t.sum, count: count)
        }

        kubeStateMetrics(pods: pods, into: &out)
        nodeMetrics(memoryBytes: memoryNow, containers: runningContainers, into: &out)

        scrape.lastTime = now
        scrape.scrapes += 1
        return out.text
    }

    /// kube-state-metrics: pods, containers, Deployments, HPAs and nodes, from the API objects.
    private func kubeStateMetrics(pods: [Value], into out: inout PrometheusExposition) {
        out.family("kube_pod_owner", .gauge, "Information about the Pod's owner.")
        out.family("kube_pod_status_phase", .gauge, "The pods current phase.")
        out.family("kube_pod_status_ready", .gauge, "Describes whether the pod is ready to serve requests.")
        out.family("kube_pod_container_status_restarts_total", .counter, "The number of container restarts per container.")
        out.family("kube_pod_container_status_ready", .gauge, "Describes whether the containers readiness check succeeded.")
        out.family("kube_pod_container_status_running", .gauge, "Describes whether the container is currently in running state.")
        out.family("kube_pod_container_status_waiting_reason", .gauge, "Describes the reason the container is currently in waiting state.")
        out.family("kube_pod_container_status_last_terminated_reason", .gauge, "Describes the last reason the container was in terminated state.")
        out.family("kube_pod_container_resource_requests", .gauge, "The number of requested request resource by a container.")
        out.family("kube_pod_container_resource_limits", .gauge, "The number of requested limit resource by a container.")
        for pod in pods {
            let namespace = pod[path: ["metadata", "namespace"]]?.string ?? ""
            let name = pod[path: ["metadata", "name"]]?.string ?? ""
            let uid = pod[path: ["metadata", "uid"]]?.string ?? ""
            let node = pod[path: ["spec", "nodeName"]]?.string ?? ""
            let base = [("namespace", namespace), ("pod", name), ("uid", uid)]
            if let owner = pod[path: ["metadata", "ownerReferences"]]?.array?.first {
                out.sample("kube_pod_owner", base + [("owner_kind", owner["kind"]?.string ?? ""), ("owner_name", owner["name"]?.string ?? ""),
                                                     ("owner_is_controller", owner["controller"]?.boolValue == true ? "true" : "false")], 1)
            }
            let phase = pod[path: ["status", "phase"]]?.string ?? "Pending"
            for p in ["Pending", "Succeeded", "Failed", "Unknown", "Running"] { out.sample("kube_pod_status_phase", base + [("phase", p)], p == phase ? 1 : 0) }
            let ready = Self.isReady(pod)
            for c in ["true", "false", "unknown"] { out.sample("kube_pod_status_ready", base + [("condition", c)], (c == "true") == ready && c != "unknown" ? 1 : 0) }
            let statuses = pod[path: ["status", "containerStatuses"]]?.array ?? []
            for s in statuses {
                let labels = base + [("container", s["name"]?.string ?? "")]
                out.sample("kube_pod_container_status_restarts_total", labels, Double(s["restartCount"]?.intValue ?? 0))
                out.sample("kube_pod_container_status_ready", labels, s["ready"]?.boolValue == true ? 1 : 0)
                out.sample("kube_pod_container_status_running", labels, s[path: ["state", "running"]] != nil ? 1 : 0)
                if let reason = s[path: ["state", "waiting", "reason"]]?.string {
                    out.sample("kube_pod_container_status_waiting_reason", labels + [("reason", reason)], 1)
                }
                if let reason = s[path: ["lastState", "terminated", "reason"]]?.string {
                    out.sample("kube_pod_container_status_last_terminated_reason", labels + [("reason", reason)], 1)
                }
            }
            for c in pod[path: ["spec", "containers"]]?.array ?? [] {
                let labels = base + [("container", c["name"]?.string ?? ""), ("node", node)]
                for (field, family) in [("requests", "kube_pod_container_resource_requests"), ("limits", "kube_pod_container_resource_limits")] {
                    for (resource, unit) in [("cpu", "core"), ("memory", "byte")] {
                        guard let v = Self.quantityValue(c[path: ["resources", field, resource]]) else { continue }
                        out.sample(family, labels + [("resource", resource), ("unit", unit)], v)
                    }
                }
            }
        }

        out.family("kube_deployment_spec_replicas", .gauge, "Number of desired pods for a deployment.")
        out.family("kube_deployment_status_replicas", .gauge, "The number of replicas per deployment.")
        out.family("kube_deployment_status_replicas_ready", .gauge, "The number of ready replicas per deployment.")
        out.family("kube_deployment_status_replicas_available", .gauge, "The number of available replicas per deployment.")
        out.family("kube_deployment_status_replicas_unavailable", .gauge, "The number of unavailable replicas per deployment.")
        out.family("kube_deployment_status_replicas_updated", .gauge, "The number of updated replicas per deployment.")
        for d in store.list(deploymentType).map(\.object) {
            let labels = [("namespace", d[path: ["metadata", "namespace"]]?.string ?? ""), ("deployment", d[path: ["metadata", "name"]]?.string ?? "")]
            func int(_ path: [String]) -> Double { Double(d[path: path]?.intValue ?? 0) }
            out.sample("kube_deployment_spec_replicas", labels, Double(d[path: ["spec", "replicas"]]?.intValue ?? 1))
            out.sample("kube_deployment_status_replicas", labels, int(["status", "replicas"]))
            out.sample("kube_deployment_status_replicas_ready", labels, int(["status", "readyReplicas"]))
            out.sample("kube_deployment_status_replicas_available", labels, int(["status", "availableReplicas"]))
            out.sample("kube_deployment_status_replicas_unavailable", labels, int(["status", "unavailableReplicas"]))
            out.sample("kube_deployment_status_replicas_updated", labels, int(["status", "updatedReplicas"]))
        }

        out.family("kube_horizontalpodautoscaler_spec_min_replicas", .gauge, "Lower limit for the number of pods that can be set by the autoscaler, default 1.")
        out.family("kube_horizontalpodautoscaler_spec_max_replicas", .gauge, "Upper limit for the number of pods that can be set by the autoscaler; cannot be smaller than MinReplicas.")
        out.family("kube_horizontalpodautoscaler_spec_target_metric", .gauge, "The metric specifications used by this autoscaler when calculating the desired replica count.")
        out.family("kube_horizontalpodautoscaler_status_current_replicas", .gauge, "Current number of replicas of pods managed by this autoscaler.")
        out.family("kube_horizontalpodautoscaler_status_desired_replicas", .gauge, "Desired number of replicas of pods managed by this autoscaler.")
        for h in store.list(hpaType).map(\.object) {
            let labels = [("namespace", h[path: ["metadata", "namespace"]]?.string ?? ""), ("horizontalpodautoscaler", h[path: ["metadata", "name"]]?.string ?? "")]
            out.sample("kube_horizontalpodautoscaler_spec_min_replicas", labels, Double(h[path: ["spec", "minReplicas"]]?.intValue ?? 1))
            out.sample("kube_horizontalpodautoscaler_spec_max_replicas", labels, Double(h[path: ["spec", "maxReplicas"]]?.intValue ?? 0))
            for m in h[path: ["spec", "metrics"]]?.array ?? [] where m["type"]?.string == "Resource" {
                guard let metric = m[path: ["resource", "name"]]?.string, let target = m[path: ["resource", "target"]] else { continue }
                if let u = target["averageUtilization"]?.doubleValue {
                    out.sample("kube_horizontalpodautoscaler_spec_target_metric", labels + [("metric_name", metric), ("metric_target_type", "utilization")], u)
                } else if let v = Self.quantityValue(target["averageValue"]) {
                    out.sample("kube_horizontalpodautoscaler_spec_target_metric", labels + [("metric_name", metric), ("metric_target_type", "average")], v)
                }
            }
            out.sample("kube_horizontalpodautoscaler_status_current_replicas", labels, Double(h[path: ["status", "currentReplicas"]]?.intValue ?? 0))
            out.sample("kube_horizontalpodautoscaler_status_desired_replicas", labels, Double(h[path: ["status", "desiredReplicas"]]?.intValue ?? 0))
        }

        out.family("kube_node_status_condition", .gauge, "The condition of a cluster node.")
        out.family("kube_node_status_capacity", .gauge, "The capacity for different resources of a node.")
        out.family("kube_node_status_allocatable", .gauge, "The allocatable for different resources of a node.")
        for n in store.list(nodeType).map(\.object) {
            let node = n[path: ["metadata", "name"]]?.string ?? ""
            for c in n[path: ["status", "conditions"]]?.array ?? [] {
                let status = c["status"]?.string ?? "Unknown"
                for s in ["true", "false", "unknown"] {
                    out.sample("kube_node_status_condition", [("node", node), ("condition", c["type"]?.string ?? ""), ("status", s)], s == status.lowercased() ? 1 : 0)
                }
            }
            for (field, family) in [("capacity", "kube_node_status_capacity"), ("allocatable", "kube_node_status_allocatable")] {
                for (resource, unit) in [("cpu", "core"), ("memory", "byte"), ("pods", "integer")] {
                    guard let v = Self.quantityValue(n[path: ["status", field, resource]]) else { continue }
                    out.sample(family, [("node", node), ("resource", resource), ("unit", unit)], v)
                }
            }
        }
    }

    /// The node: cAdvisor's machine metrics, node-exporter's CPU seconds per CPU and mode and
    /// root filesystem, and the kubelet's node CPU and memory.
    private func nodeMetrics(memoryBytes: Double, containers: Int, into out: inout PrometheusExposition) {
        let node = store.list(nodeType).first?.object
        let cpus = max(1, Int((Self.quantityValue(node?[path: ["status", "capacity", "cpu"]]) ?? 1).rounded(.up)))
        let memory = Self.quantityValue(node?[path: ["status", "capacity", "memory"]]) ?? 0
        let uptime = clock.now - simulationStart
        let nodeName = node?[path: ["metadata", "name"]]?.string ?? "sandbox"
        out.family("machine_cpu_cores", .gauge, "Number of logical CPU cores.")
        out.sample("machine_cpu_cores", [], Double(cpus))
        out.family("machine_memory_bytes", .gauge, "Amount of memory installed on the machine.")
        out.sample("machine_memory_bytes", [], memory)
        out.family("node_cpu_seconds_total", .counter, "Seconds the CPUs spent in each mode.")
        let user = scrape.nodeBusySeconds / Double(cpus)
        for cpu in 0..<cpus {
            out.sample("node_cpu_seconds_total", [("cpu", String(cpu)), ("mode", "idle")], max(0, uptime - user))
            out.sample("node_cpu_seconds_total", [("cpu", String(cpu)), ("mode", "user")], user)
        }
        // The kubelet's resource metrics (`/metrics/resource`), labelled with the node as
        // kube-prometheus relabels them.
        out.family("node_cpu_usage_seconds_total", .counter, "Cumulative cpu time consumed by the node in core-seconds.")
        out.sample("node_cpu_usage_seconds_total", [("node", nodeName)], scrape.nodeBusySeconds)
        out.family("node_memory_working_set_bytes", .gauge, "Current working set of the node in bytes.")
        out.sample("node_memory_working_set_bytes", [("node", nodeName)], memoryBytes.rounded())
        let disk = nodeDisk(node, runningContainers: containers)
        let fs = [("device", "/dev/vda1"), ("fstype", "ext4"), ("mountpoint", "/")]
        out.family("node_filesystem_size_bytes", .gauge, "Filesystem size in bytes.")
        out.sample("node_filesystem_size_bytes", fs, disk.capacity)
        out.family("node_filesystem_avail_bytes", .gauge, "Filesystem space available to non-root users in bytes.")
        out.sample("node_filesystem_avail_bytes", fs, disk.capacity - disk.used)
    }

    var nodeType: ResourceType { catalog.type(group: "", version: "v1", resource: "nodes")! }

    /// The workload that owns a pod: a Deployment through its ReplicaSet (the name without the
    /// `pod-template-hash`), else the owner, else the pod itself.
    static func workloadName(of pod: Value) -> String {
        let name = pod[path: ["metadata", "name"]]?.string ?? ""
        guard let owner = pod[path: ["metadata", "ownerReferences"]]?.array?.first, let ownerName = owner["name"]?.string else { return name }
        if owner["kind"]?.string == "ReplicaSet", let hash = pod[path: ["metadata", "labels", "pod-template-hash"]]?.string, ownerName.hasSuffix("-" + hash) {
            return String(ownerName.dropLast(hash.count + 1))
        }
        return ownerName
    }
}
