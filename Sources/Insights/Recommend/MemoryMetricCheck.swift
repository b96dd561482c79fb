import Foundation

/// Whether an HPA's memory metric pins replicas the load does not need, from the workload's
/// hourly history (docs/recommend.md, "The HPA's memory metric").
///
/// The HPA proposes ⌈pods × utilisation / target⌉ per metric and keeps the largest proposal
/// (and keeps the count as it is while utilisation / target is within its 10% tolerance).
/// That rule assumes a pod's usage falls as pods are added. Memory a pod holds at rest (its
/// runtime, caches, connection pools) does not: with a rest footprint of a share `u` of the
/// memory target, the memory proposal from N pods is at least ⌈N × u⌉, which stays N while
/// N < 1 / (1 − u), and for u ≥ 0.9 the tolerance holds every N. Once a peak has added pods,
/// memory keeps them all night, whatever the CPU says (kubernetes/kubernetes#78761,
/// kubernetes/autoscaler#1741). The fix is to scale on CPU alone; memory stays protected by
/// the request and the limit, which this recommender sizes.
public enum MemoryMetricCheck {
    public struct Finding: Sendable, Equatable {
        /// Hours in which memory's proposal was above CPU's need, and hours looked at.
        public var pinnedHours: Int
        public var hours: Int
        /// The lowest hourly mean memory of one pod, and its share of the memory target.
        public var restMemoryBytes: Double
        public var restShare: Double
        /// The most pods memory alone can hold at rest: ⌈N × share⌉ = N for every N up to it
        /// (`Int.max` when the share is within the HPA's 10% tolerance of the target or above).
        public var heldPods: Int
        public var note: String
    }

    /// At least a daily cycle of hours with memory samples.
    public static let minHours = 24
    /// The HPA's tolerance: a ratio within 10% of 1 changes nothing (upstream's default).
    public static let tolerance = 0.1
    /// A fit needs per-pod CPU spread over at least this share of its mean, and is believed
    /// only up to this multiple of the most memory a pod was seen to hold.
    public static let minCPUSpread = 0.2, maxFitOverPeak = 4.0

    /// A finding when memory pins replicas: in at least half of the hours memory's proposal
    /// was above the replicas CPU needed, and the rest footprint alone holds more pods than
    /// `minReplicas` (⌈(minReplicas + 1) × share⌉ = minReplicas + 1). Nil otherwise: memory
    /// that grows with the load is a need the metric rightly scales on.
    public static func check(hours: [Int: ContainerUsage.Hour], cpuRequestCores: Double, memoryRequestBytes: Double,
                             cpuTarget: Int, memoryTarget: Int, minReplicas: Int) -> Finding? {
        let perCPU = cpuRequestCores * Double(cpuTarget) / 100, perMemory = memoryRequestBytes * Double(memoryTarget) / 100
        guard perCPU > 0, perMemory > 0 else { return nil }
        let sampled = hours.values.filter { $0.instants > 0 && $0.perPod != nil }
        guard sampled.count >= minHours else { return nil }
        var pinned = 0
        var rest = Double.greatestFiniteMagnitude
        for h in sampled {
            let cpuNeed = max(minReplicas, Int(clamping: h.meanCPU / perCPU - 1e-9, to: 0...Int(Int32.max), rounding: .up))
            let memoryNeed = Int(clamping: h.memorySum / Double(h.instants) / perMemory - 1e-9, to: 0...Int(Int32.max), rounding: .up)
            if memoryNeed > cpuNeed { pinned += 1 }
            rest = min(rest, h.perPod!.memory)
        }
        let share = rest / perMemory
        let held = share >= 1 - tolerance ? Int.max : Int(clamping: 1 / (1 - share) - 1e-9, to: 0...Int(Int32.max), rounding: .up) - 1
        guard pinned * 2 >= sampled.count, held > minReplicas else { return nil }
        let mi = Int(clamping: rest / 1_048_576, to: 0...Int(Int32.max), rounding: .toNearestOrAwayFromZero)
        let heldText = held == Int.max ? "every pod up to maxReplicas" : "up to \(held) pods"
        return Finding(pinnedHours: pinned, hours: sampled.count, restMemoryBytes: rest, restShare: share, heldPods: held,
                       note: "memory metric removed: memory asked for more replicas than CPU needed in \(pinned) of \(sampled.count) h; "
                           + "a pod holds \(mi)Mi even in the quietest hour, \(Int(clamping: share * 100, to: 0...Int(Int32.max), rounding: .toNearestOrAwayFromZero))% of the \(memoryTarget)% target, "
                           + "so the memory metric alone keeps \(heldText) whatever the load")
    }

    /// Memory of one pod as a straight line of its CPU, fitted by least squares over the hours
    /// (`memory = intercept + slope × cpu`); nil without `minHours` hours, when the CPU barely
    /// varied (its range under `minCPUSpread` of its mean: the slope would be noise), or when
    /// memory does not grow with it.
    public static func memoryPerCPU(hours: [Int: ContainerUsage.Hour]) -> (intercept: Double, slope: Double)? {
        let points = hours.values.compactMap(\.perPod)
        guard points.count >= minHours else { return nil }
        let n = Double(points.count)
        let mx = points.map(\.cpu).reduce(0, +) / n, my = points.map(\.memory).reduce(0, +) / n
        let cpus = points.map(\.cpu)
        guard mx > 0, let lo = cpus.min(), let hi = cpus.max(), (hi - lo) / mx >= minCPUSpread else { return nil }
        var sxx = 0.0, sxy = 0.0
        for p in points {
            sxx += (p.cpu - mx) * (p.cpu - mx)
            sxy += (p.cpu - mx) * (p.memory - my)
        }
        guard sxx > 0, sxy > 0, sxx.isFinite, sxy.isFinite else { return nil }
        let slope = sxy / sxx
        return (my - slope * mx, slope)
    }
}
