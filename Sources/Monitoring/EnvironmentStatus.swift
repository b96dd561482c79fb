import Foundation
import Heal
import Kubernetes
import YAML

/// One environment's health, judged from a `StatusSnapshot` against a `StatusPolicy`: per
/// workload and per node what `kubectl get` shows plus a verdict. Pure: the same snapshot and
/// policy give the same status.
public struct EnvironmentStatus: Sendable, Equatable {
    public enum Verdict: String, Sendable, Comparable {
        case ok, over, unhealthy
        public static func < (a: Verdict, b: Verdict) -> Bool {
            let order: [Verdict] = [.ok, .over, .unhealthy]
            return order.firstIndex(of: a)! < order.firstIndex(of: b)!
        }
    }

    /// Usage of the pod that uses the most, against what it may use.
    public struct Usage: Sendable, Equatable {
        /// Cores or bytes.
        public var used: Double
        public var request: Double?
        public var limit: Double?
        /// used / limit, or used / request when there is no limit.
        public var fraction: Double? {
            if let limit, limit > 0 { return used / limit }
            if let request, request > 0 { return used / request }
            return nil
        }
        public var basis: String { limit != nil ? "limit" : request != nil ? "request" : "none" }
    }

    public struct HPA: Sendable, Equatable {
        public var name: String
        public var current: Int
        public var desired: Int
        public var minReplicas: Int
        public var maxReplicas: Int
        /// `cpu 70%` for each resource target.
        public var targets: [String]
    }

    public struct Workload: Sendable, Equatable {
        public var name: String
        public var desired: Int
        public var ready: Int
        public var restartsLastHour: Int
        public var cpu: Usage?
        public var memory: Usage?
        public var hpa: HPA?
        /// Probes every container has: readiness, liveness, startup.
        public var probes: [String]
        public var problems: [String]
        public var verdict: Verdict
    }

    public struct Node: Sendable, Equatable {
        public var name: String
        /// Condition type → status, as the node reports them.
        public var conditions: [(type: String, status: String)]
        public var cpu: Double?
        public var memory: Double?
        public var disk: Double?
        public var problems: [String]
        public var verdict: Verdict

        public static func == (a: Node, b: Node) -> Bool {
            a.name == b.name && a.conditions.map { "\($0.type)=\($0.status)" } == b.conditions.map { "\($0.type)=\($0.status)" }
                && a.cpu == b.cpu && a.memory == b.memory && a.disk == b.disk && a.problems == b.problems && a.verdict == b.verdict
        }
    }

    public var environment: String
    public var namespace: String
    public var at: Double
    public var workloads: [Workload]
    public var nodes: [Node]
    /// The last reconcile run: `applied 3f2a9c1 at 2026-…`, nil when none is recorded.
    public var reconcile: String?
    public var reconcileVerdict: Verdict
    /// The heal job's verdict, from its ConfigMap, nil when it keeps none.
    public var heal: String?
    public var healVerdict: Verdict

    /// The worst verdict anywhere: exit status 0 only for `.ok`.
    public var verdict: Verdict {
        (workloads.map(\.verdict) + nodes.map(\.verdict) + [reconcileVerdict, healVerdict]).max() ?? .ok
    }

    public static let restartWindow = 3600.0

    public init(environment: String, namespace: String, snapshot s: StatusSnapshot, policy: StatusPolicy) {
        self.environment = environment
        self.namespace = namespace
        at = s.now
        let usageByPod = Dictionary(s.podMetrics.compactMap { m -> (String, [Value])? in
            guard let name = m[path: ["metadata", "name"]]?.string else { return nil }
            return (name, m["containers"]?.array ?? [])
        }, uniquingKeysWith: { a, _ in a })

        workloads = s.deployments.compactMap { d in
            guard let name = d[path: ["metadata", "name"]]?.string else { return nil }
            let selector = d[path: ["spec", "selector"]].flatMap { try? LabelSelector(object: $0) }
            let pods = s.pods.filter { p in
                p[path: ["metadata", "deletionTimestamp"]] == nil
                    && (selector?.matches(p[path: ["metadata", "labels"]]?.stringMap ?? [:]) ?? false)
            }
            var problems: [String] = []
            var verdict = Verdict.ok
            func flag(_ v: Verdict, _ problem: String) {
                problems.append(problem)
                verdict = max(verdict, v)
            }
            let desired = d[path: ["spec", "replicas"]]?.intValue ?? 1
            let ready = d[path: ["status", "readyReplicas"]]?.intValue ?? 0
            if ready < desired { flag(.unhealthy, "\(ready)/\(desired) ready") }

            var restarts = 0
            var waiting: Set<String> = []
            var cpu: Usage?, memory: Usage?
            for pod in pods {
                for c in pod[path: ["status", "containerStatuses"]]?.array ?? [] {
                    if let reason = c[path: ["state", "waiting", "reason"]]?.string, reason != "ContainerCreating" { waiting.insert(reason) }
                    let finished = c[path: ["lastState", "terminated", "finishedAt"]]?.string.flatMap(StatusSnapshot.time)
                    if let finished, finished >= s.now - Self.restartWindow { restarts += c["restartCount"]?.intValue ?? 0 }
                }
                let specs = pod[path: ["spec", "containers"]]?.array ?? []
                func total(_ path: [String]) -> Double? {
                    let values = specs.map { Self.quantity($0[path: path]) }
                    return values.contains(where: { $0 == nil }) ? nil : values.reduce(0) { $0 + $1! }
                }
                guard let containers = usageByPod[pod[path: ["metadata", "name"]]?.string ?? ""] else { continue }
                let podCPU = Usage(used: containers.compactMap { Self.quantity($0[path: ["usage", "cpu"]]) }.reduce(0, +),
                                   request: total(["resources", "requests", "cpu"]), limit: total(["resources", "limits", "cpu"]))
                let podMemory = Usage(used: containers.compactMap { Self.quantity($0[path: ["usage", "memory"]]) }.reduce(0, +),
                                      request: total(["resources", "requests", "memory"]), limit: total(["resources", "limits", "memory"]))
                if cpu == nil || (podCPU.fraction ?? 0) > (cpu!.fraction ?? 0) { cpu = podCPU }
                if memory == nil || (podMemory.fraction ?? 0) > (memory!.fraction ?? 0) { memory = podMemory }
            }
            for reason in waiting.sorted() { flag(.unhealthy, reason) }
            if restarts > policy.restartsPerHour { flag(.unhealthy, "\(restarts) restarts in the last hour") }
            if let f = cpu?.fraction, f >= policy.podCPU {
                flag(.over, "CPU \(Self.percent(f)) of \(cpu!.basis) ≥ \(Self.percent(policy.podCPU))")
            }
            if let f = memory?.fraction, f >= policy.podMemory {
                flag(.over, "memory \(Self.percent(f)) of \(memory!.basis) ≥ \(Self.percent(policy.podMemory))")
            }

            let containers = d[path: ["spec", "template", "spec", "containers"]]?.array ?? []
            let probes = ["readiness", "liveness", "startup"].filter { kind in
                !containers.isEmpty && containers.allSatisfy { $0["\(kind)Probe"] != nil }
            }
            let hpa = s.hpas.first { h in
                h[path: ["spec", "scaleTargetRef", "kind"]]?.string == "Deployment" && h[path: ["spec", "scaleTargetRef", "name"]]?.string == name
            }.map { h in
                HPA(name: h[path: ["metadata", "name"]]?.string ?? "", current: h[path: ["status", "currentReplicas"]]?.intValue ?? 0,
                    desired: h[path: ["status", "desiredReplicas"]]?.intValue ?? 0, minReplicas: h[path: ["spec", "minReplicas"]]?.intValue ?? 1,
                    maxReplicas: h[path: ["spec", "maxReplicas"]]?.intValue ?? 0,
                    targets: (h[path: ["spec", "metrics"]]?.array ?? []).compactMap { m in
                        guard let r = m[path: ["resource", "name"]]?.string else { return nil }
                        if let u = m[path: ["resource", "target", "averageUtilization"]]?.intValue { return "\(r) \(u)%" }
                        return m[path: ["resource", "target", "averageValue"]]?.string.map { "\(r) \($0)" }
                    })
            }
            if let hpa, hpa.maxReplicas > 0, hpa.desired > hpa.maxReplicas || (hpa.current >= hpa.maxReplicas && (cpu?.fraction ?? 0) >= policy.podCPU) {
                flag(.over, "HPA at its maximum of \(hpa.maxReplicas)")
            }
            return Workload(name: name, desired: desired, ready: ready, restartsLastHour: restarts, cpu: cpu, memory: memory, hpa: hpa,
                            probes: probes, problems: problems, verdict: verdict)
        }.sorted { $0.name < $1.name }

        nodes = s.nodes.compactMap { n in
            guard let name = n[path: ["metadata", "name"]]?.string else { return nil }
            var problems: [String] = []
            var verdict = Verdict.ok
            let conditions = (n[path: ["status", "conditions"]]?.array ?? []).map { c in
                (type: c["type"]?.string ?? "", status: c["status"]?.string ?? "Unknown")
            }
            for c in conditions {
                if c.type == "Ready" ? c.status != "True" : c.status == "True" {
                    problems.append(c.type == "Ready" ? "not Ready (\(c.status))" : c.type)
                    verdict = .unhealthy
                }
            }
            let usage = s.nodeMetrics.first { $0[path: ["metadata", "name"]]?.string == name }
            func fraction(_ used: Double?, _ of: Double?) -> Double? {
                guard let used, let of, of > 0 else { return nil }
                return used / of
            }
            let cpu = fraction(Self.quantity(usage?[path: ["usage", "cpu"]]), Self.quantity(n[path: ["status", "allocatable", "cpu"]]))
            let memory = fraction(Self.quantity(usage?[path: ["usage", "memory"]]), Self.quantity(n[path: ["status", "allocatable", "memory"]]))
            let fs = s.nodeSummaries[name]?[path: ["node", "fs"]]
            let disk = fraction(fs?["usedBytes"]?.doubleValue, fs?["capacityBytes"]?.doubleValue)
            for (label, value, threshold) in [("CPU", cpu, policy.nodeCPU), ("memory", memory, policy.nodeMemory), ("disk", disk, policy.nodeDisk)] {
                guard let value, value >= threshold else { continue }
                problems.append("\(label) \(Self.percent(value)) ≥ \(Self.percent(threshold))")
                verdict = max(verdict, .over)
            }
            return Node(name: name, conditions: conditions, cpu: cpu, memory: memory, disk: disk, problems: problems, verdict: verdict)
        }.sorted { $0.name < $1.name }

        if let run = s.reconcile?.runs.last {
            reconcile = "\(run.outcome) \(String(run.revision.prefix(7))) at \(run.at)"
            reconcileVerdict = ["applied", "in-sync"].contains(run.outcome) ? .ok : .unhealthy
        } else {
            reconcile = nil
            reconcileVerdict = .ok
        }
        // The heal job's open faults: one a person has (escalated) or heal is still fixing makes
        // the environment unhealthy; platform conditions heal only reports do not.
        if let h = s.heal {
            let open = h.faults.values.filter { !$0.faultClass.isReportOnly }.sorted { $0.id < $1.id }
            let escalated = open.filter(\.escalated)
            let last = h.runs.last.map { " (last run \(ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: $0.at))))" } ?? ""
            heal = open.isEmpty ? "ok\(last)" : "\(open.count) open, \(escalated.count) escalated: " + open.map(\.id).joined(separator: ", ") + last
            healVerdict = open.isEmpty ? .ok : .unhealthy
        } else {
            heal = nil
            healVerdict = .ok
        }
    }

    static func quantity(_ v: Value?) -> Double? {
        guard let v else { return nil }
        if let d = v.doubleValue { return d }
        return v.string.flatMap { try? Quantity(parsing: $0) }?.doubleValue
    }

    /// `83%`: whole percent, rounded down, so a value just under a threshold never prints as it.
    static func percent(_ f: Double) -> String { "\(Int((f * 100 + 1e-9).rounded(.down)))%" }
}
