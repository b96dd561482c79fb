import Foundation

/// The weekly report of one environment (`shipshape report`): what happened over a period,
/// built only from what Shipshape already keeps (reconcile state, heal state, logs checkpoint,
/// usage checkpoint, git history). Plain data, so JSON, Markdown and HTML show the same figures.
/// Times are Unix seconds; CPU in cores, memory in bytes; savings per month of 730 hours.
public struct Report: Sendable, Equatable, Codable {
    public var environment: String
    public var namespace: String
    public var start: Double
    public var end: Double
    public var health: Health
    public var selfHealing: SelfHealing
    public var errors: Errors
    public var autoscaling: [Autoscaling]
    public var optimisation: Optimisation
    public var anomalies: [Anomaly]

    /// Seconds the report covers.
    public var seconds: Double { end - start }

    /// Availability, restarts, rollouts and drift.
    public struct Health: Sendable, Equatable, Codable {
        public var workloads: [WorkloadHealth]
        /// Reconcile runs in the period that applied a revision.
        public var rollouts: Int
        /// Reconcile runs that rolled back to the last healthy revision.
        public var rollbacks: Int
        /// Revisions marked failed in the period (`short sha: reason`).
        public var failedRevisions: [String]
        /// Objects found drifted and corrected by reconcile, one entry per correction.
        public var driftCorrected: [String]
    }

    /// One workload's health over the period. Availability is the share of the period with no
    /// open heal fault on the workload (from when the cluster first showed it to when it cleared).
    public struct WorkloadHealth: Sendable, Equatable, Codable {
        public var workload: String
        public var availability: Double
        public var faultSeconds: Double
        public var restarts: Int
        public var faults: Int
    }

    /// Faults heal followed, how they ended, and how fast.
    public struct SelfHealing: Sendable, Equatable, Codable {
        public var classes: [FaultClassCount]
        /// Faults first detected in the period.
        public var detected: Int
        /// Faults that cleared in the period, and those of them nobody had to touch.
        public var resolved: Int
        public var resolvedWithoutPerson: Int
        /// resolvedWithoutPerson / resolved (nil when nothing resolved).
        public var autoResolutionRate: Double?
        /// Median seconds from the cluster showing a fault to heal seeing it, and from heal
        /// seeing it to it clearing (resolved faults).
        public var medianTimeToDetect: Double?
        public var medianTimeToResolve: Double?
        /// Faults handed to a person (`id: summary`).
        public var escalations: [String]
        /// Actions taken by kind (commit, rollback, restart, escalate ...).
        public var actions: [String: Int]
    }

    public struct FaultClassCount: Sendable, Equatable, Codable {
        public var faultClass: String
        public var detected: Int
        public var resolvedWithoutPerson: Int
        public var escalated: Int
    }

    /// What the logs said.
    public struct Errors: Sendable, Equatable, Codable {
        /// The templates with the most lines (the logs checkpoint's miners).
        public var top: [LogTemplateRow]
        /// Alerts of the period: `NewLogPattern` (templates new in the period), `LogSurge`
        /// (a template or series far over its baseline), and the users' rules.
        public var newTemplates: [AlertRecord]
        public var surges: [AlertRecord]
        public var alerts: [AlertRecord]
        /// Error events per hour per workload in the period (the logs checkpoint's hourly
        /// series), for the error-rate chart; hours the logs job did not read are absent.
        public var errorsPerHour: [ErrorSeries]
    }

    /// One workload's error events per hour (`t` the hour's start).
    public struct ErrorSeries: Sendable, Equatable, Codable {
        public var workload: String
        public var points: [Point]
    }

    public struct LogTemplateRow: Sendable, Equatable, Codable {
        public var workload: String
        public var id: Int
        public var count: Int
        public var template: String
        /// Baseline lines per minute (nil: none yet).
        public var baselinePerMinute: Double?
    }

    /// An alert that fired in the period, as heal and logs keep it (`AlertState` in their
    /// checkpoint ConfigMaps, read by `ReportSources`); the report only shows them.
    public struct AlertRecord: Sendable, Equatable, Codable {
        public var name: String
        /// `heal` or `logs`.
        public var job: String = ""
        public var workload: String
        /// The template or rule the alert is about.
        public var detail: String
        public var firedAt: Double
        public var resolvedAt: Double?
        public init(name: String, job: String = "", workload: String, detail: String, firedAt: Double, resolvedAt: Double?) {
            self.name = name
            self.job = job
            self.workload = workload
            self.detail = detail
            self.firedAt = firedAt
            self.resolvedAt = resolvedAt
        }
    }

    /// One HPA: the replicas seen each sampled hour against its bounds.
    public struct Autoscaling: Sendable, Equatable, Codable {
        public var workload: String
        public var hpa: String
        public var minReplicas: Int
        public var maxReplicas: Int
        public var replicas: [Point]
        public var hoursSampled: Int
        public var hoursAtMax: Int
    }

    /// A point of a time series: `t` Unix seconds (the hour's start), `v` the value.
    public struct Point: Sendable, Equatable, Codable {
        public var t: Double
        public var v: Double
        public init(t: Double, v: Double) {
            self.t = t
            self.v = v
        }
    }

    public struct Optimisation: Sendable, Equatable, Codable {
        public var containers: [ContainerSizing]
        /// Sums of the containers' projected savings (negative: more would be requested).
        public var projectedCoreHours: Double
        public var projectedGiBHours: Double
        public var realized: [RealizedSaving]
        public var usage: [UsageSeries]
    }

    /// Current vs recommended resources of one container (`workload/container`).
    public struct ContainerSizing: Sendable, Equatable, Codable {
        public var container: String
        public var current: Resources
        /// Nil fields: nothing to change.
        public var recommended: Resources
        public var replicas: Double
        public var coreHoursPerMonth: Double
        public var gibHoursPerMonth: Double
        public var notes: [String]
    }

    /// Quantities as the chart writes them (`250m`, `512Mi`); nil when unset.
    public struct Resources: Sendable, Equatable, Codable {
        public var cpuRequest: String?
        public var cpuLimit: String?
        public var memoryRequest: String?
        public var memoryLimit: String?
    }

    /// What one merged recommendation (a request change of one container) saved: the request
    /// before and after, the replicas and usage measured after the merge, and the request
    /// saved over those replicas for a month.
    public struct RealizedSaving: Sendable, Equatable, Codable {
        public var commit: String
        public var subject: String
        public var mergedAt: Double
        public var container: String
        /// `cpu` or `memory`.
        public var resource: String
        public var before: String
        public var after: String
        /// Mean replicas over the sampled hours after the merge.
        public var replicasAfter: Double?
        /// Mean CPU cores per pod over the sampled hours after the merge (CPU only).
        public var usageAfter: Double?
        /// (before − after) × replicasAfter, for 730 hours: core-hours or GiB-hours.
        public var savedPerMonth: Double?
        /// usageAfter / after: how much of the new request is used.
        public var utilisationAfter: Double?
    }

    /// Mean CPU per pod each sampled hour against the container's request and limit.
    public struct UsageSeries: Sendable, Equatable, Codable {
        public var container: String
        public var cpu: [Point]
        public var cpuRequest: Double?
        public var cpuLimit: Double?
    }

    /// Something out of the ordinary, with where to look.
    public struct Anomaly: Sendable, Equatable, Codable {
        /// escalation, rollback, failed-revision, log-surge, new-template, hpa-at-max
        public var kind: String
        public var at: Double?
        public var subject: String
        public var detail: String
        /// Where the evidence is: a commit, a ConfigMap key, a report section (`#errors`).
        public var evidence: String
        public var link: String
    }

    /// Deterministic JSON (sorted keys, two-space indent).
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}
