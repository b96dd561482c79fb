import Foundation
import YAML

/// HPA bounds from hourly load, after crane's EHPA (docs/recommend.md, "HPA bounds"): the
/// replicas each hour needs are the hour's mean total CPU over the per-pod CPU at the HPA's
/// target utilization; minReplicas covers the quietest hour, maxReplicas the busiest times
/// a headroom factor, both clamped by policy.
public enum HPARecommender {
    public struct Current: Sendable, Equatable {
        public var minReplicas: Int
        public var maxReplicas: Int
        /// Target CPU utilization (percent).
        public var targetCPUUtilization: Int
        public init(minReplicas: Int, maxReplicas: Int, targetCPUUtilization: Int) {
            self.minReplicas = minReplicas
            self.maxReplicas = maxReplicas
            self.targetCPUUtilization = targetCPUUtilization
        }
    }

    public struct Recommendation: Sendable, Equatable {
        /// Proposed values; nil where nothing changes.
        public var minReplicas: Int?
        public var maxReplicas: Int?
        /// Replicas the quietest and the busiest hour needed.
        public var lowestNeed: Int
        public var peakNeed: Int
        public var hours: Int
        public var notes: [String]
        public var changes: Bool { minReplicas != nil || maxReplicas != nil }
    }

    /// Hours of history needed before bounds are proposed (a full daily cycle).
    public static let minHours = 24

    /// - Parameter cpuRequestCores: the per-pod CPU request the HPA's utilization is relative to
    ///   (the recommended one when it changes).
    public static func recommend(hours: [Int: ContainerUsage.Hour], cpuRequestCores: Double, current: Current,
                                 policy: RecommendPolicy) -> Recommendation {
        let sampled = hours.values.filter { $0.instants > 0 }
        var out = Recommendation(minReplicas: nil, maxReplicas: nil, lowestNeed: 0, peakNeed: 0, hours: sampled.count, notes: [])
        guard sampled.count >= minHours else {
            out.notes.append("too little history for HPA bounds: \(sampled.count) h of \(minHours) h; needs \(minHours - sampled.count) h more")
            return out
        }
        let perPod = cpuRequestCores * Double(current.targetCPUUtilization) / 100
        guard perPod > 0 else { return out }
        let needs = sampled.map { Int(clamping: $0.meanCPU / perPod - 1e-9, to: 0...Int(Int32.max), rounding: .up) }
        out.lowestNeed = max(1, needs.min()!)
        out.peakNeed = max(1, needs.max()!)
        // Lowered to the quietest hour's need, never raised: the HPA adds replicas as the load
        // needs them, so a higher floor only holds pods through the quiet minutes (the slack
        // right-sizing removes); holding replicas ahead of known busy hours is the scaling
        // windows' job (ScheduleRecommender).
        let minReplicas = min(current.minReplicas, max(policy.hpaMinReplicasFloor, out.lowestNeed))
        var maxReplicas = Int(clamping: Double(out.peakNeed) * policy.hpaMaxFactor - 1e-9, to: 0...Int(Int32.max), rounding: .up)
        maxReplicas = min(policy.hpaMaxReplicasCeiling, max(maxReplicas, minReplicas))
        if out.peakNeed > policy.hpaMaxReplicasCeiling {
            out.notes.append("the busiest hour needed \(out.peakNeed) replicas, above the ceiling of \(policy.hpaMaxReplicasCeiling)")
        }
        let finalMin = min(minReplicas, maxReplicas)
        if finalMin != current.minReplicas { out.minReplicas = finalMin }
        if maxReplicas != current.maxReplicas { out.maxReplicas = maxReplicas }
        return out
    }
}
