import Environment
import Foundation
import KubeClient
import GitStore
import YAML

/// One environment's reconciler: takes the lease, reads the branch head, renders and checks
/// it, applies what differs in dependency order with server-side apply, prunes what git
/// dropped, waits for health and rolls back to the last healthy revision when a revision
/// breaks. Everything it remembers lives in the state ConfigMap, so any run — a new pod, a
/// run after a crash — continues where the last one stopped.
public final class Reconciler: @unchecked Sendable {
    /// The server-side apply field manager of everything Shipshape applies.
    public static let fieldManager = "shipshape"

    public let environment: EnvironmentConfig.Environment
    public let cluster: any ReconcileCluster
    public let source: RevisionSource
    /// Who holds the lease while this run is on (`HOSTNAME-pid-random`).
    public var identity: String
    /// One line per step, in plain words.
    public var log: @Sendable (String) -> Void
    /// Wall seconds between health polls. Each poll LISTs the workload kinds and pods of the
    /// namespace, so this stays gentle on a real API server (tests on the Sandbox go faster).
    public var pollInterval = 2.0
    /// Called before each object is applied (its position in the plan and its name); a throw
    /// stops the run there, as a killed process would — how tests interrupt a run mid-apply.
    public var beforeApply: ((Int, String) throws -> Void)?
    /// How many times an apply answered with 409 Conflict is repeated.
    public var conflictRetries = 3
    /// What health waits measure time by (the wall clock, unless a harness drives a simulation).
    public var waitClock = WaitClock.wall
    /// The API server's clock minus this machine's, learned on first use.
    private var clockOffset: Double?

    public init(environment: EnvironmentConfig.Environment, cluster: any ReconcileCluster, source: RevisionSource,
                identity: String? = nil, log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.environment = environment
        self.cluster = cluster
        self.source = source
        let host = ProcessInfo.processInfo.environment["HOSTNAME"] ?? ProcessInfo.processInfo.hostName
        self.identity = identity ?? "\(host)-\(getpid())-\(String(UInt32.random(in: 0...UInt32.max), radix: 36))"
        self.log = log
    }

    var namespace: String { environment.namespace }

    /// The Lease `shipshape-<env>`, sized to outlast a run (it is not renewed during one).
    var lock: LeaseLock {
        cluster.lease(name: "shipshape-\(environment.name)", namespace: namespace, identity: identity,
                      durationSeconds: 2 * environment.healthTimeoutSeconds + 300)
    }

    /// Takes the run's lease: nil when it is ours, otherwise why this run must not go on.
    /// A lost race (someone wrote between our read and our write) is decided again.
    func takeLock() throws -> String? {
        for _ in 0..<5 {
            switch try lock.acquireOrRenew() {
            case .acquired, .renewed, .tookOver: return nil
            case .heldBy(let holder, let until):
                return "another run (\(holder)) holds the lease until \(ISO8601DateFormatter().string(from: until)); this run did nothing"
            case .lostRace: continue
            }
        }
        throw ReconcileError("coordination.k8s.io/v1 Lease \(namespace)/shipshape-\(environment.name): kept changing under this run; try again")
    }

    var store: StateStore { StateStore(cluster: cluster, environment: environment.name, namespace: namespace) }

    // MARK: reconcile

    /// One reconcile run. Errors (git, render, API) are thrown; everything else is a report.
    public func reconcile() throws -> RunReport {
        var report = RunReport(outcome: .inSync, environment: environment.name)
        try ensureNamespace()
        if let held = try takeLock() {
            log(held)
            report.outcome = .lockHeld(held)
            return report
        }
        defer { do { try lock.release() } catch { log("could not release the lease (it expires by itself): \(error)") } }

        var saved = try store.load()
        var state = saved
        if let interrupted = state.inProgress { log("an earlier run stopped while applying \(short(interrupted)); finishing it") }
        let head = try source.head().hex
        var target = head
        if state.isFailed(head) {
            let why = state.failures.last { $0.revision == head }?.reason ?? ""
            guard let healthy = state.lastHealthy else {
                log("skip \(short(head)): marked failed (\(why)) and no revision has been healthy yet; waiting for a newer commit")
                report.revision = head
                report.outcome = .skippedFailed(head)
                return report
            }
            log("skip \(short(head)): marked failed (\(why)); keeping the last healthy revision \(short(healthy)) until a newer commit")
            target = healthy
            report.outcome = .skippedFailed(head)
        }
        report.revision = target
        log("revision \(short(target))\(source.subject(target).map { " \"\($0)\"" } ?? "")")

        let rendered = try render(target)
        report.warnings = rendered.warnings
        for warning in rendered.warnings { log("warning: \(warning)") }
        let blocking = rendered.blockingFindings
        if !blocking.isEmpty {
            for finding in blocking { log("policy: \(finding)") }
            log("\(blocking.count) error-severity policy finding(s): nothing applied")
            report.outcome = .blockedByPolicy(blocking.map(\.description))
            state.record(run(target, "blocked-by-policy", report))
            try store.save(state, previous: &saved)
            return report
        }
        let desired = try scheduled(DesiredState.prepare(rendered.values, namespace: namespace))
        let driftMode = state.lastApplied == target && state.inProgress == nil
        let wrote = try converge(desired, revision: target, state: &state, saved: &saved, report: &report,
                                 driftMode: driftMode, reportOnly: driftMode && !environment.correctDrift)
        if driftMode && !environment.correctDrift && !report.drift.isEmpty {
            log("drift found and only reported (reconcile.correctDrift is false)")
            if case .inSync = report.outcome { report.outcome = .driftReported }
            return report
        }
        if !wrote && state.lastHealthy == target {
            log(report.drift.isEmpty ? "in sync: nothing to apply" : "drift corrected")
            try store.save(state, previous: &saved)
            return report
        }

        let health = try HealthWaiter(cluster: cluster, namespace: namespace, pollInterval: pollInterval, log: log, clock: waitClock)
            .wait(for: desired, timeoutSeconds: environment.healthTimeoutSeconds)
        if health == .healthy {
            log("healthy: \(short(target))")
            state.lastHealthy = target
            state.record(run(target, report.drift.isEmpty ? "applied" : "drift-corrected", report))
            try store.save(state, previous: &saved)
            if case .inSync = report.outcome { report.outcome = .applied }
            return report
        }

        let reason = try describe(health)
        log("unhealthy: \(reason)")
        state.failures.append(.init(revision: target, reason: reason, at: now()))
        state.record(run(target, "failed", report))
        try store.save(state, previous: &saved)
        guard environment.rollback, let healthy = state.lastHealthy, healthy != target else {
            log(environment.rollback ? "no healthy revision to roll back to" : "rollback is off for \(environment.name)")
            report.outcome = .failed(reason: reason)
            return report
        }
        log("rolling back to the last healthy revision \(short(healthy))")
        let back = try rollBack(to: healthy, state: &state, saved: &saved)
        report.outcome = back == nil ? .rolledBack(reason: reason) : .failed(reason: "\(reason); the rollback to \(short(healthy)) is unhealthy too: \(back!)")
        return report
    }

    /// Applies the revision `healthy` again and waits for it; returns nil when healthy, else why not.
    func rollBack(to healthy: String, state: inout ReconcileState, saved: inout ReconcileState) throws -> String? {
        var report = RunReport(outcome: .inSync, environment: environment.name, revision: healthy)
        let desired = try scheduled(DesiredState.prepare(try render(healthy).values, namespace: namespace))
        _ = try converge(desired, revision: healthy, state: &state, saved: &saved, report: &report, driftMode: false, reportOnly: false)
        let health = try HealthWaiter(cluster: cluster, namespace: namespace, pollInterval: pollInterval, log: log, clock: waitClock)
            .wait(for: desired, timeoutSeconds: environment.healthTimeoutSeconds)
        let problem = health == .healthy ? nil : try describe(health)
        state.record(run(healthy, problem == nil ? "rolled-back" : "rollback-failed", report))
        try store.save(state, previous: &saved)
        log(problem == nil ? "rolled back: \(short(healthy)) is healthy" : "rollback unhealthy: \(problem!)")
        return problem
    }

    /// Reads live state (one LIST per kind), applies what differs and prunes what git dropped.
    /// Records the revision as in progress, and the inventory as old ∪ new, before the first
    /// write, so an interrupted run is finished by the next one. Returns whether it wrote.
    func converge(_ desired: [Value], revision: String, state: inout ReconcileState, saved: inout ReconcileState,
                  report: inout RunReport, driftMode: Bool, reportOnly: Bool) throws -> Bool {
        let live = try LiveState(cluster: cluster, namespace: namespace).read(desired: desired, inventory: state.inventory)
        let plan = ApplyPlan(desired: desired, live: live, namespace: namespace)
        let prunable = environment.prune
            ? PrunePlan.prune(inventory: state.inventory, desired: desired, live: live).filter { live[$0] != nil } : []
        if driftMode {
            for item in plan.changes {
                if item.action == .create { report.drift.append("\(item.name): missing") }
                for d in item.drift { report.drift.append("\(item.name): \(d.path)") }
                if item.drift.isEmpty && item.handover { report.drift.append("\(item.name): spec.replicas owned by shipshape (handing it to the HPA)") }
            }
            for line in report.drift { log("drift: \(line)") }
        }
        if reportOnly {
            // Scaling windows are git's schedule at work, not drift: they are applied even when
            // drift is only reported (the object otherwise matches git, so nothing else changes).
            let windows = plan.changes.filter { $0.schedule != nil && $0.drift.isEmpty && !$0.handover }
            for item in windows {
                try withConflictRetry { _ = try cluster.apply(item.object, fieldManager: Self.fieldManager, force: true) }
                log("scheduled \(item.name): \(item.schedule!)")
                report.applied.append(item.name)
            }
            return !windows.isEmpty
        }
        let finalInventory = environment.prune ? Inventory.of(desired).keys : Inventory(state.inventory).union(desired).keys
        if plan.isInSync && prunable.isEmpty {
            if state.inventory != finalInventory || state.lastApplied != revision || state.inProgress != nil {
                state.inventory = finalInventory
                state.lastApplied = revision
                state.inProgress = nil
            }
            return false
        }

        state.inProgress = revision
        state.inventory = Inventory(state.inventory).union(desired).keys
        try store.save(state, previous: &saved)
        for (i, item) in plan.changes.enumerated() {
            try beforeApply?(i, item.name)
            if item.handover, let current = item.live, let handover = ReplicaHandover.handoverObject(current) {
                try withConflictRetry { _ = try cluster.apply(handover, fieldManager: ReplicaHandover.fieldManager, force: true) }
                log("handed spec.replicas of \(item.name) to its HPA (kept \(current["spec"]?["replicas"].map { "\($0.string ?? DriftDetector.FieldDrift.show($0))" } ?? "?"))")
            }
            try withConflictRetry { _ = try cluster.apply(item.object, fieldManager: Self.fieldManager, force: true) }
            if let window = item.schedule { log("scheduled \(item.name): \(window)") }
            switch item.action {
            case .create: log("created \(item.name)")
            default: log("applied \(item.name)" + (item.drift.isEmpty ? "" : ": " + item.drift.map(\.description).joined(separator: "; ")))
            }
            report.applied.append(item.name)
        }
        if environment.prune && !prunable.isEmpty {
            report.pruned = try Pruner(cluster: cluster, log: log).prune(prunable, live: live)
        }
        state.inventory = finalInventory
        state.lastApplied = revision
        state.inProgress = nil
        try store.save(state, previous: &saved)
        return true
    }

    // MARK: rollback by hand

    /// `shipshape rollback`: applies `revision` (default: the last healthy one, or the one
    /// before the current if that is the last healthy), marks the revision it replaces failed
    /// so the next reconcile does not bring it back until a newer commit, and waits for health.
    public func rollback(to revision: String?) throws -> RunReport {
        try ensureNamespace()
        if let held = try takeLock() {
            return RunReport(outcome: .lockHeld(held), environment: environment.name)
        }
        defer { releaseLease() }
        return try rollbackHoldingLease(to: revision)
    }

    /// Takes the environment's Lease for another job (heal), so it and reconcile never act at
    /// once: nil when it is ours, else who holds it.
    public func acquireLease() throws -> String? { try takeLock() }

    /// Gives the Lease back (it expires by itself if this fails).
    public func releaseLease() {
        do { try lock.release() } catch { log("could not release the lease (it expires by itself): \(error)") }
    }

    /// For heal, holding the Lease: marks the applied revision failed and makes the revision
    /// `rollback(to: nil)` would pick the last healthy one, so the next reconcile run applies
    /// it (its own rollback path) and keeps it until a newer commit. Heal's Role needs no
    /// apply rights for this. Returns the revision reconcile will apply, nil when there is none.
    public func markAppliedFailed(reason: String) throws -> String? {
        var saved = try store.load()
        var state = saved
        guard let current = state.lastApplied, let target = rollbackTarget(state) else { return nil }
        // A newer commit is already on the branch: reconcile applies it next; marking the applied
        // revision failed would roll back nothing.
        guard try source.head().hex == current else {
            log("not marking \(short(current)) failed: the branch has moved on to a newer revision, which reconcile applies next")
            return nil
        }
        if !state.isFailed(current) { state.failures.append(.init(revision: current, reason: reason, at: now())) }
        state.lastHealthy = target
        try store.save(state, previous: &saved)
        log("marked \(short(current)) failed (\(reason)); the next reconcile applies \(short(target))")
        return target
    }

    /// The revision a rollback without `--to` applies: the last healthy one when it is not the
    /// applied one, else the newest earlier revision that was healthy and is not marked failed.
    public func rollbackTarget(_ state: ReconcileState) -> String? {
        if let healthy = state.lastHealthy, healthy != state.lastApplied { return healthy }
        return state.runs.reversed().first {
            ["applied", "drift-corrected", "rolled-back"].contains($0.outcome) && $0.revision != state.lastApplied && !state.isFailed($0.revision)
        }?.revision
    }

    /// `rollback(to:)` for a caller that already holds the Lease.
    public func rollbackHoldingLease(to revision: String?) throws -> RunReport {
        var report = RunReport(outcome: .inSync, environment: environment.name)
        var saved = try store.load()
        var state = saved
        let target: String
        if let revision {
            target = try source.resolve(revision).hex
        } else if let previous = rollbackTarget(state) {
            target = previous
        } else {
            throw ReconcileError("environment \(environment.name): no earlier healthy revision to roll back to; name one with --to REV")
        }
        report.revision = target
        if let current = state.lastApplied, current != target, !state.isFailed(current) {
            state.failures.append(.init(revision: current, reason: "rolled back by hand to \(short(target))", at: now()))
            log("marked \(short(current)) failed: the next reconcile keeps \(short(target)) until a newer commit")
        }
        log("rolling back \(environment.name) to \(short(target))\(source.subject(target).map { " \"\($0)\"" } ?? "")")
        if let problem = try rollBack(to: target, state: &state, saved: &saved) {
            report.outcome = .failed(reason: problem)
        } else {
            state.lastHealthy = target
            try store.save(state, previous: &saved)
            report.outcome = .rolledBack(reason: "by hand")
        }
        return report
    }

    // MARK: pieces

    /// Renders the revision from git and checks it against the environment's policies.
    func render(_ revision: String) throws -> RenderedEnvironment {
        try render(commit: try source.resolve(revision))
    }

    func render(commit: ObjectID) throws -> RenderedEnvironment {
        let tree = RevisionTree(try source.snapshot(commit))
        return try EnvironmentRenderer(environment: environment, tree: tree).renderAndCheck(policies: environment.policies, environment: environment.name)
    }

    /// The state kept in the cluster (for `shipshape history`).
    public func state() throws -> ReconcileState { try store.load() }

    /// Creates the environment's namespace if it does not exist (the lease and state live there).
    /// A namespaced Role (least privilege, in-cluster) cannot read Namespaces: then it is
    /// assumed to exist, as the Role itself lives in it, and nothing is said of it (it is
    /// expected on every in-cluster run). Any other failure to read it is logged.
    func ensureNamespace() throws {
        let existing: Value?
        do { existing = try cluster.get(apiVersion: "v1", kind: "Namespace", namespace: nil, name: namespace) } catch {
            if (error as? KubeAPIError)?.code != 403 { log("cannot read namespace \(namespace) (\(error)); assuming it exists") }
            return
        }
        if existing == nil {
            _ = try cluster.apply(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(namespace)]],
                                  fieldManager: Self.fieldManager, force: true)
            log("created namespace \(namespace)")
        }
    }

    /// Why a wait failed, naming the object, the pod, the reason and the pod's latest events.
    func describe(_ outcome: HealthWaiter.Outcome) throws -> String {
        switch outcome {
        case .healthy:
            return "healthy"
        case .timedOut(let object, let reason):
            return "\(object): \(reason)"
        case .degraded(let object, let reason, let pod):
            var text = "\(object): \(reason)"
            if let pod {
                // Events are extra evidence: without the right to list them, the reason stands alone.
                let events = ((try? cluster.list(apiVersion: "v1", kind: "Event", namespace: namespace)) ?? [])
                    .filter { $0["involvedObject"]?["name"]?.string == pod && $0["type"]?.string == "Warning" }
                    .suffix(3)
                    .map { "\($0["reason"]?.string ?? ""): \($0["message"]?.string ?? "")" }
                if !events.isEmpty { text += "; events: " + events.joined(separator: " | ") }
            }
            return text
        }
    }

    func withConflictRetry(_ body: () throws -> Void) throws {
        var attempt = 0
        while true {
            do { return try body() } catch let conflict as ClusterConflict {
                attempt += 1
                if attempt > conflictRetries { throw conflict }
                log("conflict, retrying: \(conflict)")
            }
        }
    }

    func run(_ revision: String, _ outcome: String, _ report: RunReport) -> ReconcileState.Run {
        .init(revision: revision, at: now(), outcome: outcome, applied: report.applied.count, pruned: report.pruned.count,
              driftCorrected: outcome == "drift-corrected" || outcome == "applied" ? report.drift : [])
    }

    func short(_ revision: String) -> String { String(revision.prefix(7)) }

    /// The objects with each scheduled HPA's minReplicas at the floor of the window active now
    /// by the API server's clock (asked on every run: windows open and close between runs).
    func scheduled(_ desired: [Value]) throws -> [Value] {
        guard desired.contains(where: HPASchedule.isScheduled) else { return desired }
        let t = ((try? cluster.serverTime()) ?? nil) ?? Date().timeIntervalSince1970
        return try HPASchedule.applyFloors(desired, at: t)
    }

    /// Now by the API server's clock (asked once per reconciler), else this machine's.
    func now() -> String {
        if clockOffset == nil { clockOffset = ((try? cluster.serverTime()) ?? nil).map { $0 - Date().timeIntervalSince1970 } ?? 0 }
        return ISO8601DateFormatter().string(from: Date(timeIntervalSinceNow: clockOffset ?? 0))
    }
}
