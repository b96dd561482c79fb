import Environment
import Foundation
import KubeClient
import Reconcile
import YAML

/// One heal run: read the namespace (one LIST per kind), update restart history, find faults,
/// check whether earlier actions worked, take the Lease shared with reconcile, climb the
/// remediation ladder (git fix, rollback, bounded restart, escalation) and save what it
/// learned. Every configuration fix is a commit; the only immediate actions are ones git would
/// not undo.
public final class Healer {
    public let environment: EnvironmentConfig.Environment
    public let cluster: any HealCluster
    public let reconciler: Reconciler
    public let policy: RemediationPolicy
    /// The repository for git fixes; nil: fixes that need a commit are escalated.
    public var repository: HealFix.Repository?
    public var log: @Sendable (String) -> Void

    public init(environment: EnvironmentConfig.Environment, cluster: any HealCluster, reconciler: Reconciler, policy: RemediationPolicy,
                repository: HealFix.Repository?, log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.environment = environment
        self.cluster = cluster
        self.reconciler = reconciler
        self.policy = policy
        self.repository = repository
        self.log = log
    }

    var namespace: String { environment.namespace }
    var store: HealStateStore { HealStateStore(cluster: cluster, environment: environment.name, namespace: namespace) }

    /// The state kept in the cluster (for `shipshape history`).
    public func state() throws -> HealState { try store.load() }

    public func run(dryRun: Bool = false) throws -> HealReport {
        let snapshot = try ClusterSnapshot.read(cluster, namespace: namespace, nodes: policy.nodeFindings, now: Date().timeIntervalSince1970)
        let now = snapshot.now
        let saved = try store.load()
        var state = saved
        RestartTracker.update(&state, snapshot: snapshot, lastRun: state.runs.last?.at)
        var findings = PodAnalyzer.analyze(snapshot, state: state, policy: policy) + WorkloadAnalyzer.analyze(snapshot, policy: policy)
        findings = enrich(findings)
        var report = HealReport(environment: environment.name, namespace: namespace, now: now, unreadable: snapshot.unreadable, dryRun: dryRun)

        state.restartsDone = state.restartsDone.compactMapValues { times in
            let recent = times.filter { now - $0 < 3600 }
            return recent.isEmpty ? nil : recent
        }
        // Verification: a fault heal followed that no longer shows has cleared — unless the kind
        // that shows it could not be read this run.
        let current = Set(findings.map(\.id))
        let blind = Self.unseen(snapshot.unreadable)
        for (id, fault) in state.faults.sorted(by: { $0.key < $1.key }) where !current.contains(id) {
            guard !blind.contains(fault.faultClass) else {
                report.unseen.append(id)
                continue
            }
            let r = HealState.Resolution(id: id, faultClass: fault.faultClass, since: fault.since, detectedAt: fault.detectedAt, resolvedAt: now,
                                         action: fault.actions.last?.kind ?? "", escalated: fault.escalated)
            report.resolved.append(r)
            state.record(r)
            state.faults.removeValue(forKey: id)
        }
        for f in findings {
            if var fault = state.faults[f.id] {
                fault.lastSeen = now
                fault.summary = f.summary
                fault.severity = f.severity
                if !fault.actions.isEmpty { fault.periodsSinceAction += 1 }
                state.faults[f.id] = fault
            } else {
                state.faults[f.id] = HealState.Fault(id: f.id, faultClass: f.faultClass, workload: f.workload, container: f.container, severity: f.severity,
                                                     summary: f.summary, since: f.since, detectedAt: now, lastSeen: now)
            }
        }

        // The ladder.
        let context = try planContext(findings, snapshot: snapshot)
        var plans = findings.map { f in
            (f, RemediationPlanner.plan(f, previous: saved.faults[f.id].map { _ in state.faults[f.id]! }, policy: policy, context: context, state: state, now: now))
        }
        let acting = plans.contains { if case .none = $0.1 { return false }; if case .escalate = $0.1 { return false }; return true }
        var holdsLease = false
        if acting && !dryRun {
            if let holder = try reconciler.acquireLease() {
                report.leaseHeld = holder
                log("reconcile holds the lease: findings only this run (\(holder))")
                plans = plans.map { f, p in
                    if case .escalate = p { return (f, p) }
                    if case .none = p { return (f, p) }
                    return (f, .none("deferred: reconcile holds the lease"))
                }
            } else {
                holdsLease = true
            }
        }
        defer { if holdsLease { reconciler.releaseLease() } }

        var rolledBack: String?
        for (f, plan) in plans {
            var fault = state.faults[f.id]!
            let isNew = saved.faults[f.id] == nil
            var verdict = fault.escalated ? "escalated" : fault.awaitingReview ? "awaiting-review" : isNew ? "new" : fault.actions.isEmpty ? "open" : "verifying"
            var detail = ""
            var acted = plan.kind != "none" && plan.kind != "escalate"
            func escalate(_ why: String) {
                detail = why
                verdict = "escalated"
                acted = false
                if !dryRun {
                    fault.escalated = true
                    fault.actions.append(.init(kind: "escalate", at: now, detail: why))
                }
                log("escalate \(f.id): \(why)")
            }
            // One action's failure (a push refused, a fix no values line can carry) escalates that
            // fault; the run goes on with the others and saves what it did. A 401 or 403 is the
            // job's own configuration (its Role), and fails the run.
            do {
                switch plan {
                case .none(let why):
                    detail = why
                    if f.faultClass.isReportOnly { verdict = "reported" }
                case .escalate(let why):
                    escalate(why)
                case .restart(let pod):
                    detail = "restart pod \(pod)"
                    // The budget again: an earlier finding of this run may have spent it.
                    let done = state.restartsWithinHour(f.workload, now: now)
                    if done >= policy.restartsPerWorkloadPerHour {
                        escalate("restart budget spent: \(done) of \(policy.restartsPerWorkloadPerHour) pod restarts for \(f.workload) in the last hour")
                    } else if !dryRun {
                        let uid = snapshot.pods.first { $0["metadata"]?["name"]?.string == pod }?["metadata"]?["uid"]?.string
                        if let done = try restart(pod: pod, uid: uid, finding: f, now: now, state: &state) {
                            detail = done
                            acted = false
                        }
                    }
                case .rollback:
                    if let done = rolledBack {
                        detail = done
                    } else if dryRun {
                        detail = "roll back to \(context.rollbackTarget.map { String($0.prefix(7)) } ?? "?")"
                    } else if let done = try rollback(f) {
                        detail = done
                        rolledBack = done
                    } else {
                        escalate("no rollback: reconcile has no earlier healthy revision, or a newer revision is already on the branch")
                    }
                case .commit(let changes, let autoMerge):
                    if let repository {
                        // Never merge a fix into a branch whose applied revision this run marked failed.
                        guard let commit = try HealFix.make(changes, for: f, autoMerge: autoMerge && rolledBack == nil, in: repository) else {
                            detail = "nothing to change"
                            acted = false
                            break
                        }
                        let review = commit.branch == HealFix.branch(environment: environment.name)
                        detail = "\(review ? "commit for review" : "commit") on \(commit.branch): \(commit.message.subject)"
                        if !dryRun {
                            log(try repository.commit(commit))
                            if review { fault.awaitingReview = true }
                        }
                    } else {
                        escalate("no repository to commit a fix to")
                    }
                }
            } catch let error as KubeAPIError where error.code == 401 || error.code == 403 {
                throw error
            } catch {
                escalate("the \(plan.kind) failed: \(error)")
            }
            if !dryRun, acted {
                fault.actions.append(.init(kind: plan.kind, at: now, detail: detail))
                fault.periodsSinceAction = 0
            }
            state.faults[f.id] = fault
            report.items.append(.init(finding: f, verdict: verdict, action: detail, actionKind: plan.kind))
        }
        state.record(HealState.Run(at: now, findings: findings.count, actions: report.actions.map { "\($0.actionKind) \($0.finding.id)" },
                                   resolved: report.resolved.map(\.id), escalated: report.items.filter { $0.actionKind == "escalate" }.map(\.finding.id)))
        if !dryRun { try store.save(state, previous: saved) }
        return report
    }

    /// Fault classes a run cannot see when these kinds were unreadable.
    static func unseen(_ unreadable: [String]) -> Set<FaultClass> {
        var out = Set<FaultClass>()
        for u in unreadable {
            if u.hasPrefix("v1 Event") { out.formUnion([.livenessStartup, .unschedulable]) }
            if u.hasPrefix("batch/v1 Job") { out.insert(.jobFailed) }
            if u.hasPrefix("autoscaling/v2 HorizontalPodAutoscaler") { out.formUnion([.hpaAtMax, .hpaMetricsUnavailable]) }
            if u.hasPrefix("v1 Node") { out.formUnion([.nodePressure, .nodeNotReady]) }
            if u.hasPrefix("metrics.k8s.io") { out.insert(.memoryLeak) }
        }
        return out
    }

    /// Adds the last log lines of a crashing container to its evidence.
    func enrich(_ findings: [HealFinding]) -> [HealFinding] {
        findings.map { f in
            guard [.crashLoop, .restartStorm].contains(f.faultClass), let pod = f.pods.last, let container = f.container,
                  let text = try? cluster.logTail(pod: pod, namespace: namespace, container: container, previous: true, lines: 3) else { return f }
            var f = f
            let lines = text.split(separator: "\n").suffix(3).map { "log: \($0.prefix(200))" }
            f.evidence.append(contentsOf: lines)
            return f
        }
    }

    /// The revision a rollback would apply, the rollouts the faults came with, and the rendered
    /// fields fixes start from.
    func planContext(_ findings: [HealFinding], snapshot: ClusterSnapshot) throws -> PlanContext {
        let reconcileState = try reconciler.state()
        let target = environment.rollback ? reconciler.rollbackTarget(reconcileState) : nil
        var rollouts = Set<WorkloadRef>()
        for f in findings where f.workload.kind == "Deployment" {
            let owned = snapshot.replicaSets.filter { rs in
                rs["metadata"]?["ownerReferences"]?.array?.contains { $0["kind"]?.string == "Deployment" && $0["name"]?.string == f.workload.name } ?? false
            }
            func revision(_ rs: Value) -> Int { Int(rs["metadata"]?["annotations"]?["deployment.kubernetes.io/revision"]?.string ?? "") ?? 0 }
            guard let newest = owned.max(by: { revision($0) < revision($1) }), revision(newest) > 1 else { continue }
            let newestName = newest["metadata"]?["name"]?.string
            let podsFromNewest = snapshot.pods.filter { p in
                f.pods.contains(p["metadata"]?["name"]?.string ?? "") &&
                    p["metadata"]?["ownerReferences"]?.array?.contains { $0["name"]?.string == newestName } == true
            }
            // The fault came with the rollout only if it began within the policy's window of it:
            // a crash loop a week after an update is not the update's doing.
            let created = newest["metadata"]?["creationTimestamp"]?.string.flatMap(Timestamps.parse) ?? 0
            let began = f.since ?? snapshot.now
            guard began >= created - 60, began - created <= policy.rolloutWindow else { continue }
            if !podsFromNewest.isEmpty || f.faultClass == .failedRollout { rollouts.insert(f.workload) }
        }
        return PlanContext(environment: environment.name, rollbackTarget: target, newRollouts: rollouts,
                           rendered: repository.map { FixTargets.read($0.rendered.values) } ?? [:])
    }

    /// Deletes one pod — the one the decision was made on: its uid from the snapshot is the
    /// delete's precondition, so a replacement with the same name is left alone — then records
    /// an Event saying why (only a deletion that happened is recorded: a 403 leaves no Event
    /// claiming it). Returns why nothing was done, nil when the pod was deleted.
    func restart(pod: String, uid: String?, finding: HealFinding, now: Double, state: inout HealState) throws -> String? {
        guard let uid, let live = try cluster.get(apiVersion: "v1", kind: "Pod", namespace: namespace, name: pod),
              live["metadata"]?["uid"]?.string == uid else {
            return "pod \(pod) was already replaced; nothing restarted"
        }
        try cluster.delete(apiVersion: "v1", kind: "Pod", namespace: namespace, name: pod, uid: uid)
        state.restartsDone[finding.workload.description, default: []].append(now)
        let stamp = Timestamps.format(now)
        let event: Value = [
            "apiVersion": "v1", "kind": "Event",
            "metadata": ["name": .string("\(pod).shipshape-heal-\(Int(now))"), "namespace": .string(namespace)],
            "involvedObject": ["apiVersion": "v1", "kind": "Pod", "name": .string(pod), "namespace": .string(namespace), "uid": .string(uid)],
            "reason": "ShipshapeRestart", "type": "Normal",
            "message": .string("shipshape heal deleted the pod to restart it: \(finding.summary)"),
            "source": ["component": "shipshape-heal"], "reportingComponent": "shipshape-heal",
            "firstTimestamp": .string(stamp), "lastTimestamp": .string(stamp), "count": 1,
        ]
        do { try cluster.createEvent(event) } catch { log("could not record the restart as an Event: \(error)") }
        log("restarted pod \(pod) (\(finding.id))")
        return nil
    }

    /// Marks the applied revision failed in reconcile's state, with the finding as the reason:
    /// the next reconcile run applies the last healthy revision through its own rollback path
    /// and keeps it until a newer commit.
    func rollback(_ finding: HealFinding) throws -> String? {
        guard let target = try reconciler.markAppliedFailed(reason: "shipshape heal: \(finding.summary)") else { return nil }
        return "marked the applied revision failed; reconcile rolls back to \(target.prefix(7)) on its next run"
    }
}
