import Kubernetes
import YAML

/// Rules that relate workloads to their HPAs, PDBs and Services.
enum WorkloadRules {
    /// `hpaBounds`: min ≤ max, `minReplicasAtLeast`, and target utilisation within
    /// `utilization: {min, max}` percent.
    static func hpaBounds(_ params: Value, _ target: CheckedObject) -> [[String: String]] {
        guard target.kind == "HorizontalPodAutoscaler", let spec = target.object["spec"] else { return [] }
        var out: [[String: String]] = []
        let min = spec["minReplicas"]?.integer ?? 1
        let max = spec["maxReplicas"]?.integer ?? 0
        if params.flag("minAtMostMax", true), min > max { out.append(["detail": "minReplicas \(min) is above maxReplicas \(max)"]) }
        if let floor = params.number("minReplicasAtLeast"), Double(min) < floor {
            out.append(["detail": "minReplicas \(min) is below \(Int(floor)); one pod is no redundancy"])
        }
        if let range = params["utilization"] {
            let low = range.number("min") ?? 0, high = range.number("max") ?? 100
            for metric in spec["metrics"]?.array ?? [] {
                guard let resource = metric["resource"], let u = resource["target"]?["averageUtilization"]?.integer else { continue }
                if Double(u) < low || Double(u) > high {
                    let name = resource["name"]?.string ?? "?"
                    out.append(["metric": name, "detail": "\(name) target utilization \(u)% is outside \(Int(low))–\(Int(high))%"])
                }
            }
        }
        return out
    }

    /// The replicas a workload runs with: its HPA's minimum when an HPA targets it.
    static func replicas(_ target: CheckedObject, _ context: RuleContext) -> Int {
        if let hpa = context.autoscaler(of: target) { return hpa.object["spec"]?["minReplicas"]?.integer ?? 1 }
        return target.object["spec"]?["replicas"]?.integer ?? 1
    }

    /// `hpaOwnsReplicas`: a workload an HPA scales sets no `spec.replicas`; otherwise every
    /// apply resets the count the autoscaler chose.
    static func hpaOwnsReplicas(_ target: CheckedObject, _ context: RuleContext) -> [[String: String]] {
        guard ["Deployment", "StatefulSet", "ReplicaSet"].contains(target.kind),
              let replicas = target.object["spec"]?["replicas"], !replicas.isNull,
              let hpa = context.autoscaler(of: target) else { return [] }
        let count = replicas.integer.map(String.init) ?? "?"
        return [["hpa": hpa.metadataName,
                 "detail": "sets spec.replicas \(count) but HorizontalPodAutoscaler \(hpa.metadataName) owns the replica count; every apply would reset what the autoscaler chose"]]
    }

    /// `pdbRequired`: a workload with at least `minReplicas` (default 2) replicas needs a
    /// PodDisruptionBudget selecting its pods.
    static func pdbRequired(_ params: Value, _ target: CheckedObject, _ context: RuleContext) -> [[String: String]] {
        guard ["Deployment", "StatefulSet"].contains(target.kind) else { return [] }
        let threshold = Int(params.number("minReplicas") ?? 2)
        let count = replicas(target, context)
        guard count >= threshold else { return [] }
        let labels = Workload.podLabels(target.object)
        let covered = context.disruptionBudgetCovers(labels, in: target.namespace)
        return covered ? [] : [["detail": "runs \(count) replicas but no PodDisruptionBudget selects its pods; a node drain could take them all"]]
    }

    /// `serviceSelects`: a Service's selector matches the pods of some workload.
    static func serviceSelects(_ target: CheckedObject, _ context: RuleContext) -> [[String: String]] {
        guard target.kind == "Service", case .object(let selector)? = target.object["spec"]?["selector"], !selector.isEmpty else { return [] }
        var wanted: [String: String] = [:]
        for (k, v) in selector { wanted[k] = v.string ?? "" }
        let matched = context.workloadSelected(by: wanted, in: target.namespace)
        let text = wanted.keys.sorted().map { "\($0)=\(wanted[$0]!)" }.joined(separator: ",")
        return matched ? [] : [["selector": text, "detail": "selector \(text) matches no workload's pods; the Service has no endpoints"]]
    }
}
