import Foundation
import YAML

/// Whether an applied object has become what it should be, by the rules Flux's kstatus and
/// Argo CD's health checks use (docs/reconcile.md states them).
public enum Health: Sendable, Equatable, CustomStringConvertible {
    case healthy
    /// Still converging; waiting may help.
    case progressing(String)
    /// Broken; waiting will not help (crash loops, pull failures, OOM kills, deadlines).
    case degraded(String)

    public var description: String {
        switch self {
        case .healthy: "healthy"
        case .progressing(let why): "progressing: \(why)"
        case .degraded(let why): "degraded: \(why)"
        }
    }

    public var isHealthy: Bool { self == .healthy }
    public var isDegraded: Bool { if case .degraded = self { return true }; return false }
}

/// Health rules per kind. Pure: they read objects, the caller fetches them.
public enum HealthCheck {
    /// The health of one object; `pods` are the pods the object owns (for workloads).
    public static func evaluate(_ object: Value, pods: [Value] = []) -> Health {
        switch object["kind"]?.string {
        case "Deployment", "StatefulSet", "ReplicaSet": return workload(object, pods: pods)
        case "Job": return job(object)
        case "HorizontalPodAutoscaler": return hpa(object)
        case "Pod": return pod(object) ?? .healthy
        default: return .healthy
        }
    }

    static func int(_ v: Value?) -> Int? {
        switch v {
        case .int(let i)?: return Int(i)
        case .uint(let u)?: return Int(u)
        case .float(let f)?: return Int(f)
        default: return nil
        }
    }

    static func condition(_ object: Value, _ type: String) -> Value? {
        object["status"]?["conditions"]?.array?.first { $0["type"]?.string == type }
    }

    /// kstatus for Deployments: generation observed, every replica updated and available,
    /// no ProgressDeadlineExceeded; and no pod crash-looping, failing to pull or OOM-killed.
    static func workload(_ object: Value, pods: [Value]) -> Health {
        let generation = int(object["metadata"]?["generation"]) ?? 0
        let observed = int(object["status"]?["observedGeneration"]) ?? 0
        // Until the controller has seen the new spec, the pods belong to the old one: a
        // rollback away from a crash-looping revision must not be judged by its pods.
        if generation > observed { return .progressing("the controller has not seen generation \(generation) yet") }
        for p in pods {
            if let problem = pod(p), problem.isDegraded { return problem }
        }
        if let progressing = condition(object, "Progressing"), progressing["reason"]?.string == "ProgressDeadlineExceeded" {
            return .degraded("rollout exceeded its progress deadline: \(progressing["message"]?.string ?? "")")
        }
        let want = int(object["spec"]?["replicas"]) ?? 1
        let status = object["status"]
        let updated = int(status?["updatedReplicas"]) ?? 0
        let total = int(status?["replicas"]) ?? 0
        let available = int(status?["availableReplicas"]) ?? 0
        let ready = int(status?["readyReplicas"]) ?? 0
        if updated < want { return .progressing("\(updated) of \(want) replicas updated") }
        if total > updated { return .progressing("\(total - updated) old replicas are pending termination") }
        if object["kind"]?.string == "StatefulSet" {
            if ready < want { return .progressing("\(ready) of \(want) replicas ready") }
        } else if available < updated {
            return .progressing("\(available) of \(updated) updated replicas available")
        }
        return .healthy
    }

    /// A pod's own trouble: waiting reasons that do not fix themselves, and OOM kills.
    static func pod(_ pod: Value) -> Health? {
        let name = pod["metadata"]?["name"]?.string ?? "?"
        let statuses = (pod["status"]?["containerStatuses"]?.array ?? []) + (pod["status"]?["initContainerStatuses"]?.array ?? [])
        for status in statuses {
            let container = status["name"]?.string ?? "?"
            if let waiting = status["state"]?["waiting"], let reason = waiting["reason"]?.string,
               ["CrashLoopBackOff", "ImagePullBackOff", "ErrImagePull", "InvalidImageName", "CreateContainerConfigError"].contains(reason) {
                var why = "pod \(name) container \(container): \(reason)"
                if let last = status["lastState"]?["terminated"], let lastReason = last["reason"]?.string {
                    let code = int(last["exitCode"]).map { ", exit code \($0)" } ?? ""
                    let restarts = int(status["restartCount"]).map { ", \($0) restarts" } ?? ""
                    why += " (last exit: \(lastReason)\(code)\(restarts))"
                }
                // The kubelet's back-off message only repeats the pod and container names.
                if reason != "CrashLoopBackOff", let message = waiting["message"]?.string, !message.isEmpty { why += ": \(message)" }
                return .degraded(why)
            }
            if status["lastState"]?["terminated"]?["reason"]?.string == "OOMKilled", int(status["restartCount"]) ?? 0 > 0,
               status["ready"] != .bool(true) {
                return .degraded("pod \(name) container \(container): OOMKilled (memory limit too low)")
            }
        }
        if pod["status"]?["phase"]?.string == "Failed" { return .degraded("pod \(name) failed") }
        return nil
    }

    static func job(_ object: Value) -> Health {
        if condition(object, "Complete")?["status"]?.string == "True" { return .healthy }
        if let failed = condition(object, "Failed"), failed["status"]?.string == "True" {
            return .degraded("job failed: \(failed["reason"]?.string ?? "") \(failed["message"]?.string ?? "")")
        }
        return .progressing("job running")
    }

    /// Argo CD's HPA rule, less its false alarms: a false AbleToScale or ScalingActive is
    /// degraded, except while metrics are missing (`FailedGet*Metric`), which is what every new
    /// HPA reports until its pods are ready — that is progressing, and only fails at the timeout.
    static func hpa(_ object: Value) -> Health {
        for type in ["AbleToScale", "ScalingActive"] {
            if let c = condition(object, type), c["status"]?.string == "False" {
                let reason = c["reason"]?.string ?? ""
                let why = "\(type) is False: \(reason) \(c["message"]?.string ?? "")"
                if reason.hasPrefix("FailedGet") && reason.hasSuffix("Metric") { return .progressing(why) }
                return .degraded(why)
            }
        }
        return .healthy
    }
}
