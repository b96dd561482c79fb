import Foundation
import YAML

/// Waits until the workloads a run applied are healthy, or one is broken beyond waiting, or
/// the timeout passes. Each poll reads whole kinds (Deployments, StatefulSets, ReplicaSets,
/// Pods, Jobs, HPAs) with one LIST each and judges them with `HealthCheck`: only the pods of a
/// Deployment's newest ReplicaSet count, so a crash-looping pod of a revision being replaced
/// does not fail the revision replacing it.
struct HealthWaiter {
    let cluster: any ReconcileCluster
    let namespace: String
    /// Wall seconds between polls (the `Reconciler` passes its own).
    var pollInterval: Double
    let log: (String) -> Void
    var clock = WaitClock.wall

    /// The outcome of a wait.
    enum Outcome: Sendable, Equatable {
        case healthy
        /// One object is degraded: which, why, and the pod behind it (for events).
        case degraded(object: String, reason: String, pod: String?)
        /// Still progressing when time ran out.
        case timedOut(object: String, reason: String)
    }

    static let watchedKinds: Set<String> = ["Deployment", "StatefulSet", "Job", "HorizontalPodAutoscaler"]

    func wait(for desired: [Value], timeoutSeconds: Int) throws -> Outcome {
        let targets = desired.filter { Self.watchedKinds.contains($0["kind"]?.string ?? "") }
        if targets.isEmpty { return .healthy }
        let deadline = clock.now() + Double(timeoutSeconds)
        var lastProgress = ""
        while true {
            let verdict = try poll(targets)
            switch verdict {
            case .healthy, .degraded:
                return verdict
            case .timedOut(let object, let reason):
                let line = "\(object): \(reason)"
                if line != lastProgress { log("waiting: \(line)"); lastProgress = line }
                if clock.now() >= deadline {
                    return .timedOut(object: object, reason: "still progressing after \(timeoutSeconds)s: \(reason)")
                }
            }
            clock.sleep(pollInterval)
        }
    }

    /// One look at every target: the first degraded one, else the first progressing one
    /// (reported as `timedOut` for the caller to decide), else healthy.
    func poll(_ targets: [Value]) throws -> Outcome {
        let kinds = Set(targets.compactMap { $0["kind"]?.string })
        func listed(_ apiVersion: String, _ kind: String) throws -> [Value] {
            try cluster.list(apiVersion: apiVersion, kind: kind, namespace: namespace)
        }
        var live: [String: Value] = [:]
        for (apiVersion, kind) in [("apps/v1", "Deployment"), ("apps/v1", "StatefulSet"), ("batch/v1", "Job"),
                                   ("autoscaling/v2", "HorizontalPodAutoscaler")] where kinds.contains(kind) {
            for o in try listed(apiVersion, kind) { live["\(kind)/\(o["metadata"]?["name"]?.string ?? "")"] = o }
        }
        let needsPods = kinds.contains("Deployment") || kinds.contains("StatefulSet")
        let pods = needsPods ? try listed("v1", "Pod") : []
        let replicaSets = kinds.contains("Deployment") ? try listed("apps/v1", "ReplicaSet") : []

        var progressing: (String, String)?
        for target in targets {
            let kind = target["kind"]?.string ?? ""
            let name = target["metadata"]?["name"]?.string ?? ""
            let label = ObjectName.of(target)
            guard let object = live["\(kind)/\(name)"] else {
                progressing = progressing ?? (label, "not found yet")
                continue
            }
            let owned = Self.pods(of: object, replicaSets: replicaSets, pods: pods)
            switch HealthCheck.evaluate(object, pods: owned) {
            case .healthy:
                continue
            case .degraded(let why):
                let pod = owned.first { HealthCheck.pod($0)?.isDegraded == true }?["metadata"]?["name"]?.string
                return .degraded(object: label, reason: why, pod: pod)
            case .progressing(let why):
                progressing = progressing ?? (label, why)
            }
        }
        if let (object, reason) = progressing { return .timedOut(object: object, reason: reason) }
        return .healthy
    }

    /// The pods that decide a workload's health: for a Deployment those of its newest
    /// ReplicaSet (by the revision annotation); for a StatefulSet those it owns.
    static func pods(of object: Value, replicaSets: [Value], pods: [Value]) -> [Value] {
        guard let uid = object["metadata"]?["uid"]?.string else { return [] }
        func owners(_ o: Value) -> [String] {
            (o["metadata"]?["ownerReferences"]?.array ?? []).compactMap { $0["uid"]?.string }
        }
        var ownerUIDs: Set<String> = [uid]
        if object["kind"]?.string == "Deployment" {
            let revisionKey = "deployment.kubernetes.io/revision"
            let owned = replicaSets.filter { owners($0).contains(uid) }
            let revision = object["metadata"]?["annotations"]?[revisionKey]?.string
            let newest = owned.first { revision != nil && $0["metadata"]?["annotations"]?[revisionKey]?.string == revision }
                ?? owned.max { (Int($0["metadata"]?["annotations"]?[revisionKey]?.string ?? "") ?? 0) < (Int($1["metadata"]?["annotations"]?[revisionKey]?.string ?? "") ?? 0) }
            guard let newestUID = newest?["metadata"]?["uid"]?.string else { return [] }
            ownerUIDs = [newestUID]
        }
        return pods.filter { pod in
            owners(pod).contains { ownerUIDs.contains($0) } && pod["metadata"]?["deletionTimestamp"] == nil
        }
    }
}

/// The time a health wait runs on: this machine's clock and a real sleep, or — for a harness
/// that drives a simulated cluster — the cluster's clock and a step of simulated time, so a
/// wait takes the same simulated seconds on every run.
public struct WaitClock: Sendable {
    public var now: @Sendable () -> Double
    public var sleep: @Sendable (Double) -> Void

    public init(now: @escaping @Sendable () -> Double, sleep: @escaping @Sendable (Double) -> Void) {
        self.now = now
        self.sleep = sleep
    }

    public static let wall = WaitClock(now: { Date().timeIntervalSince1970 }, sleep: { Thread.sleep(forTimeInterval: $0) })
}
