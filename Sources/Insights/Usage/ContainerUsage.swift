import Foundation
import YAML

/// Everything known about one container's usage, folded as VPA's `AggregateContainerState`
/// folds it: CPU samples weighted by the request, memory as the peak of each 24-hour window,
/// OOM kills as bumped memory peaks. Beside the histograms it keeps what the HPA and probe
/// recommendations need: per hour, the replicas seen and the workload's total CPU, and the
/// pods' start-to-ready durations.
///
/// Samples of one container must arrive in time order (pods of one instant together); the
/// sources (`UsageFile`, `MetricsSampler`, `PrometheusSource`) deliver them so.
public struct ContainerUsage: Sendable, Equatable {
    public static let memoryWindow: Double = 24 * 3600
    /// VPA's minimum CPU sample weight (cores).
    public static let minCPUWeight = 0.1
    public static let oomBumpRatio = 1.2
    public static let oomMinBump: Double = 100 * 1024 * 1024
    /// Hours of per-hour load kept (the longest window HPA recommendations look at).
    public static let hoursKept = 14 * 24
    /// The most one sampling instant stands for (an hourly CronJob's interval).
    public static let maxInstantCoverage: Double = 3600
    /// Start-to-ready durations kept (the newest).
    public static let startupsKept = 200

    /// One hour of the workload: the most pods seen at one instant, and the total CPU of all
    /// pods summed over the instants sampled (divide by `instants` for the hour's mean load).
    /// `memorySum` and `podSum` sum the pods' total memory and their count over the same
    /// instants (0 in checkpoints written before they were kept), so that per-pod memory can
    /// be set against per-pod CPU (`MemoryMetricCheck`).
    public struct Hour: Sendable, Equatable {
        public var replicas: Int
        public var cpuSum: Double
        public var instants: Int
        public var memorySum: Double
        public var podSum: Int
        public var meanCPU: Double { instants > 0 ? cpuSum / Double(instants) : 0 }
        /// Mean memory and CPU of one pod over the hour; nil without memory samples.
        public var perPod: (cpu: Double, memory: Double)? {
            podSum > 0 && memorySum > 0 ? (cpuSum / Double(podSum), memorySum / Double(podSum)) : nil
        }
        public init(replicas: Int, cpuSum: Double, instants: Int, memorySum: Double = 0, podSum: Int = 0) {
            self.replicas = replicas
            self.cpuSum = cpuSum
            self.instants = instants
            self.memorySum = memorySum
            self.podSum = podSum
        }
    }

    public internal(set) var cpu: DecayingHistogram
    public internal(set) var memory: DecayingHistogram
    public internal(set) var firstSample: Double?
    public internal(set) var lastSample: Double?
    public internal(set) var samples = 0
    public internal(set) var oomKills = 0
    public internal(set) var maxMemory = 0.0
    public internal(set) var maxCPU = 0.0
    /// The highest OOM-bumped memory peak: a recommendation never goes below it.
    public internal(set) var maxOOMBumped = 0.0
    /// The distinct memory levels (limit, else request, else usage) at which OOM kills
    /// happened, ascending: kills at two or more rising levels mean the memory grew past a
    /// limit that had been raised for it — a leak, which a bigger limit only delays.
    public internal(set) var oomKillLevels: [Double] = []
    /// Start-to-ready durations (seconds) of the pods seen becoming ready.
    public internal(set) var startupSeconds: [Double] = []
    /// Probe failures (`Unhealthy` events) seen.
    public internal(set) var probeFailures = 0
    /// Seconds of history the sampling instants cover: each instant stands for the time since
    /// the previous one, at most an hour (so hourly runs and per-minute files both count).
    public internal(set) var coveredSeconds = 0.0
    var closedHours: [Int: Hour] = [:]
    var instant: (time: Double, pods: Int, cpu: Double, memory: Double)?
    var windowEnd: Double?
    var windowPeak: (value: Double, time: Double)?

    public init(halfLife: Double = 24 * 3600) {
        cpu = DecayingHistogram(options: .cpu, halfLife: halfLife)
        memory = DecayingHistogram(options: .memory, halfLife: halfLife)
    }

    public mutating func add(_ s: UsageSample) {
        add(time: s.time, cpuCores: s.cpuCores, memoryBytes: s.memoryBytes, cpuRequestCores: s.cpuRequestCores,
            memoryRequestBytes: s.memoryRequestBytes, memoryLimitBytes: s.memoryLimitBytes, oomKilled: s.oomKilled)
    }

    /// The sample's fields without building a `UsageSample` (the binary reader's fast path).
    public mutating func add(time: Double, cpuCores: Double?, memoryBytes: Double?, cpuRequestCores: Double? = nil,
                             memoryRequestBytes: Double? = nil, memoryLimitBytes: Double? = nil, oomKilled: Bool = false) {
        samples += 1
        firstSample = min(firstSample ?? time, time)
        lastSample = max(lastSample ?? time, time)
        countInstant(time: time, cpu: cpuCores ?? 0, memory: memoryBytes ?? 0)
        if let c = cpuCores {
            cpu.add(c, weight: max(cpuRequestCores ?? 0, Self.minCPUWeight), at: time)
            if c > maxCPU { maxCPU = c }
        }
        // An OOM kill happens at the limit (or, without one, above the request): the bumped
        // peak starts from there, as VPA's OOM observer does.
        let killedAt = max(memoryBytes ?? 0, memoryLimitBytes ?? memoryRequestBytes ?? 0)
        if oomKilled {
            oomKills += 1
            if killedAt > 0, !oomKillLevels.contains(killedAt) {
                oomKillLevels.append(killedAt)
                oomKillLevels.sort()
            }
        }
        if var m = memoryBytes {
            if m > maxMemory { maxMemory = m }
            if oomKilled {
                m = Self.bumped(killedAt)
                maxOOMBumped = max(maxOOMBumped, m)
            }
            addMemoryPeak(m, at: time)
        } else if oomKilled, killedAt > 0 {
            maxOOMBumped = max(maxOOMBumped, Self.bumped(killedAt))
            addMemoryPeak(Self.bumped(killedAt), at: time)
        }
    }

    /// VPA's OOM bump: max(+100 MiB, ×1.2).
    public static func bumped(_ bytes: Double) -> Double { max(bytes + oomMinBump, bytes * oomBumpRatio) }

    /// Records a pod's start-to-ready duration (probe evidence).
    public mutating func addStartup(seconds: Double) {
        startupSeconds.append(seconds)
        if startupSeconds.count > Self.startupsKept { startupSeconds.removeFirst(startupSeconds.count - Self.startupsKept) }
    }

    public mutating func addProbeFailures(_ count: Int) { probeFailures += count }

    /// Per hour (hours since 1970), the replicas and CPU load seen.
    public var hours: [Int: Hour] {
        var out = closedHours
        if let i = instant { Self.fold(i, into: &out) }
        return out
    }

    private mutating func countInstant(time: Double, cpu: Double, memory: Double) {
        if var i = instant, i.time == time {
            i.pods += 1
            i.cpu += cpu
            i.memory += memory
            instant = i
            return
        }
        if let i = instant {
            if time > i.time { coveredSeconds += min(time - i.time, Self.maxInstantCoverage) }
            let hourChanged = Self.hour(i.time) != Self.hour(time)
            Self.fold(i, into: &closedHours)
            if hourChanged { prune(newest: Self.hour(time)) }
        }
        instant = (time, 1, cpu, memory)
    }

    private static func fold(_ i: (time: Double, pods: Int, cpu: Double, memory: Double), into hours: inout [Int: Hour]) {
        let h = hour(i.time)
        var hour = hours[h] ?? Hour(replicas: 0, cpuSum: 0, instants: 0)
        hour.replicas = max(hour.replicas, i.pods)
        hour.cpuSum += i.cpu
        hour.instants += 1
        hour.memorySum += i.memory
        hour.podSum += i.pods
        hours[h] = hour
    }

    /// Hours since 1970 (times are checked by `SampleBounds`; clamping keeps this total).
    static func hour(_ time: Double) -> Int { Int(clamping: time / 3600, to: Int(Int32.min)...Int(Int32.max), rounding: .down) }

    private mutating func prune(newest: Int) {
        guard closedHours.count > Self.hoursKept else { return }
        closedHours = closedHours.filter { $0.key > newest - Self.hoursKept }
    }

    /// Keeps one sample per window: the window's peak.
    private mutating func addMemoryPeak(_ value: Double, at time: Double) {
        if let end = windowEnd, time < end {
            if let peak = windowPeak, value <= peak.value { return }
            if let peak = windowPeak { memory.subtract(peak.value, at: peak.time) }
        } else {
            windowEnd = (time / Self.memoryWindow).rounded(.down) * Self.memoryWindow + Self.memoryWindow
        }
        memory.add(value, at: time)
        windowPeak = (value, time)
    }

    /// How much history backs a recommendation, in days: VPA's min(history length, how much
    /// of it the samples cover). VPA counts samples at one per minute; Shipshape counts each
    /// sampling instant for the gap before it (at most an hour), so an hourly CronJob's week
    /// is a week, and a burst of samples a second apart is not.
    public var confidenceDays: Double {
        guard let first = firstSample, let last = lastSample else { return 0 }
        return min((last - first) / 86400, coveredSeconds / 86400)
    }

    public static func == (a: ContainerUsage, b: ContainerUsage) -> Bool {
        a.cpu == b.cpu && a.memory == b.memory && a.samples == b.samples && a.oomKills == b.oomKills
            && a.firstSample == b.firstSample && a.lastSample == b.lastSample && a.maxCPU == b.maxCPU
            && a.maxMemory == b.maxMemory && a.maxOOMBumped == b.maxOOMBumped && a.oomKillLevels == b.oomKillLevels && a.hours == b.hours && a.startupSeconds == b.startupSeconds
            && a.probeFailures == b.probeFailures && a.coveredSeconds == b.coveredSeconds && a.windowEnd == b.windowEnd
            && a.windowPeak?.value == b.windowPeak?.value && a.windowPeak?.time == b.windowPeak?.time
    }
}
