import Foundation

/// What heal remembers between runs, in the ConfigMap `shipshape-<env>-heal` (key
/// `heal.json`): restart times (a pod only shows its count), memory seen per container
/// instance, the faults it is following with what it did about them, the pod deletions of the
/// last hour, and how faults ended. Every list is bounded, so the document stays small.
public struct HealState: Sendable, Equatable, Codable {
    /// One container of one pod, as last seen.
    public struct ContainerRecord: Sendable, Equatable, Codable {
        public var pod: String
        public var workload: WorkloadRef
        public var container: String
        public var restartCount: Int
        /// Times of the restarts heal has seen (finish times of the terminated instances).
        public var restarts: [Double]
        /// `[time, bytes]` working-set samples of the running instance (cleared on restart).
        public var memory: [[Double]]
        /// Peak working set of the previous instance, kept across its restart.
        public var lastPeak: Double?
        /// Memory samples of the previous instance rose monotonically.
        public var lastRising: Bool?
        /// When the pod was last seen ready (nil: never).
        public var lastReady: Double?
    }

    /// What heal did.
    public struct Action: Sendable, Equatable, Codable {
        /// commit, commit-for-review, rollback, restart, escalate
        public var kind: String
        public var at: Double
        public var detail: String

        public init(kind: String, at: Double, detail: String) {
            self.kind = kind
            self.at = at
            self.detail = detail
        }
    }

    /// A fault heal is following, by finding id.
    public struct Fault: Sendable, Equatable, Codable {
        public var id: String
        public var faultClass: FaultClass
        public var workload: WorkloadRef
        public var container: String?
        public var severity: Severity
        public var summary: String
        /// When the cluster first showed it, and when heal first saw it.
        public var since: Double?
        public var detectedAt: Double
        public var lastSeen: Double
        public var actions: [Action] = []
        /// Runs that still saw the fault since the last action.
        public var periodsSinceAction = 0
        /// A person has it (circuit breaker): heal does nothing more about it.
        public var escalated = false
        /// A fix is waiting for review on shipshape/heal/<env>.
        public var awaitingReview = false

        public init(id: String, faultClass: FaultClass, workload: WorkloadRef, container: String?, severity: Severity, summary: String,
                    since: Double?, detectedAt: Double, lastSeen: Double, actions: [Action] = [], periodsSinceAction: Int = 0,
                    escalated: Bool = false, awaitingReview: Bool = false) {
            self.id = id
            self.faultClass = faultClass
            self.workload = workload
            self.container = container
            self.severity = severity
            self.summary = summary
            self.since = since
            self.detectedAt = detectedAt
            self.lastSeen = lastSeen
            self.actions = actions
            self.periodsSinceAction = periodsSinceAction
            self.escalated = escalated
            self.awaitingReview = awaitingReview
        }
    }

    /// How a fault ended, for time-to-detect and time-to-resolve.
    public struct Resolution: Sendable, Equatable, Codable {
        public var id: String
        public var faultClass: FaultClass
        public var since: Double?
        public var detectedAt: Double
        public var resolvedAt: Double
        /// The last action before it cleared ("" when it cleared by itself).
        public var action: String
        public var escalated: Bool
    }

    /// One heal run, newest last (for `shipshape history`).
    public struct Run: Sendable, Equatable, Codable {
        public var at: Double
        public var findings: Int
        public var actions: [String]
        public var resolved: [String]
        public var escalated: [String]

        public init(at: Double, findings: Int, actions: [String], resolved: [String], escalated: [String]) {
            self.at = at
            self.findings = findings
            self.actions = actions
            self.resolved = resolved
            self.escalated = escalated
        }
    }

    public var containers: [String: ContainerRecord] = [:]
    public var faults: [String: Fault] = [:]
    /// Pod deletions by workload (`Deployment/backend` → times), the last hour's.
    public var restartsDone: [String: [Double]] = [:]
    public var resolutions: [Resolution] = []
    public var runs: [Run] = []

    public init() {}

    public static let maxRuns = 100
    public static let maxResolutions = 200
    public static let maxRestartTimes = 20
    public static let maxMemorySamples = 120

    public static func configMapName(environment: String) -> String { "shipshape-\(environment)-heal" }
    public static let dataKey = "heal.json"

    public func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    public init(decoding text: String) throws {
        self = try JSONDecoder().decode(HealState.self, from: Data(text.utf8))
    }

    mutating func record(_ run: Run) {
        runs.append(run)
        if runs.count > Self.maxRuns { runs.removeFirst(runs.count - Self.maxRuns) }
    }

    mutating func record(_ resolution: Resolution) {
        resolutions.append(resolution)
        if resolutions.count > Self.maxResolutions { resolutions.removeFirst(resolutions.count - Self.maxResolutions) }
    }

    /// Pod deletions for `workload` within the hour before `now`.
    func restartsWithinHour(_ workload: WorkloadRef, now: Double) -> Int {
        (restartsDone[workload.description] ?? []).filter { now - $0 < 3600 }.count
    }
}
