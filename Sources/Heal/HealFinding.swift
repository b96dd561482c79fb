import Foundation

/// What kind of fault a finding is. The raw value is the finding id's first part, the
/// policy's key and the `Shipshape-Heal` trailer's value, so it never changes once released.
public enum FaultClass: String, Sendable, CaseIterable, Codable, Comparable {
    case restartStorm = "restart-storm"
    case crashLoop = "crash-loop"
    case livenessStartup = "liveness-startup"
    case misconfiguration
    case oomKilled = "oom-killed"
    case memoryLeak = "memory-leak"
    case imagePull = "image-pull"
    case failedRollout = "failed-rollout"
    case notReady = "not-ready"
    case unschedulable
    case jobFailed = "job-failed"
    case hpaAtMax = "hpa-at-max"
    case hpaMetricsUnavailable = "hpa-metrics-unavailable"
    case nodePressure = "node-pressure"
    case nodeNotReady = "node-not-ready"

    public static func < (a: FaultClass, b: FaultClass) -> Bool { a.rawValue < b.rawValue }

    /// Faults about the platform rather than the application: reported, never acted on.
    public var isReportOnly: Bool { self == .nodePressure || self == .nodeNotReady }
}

/// How urgent a finding is, in Alertmanager's usual severities.
public enum Severity: String, Sendable, Codable, Comparable {
    case info, warning, critical

    var rank: Int { self == .critical ? 2 : self == .warning ? 1 : 0 }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// The workload a finding belongs to: its top owner (Deployment, StatefulSet, DaemonSet, Job,
/// CronJob, HPA, Node), or the pod itself when nothing owns it.
public struct WorkloadRef: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var kind: String
    public var name: String

    public init(kind: String, name: String) {
        self.kind = kind
        self.name = name
    }

    public var description: String { "\(kind)/\(name)" }
    public static func < (a: WorkloadRef, b: WorkloadRef) -> Bool { a.description < b.description }
}

/// One fault found in one run: stable across runs for the same fault (so verification can
/// follow it), with the evidence a person needs to agree with what heal did about it.
public struct HealFinding: Sendable, Equatable, Codable {
    public var faultClass: FaultClass
    public var workload: WorkloadRef
    /// The container, for container faults.
    public var container: String?
    public var severity: Severity
    /// One line a person reads first.
    public var summary: String
    /// Restart times, exit codes, termination reasons, events, probe failures: one fact a line.
    public var evidence: [String]
    /// The pods showing it (newest last).
    public var pods: [String]
    /// When the cluster first showed the fault (a restart, a condition's transition), for
    /// time-to-detect; nil when the objects do not say.
    public var since: Double?
    /// A restart can cure it: the container worked in this pod before and stopped (stuck), as
    /// opposed to a deterministic exit, an OOM kill, a pull or configuration error.
    public var restartable = false
    /// The values the git fix needs (`limit=536870912`, `peak=...`): read by the planner.
    public var facts: [String: Double] = [:]

    public init(faultClass: FaultClass, workload: WorkloadRef, container: String? = nil, severity: Severity, summary: String,
                evidence: [String] = [], pods: [String] = [], since: Double? = nil) {
        self.faultClass = faultClass
        self.workload = workload
        self.container = container
        self.severity = severity
        self.summary = summary
        self.evidence = evidence
        self.pods = pods
        self.since = since
    }

    /// `oom-killed/Deployment/backend/backend`: the same fault gets the same id in every run.
    public var id: String {
        "\(faultClass.rawValue)/\(workload.kind)/\(workload.name)" + (container.map { "/\($0)" } ?? "")
    }
}
