import Kubernetes
import YAML

/// How heal detects and what it may do (`policies/remediation.yaml`, docs/heal.md). Data, like
/// the guardrails: a team changes thresholds and what is merged without review by a commit.
public struct RemediationPolicy: Sendable, Equatable {
    /// Restart storm: more than `stormRestarts` restarts within `stormWindow` seconds (the users'
    /// "5 in 5 minutes").
    public var stormRestarts = 5
    public var stormWindow = 300.0
    /// A crash loop: this many failed restarts within an hour (or CrashLoopBackOff now).
    public var crashRestartsPerHour = 3
    /// A pod that was ready and has not been for this long is stuck.
    public var stuckAfter = 300.0
    /// A pod never ready this long after it started (or Pending this long) is a finding.
    public var notReadyAfter = 600.0
    public var pendingAfter = 300.0
    /// An HPA pinned at maxReplicas above target this long lacks headroom (a lunchtime spike
    /// that passes sooner is what maxReplicas is for).
    public var hpaAtMaxFor = 900.0
    /// A fault that began within this long of a Deployment's newest rollout came with it (and
    /// a rollback may cure it); later ones did not.
    public var rolloutWindow = 3600.0
    /// Read Nodes for pressure findings (needs the narrowly bound node-reader ClusterRole).
    public var nodeFindings = true

    /// Bounded restart: at most this many pod deletions per workload per hour.
    public var restartsPerWorkloadPerHour = 1
    /// OOM: new limit = max(peak + minBump, peak × ratio), at most `maxMemoryLimit` bytes.
    public var oomRatio = 1.2
    public var oomMinBumpBytes = 100.0 * 1_048_576
    public var maxMemoryLimitBytes = 4.0 * 1_073_741_824
    /// A container OOM-killed after running this long, its memory rising all the while, leaks.
    public var leakMinRuntime = 1800.0
    /// Startup probe: budget = margin × twice the budget the container outlived (it was killed
    /// at that budget, so it needs more), at most `maxStartupBudget` s.
    public var startupMargin = 1.5
    public var startupPeriodSeconds = 10
    public var maxStartupBudget = 600.0
    /// HPA pinned at max: maxReplicas × factor (at least +1), at most the ceiling.
    public var hpaMaxFactor = 1.5
    public var hpaMaxReplicasCeiling = 20
    /// A restart that has not cured the fault after this many periods is escalated and not retried.
    public var verifyPeriods = 3
    /// The same for fixes reconcile applies (a commit, a rollback): its next run (every 5
    /// minutes) and the rollout come first.
    public var verifyAppliedPeriods = 12
    /// Fault classes whose git fix is committed to the tracked branch directly, per
    /// environment; every other fix goes to `shipshape/heal/<env>` for review.
    public var autoMerge: [String: Set<FaultClass>] = [:]

    public init() {}

    public static let kind = "RemediationPolicy"

    public init(yaml text: String, file: String) throws {
        self.init()
        let root = try ValueDecoder.decode(text, file: file)
        let r = PolicyReader(value: root, path: file)
        try r.only(["apiVersion", "kind", "detect", "actions", "verify", "autoMerge"])
        guard root["kind"]?.string == Self.kind else { throw HealError("\(file): expected kind: \(Self.kind)") }
        if let d = try r.child("detect") {
            try d.only(["restartStorm", "crashRestartsPerHour", "stuckAfter", "notReadyAfter", "pendingAfter", "hpaAtMaxFor", "rolloutWindow", "nodes"])
            rolloutWindow = try d.duration("rolloutWindow") ?? rolloutWindow
            hpaAtMaxFor = try d.duration("hpaAtMaxFor") ?? hpaAtMaxFor
            crashRestartsPerHour = try d.integer("crashRestartsPerHour", in: 1...1000) ?? crashRestartsPerHour
            if let s = try d.child("restartStorm") {
                try s.only(["restarts", "window"])
                stormRestarts = try s.integer("restarts", in: 1...1000) ?? stormRestarts
                stormWindow = try s.duration("window") ?? stormWindow
            }
            stuckAfter = try d.duration("stuckAfter") ?? stuckAfter
            notReadyAfter = try d.duration("notReadyAfter") ?? notReadyAfter
            pendingAfter = try d.duration("pendingAfter") ?? pendingAfter
            nodeFindings = try d.bool("nodes") ?? nodeFindings
        }
        if let a = try r.child("actions") {
            try a.only(["restart", "memory", "startupProbe", "hpa"])
            if let x = try a.child("restart") {
                try x.only(["maxPerWorkloadPerHour"])
                restartsPerWorkloadPerHour = try x.integer("maxPerWorkloadPerHour", in: 0...60) ?? restartsPerWorkloadPerHour
            }
            if let x = try a.child("memory") {
                try x.only(["ratio", "minBump", "maxLimit", "leakMinRuntime"])
                oomRatio = try x.number("ratio", in: 1...10) ?? oomRatio
                oomMinBumpBytes = try x.quantity("minBump") ?? oomMinBumpBytes
                maxMemoryLimitBytes = try x.quantity("maxLimit") ?? maxMemoryLimitBytes
                leakMinRuntime = try x.duration("leakMinRuntime") ?? leakMinRuntime
            }
            if let x = try a.child("startupProbe") {
                try x.only(["margin", "periodSeconds", "maxBudget"])
                startupMargin = try x.number("margin", in: 1...10) ?? startupMargin
                startupPeriodSeconds = try x.integer("periodSeconds", in: 1...3600) ?? startupPeriodSeconds
                maxStartupBudget = try x.duration("maxBudget") ?? maxStartupBudget
            }
            if let x = try a.child("hpa") {
                try x.only(["maxFactor", "maxReplicasCeiling"])
                hpaMaxFactor = try x.number("maxFactor", in: 1...10) ?? hpaMaxFactor
                hpaMaxReplicasCeiling = try x.integer("maxReplicasCeiling", in: 1...10_000) ?? hpaMaxReplicasCeiling
            }
        }
        if let v = try r.child("verify") {
            try v.only(["periods", "appliedPeriods"])
            verifyPeriods = try v.integer("periods", in: 1...100) ?? verifyPeriods
            verifyAppliedPeriods = try v.integer("appliedPeriods", in: 1...1000) ?? verifyAppliedPeriods
        }
        if let m = try r.child("autoMerge") {
            guard case .object(let envs) = m.value else { throw HealError("\(m.path): expected a map of environment → fault classes") }
            for (env, list) in envs {
                guard let items = list.array else { throw HealError("\(m.path).\(env): expected a list of fault classes") }
                var classes = Set<FaultClass>()
                for (i, item) in items.enumerated() {
                    guard let name = item.string, let c = FaultClass(rawValue: name) else {
                        throw HealError("\(m.path).\(env)[\(i)]: \(PolicyText.show(item)) is not a fault class (known: \(FaultClass.allCases.map(\.rawValue).joined(separator: ", ")))")
                    }
                    classes.insert(c)
                }
                autoMerge[env] = classes
            }
        }
    }

    public func mergesAutomatically(_ fault: FaultClass, environment: String) -> Bool {
        autoMerge[environment]?.contains(fault) ?? false
    }
}

/// Field access for policy files: unknown keys, wrong types and out-of-range numbers are
/// errors naming `file: path.to.key`, so a typo cannot silently loosen a safety limit.
struct PolicyReader {
    var value: Value
    var path: String

    func only(_ keys: Set<String>) throws {
        guard case .object(let m) = value else {
            if value.isNull { return }
            throw HealError("\(path): expected a map")
        }
        for k in m.keys where !keys.contains(k) {
            throw HealError("\(path): unknown field \"\(k)\" (known: \(keys.sorted().joined(separator: ", ")))")
        }
    }

    private func sub(_ key: String) -> String { path.contains(": ") ? "\(path).\(key)" : "\(path): \(key)" }

    func child(_ key: String) throws -> PolicyReader? {
        guard let v = value[key], !v.isNull else { return nil }
        guard v.object != nil else { throw HealError("\(sub(key)): expected a map") }
        return PolicyReader(value: v, path: sub(key))
    }

    func number(_ key: String, in range: ClosedRange<Double>) throws -> Double? {
        guard let v = value[key], !v.isNull else { return nil }
        guard let d = v.doubleValue, d.isFinite, range.contains(d) else {
            throw HealError("\(sub(key)): expected a number from \(range.lowerBound) to \(range.upperBound), got \(PolicyText.show(v))")
        }
        return d
    }

    func integer(_ key: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let v = value[key], !v.isNull else { return nil }
        guard case .int(let i) = v, i >= Int64(range.lowerBound), i <= Int64(range.upperBound) else {
            throw HealError("\(sub(key)): expected a whole number from \(range.lowerBound) to \(range.upperBound), got \(PolicyText.show(v))")
        }
        return Int(i)
    }

    func bool(_ key: String) throws -> Bool? {
        guard let v = value[key], !v.isNull else { return nil }
        guard let b = v.boolValue else { throw HealError("\(sub(key)): expected true or false") }
        return b
    }

    func duration(_ key: String) throws -> Double? {
        guard let v = value[key], !v.isNull else { return nil }
        guard let s = v.string, let d = DurationText.seconds(s), d.isFinite, d >= 0, d <= 30 * 86_400 else {
            throw HealError("\(sub(key)): expected a duration such as 90s, 5m or 2h (at most 30d), got \(PolicyText.show(v))")
        }
        return d
    }

    func quantity(_ key: String) throws -> Double? {
        guard let v = value[key], !v.isNull else { return nil }
        let text = v.string ?? (v.doubleValue.map { String($0) } ?? "")
        guard let q = try? Quantity(parsing: text), q.doubleValue.isFinite, q.doubleValue > 0, q.doubleValue < 1e15 else {
            throw HealError("\(sub(key)): expected a quantity such as 100Mi or 4Gi, got \(PolicyText.show(v))")
        }
        return q.doubleValue
    }
}

/// A value as it would appear in a YAML file, for error messages.
enum PolicyText {
    static func show(_ v: Value) -> String {
        switch v {
        case .string(let s): return "\"\(s)\""
        case .int(let i): return String(i)
        case .float(let f): return String(f)
        case .bool(let b): return String(b)
        case .null: return "null"
        case .array: return "a list"
        default: return "a map"
        }
    }
}

/// A heal failure, worded for the person reading the Job's log.
public struct HealError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
