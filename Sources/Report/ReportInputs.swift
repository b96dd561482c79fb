import GitStore
import Heal
import Insights
import Logs
import Reconcile

/// Everything a report is built from, already read: the states Shipshape keeps in the
/// cluster, the tracked branch's commits, and the recommendations of now. `ReportSources`
/// reads them; `ReportBuilder` turns them into a `Report` without any I/O.
public struct ReportInputs: Sendable {
    public var environment: String
    public var namespace: String
    /// The period: [start, end) in Unix seconds, end being the cluster's clock.
    public var start: Double
    public var end: Double
    public var reconcile: ReconcileState?
    public var heal: HealState?
    public var logs: LogCheckpoint?
    public var usage: UsageHistory
    /// Current vs recommended per container, with the rendered workload (requests, HPA bounds).
    public var recommendations: [ContainerResult]
    /// The tracked branch's commits, newest first (recommendation and heal commits are read
    /// by their `Shipshape-*` trailers).
    public var commits: [CommitInfo]
    /// Heal's and logs' alerts (`LogSurge`, `NewLogPattern`, rules, faults), open and resolved,
    /// from their alert states; the builder keeps those of the period.
    public var alerts: [Report.AlertRecord]

    public init(environment: String, namespace: String, start: Double, end: Double, reconcile: ReconcileState? = nil, heal: HealState? = nil,
                logs: LogCheckpoint? = nil, usage: UsageHistory = UsageHistory(), recommendations: [ContainerResult] = [],
                commits: [CommitInfo] = [], alerts: [Report.AlertRecord] = []) {
        self.environment = environment
        self.namespace = namespace
        self.start = start
        self.end = end
        self.reconcile = reconcile
        self.heal = heal
        self.logs = logs
        self.usage = usage
        self.recommendations = recommendations
        self.commits = commits
        self.alerts = alerts
    }
}
