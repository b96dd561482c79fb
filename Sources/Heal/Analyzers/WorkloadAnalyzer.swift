import Foundation
import YAML

/// Rollouts that do not finish (ProgressDeadlineExceeded, or a new ReplicaSet without an
/// available pod while the old one serves), failed Jobs, HPA trouble (pinned at maxReplicas
/// while above target, metrics unavailable) and node conditions (reported only).
enum WorkloadAnalyzer {
    static func analyze(_ s: ClusterSnapshot, policy: RemediationPolicy) -> [HealFinding] {
        rollouts(s, policy: policy) + jobs(s) + hpas(s, policy: policy) + nodes(s)
    }

    static func condition(_ object: Value, _ type: String) -> Value? {
        object["status"]?["conditions"]?.array?.first { $0["type"]?.string == type }
    }

    static func time(_ v: Value?) -> Double? { v?.string.flatMap(Timestamps.parse) }

    static func rollouts(_ s: ClusterSnapshot, policy: RemediationPolicy) -> [HealFinding] {
        var out: [HealFinding] = []
        for d in s.deployments {
            guard let name = d["metadata"]?["name"]?.string else { continue }
            let ref = WorkloadRef(kind: "Deployment", name: name)
            if let p = condition(d, "Progressing"), p["reason"]?.string == "ProgressDeadlineExceeded" {
                out.append(HealFinding(faultClass: .failedRollout, workload: ref, severity: .critical,
                                   summary: "rollout of \(name) exceeded its progress deadline",
                                   evidence: ["condition Progressing=False ProgressDeadlineExceeded: \(p["message"]?.string ?? "")"],
                                   since: time(p["lastTransitionTime"])))
                continue
            }
            // The newest ReplicaSet has no available pod while an older one still serves.
            let owned = s.replicaSets.filter { rs in
                rs["metadata"]?["ownerReferences"]?.array?.contains { $0["kind"]?.string == "Deployment" && $0["name"]?.string == name } ?? false
            }
            func revision(_ rs: Value) -> Int { Int(rs["metadata"]?["annotations"]?["deployment.kubernetes.io/revision"]?.string ?? "") ?? 0 }
            guard let newest = owned.max(by: { revision($0) < revision($1) }), revision(newest) > 1 else { continue }
            let available = HealthInt.of(newest["status"]?["availableReplicas"]) ?? 0
            let desired = HealthInt.of(newest["spec"]?["replicas"]) ?? 0
            let oldServing = owned.contains { revision($0) < revision(newest) && (HealthInt.of($0["status"]?["availableReplicas"]) ?? 0) > 0 }
            let created = time(newest["metadata"]?["creationTimestamp"]) ?? s.now
            if desired > 0, available == 0, oldServing, s.now - created >= policy.notReadyAfter {
                let since = created + policy.notReadyAfter
                out.append(HealFinding(faultClass: .failedRollout, workload: ref, severity: .critical,
                                   summary: "the new ReplicaSet \(newest["metadata"]?["name"]?.string ?? "?") of \(name) has no available pod after \(Int((s.now - created) / 60)) min while the old one serves",
                                   evidence: ["ReplicaSet revision \(revision(newest)): 0 of \(desired) available since \(Timestamps.format(created))"],
                                   since: since))
            }
        }
        return out
    }

    static func jobs(_ s: ClusterSnapshot) -> [HealFinding] {
        var latest: [WorkloadRef: (Double, Value)] = [:]
        for job in s.jobs {
            guard let name = job["metadata"]?["name"]?.string else { continue }
            let owner = job["metadata"]?["ownerReferences"]?.array?.first { $0["kind"]?.string == "CronJob" }?["name"]?.string
            let ref = owner.map { WorkloadRef(kind: "CronJob", name: $0) } ?? WorkloadRef(kind: "Job", name: name)
            let created = time(job["metadata"]?["creationTimestamp"]) ?? 0
            if latest[ref].map({ $0.0 < created }) ?? true { latest[ref] = (created, job) }
        }
        // Only the newest Job of a CronJob speaks for it: a later success clears an old failure.
        return latest.keys.sorted().compactMap { ref in
            let job = latest[ref]!.1
            guard let failed = condition(job, "Failed"), failed["status"]?.string == "True" else { return nil }
            let name = job["metadata"]?["name"]?.string ?? "?"
            return HealFinding(faultClass: .jobFailed, workload: ref, severity: .warning,
                           summary: "job \(name) failed: \(failed["reason"]?.string ?? "") \(failed["message"]?.string ?? "")",
                           evidence: ["Job \(name): Failed=True \(failed["reason"]?.string ?? ""): \(failed["message"]?.string ?? "")"],
                           since: time(failed["lastTransitionTime"]))
        }
    }

    static func hpas(_ s: ClusterSnapshot, policy: RemediationPolicy) -> [HealFinding] {
        var out: [HealFinding] = []
        for h in s.hpas {
            guard let name = h["metadata"]?["name"]?.string else { continue }
            let target = h["spec"]?["scaleTargetRef"]?["name"]?.string ?? name
            let ref = WorkloadRef(kind: "HorizontalPodAutoscaler", name: name)
            if let active = condition(h, "ScalingActive"), active["status"]?.string == "False",
               let reason = active["reason"]?.string, reason.hasPrefix("FailedGet") {
                let failing = time(active["lastTransitionTime"]) ?? s.now
                let since = failing + policy.pendingAfter
                if s.now >= since {
                    out.append(HealFinding(faultClass: .hpaMetricsUnavailable, workload: ref, severity: .warning,
                                       summary: "HPA \(name) cannot read its metrics: \(reason)",
                                       evidence: ["condition ScalingActive=False \(reason): \(active["message"]?.string ?? "")"], since: since))
                }
                continue
            }
            let maxReplicas = HealthInt.of(h["spec"]?["maxReplicas"]) ?? 0
            let current = HealthInt.of(h["status"]?["currentReplicas"]) ?? 0
            guard maxReplicas > 0, current >= maxReplicas,
                  let limited = condition(h, "ScalingLimited"), limited["status"]?.string == "True", limited["reason"]?.string == "TooManyReplicas" else { continue }
            let pinned = time(limited["lastTransitionTime"]) ?? s.now
            let over = utilizationOverTarget(h)
            guard !over.isEmpty, s.now - pinned >= policy.hpaAtMaxFor else { continue }
            // The rule is met once it has been pinned for hpaAtMaxFor.
            let since = pinned + policy.hpaAtMaxFor
            var f = HealFinding(faultClass: .hpaAtMax, workload: ref, severity: .warning,
                            summary: "HPA \(name) (\(target)) has been pinned at maxReplicas \(maxReplicas) for \(Int((s.now - pinned) / 60)) min with \(over.joined(separator: ", "))",
                            evidence: ["currentReplicas \(current), desiredReplicas \(HealthInt.of(h["status"]?["desiredReplicas"]) ?? 0), maxReplicas \(maxReplicas)",
                                       "condition ScalingLimited=True TooManyReplicas since \(Timestamps.format(pinned))"] + over,
                            since: since)
            f.facts = ["maxReplicas": Double(maxReplicas)]
            out.append(f)
        }
        return out
    }

    /// `cpu utilization 140% > target 70%` for each resource metric over its target.
    static func utilizationOverTarget(_ h: Value) -> [String] {
        var out: [String] = []
        for spec in h["spec"]?["metrics"]?.array ?? [] where spec["type"]?.string == "Resource" {
            guard let resource = spec["resource"]?["name"]?.string,
                  let target = HealthInt.of(spec["resource"]?["target"]?["averageUtilization"]) else { continue }
            let current = (h["status"]?["currentMetrics"]?.array ?? []).first { $0["resource"]?["name"]?.string == resource }
            if let value = HealthInt.of(current?["resource"]?["current"]?["averageUtilization"]), value > target {
                out.append("\(resource) utilization \(value)% > target \(target)%")
            }
        }
        return out
    }

    static func nodes(_ s: ClusterSnapshot) -> [HealFinding] {
        var out: [HealFinding] = []
        for n in s.nodes {
            guard let name = n["metadata"]?["name"]?.string else { continue }
            let ref = WorkloadRef(kind: "Node", name: name)
            for c in n["status"]?["conditions"]?.array ?? [] {
                let type = c["type"]?.string ?? "", status = c["status"]?.string ?? ""
                let evidence = ["condition \(type)=\(status) \(c["reason"]?.string ?? ""): \(c["message"]?.string ?? "")"]
                if type == "Ready", status != "True" {
                    out.append(HealFinding(faultClass: .nodeNotReady, workload: ref, severity: .critical, summary: "node \(name) is not ready",
                                       evidence: evidence, since: time(c["lastTransitionTime"])))
                } else if type.hasSuffix("Pressure"), status == "True" {
                    out.append(HealFinding(faultClass: .nodePressure, workload: ref, container: type, severity: .warning,
                                       summary: "node \(name) reports \(type)", evidence: evidence, since: time(c["lastTransitionTime"])))
                }
            }
        }
        return out
    }
}
