import Foundation
import Insights
import Kubernetes
import YAML

/// What heal will do about a finding, decided from the finding, what heal did before (state)
/// and the policy. Pure, so every rung of the ladder is tested without a cluster.
public enum PlannedAction: Sendable, Equatable {
    /// Values edits committed through git: to the tracked branch when the policy merges this
    /// fault class automatically in this environment, otherwise to `shipshape/heal/<env>`.
    case commit([FieldChange], autoMerge: Bool)
    /// Apply the last healthy revision through the reconciler and mark the current one failed.
    case rollback
    /// Delete one pod (its controller replaces it).
    case restart(pod: String)
    /// A person must act; heal stops acting on this fault.
    case escalate(String)
    /// Nothing to do now (reported, or waiting to see whether the last action worked).
    case none(String)

    public var kind: String {
        switch self {
        case .commit(_, let auto): auto ? "commit" : "commit-for-review"
        case .rollback: "rollback"
        case .restart: "restart"
        case .escalate: "escalate"
        case .none: "none"
        }
    }
}

/// What the planner knows about the environment beyond the finding.
public struct PlanContext: Sendable {
    public var environment: String
    /// The revision a rollback would apply, if there is an earlier healthy one.
    public var rollbackTarget: String?
    /// Workloads whose failing pods come from their newest rollout (revision > 1): a fault
    /// that started with a revision.
    public var newRollouts: Set<WorkloadRef>
    /// Rendered objects by `Kind/name`, for current values (limits, probes, HPA bounds).
    public var rendered: [String: FixTarget]

    public init(environment: String, rollbackTarget: String?, newRollouts: Set<WorkloadRef>, rendered: [String: FixTarget]) {
        self.environment = environment
        self.rollbackTarget = rollbackTarget
        self.newRollouts = newRollouts
        self.rendered = rendered
    }
}

/// The fields of a rendered object heal's fixes change: per container its memory request and
/// limit (as written) and liveness probe; for an HPA its maxReplicas.
public struct FixTarget: Sendable, Equatable {
    public struct Container: Sendable, Equatable {
        public var memoryRequest: String?
        public var memoryLimit: String?
        /// httpGet path and port of the liveness probe, to copy into a startup probe.
        public var livenessPath: String?
        public var livenessPort: String?
        public var hasStartupProbe: Bool
        public var startupFailureThreshold: Int?
        public var startupPeriodSeconds: Int?

        public init(memoryRequest: String?, memoryLimit: String?, livenessPath: String?, livenessPort: String?, hasStartupProbe: Bool,
                    startupFailureThreshold: Int?, startupPeriodSeconds: Int?) {
            self.memoryRequest = memoryRequest
            self.memoryLimit = memoryLimit
            self.livenessPath = livenessPath
            self.livenessPort = livenessPort
            self.hasStartupProbe = hasStartupProbe
            self.startupFailureThreshold = startupFailureThreshold
            self.startupPeriodSeconds = startupPeriodSeconds
        }
    }
    public var apiVersion: String
    public var kind: String
    public var name: String
    public var containers: [String: Container] = [:]
    public var maxReplicas: Int?
    /// For an HPA: the workload it scales (`Deployment/backend`).
    public var scaleTarget: WorkloadRef?

    public init(apiVersion: String, kind: String, name: String) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.name = name
    }
}

public enum RemediationPlanner {
    /// Classes a rollback can cure when the fault came with a revision.
    static let revisionShaped: Set<FaultClass> = [.crashLoop, .restartStorm, .imagePull, .misconfiguration, .memoryLeak, .failedRollout, .notReady, .livenessStartup]

    public static func plan(_ finding: HealFinding, previous: HealState.Fault?, policy: RemediationPolicy, context: PlanContext, state: HealState, now: Double) -> PlannedAction {
        if finding.faultClass.isReportOnly { return .none("reported only: a platform condition heal does not act on") }
        if let previous {
            if previous.escalated { return .none("escalated: a person has it") }
            if previous.awaitingReview {
                if previous.periodsSinceAction >= policy.verifyAppliedPeriods {
                    return .escalate("the fix on shipshape/heal/\(context.environment) has waited \(previous.periodsSinceAction) periods for review and the fault still shows")
                }
                return .none("a fix is waiting for review on shipshape/heal/\(context.environment)")
            }
            if let last = previous.actions.last {
                let allowed = last.kind == "restart" ? policy.verifyPeriods : policy.verifyAppliedPeriods
                if previous.periodsSinceAction < allowed {
                    return .none("verifying the \(last.kind) of \(Timestamps.format(last.at)) (\(previous.periodsSinceAction) of \(allowed) periods)")
                }
                return .escalate("the \(last.kind) did not clear it within \(allowed) periods")
            }
        }
        switch finding.faultClass {
        case .oomKilled:
            return memoryFix(finding, policy: policy, context: context)
        case .livenessStartup:
            if let fix = startupFix(finding, policy: policy, context: context) { return fix }
            return rollbackOr(finding, context, else: "no startup budget within the policy's \(Int(policy.maxStartupBudget)) s would let it start")
        case .hpaAtMax:
            return hpaFix(finding, policy: policy, context: context)
        case .notReady where finding.restartable:
            let done = state.restartsWithinHour(finding.workload, now: now)
            guard done < policy.restartsPerWorkloadPerHour, let pod = finding.pods.first else {
                return .escalate("restart budget spent: \(done) of \(policy.restartsPerWorkloadPerHour) pod restarts for \(finding.workload) in the last hour")
            }
            return .restart(pod: pod)
        case .crashLoop, .restartStorm, .imagePull, .misconfiguration, .memoryLeak, .failedRollout, .notReady:
            return rollbackOr(finding, context, else: noFixReason(finding.faultClass))
        case .unschedulable:
            return .escalate("no safe automatic fix: the node lacks capacity for the pod's requests")
        case .jobFailed:
            return .escalate("no safe automatic fix: a failed Job is re-run by its schedule; its logs say why")
        case .hpaMetricsUnavailable:
            return .escalate("no safe automatic fix: the metrics pipeline (metrics-server) is not answering for this HPA")
        case .nodePressure, .nodeNotReady:
            return .none("reported only")
        }
    }

    static func noFixReason(_ c: FaultClass) -> String {
        switch c {
        case .crashLoop, .restartStorm: "the container exits the same way every time and the fault did not come with a new revision; a restart cannot cure it"
        case .imagePull: "the image cannot be pulled and the fault did not come with a new revision"
        case .misconfiguration: "a ConfigMap or Secret key is missing and the fault did not come with a new revision"
        case .memoryLeak: "memory rises until the OOM kill; more memory only delays it, and the fault did not come with a new revision"
        default: "no earlier healthy revision to roll back to"
        }
    }

    static func rollbackOr(_ finding: HealFinding, _ context: PlanContext, else reason: String) -> PlannedAction {
        if revisionShaped.contains(finding.faultClass), context.newRollouts.contains(finding.workload), context.rollbackTarget != nil {
            return .rollback
        }
        return .escalate(reason)
    }

    /// VPA's OOM rule: the new limit is max(peak + minBump, peak × ratio), capped by policy;
    /// a request equal to the old limit (Guaranteed QoS) moves with it.
    static func memoryFix(_ f: HealFinding, policy: RemediationPolicy, context: PlanContext) -> PlannedAction {
        guard let container = f.container, let object = context.rendered["\(f.workload.kind)/\(f.workload.name)"],
              let rendered = object.containers[container] else {
            return .escalate("\(f.workload) is not rendered from this repository; its memory limit cannot be changed through git")
        }
        let live = f.facts["limit"] ?? 0
        guard live > 0 else { return .escalate("container \(container) has no memory limit; the OOM kill came from the node, not the limit") }
        // Git may already hold a larger limit that has not rolled out: start from the larger.
        let inGit = rendered.memoryLimit.flatMap { try? Quantity(parsing: $0) }.map(\.doubleValue) ?? 0
        let limit = max(live, inGit.isFinite ? inGit : 0)
        let peak = max(f.facts["peak"] ?? limit, limit)
        let wanted = max(peak + policy.oomMinBumpBytes, peak * policy.oomRatio)
        if inGit > live { return .none("git already holds a memory limit of \(rendered.memoryLimit ?? "?") for \(container), not yet rolled out") }
        guard limit < policy.maxMemoryLimitBytes else {
            return .escalate("memory limit \(PodAnalyzer.mebibytes(limit)) is already at the policy's cap \(PodAnalyzer.mebibytes(policy.maxMemoryLimitBytes))")
        }
        // Rounded to a value a person would write, but never past the cap.
        var newLimit = HumanRounding.memory(min(wanted, policy.maxMemoryLimitBytes))
        if newLimit.doubleValue > policy.maxMemoryLimitBytes, let cap = try? Quantity(parsing: "\(Int(clamping: policy.maxMemoryLimitBytes / 1_048_576, to: 1...Int.max))Mi") {
            newLimit = cap
        }
        let base = "spec.template.spec.containers[name=\(container)]"
        let owner = object.containers.count == 1 ? container : "\(object.name)/\(container)"
        var changes = [FieldChange(apiVersion: object.apiVersion, kind: object.kind, name: object.name, field: "\(base).resources.limits.memory",
                                   label: "memory limit", owner: owner, old: rendered.memoryLimit ?? "unset", new: newLimit.description)]
        if let request = rendered.memoryRequest, request == rendered.memoryLimit {
            changes.insert(FieldChange(apiVersion: object.apiVersion, kind: object.kind, name: object.name, field: "\(base).resources.requests.memory",
                                       label: "memory request", owner: owner, old: request, new: newLimit.description), at: 0)
        }
        return .commit(changes, autoMerge: policy.mergesAutomatically(.oomKilled, environment: context.environment))
    }

    /// A startup probe whose budget is margin × twice the budget the container could not start
    /// within (it was killed at that budget, so it needs more), on the liveness probe's
    /// endpoint; at most the policy's maximum.
    static func startupFix(_ f: HealFinding, policy: RemediationPolicy, context: PlanContext) -> PlannedAction? {
        guard let container = f.container, let object = context.rendered["\(f.workload.kind)/\(f.workload.name)"],
              let rendered = object.containers[container] else { return nil }
        let exceeded = f.facts["budget"] ?? 0
        let period = max(1, min(rendered.startupPeriodSeconds ?? policy.startupPeriodSeconds, 3600))
        let current = rendered.hasStartupProbe ? Double(rendered.startupFailureThreshold ?? 3) * Double(period) : 0
        let want = min(policy.maxStartupBudget, policy.startupMargin * 2 * max(exceeded, 1))
        guard want > current, want > exceeded else { return nil }
        let threshold = Int(clamping: (want / Double(period)).rounded(.up), to: 1...100_000)
        let base = "spec.template.spec.containers[name=\(container)].startupProbe"
        let owner = object.containers.count == 1 ? container : "\(object.name)/\(container)"
        func change(_ field: String, _ label: String, _ old: String, _ new: String) -> FieldChange {
            FieldChange(apiVersion: object.apiVersion, kind: object.kind, name: object.name, field: "\(base).\(field)", label: label, owner: owner, old: old, new: new)
        }
        var changes: [FieldChange] = []
        if !rendered.hasStartupProbe {
            guard let path = rendered.livenessPath, let port = rendered.livenessPort else { return nil }
            changes.append(change("httpGet.path", "startup probe path", "unset", path))
            changes.append(change("httpGet.port", "startup probe port", "unset", port))
            changes.append(change("periodSeconds", "startup periodSeconds", "unset", String(period)))
        }
        changes.append(change("failureThreshold", "startup failureThreshold", rendered.startupFailureThreshold.map(String.init) ?? "unset", String(threshold)))
        return .commit(changes, autoMerge: policy.mergesAutomatically(.livenessStartup, environment: context.environment))
    }

    /// maxReplicas × factor (at least one more), at most the policy's ceiling.
    static func hpaFix(_ f: HealFinding, policy: RemediationPolicy, context: PlanContext) -> PlannedAction {
        guard let object = context.rendered["HorizontalPodAutoscaler/\(f.workload.name)"], let current = object.maxReplicas else {
            return .escalate("HPA \(f.workload.name) is not rendered from this repository; its maxReplicas cannot be changed through git")
        }
        guard current < policy.hpaMaxReplicasCeiling else {
            return .escalate("maxReplicas \(current) is already at the policy's ceiling \(policy.hpaMaxReplicasCeiling)")
        }
        let new = min(policy.hpaMaxReplicasCeiling, max(current + 1, Int((Double(current) * policy.hpaMaxFactor).rounded(.up))))
        let owner = object.scaleTarget?.name ?? object.name
        return .commit([FieldChange(apiVersion: object.apiVersion, kind: object.kind, name: object.name, field: "spec.maxReplicas",
                                    label: "maxReplicas", owner: owner, old: String(current), new: String(new))],
                       autoMerge: policy.mergesAutomatically(.hpaAtMax, environment: context.environment))
    }
}
