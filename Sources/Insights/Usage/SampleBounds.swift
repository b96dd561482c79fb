import YAML

/// The range every usage number must fall in before it reaches a histogram, a rounding or
/// a checkpoint. Every sample reader (CSV, JSON, SSU1, Prometheus, metrics-server) and the
/// checkpoint decoder checks through here, so a `NaN`, `+Inf` or `1e308` is an error naming
/// the file and sample, never a trap in the arithmetic behind a recommendation.
public enum SampleBounds {
    /// Unix seconds: 1970 to 2106 (what SSU1's UInt32 time holds).
    public static let time: ClosedRange<Double> = 0...4_294_967_295
    /// Cores: a million is past any node.
    public static let cores: ClosedRange<Double> = 0...1_000_000
    /// Bytes: a petabyte is past any node.
    public static let bytes: ClosedRange<Double> = 0...1e15
    /// An OOM-bumped memory peak: a petabyte bumped once (`ContainerUsage.bumped`).
    public static let bumpedBytes: Double = 1.2e15
    /// Seconds of a duration (startup, covered history): a century.
    public static let seconds: ClosedRange<Double> = 0...3.2e9

    /// `value` when it is finite and inside `range`; otherwise an error naming `place`, the
    /// field and the accepted range.
    @discardableResult
    public static func check(_ value: Double, _ range: ClosedRange<Double>, _ field: String, at place: String) throws -> Double {
        guard value.isFinite, range.contains(value) else {
            throw UsageError("\(place): \(field) \(value) is not a finite number between \(format(range.lowerBound)) and \(format(range.upperBound))")
        }
        return value
    }

    /// `s` once every number in it is checked.
    public static func checked(_ s: UsageSample, at place: String) throws -> UsageSample {
        try check(time: s.time, cpuCores: s.cpuCores, memoryBytes: s.memoryBytes, cpuRequestCores: s.cpuRequestCores,
                  memoryRequestBytes: s.memoryRequestBytes, memoryLimitBytes: s.memoryLimitBytes, at: place)
        return s
    }

    /// Checks a sample's numbers given one by one (the SSU1 reader's fast path).
    public static func check(time: Double, cpuCores: Double?, memoryBytes: Double?, cpuRequestCores: Double? = nil,
                             memoryRequestBytes: Double? = nil, memoryLimitBytes: Double? = nil, at place: String) throws {
        try check(time, Self.time, "time", at: place)
        if let v = cpuCores { try check(v, cores, "cpu", at: place) }
        if let v = memoryBytes { try check(v, bytes, "memory", at: place) }
        if let v = cpuRequestCores { try check(v, cores, "cpu_request", at: place) }
        if let v = memoryRequestBytes { try check(v, bytes, "memory_request", at: place) }
        if let v = memoryLimitBytes { try check(v, bytes, "memory_limit", at: place) }
    }

    static func format(_ d: Double) -> String {
        d == d.rounded() ? Int64(checking: d).map(String.init) ?? "\(d)" : "\(d)"
    }
}
