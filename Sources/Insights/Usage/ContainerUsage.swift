/// Everything known about one container's usage, folded as VPA's `AggregateContainerState`
/// folds it: CPU samples weighted by the request, memory as the peak of each 24-hour window,
/// OOM kills as bumped memory peaks.
public struct ContainerUsage: Sendable, Equatable {
    public static let memoryWindow: Double = 24 * 3600
    /// VPA's minimum CPU sample weight (cores).
    public static let minCPUWeight = 0.1
    public static let oomBumpRatio = 1.2
    public static let oomMinBump: Double = 100 * 1024 * 1024

    public var cpu: DecayingHistogram
    public var memory: DecayingHistogram
    public private(set) var firstSample: Double?
    public private(set) var lastSample: Double?
    public private(set) var samples = 0
    public private(set) var oomKills = 0
    public private(set) var maxMemory = 0.0
    public private(set) var maxCPU = 0.0
    /// Distinct pods seen per hour (for HPA recommendations).
    public private(set) var podsPerHour: [Int: Set<String>] = [:]
    private var windowEnd: Double?
    private var windowPeak: (value: Double, time: Double)?

    public init(halfLife: Double = 24 * 3600) {
        cpu = DecayingHistogram(options: .cpu, halfLife: halfLife)
        memory = DecayingHistogram(options: .memory, halfLife: halfLife)
    }

    public mutating func add(_ s: UsageSample) {
        samples += 1
        firstSample = min(firstSample ?? s.time, s.time)
        lastSample = max(lastSample ?? s.time, s.time)
        if !s.pod.isEmpty { podsPerHour[Int(s.time / 3600), default: []].insert(s.pod) }
        if let c = s.cpuCores {
            cpu.add(c, weight: max(s.cpuRequestCores ?? 0, Self.minCPUWeight), at: s.time)
            maxCPU = max(maxCPU, c)
        }
        if var m = s.memoryBytes {
            maxMemory = max(maxMemory, m)
            if s.oomKilled {
                oomKills += 1
                let used = max(m, s.memoryRequestBytes ?? 0)
                m = max(used + Self.oomMinBump, used * Self.oomBumpRatio)
            }
            addMemoryPeak(m, at: s.time)
        } else if s.oomKilled, let request = s.memoryRequestBytes {
            oomKills += 1
            addMemoryPeak(max(request + Self.oomMinBump, request * Self.oomBumpRatio), at: s.time)
        }
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

    /// How much history backs a recommendation, in days: VPA's min(history length, samples
    /// at one per minute).
    public var confidenceDays: Double {
        guard let first = firstSample, let last = lastSample else { return 0 }
        return min((last - first) / 86400, Double(samples) / (60 * 24))
    }

    public static func == (a: ContainerUsage, b: ContainerUsage) -> Bool {
        a.cpu == b.cpu && a.memory == b.memory && a.samples == b.samples && a.oomKills == b.oomKills
            && a.firstSample == b.firstSample && a.lastSample == b.lastSample
    }
}
