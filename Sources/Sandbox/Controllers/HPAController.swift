import Kubernetes
import OrderedCollections
import YAML

/// The HorizontalPodAutoscaler controller, with the upstream algorithm: every 15 s,
/// desired = ceil(current × usage / target) outside a 10% tolerance, the largest proposal
/// over all metrics, stabilized over the behavior windows (highest recent recommendation
/// when scaling down, lowest when scaling up), rate-limited by the behavior policies,
/// clamped to min and max; and the AbleToScale, ScalingActive and ScalingLimited conditions.
extension Cluster {
    var hpaType: ResourceType { catalog.type(group: "autoscaling", version: "v2", resource: "horizontalpodautoscalers")! }
    static let hpaSyncPeriod = 15.0
    static let hpaTolerance = 0.1

    /// A metric's current mean as `status.currentMetrics` prints it: CPU in whole millicores
    /// (rounded), memory in whole bytes, canonical (`250m`, `1`, `52428800`). `average` is in
    /// millicores for CPU and in bytes otherwise, as the pods' usage is summed.
    static func averageQuantity(_ resource: String, _ average: Double) -> Value {
        Defaulting.canonical(.string(resource == "cpu"
            ? "\(Int(clamping: average, to: 0...Int.max / 2, rounding: .toNearestOrAwayFromZero))m"
            : "\(Int(clamping: average, to: 0...Int.max / 2))"))
    }

    func runHPAs() {
        let hpas = store.list(hpaType)
        guard !hpas.isEmpty else { return }
        let allPods = store.list(podType).map(\.object)
        let rates = perPodRates(pods: allPods)
        for entry in hpas {
            let id = "\(entry.key.namespace)/\(entry.key.name)"
            if let last = hpaLastSync[id], clock.now - last < Self.hpaSyncPeriod { continue }
            hpaLastSync[id] = clock.now
            syncHPA(entry.object, key: entry.key, pods: allPods, rates: rates)
        }
    }

    private func syncHPA(_ input: Value, key: ObjectKey, pods allPods: [Value], rates: [String: Double]) {
        var hpa = input
        let id = "\(key.namespace)/\(key.name)"
        let now = clock.now
        let nowText = Timestamp.format(now)
        let old = hpa["status"] ?? .object([:])
        var conditions: [Value] = []
        func condition(_ type: String, _ status: String, _ reason: String, _ message: String) -> Value {
            let previous = old["conditions"]?.array?.first { $0["type"]?.string == type }
            let since = previous?["status"]?.string == status ? (previous?["lastTransitionTime"] ?? .string(nowText)) : .string(nowText)
            return ["type": .string(type), "status": .string(status), "lastTransitionTime": since, "reason": .string(reason), "message": .string(message)]
        }
        let refKind = hpa[path: ["spec", "scaleTargetRef", "kind"]]?.string ?? "Deployment"
        let refName = hpa[path: ["spec", "scaleTargetRef", "name"]]?.string ?? ""
        let targetType = refKind == "ReplicaSet" ? replicaSetType : deploymentType
        guard let target = store.get(targetType, ObjectKey(namespace: key.namespace, name: refName)) else {
            conditions.append(condition("AbleToScale", "False", "FailedGetScale", "the HPA controller was unable to get the target's current scale: \(targetType.qualifiedResource) \"\(refName)\" not found"))
            hpa[path: ["status"]] = ["currentReplicas": 0, "desiredReplicas": 0, "conditions": .array(conditions)]
            controllerWrite(hpaType, hpa)
            return
        }
        let current = target[path: ["spec", "replicas"]]?.intValue ?? 1
        let minReplicas = hpa[path: ["spec", "minReplicas"]]?.intValue ?? 1
        let maxReplicas = hpa[path: ["spec", "maxReplicas"]]?.intValue ?? 1
        let selector = (target[path: ["spec", "selector"]]).flatMap { try? LabelSelector(object: $0) }
        let pods = allPods.filter { p in
            p[path: ["metadata", "namespace"]]?.string == key.namespace && p[path: ["metadata", "deletionTimestamp"]] == nil
                && (selector?.matches(p[path: ["metadata", "labels"]]?.stringMap ?? [:]) ?? false)
        }

        // Metrics → a proposal each.
        var proposals: [(replicas: Int, description: String)] = []
        var currentMetrics: [Value] = []
        var metricError: String?
        for metric in hpa[path: ["spec", "metrics"]]?.array ?? [] {
            guard metric["type"]?.string == "Resource", let resource = metric[path: ["resource", "name"]]?.string else { continue }
            var usageSum = 0.0, requestSum = 0.0, counted = 0
            for pod in pods where Self.isReady(pod) {
                let usage = podUsage(pod, rate: rates[pod[path: ["metadata", "uid"]]?.string ?? ""] ?? 0)
                guard !usage.isEmpty else { continue }
                counted += 1
                for u in usage { usageSum += resource == "cpu" ? u.usage.cpuMillicores : u.usage.memoryMi * 1_048_576 }
                for c in pod[path: ["spec", "containers"]]?.array ?? [] {
                    let request = Self.quantityValue(c[path: ["resources", "requests", resource]]) ?? 0
                    requestSum += resource == "cpu" ? request * 1000 : request
                }
            }
            guard counted > 0 else {
                metricError = "the HPA was unable to compute the replica count: did not receive metrics for targeted pods (pods might be unready)"
                continue
            }
            let description = "\(resource) resource utilization (percentage of request)"
            if let targetUtil = metric[path: ["resource", "target", "averageUtilization"]]?.intValue {
                guard requestSum > 0 else {
                    metricError = "the HPA was unable to compute the replica count: failed to get \(resource) utilization: missing request for \(resource) in container"
                    continue
                }
                let utilization = Int(clamping: usageSum / requestSum * 100, to: 0...Int(Int32.max), rounding: .down)
                let ratio = Double(utilization) / Double(targetUtil)
                let proposal = abs(ratio - 1) <= Self.hpaTolerance ? current : Int(clamping: ratio * Double(counted), to: 0...Int(Int32.max), rounding: .up)
                proposals.append((proposal, description))
                currentMetrics.append(["type": "Resource", "resource": ["name": .string(resource), "current": [
                    "averageValue": Self.averageQuantity(resource, usageSum / Double(counted)), "averageUtilization": .int(Int64(utilization))]]])
            } else if let avgTarget = Self.quantityValue(metric[path: ["resource", "target", "averageValue"]]) {
                let avg = usageSum / Double(counted) / (resource == "cpu" ? 1000 : 1)
                let ratio = avg / avgTarget
                let proposal = abs(ratio - 1) <= Self.hpaTolerance ? current : Int(clamping: ratio * Double(counted), to: 0...Int(Int32.max), rounding: .up)
                proposals.append((proposal, "\(resource) resource"))
                currentMetrics.append(["type": "Resource", "resource": ["name": .string(resource), "current": [
                    "averageValue": Self.averageQuantity(resource, usageSum / Double(counted))]]])
            }
        }

        var desired = current
        var reason = ""
        var ableReason = "ReadyForNewScale", ableMessage = "recommended size matches current size"
        var limitedReason = "DesiredWithinRange", limitedMessage = "the desired count is within the acceptable range"
        if current == 0 {
            conditions.append(condition("ScalingActive", "False", "ScalingDisabled", "scaling is disabled since the replica count of the target is zero"))
        } else if let best = proposals.max(by: { $0.replicas < $1.replicas }) {
            let recommendation = best.replicas
            reason = best.description + (recommendation > current ? " above target" : " below target")
            conditions.append(condition("ScalingActive", "True", "ValidMetricFound",
                                        "the HPA was able to successfully calculate a replica count from \(best.description)"))
            // Stabilization windows.
            let upWindow = Double(hpa[path: ["spec", "behavior", "scaleUp", "stabilizationWindowSeconds"]]?.intValue ?? 0)
            let downWindow = Double(hpa[path: ["spec", "behavior", "scaleDown", "stabilizationWindowSeconds"]]?.intValue ?? 300)
            var history = hpaHistory[id] ?? []
            var up = recommendation, down = recommendation
            for rec in history {
                if rec.time > now - upWindow { up = min(up, rec.replicas) }
                if rec.time > now - downWindow { down = max(down, rec.replicas) }
            }
            history.append((now, recommendation))
            let keep = max(upWindow, downWindow)
            history.removeAll { $0.time <= now - keep - Self.hpaSyncPeriod }
            hpaHistory[id] = history
            var stabilized = current
            if stabilized < up { stabilized = up }
            if stabilized > down { stabilized = down }
            if stabilized != recommendation && stabilized > recommendation {
                ableReason = "ScaleDownStabilized"
                ableMessage = "recent recommendations were higher than current one, applying the highest recent recommendation"
            }
            // Rate limits from behavior policies.
            let limited = rateLimited(hpa, id: id, current: current, desired: stabilized, now: now)
            desired = limited.replicas
            if limited.reason != nil {
                limitedReason = limited.reason!
                limitedMessage = limited.message!
            }
            if desired > maxReplicas {
                desired = maxReplicas
                limitedReason = "TooManyReplicas"
                limitedMessage = "the desired replica count is more than the maximum replica count"
            } else if desired < minReplicas {
                desired = minReplicas
                limitedReason = "TooFewReplicas"
                limitedMessage = "the desired replica count is less than the minimum replica count"
            }
        } else {
            conditions.append(condition("ScalingActive", "False", "FailedGetResourceMetric", metricError ?? "no metrics configured"))
            if current > maxReplicas { desired = maxReplicas } else if current < minReplicas { desired = minReplicas }
        }

        var status: OrderedDictionary<String, Value> = ["observedGeneration": hpa[path: ["metadata", "generation"]] ?? 1]
        if let last = old["lastScaleTime"] { status["lastScaleTime"] = last }
        if desired != current {
            _ = try? updateScale(targetType, ObjectKey(namespace: key.namespace, name: refName), ["spec": ["replicas": .int(Int64(desired))]],
                                 manager: "kube-controller-manager", dryRun: false)
            status["lastScaleTime"] = .string(nowText)
            ableReason = "SucceededRescale"
            ableMessage = "the HPA controller was able to update the target scale to \(desired)"
            let why = reason.isEmpty ? (desired > current ? "Current number of replicas below Spec.MinReplicas" : "Current number of replicas above Spec.MaxReplicas") : reason
            recordEvent(hpa, reason: "SuccessfulRescale", message: "New size: \(desired); reason: \(why)", component: "horizontal-pod-autoscaler")
            var events = hpaScaleEvents[id] ?? []
            events.append((now, desired - current))
            events.removeAll { $0.time < now - 1800 }
            hpaScaleEvents[id] = events
        }
        status["currentReplicas"] = .int(Int64(current))
        status["desiredReplicas"] = .int(Int64(desired))
        if !currentMetrics.isEmpty { status["currentMetrics"] = .array(currentMetrics) }
        conditions.insert(condition("AbleToScale", "True", ableReason, ableMessage), at: 0)
        if current > 0 && !proposals.isEmpty {
            conditions.append(condition("ScalingLimited", limitedReason == "DesiredWithinRange" ? "False" : "True", limitedReason, limitedMessage))
        }
        status["conditions"] = .array(conditions)
        hpa[path: ["status"]] = .object(status)
        controllerWrite(hpaType, hpa)
    }

    /// Applies the scaleUp / scaleDown policies over the replicas changed within each policy's period.
    private func rateLimited(_ hpa: Value, id: String, current: Int, desired: Int, now: Double) -> (replicas: Int, reason: String?, message: String?) {
        let events = hpaScaleEvents[id] ?? []
        func changed(within period: Double, up: Bool) -> Int {
            events.filter { $0.time > now - period && ($0.change > 0) == up }.reduce(0) { $0 + abs($1.change) }
        }
        if desired > current {
            let policies = hpa[path: ["spec", "behavior", "scaleUp", "policies"]]?.array
                ?? [["type": "Pods", "value": 4, "periodSeconds": 15], ["type": "Percent", "value": 100, "periodSeconds": 15]]
            let select = hpa[path: ["spec", "behavior", "scaleUp", "selectPolicy"]]?.string ?? "Max"
            if select == "Disabled" { return (current, "ScalingDisabled", "scaling up is disabled") }
            var limits: [Int] = []
            for p in policies {
                let period = Double(p["periodSeconds"]?.intValue ?? 15)
                let start = current - changed(within: period, up: true)
                let value = p["value"]?.intValue ?? 0
                limits.append(p["type"]?.string == "Percent" ? Int(clamping: Double(start) * (1 + Double(value) / 100), to: 0...Int(Int32.max), rounding: .up) : start + value)
            }
            let limit = select == "Min" ? (limits.min() ?? desired) : (limits.max() ?? desired)
            if desired > limit { return (limit, "ScaleUpLimit", "the desired replica count is increasing faster than the maximum scale rate") }
        } else if desired < current {
            let policies = hpa[path: ["spec", "behavior", "scaleDown", "policies"]]?.array ?? [["type": "Percent", "value": 100, "periodSeconds": 15]]
            let select = hpa[path: ["spec", "behavior", "scaleDown", "selectPolicy"]]?.string ?? "Max"
            if select == "Disabled" { return (current, "ScalingDisabled", "scaling down is disabled") }
            var limits: [Int] = []
            for p in policies {
                let period = Double(p["periodSeconds"]?.intValue ?? 15)
                let start = current + changed(within: period, up: false)
                let value = p["value"]?.intValue ?? 0
                // Truncated, as upstream's int32(float64(start) * (1 - percent/100)): 10% of 6
                // pods lets one go (5.4 → 5); rounding up would hold every count under 10.
                limits.append(p["type"]?.string == "Percent" ? Int(clamping: Double(start) * (1 - Double(value) / 100), to: 0...Int(Int32.max), rounding: .down) : start - value)
            }
            let limit = select == "Min" ? (limits.max() ?? desired) : (limits.min() ?? desired)
            if desired < limit { return (limit, "ScaleDownLimit", "the desired replica count is decreasing faster than the maximum scale rate") }
        }
        return (desired, nil, nil)
    }
}
