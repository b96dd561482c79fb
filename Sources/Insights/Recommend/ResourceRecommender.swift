import Kubernetes

/// Turns a container's usage into requests and limits by the policy: target p90 + margin,
/// bounds p50/p95 scaled by confidence, OOM-bumped memory never below an observed peak,
/// HPA-aware CPU, per-pod minimums, a capped step, and nothing below the significance bar.
/// Memory limits keep a safety margin over the peak and come down slowly; a leak is flagged.
public enum ResourceRecommender {
    /// Current settings of a container.
    public struct Current: Sendable, Equatable {
        public var cpuRequest: Quantity?
        public var cpuLimit: Quantity?
        public var memoryRequest: Quantity?
        public var memoryLimit: Quantity?
        public init(cpuRequest: Quantity? = nil, cpuLimit: Quantity? = nil, memoryRequest: Quantity? = nil, memoryLimit: Quantity? = nil) {
            self.cpuRequest = cpuRequest
            self.cpuLimit = cpuLimit
            self.memoryRequest = memoryRequest
            self.memoryLimit = memoryLimit
        }
    }

    /// Percentiles and counts behind a recommendation.
    public struct Evidence: Sendable, Equatable {
        public var samples: Int
        public var windowDays: Double
        public var confidenceDays: Double
        public var cpu: (p50: Double, p90: Double, p95: Double, max: Double)
        public var memory: (p50: Double, p90: Double, p95: Double, max: Double)
        public var oomKills: Int

        public static func == (a: Evidence, b: Evidence) -> Bool {
            a.samples == b.samples && a.windowDays == b.windowDays && a.oomKills == b.oomKills
                && a.cpu.p90 == b.cpu.p90 && a.memory.p90 == b.memory.p90 && a.cpu.max == b.cpu.max && a.memory.max == b.memory.max
        }
    }

    public struct Recommendation: Sendable, Equatable {
        public var container: String
        public var current: Current
        /// The proposed values; nil where nothing changes.
        public var cpuRequest: Quantity?
        public var cpuLimit: Quantity?
        public var memoryRequest: Quantity?
        public var memoryLimit: Quantity?
        /// VPA-style bounds around the target (for the table).
        public var cpuBounds: (lower: Double, upper: Double)
        public var memoryBounds: (lower: Double, upper: Double)
        public var evidence: Evidence
        /// Why something was or was not proposed (too little history, capped, OOM bump, ...).
        public var notes: [String]
        /// OOM kills at rising limits: the container leaks, and memory was not raised again.
        public var memoryLeakSuspected = false

        public var changes: Bool { cpuRequest != nil || cpuLimit != nil || memoryRequest != nil || memoryLimit != nil }

        public static func == (a: Recommendation, b: Recommendation) -> Bool {
            a.container == b.container && a.cpuRequest == b.cpuRequest && a.cpuLimit == b.cpuLimit
                && a.memoryRequest == b.memoryRequest && a.memoryLimit == b.memoryLimit && a.notes == b.notes
                && a.memoryLeakSuspected == b.memoryLeakSuspected
        }
    }

    /// - Parameters:
    ///   - containersInPod: the pod's container count (minimums are per pod).
    ///   - hpaCPUUtilization: the target utilisation (percent) of an HPA scaling this workload on CPU.
    ///   - hpaMemoryUtilization: the same for an HPA that also scales it on memory.
    ///   - sinceLastRecommendation: seconds since this workload's last recommendation commit
    ///     (nil: none); inside the policy's cooldown nothing is proposed.
    public static func recommend(container: String, usage: ContainerUsage, current: Current, policy: RecommendPolicy,
                                 containersInPod: Int = 1, hpaCPUUtilization: Int? = nil, hpaMemoryUtilization: Int? = nil,
                                 sinceLastRecommendation: Double? = nil) -> Recommendation {
        let cpu = usage.cpu, mem = usage.memory
        let evidence = Evidence(samples: usage.samples,
                                windowDays: ((usage.lastSample ?? 0) - (usage.firstSample ?? 0)) / 86400,
                                confidenceDays: usage.confidenceDays,
                                cpu: (cpu.percentile(0.5), cpu.percentile(0.9), cpu.percentile(0.95), usage.maxCPU),
                                memory: (mem.percentile(0.5), mem.percentile(0.9), mem.percentile(0.95), usage.maxMemory),
                                oomKills: usage.oomKills)
        let confidence = max(usage.confidenceDays, 1e-9)
        // VPA's estimators: the margin applies to all three, then the confidence multipliers.
        let upperScale = (1 + policy.margin) * (1 + 1 / confidence)
        let lowerScale = (1 + policy.margin) * pow(1 + 0.001 / confidence, -2)
        var out = Recommendation(container: container, current: current,
                                 cpuBounds: (cpu.percentile(policy.lowerPercentile) * lowerScale, cpu.percentile(policy.upperPercentile) * upperScale),
                                 memoryBounds: (mem.percentile(policy.lowerPercentile) * lowerScale, mem.percentile(policy.upperPercentile) * upperScale),
                                 evidence: evidence, notes: [])
        guard usage.confidenceDays >= policy.minHistoryDays || usage.oomKills > 0 else {
            let needed = (policy.minHistoryDays - usage.confidenceDays) * 24
            out.notes.append("too little history: \(format(usage.confidenceDays * 24)) h of \(format(policy.minHistoryDays * 24)) h; needs about \(format(needed)) h more")
            return out
        }
        if let since = sinceLastRecommendation, since < policy.cooldownSeconds, usage.oomKills == 0 {
            out.notes.append("cooldown: recommended \(format(since / 3600)) h ago; the next step is due in \(format((policy.cooldownSeconds - since) / 3600)) h")
            return out
        }
        let share = Double(max(1, containersInPod))

        // CPU request.
        var cpuTarget: Double
        if let u = hpaCPUUtilization, u > 0 {
            cpuTarget = cpu.percentile(policy.targetPercentile) / (Double(u) / 100)
            out.notes.append("CPU sized so p90 usage sits at the HPA's \(u)% target")
            cpuTarget = Self.notLoweredUnderHPA(cpuTarget, current: current.cpuRequest, resource: "CPU", notes: &out.notes)
        } else {
            cpuTarget = cpu.percentile(policy.targetPercentile) * (1 + policy.margin)
        }
        cpuTarget = max(cpuTarget, policy.minCPUCores / share)
        if let now = current.cpuRequest?.doubleValue, now > 0 {
            let capped = min(max(cpuTarget, now * (1 - policy.maxChangeFraction)), now * (1 + policy.maxChangeFraction))
            if capped != cpuTarget { out.notes.append("CPU change capped at \(Int(policy.maxChangeFraction * 100))% per step") }
            cpuTarget = capped
        }
        let cpuRequest = HumanRounding.cpu(cpuTarget)
        if significant(cpuRequest, current.cpuRequest, policy) { out.cpuRequest = cpuRequest }

        // A leak: killed again at a limit that had been raised for it. More memory only
        // delays the next kill, so memory is flagged and left as it is.
        let safety = policy.memoryLimitSafety
        if safety.leakKillLevels > 0, usage.oomKillLevels.count >= safety.leakKillLevels {
            out.memoryLeakSuspected = true
            let levels = usage.oomKillLevels.map { "\(Int(($0 / 1_048_576).rounded()))Mi" }.joined(separator: ", ")
            out.notes.append("memory leak suspected: OOM-killed at rising limits (\(levels)); memory is not raised again — fix the leak")
            cpuLimit(&out, current: current, cpuRequest: cpuRequest, policy: policy)
            return out
        }

        // Memory request: never below a peak, OOM kills already bumped into the histogram.
        // Under an HPA that scales on memory the request is the utilisation's denominator, as
        // for CPU above: p90 sized at the target keeps the replica count the HPA chose, where
        // p90 × (1 + margin) and the per-pod floor would lower the utilisation and leave every
        // replica the HPA adds holding memory it never uses (docs/recommend.md, "HPA-managed").
        var memTarget: Double
        if let u = hpaMemoryUtilization, u > 0 {
            memTarget = mem.percentile(policy.targetPercentile) / (Double(u) / 100)
            out.notes.append("memory sized so p90 usage sits at the HPA's \(u)% target")
            memTarget = Self.notLoweredUnderHPA(memTarget, current: current.memoryRequest, resource: "memory", notes: &out.notes)
        } else {
            memTarget = mem.percentile(policy.targetPercentile) * (1 + policy.margin)
            memTarget = max(memTarget, policy.minMemoryBytes / share)
        }
        if let now = current.memoryRequest?.doubleValue, now > 0 {
            let capped = min(max(memTarget, now * (1 - policy.maxChangeFraction)), now * (1 + policy.maxChangeFraction))
            if capped != memTarget && usage.oomKills == 0 { out.notes.append("memory change capped at \(Int(policy.maxChangeFraction * 100))% per step") }
            if usage.oomKills == 0 { memTarget = capped }
        }
        if memTarget < usage.maxMemory {
            memTarget = usage.maxMemory
            out.notes.append("memory kept at the observed peak")
        }
        // After a kill the need is above anything observed: at least the bumped kill level.
        memTarget = max(memTarget, usage.maxOOMBumped)
        if usage.oomKills > 0 { out.notes.append("\(usage.oomKills) OOM kill\(usage.oomKills == 1 ? "" : "s"): memory bumped by max(+100Mi, ×1.2)") }
        let memRequest = HumanRounding.memory(memTarget)
        if significant(memRequest, current.memoryRequest, policy) || usage.oomKills > 0 && memRequest != current.memoryRequest {
            out.memoryRequest = memRequest
        }

        cpuLimit(&out, current: current, cpuRequest: cpuRequest, policy: policy)
        // Under an HPA a surge lands on the pods already running until it adds more, and the
        // peak per pod depends on how many pods the HPA ran, which right-sizing changes: the
        // limit also covers what a pod holds at its CPU limit, the most load it can take.
        var surge: (bytes: Double, note: String)?
        if hpaCPUUtilization != nil, let cpuLimit = (out.cpuLimit ?? current.cpuLimit)?.doubleValue, cpuLimit > 0,
           let fit = MemoryMetricCheck.memoryPerCPU(hours: usage.hours) {
            // Believed only up to a few times the peak seen: an extrapolation, not an observation.
            let bytes = min(fit.intercept + fit.slope * cpuLimit, usage.maxMemory * MemoryMetricCheck.maxFitOverPeak)
            func mi(_ x: Double) -> Int { Int(clamping: x / 1_048_576, to: Int(Int32.min)...Int(Int32.max), rounding: .toNearestOrAwayFromZero) }
            if bytes.isFinite, bytes > 0 {
                surge = (bytes, "memory limit covers \(mi(bytes))Mi, what a pod holds at its CPU limit "
                            + "(\(mi(fit.intercept))Mi + \(mi(fit.slope))Mi per core, fitted over the hours)")
            }
        }
        memoryLimit(&out, usage: usage, current: current, memRequest: memRequest, policy: policy, surge: surge)
        return out
    }

    /// Under an HPA that scales on a resource, that resource's request is raised to the target
    /// but never lowered. The HPA already holds per-pod utilisation at its target, so a smaller
    /// request does not free anything: it only adds replicas, each holding its own baseline
    /// memory, and the per-pod p90 seen while minReplicas or a scaling window holds replicas up
    /// understates the need, so every step down pins more pods (found in the closed loop:
    /// backend CPU 200m → 120m in three days while minReplicas went 2 → 4 and memory requested
    /// grew 2.5×).
    static func notLoweredUnderHPA(_ target: Double, current: Quantity?, resource: String, notes: inout [String]) -> Double {
        guard let now = current?.doubleValue, now > 0, target < now else { return target }
        notes.append("\(resource) not lowered: the HPA scales on it, and a smaller request only adds replicas")
        return now
    }

    /// CPU limits follow the request by policy: unset (left alone) or request × ratio.
    static func cpuLimit(_ out: inout Recommendation, current: Current, cpuRequest: Quantity, policy: RecommendPolicy) {
        if let ratio = policy.cpuLimitRatio {
            let limit = HumanRounding.cpu((out.cpuRequest ?? current.cpuRequest ?? cpuRequest).doubleValue * ratio)
            if significant(limit, current.cpuLimit, policy) { out.cpuLimit = limit }
        } else if let request = out.cpuRequest, let limit = current.cpuLimit, request > limit {
            // Limits are left alone, but a request above its limit is invalid: the limit follows.
            out.cpuLimit = request
            out.notes.append("CPU limit raised to the new request")
        }
    }

    /// The memory limit: the policy's ratio over the request, but never below the new request
    /// nor below the observed peak plus the safety margin (which grows with short history and
    /// OOM kills), and lowered at most `maxDecrease` per step. With `memoryLimit: none` a limit
    /// is left alone unless it lies under that floor.
    /// `surge`: a further floor (bytes) and the note saying where it comes from.
    static func memoryLimit(_ out: inout Recommendation, usage: ContainerUsage, current: Current, memRequest: Quantity, policy: RecommendPolicy,
                            surge: (bytes: Double, note: String)? = nil) {
        let safety = policy.memoryLimitSafety
        let request = out.memoryRequest ?? current.memoryRequest ?? memRequest
        let margin = safety.margin(confidenceDays: usage.confidenceDays, oomKills: usage.oomKills)
        let peakFloor = usage.maxMemory * (1 + margin)
        let surgeFloor = surge?.bytes ?? 0
        let floor = max(request.doubleValue, peakFloor, surgeFloor)
        let now = current.memoryLimit?.doubleValue
        var target: Double
        if let ratio = policy.memoryLimitRatio {
            target = request.doubleValue * ratio
        } else {
            // Left alone, unless a limit exists and sits under the floor.
            guard let now, now < floor else { return }
            target = now
        }
        if let surge, target < surgeFloor, surgeFloor > peakFloor {
            out.notes.append(surge.note)
        } else if target < peakFloor {
            out.notes.append("memory limit kept \(Int((margin * 100).rounded()))% above the observed peak \(Int((usage.maxMemory / 1_048_576).rounded()))Mi")
        }
        target = max(target, floor)
        if let now, now > 0, target < now * (1 - safety.maxDecrease) {
            target = now * (1 - safety.maxDecrease)
            out.notes.append("memory limit lowered at most \(Int((safety.maxDecrease * 100).rounded()))% per step")
        }
        // Equal to the request: the request's own quantity (`256Mi`, not a re-rounding of it).
        let limit = target == request.doubleValue ? request : HumanRounding.memory(target)
        let unsafe = now.map { $0 < floor } ?? false
        if significant(limit, current.memoryLimit, policy) || unsafe && limit != current.memoryLimit
            || usage.oomKills > 0 && now.map({ limit.doubleValue > $0 }) ?? true {
            out.memoryLimit = limit
        }
    }

    static func significant(_ new: Quantity, _ old: Quantity?, _ policy: RecommendPolicy) -> Bool {
        guard let old, old.doubleValue > 0 else { return true }
        return abs(new.doubleValue - old.doubleValue) / old.doubleValue >= policy.significance
    }

    static func format(_ x: Double) -> String {
        let r = (x * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}

import Foundation
