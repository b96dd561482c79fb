import Kubernetes
import YAML

/// How recommendations are made (`policies/recommend.yaml`). The defaults follow VPA.
public struct RecommendPolicy: Sendable, Equatable {
    public var targetPercentile = 0.9
    public var margin = 0.15
    public var lowerPercentile = 0.5
    public var upperPercentile = 0.95
    /// Per pod, shared by its containers (VPA's 25 millicores and 250 MB).
    public var minCPUCores = 0.025
    public var minMemoryBytes = 250e6
    /// CPU limit: nil leaves limits alone; a ratio sets limit = request × ratio.
    public var cpuLimitRatio: Double?
    /// Memory limit = request × ratio (1 = equal to the request).
    public var memoryLimitRatio: Double? = 1
    /// Safety rules for memory limits (docs/recommend.md, "Memory limit safety").
    public var memoryLimitSafety = MemoryLimitSafety()
    /// At most this fraction of change per step (memory still never goes below a peak).
    public var maxChangeFraction = 0.5
    /// Changes smaller than this fraction are not proposed.
    public var significance = 0.1
    /// Seconds between two recommendations for the same workload.
    public var cooldownSeconds: Double = 24 * 3600
    /// Less history than this (days) gives no recommendation, with a note saying how much more.
    public var minHistoryDays = 1.0
    /// HPA: minReplicas never below this; maxReplicas = peak × factor, at most the ceiling.
    public var hpaMinReplicasFloor = 2
    public var hpaMaxFactor = 1.5
    public var hpaMaxReplicasCeiling = 20
    /// Scaling windows are proposed only when the forecast's backtest MAPE is at most this
    /// (`hpa.scheduleMaxMAPE`, a fraction: 0.1 = 10%).
    public var scheduleMaxMAPE = 0.1
    /// Startup probe budget: failureThreshold × periodSeconds ≥ margin × p99 startup.
    public var startupMargin = 1.5

    public init() {}

    /// How far above what was seen a memory limit stays, and how fast it may come down. A
    /// limit is the line at which the kernel kills the container, so it keeps headroom over
    /// the observed peak (KRR's simple strategy: max + 15%), more of it when the history is
    /// short or the container was OOM-killed, and it comes down in bounded steps.
    public struct MemoryLimitSafety: Sendable, Equatable {
        /// Limit ≥ observed peak × (1 + peakMargin), and never below the new request.
        public var peakMargin = 0.15
        /// With less confidence than this (days), the margin grows...
        public var fullHistoryDays = 7.0
        /// ...by up to this much (linearly: all of it at no history, none at fullHistoryDays).
        public var shortHistoryMargin = 0.15
        /// Each OOM kill in the window adds this to the margin...
        public var oomMargin = 0.1
        /// ...and the margin never exceeds this.
        public var maxMargin = 0.5
        /// A limit comes down at most this fraction per recommendation (requests: maxChange).
        public var maxDecrease = 0.2
        /// OOM kills at this many rising limits mean a leak: flagged, not raised again.
        public var leakKillLevels = 2

        public init() {}

        /// The margin over the peak for a container with `confidenceDays` of history and `oomKills`.
        public func margin(confidenceDays: Double, oomKills: Int) -> Double {
            let missing = fullHistoryDays > 0 ? max(0, 1 - confidenceDays / fullHistoryDays) : 0
            return min(maxMargin, peakMargin + shortHistoryMargin * missing + oomMargin * Double(oomKills))
        }
    }

    public init(yaml text: String, file: String) throws {
        self.init()
        let v = try ValueDecoder.decode(text, file: file)
        guard v["kind"]?.string == "RecommendPolicy" else { throw UsageError("\(file): expected kind: RecommendPolicy") }
        let r = v["resources"] ?? .object([:])
        func number(_ value: Value?, _ name: String) throws -> Double? {
            switch value {
            case nil, .null?: return nil
            case .int(let i)?: return Double(i)
            case .float(let f)?: return f
            case .string(let s)?:
                if let q = try? Quantity(parsing: s) { return q.doubleValue }
                throw UsageError("\(file): \(name) \"\(s)\" is not a number or quantity")
            default: throw UsageError("\(file): \(name) must be a number")
            }
        }
        if let x = try number(r["targetPercentile"], "resources.targetPercentile") { targetPercentile = x }
        if let x = try number(r["margin"], "resources.margin") { margin = x }
        if let x = try number(r["lowerPercentile"], "resources.lowerPercentile") { lowerPercentile = x }
        if let x = try number(r["upperPercentile"], "resources.upperPercentile") { upperPercentile = x }
        if let x = try number(r["minCPU"], "resources.minCPU") { minCPUCores = x }
        if let x = try number(r["minMemory"], "resources.minMemory") { minMemoryBytes = x }
        if r["cpuLimit"]?.string == "none" { cpuLimitRatio = nil } else if let x = try number(r["cpuLimit"]?["ratio"], "resources.cpuLimit.ratio") { cpuLimitRatio = x }
        if r["memoryLimit"]?.string == "request" { memoryLimitRatio = 1 } else if r["memoryLimit"]?.string == "none" { memoryLimitRatio = nil }
        else if let x = try number(r["memoryLimit"]?["ratio"], "resources.memoryLimit.ratio") { memoryLimitRatio = x }
        if let x = try number(r["maxChange"], "resources.maxChange") { maxChangeFraction = x }
        if let x = try number(r["significance"], "resources.significance") { significance = x }
        if let x = try number(r["minHistoryDays"], "resources.minHistoryDays") { minHistoryDays = x }
        if let s = r["cooldown"]?.string {
            guard let d = Self.duration(s) else { throw UsageError("\(file): resources.cooldown \"\(s)\" is not a duration like 12h") }
            cooldownSeconds = d
        }
        let m = r["memoryLimitSafety"] ?? .object([:])
        if let x = try number(m["peakMargin"], "resources.memoryLimitSafety.peakMargin") { memoryLimitSafety.peakMargin = x }
        if let x = try number(m["fullHistoryDays"], "resources.memoryLimitSafety.fullHistoryDays") { memoryLimitSafety.fullHistoryDays = x }
        if let x = try number(m["shortHistoryMargin"], "resources.memoryLimitSafety.shortHistoryMargin") { memoryLimitSafety.shortHistoryMargin = x }
        if let x = try number(m["oomMargin"], "resources.memoryLimitSafety.oomMargin") { memoryLimitSafety.oomMargin = x }
        if let x = try number(m["maxMargin"], "resources.memoryLimitSafety.maxMargin") { memoryLimitSafety.maxMargin = x }
        if let x = try number(m["maxDecrease"], "resources.memoryLimitSafety.maxDecrease") {
            guard (0..<1).contains(x) else { throw UsageError("\(file): resources.memoryLimitSafety.maxDecrease \(x) must be at least 0 and below 1") }
            memoryLimitSafety.maxDecrease = x
        }
        if let x = try number(m["leakKillLevels"], "resources.memoryLimitSafety.leakKillLevels") { memoryLimitSafety.leakKillLevels = Int(x) }
        let s = memoryLimitSafety
        guard s.peakMargin >= 0, s.shortHistoryMargin >= 0, s.oomMargin >= 0, s.maxMargin >= s.peakMargin else {
            throw UsageError("\(file): resources.memoryLimitSafety: margins must be ≥ 0 and maxMargin ≥ peakMargin (a limit never comes down to the peak)")
        }
        let h = v["hpa"] ?? .object([:])
        if let x = try number(h["minReplicasFloor"], "hpa.minReplicasFloor") { hpaMinReplicasFloor = Int(x) }
        if let x = try number(h["maxFactor"], "hpa.maxFactor") { hpaMaxFactor = x }
        if let x = try number(h["maxReplicasCeiling"], "hpa.maxReplicasCeiling") { hpaMaxReplicasCeiling = Int(x) }
        if let x = try number(h["scheduleMaxMAPE"], "hpa.scheduleMaxMAPE") { scheduleMaxMAPE = x }
        if let x = try number(v["probes"]?["startupMargin"], "probes.startupMargin") { startupMargin = x }
    }

    /// `90s`, `30m`, `12h`, `14d` in seconds (see `DurationText`).
    public static func duration(_ s: String) -> Double? { DurationText.seconds(s) }
}
