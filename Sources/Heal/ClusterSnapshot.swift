import Foundation
import KubeClient
import Kubernetes
import Reconcile
import YAML

/// The part of the Kubernetes API heal needs beyond reconcile's: a container's log tail for evidence, pod memory usage, and Events it records for its actions.
public protocol HealCluster: ReconcileCluster {
    /// The last `lines` lines of a container's log (`previous`: its last terminated instance).
    func logTail(pod: String, namespace: String, container: String, previous: Bool, lines: Int) throws -> String
    /// `metrics.k8s.io` PodMetrics of the namespace.
    func podUsage(namespace: String) throws -> [Value]
    /// Creates a core/v1 Event.
    func createEvent(_ event: Value) throws
}

extension KubeAPI: HealCluster {
    public func logTail(pod: String, namespace: String, container: String, previous: Bool, lines: Int) throws -> String {
        try logs(pod: pod, namespace: namespace, container: container, tailLines: lines, previous: previous)
    }

    public func podUsage(namespace: String) throws -> [Value] { try podMetrics(namespace: namespace as String?) }

    public func createEvent(_ event: Value) throws { _ = try create(event, namespace: event["metadata"]?["namespace"]?.string) }
}

/// One LIST per kind, read once per run: everything the analyzers look at. Kinds the run may
/// not read (a Role without Nodes) are empty and named in `unreadable`.
public struct ClusterSnapshot: Sendable {
    public var now: Double
    public var namespace: String
    public var pods: [Value] = []
    public var events: [Value] = []
    public var replicaSets: [Value] = []
    public var deployments: [Value] = []
    public var statefulSets: [Value] = []
    public var jobs: [Value] = []
    public var hpas: [Value] = []
    public var nodes: [Value] = []
    /// Working set bytes by `pod/container`, from metrics.k8s.io (empty without it).
    public var memoryUsage: [String: Double] = [:]
    /// Kinds that could not be read (403, or not served), with why.
    public var unreadable: [String] = []

    public init(now: Double, namespace: String) {
        self.now = now
        self.namespace = namespace
    }

    /// Reads the namespace's objects, and Nodes when `nodes` is true.
    public static func read(_ cluster: any HealCluster, namespace: String, nodes: Bool, now fallback: Double) throws -> ClusterSnapshot {
        var s = ClusterSnapshot(now: try cluster.serverTime() ?? fallback, namespace: namespace)
        s.pods = try cluster.list(apiVersion: "v1", kind: "Pod", namespace: namespace)
        s.deployments = try cluster.list(apiVersion: "apps/v1", kind: "Deployment", namespace: namespace)
        s.replicaSets = try cluster.list(apiVersion: "apps/v1", kind: "ReplicaSet", namespace: namespace)
        func optional(_ apiVersion: String, _ kind: String, namespace: String?) -> [Value] {
            do { return try cluster.list(apiVersion: apiVersion, kind: kind, namespace: namespace) } catch {
                // A kind the server does not serve has nothing to find; only say what could not be read.
                if "\(error)".contains("has no resource for") { return [] }
                s.unreadable.append("\(apiVersion) \(kind): \(Self.short(error))")
                return []
            }
        }
        s.events = optional("v1", "Event", namespace: namespace)
        s.statefulSets = optional("apps/v1", "StatefulSet", namespace: namespace)
        s.jobs = optional("batch/v1", "Job", namespace: namespace)
        s.hpas = optional("autoscaling/v2", "HorizontalPodAutoscaler", namespace: namespace)
        if nodes { s.nodes = optional("v1", "Node", namespace: nil) }
        do {
            for m in try cluster.podUsage(namespace: namespace) {
                let pod = m["metadata"]?["name"]?.string ?? ""
                for c in m["containers"]?.array ?? [] {
                    if let text = c["usage"]?["memory"]?.string, let q = try? Quantity(parsing: text) {
                        s.memoryUsage["\(pod)/\(c["name"]?.string ?? "")"] = q.doubleValue
                    }
                }
            }
        } catch {
            s.unreadable.append("metrics.k8s.io PodMetrics: \(Self.short(error))")
        }
        return s
    }

    static func short(_ error: Error) -> String {
        if let e = error as? KubeAPIError { return e.code == 403 ? "forbidden" : e.code == 404 ? "not served" : "\(e)" }
        return "\(error)"
    }

    /// Events about the object `name` (of `kind`), oldest first.
    public func events(about kind: String, _ name: String) -> [Value] {
        events.filter { $0["involvedObject"]?["kind"]?.string == kind && $0["involvedObject"]?["name"]?.string == name }
            .sorted { (Self.eventTime($0) ?? 0) < (Self.eventTime($1) ?? 0) }
    }

    static func eventTime(_ e: Value) -> Double? {
        for key in ["lastTimestamp", "eventTime", "firstTimestamp"] {
            if let t = e[key]?.string, let d = Timestamps.parse(t) { return d }
        }
        return e["metadata"]?["creationTimestamp"]?.string.flatMap(Timestamps.parse)
    }

    /// The workload owning a pod: its ReplicaSet's Deployment, its Job's CronJob, its
    /// StatefulSet; the pod itself when nothing owns it.
    public func workload(of pod: Value) -> WorkloadRef {
        guard let owner = pod["metadata"]?["ownerReferences"]?.array?.first(where: { $0["controller"]?.boolValue == true })
                ?? pod["metadata"]?["ownerReferences"]?.array?.first,
              let kind = owner["kind"]?.string, let name = owner["name"]?.string else {
            return WorkloadRef(kind: "Pod", name: pod["metadata"]?["name"]?.string ?? "?")
        }
        switch kind {
        case "ReplicaSet":
            if let rs = replicaSets.first(where: { $0["metadata"]?["name"]?.string == name }),
               let top = rs["metadata"]?["ownerReferences"]?.array?.first(where: { $0["kind"]?.string == "Deployment" }),
               let deployment = top["name"]?.string {
                return WorkloadRef(kind: "Deployment", name: deployment)
            }
            return WorkloadRef(kind: "ReplicaSet", name: name)
        case "Job":
            if let job = jobs.first(where: { $0["metadata"]?["name"]?.string == name }),
               let top = job["metadata"]?["ownerReferences"]?.array?.first(where: { $0["kind"]?.string == "CronJob" }),
               let cronJob = top["name"]?.string {
                return WorkloadRef(kind: "CronJob", name: cronJob)
            }
            return WorkloadRef(kind: "Job", name: name)
        default:
            return WorkloadRef(kind: kind, name: name)
        }
    }
}

/// RFC 3339 times as the API server writes them.
enum Timestamps {
    static func parse(_ text: String) -> Double? {
        let f = ISO8601DateFormatter()
        if let d = f.date(from: text) { return d.timeIntervalSince1970 }
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.date(from: text)?.timeIntervalSince1970
    }

    static func format(_ t: Double) -> String {
        ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: t.isFinite ? t : 0))
    }
}
