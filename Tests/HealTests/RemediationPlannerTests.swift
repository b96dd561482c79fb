import Heal
import Insights
import XCTest

/// Every rung of the ladder, decided from a finding, what heal did before and the policy.
final class RemediationPlannerTests: XCTestCase {
    let policy = RemediationPolicy()
    let backend = WorkloadRef(kind: "Deployment", name: "backend-deployment")

    func target(memoryRequest: String = "256Mi", memoryLimit: String = "256Mi", startup: (threshold: Int, period: Int)? = nil) -> FixTarget {
        var t = FixTarget(apiVersion: "apps/v1", kind: "Deployment", name: "backend-deployment")
        t.containers["backend"] = FixTarget.Container(memoryRequest: memoryRequest, memoryLimit: memoryLimit, livenessPath: "/health", livenessPort: "8000",
                                                       hasStartupProbe: startup != nil, startupFailureThreshold: startup?.threshold,
                                                       startupPeriodSeconds: startup?.period)
        return t
    }

    func context(_ targets: [FixTarget], rollouts: Set<WorkloadRef> = [], rollback: String? = nil) -> PlanContext {
        PlanContext(environment: "dev", rollbackTarget: rollback, newRollouts: rollouts,
                    rendered: Dictionary(uniqueKeysWithValues: targets.map { ("\($0.kind)/\($0.name)", $0) }))
    }

    func finding(_ c: FaultClass, facts: [String: Double] = [:], restartable: Bool = false, workload: WorkloadRef? = nil) -> HealFinding {
        var f = HealFinding(faultClass: c, workload: workload ?? backend, container: "backend", severity: .critical, summary: "s", pods: ["backend-deployment-abc12"])
        f.facts = facts
        f.restartable = restartable
        return f
    }

    func plan(_ f: HealFinding, _ context: PlanContext, previous: HealState.Fault? = nil, state: HealState = HealState(), policy: RemediationPolicy? = nil) -> PlannedAction {
        RemediationPlanner.plan(f, previous: previous, policy: policy ?? self.policy, context: context, state: state, now: 10_000)
    }

    func testAnOOMKillRaisesTheLimitByVPAsRuleAndAGuaranteedRequestWithIt() {
        // Peak 300Mi: max(300 + 100, 300 × 1.2) = 400Mi.
        let action = plan(finding(.oomKilled, facts: ["limit": 256 * 1_048_576, "peak": 300 * 1_048_576]), context([target()]))
        guard case .commit(let changes, let auto) = action else { return XCTFail("\(action)") }
        XCTAssertFalse(auto, "dev merges nothing automatically without a policy file")
        XCTAssertEqual(changes.map { "\($0.field) \($0.old)→\($0.new)" }, [
            "spec.template.spec.containers[name=backend].resources.requests.memory 256Mi→400Mi",
            "spec.template.spec.containers[name=backend].resources.limits.memory 256Mi→400Mi",
        ])
        // Peak 1Gi: max(1124Mi, 1228.8Mi) rounds up to 1280Mi (64Mi steps above 1Gi); a Burstable request stays.
        let big = plan(finding(.oomKilled, facts: ["limit": 1_073_741_824, "peak": 1_073_741_824]), context([target(memoryRequest: "512Mi", memoryLimit: "1Gi")]))
        guard case .commit(let bigChanges, _) = big else { return XCTFail("\(big)") }
        XCTAssertEqual(bigChanges.map { "\($0.label) \($0.old)→\($0.new)" }, ["memory limit 1Gi→1280Mi"])
    }

    func testAnOOMKillWhoseFixGitAlreadyHoldsWaitsForTheRollout() {
        XCTAssertEqual(plan(finding(.oomKilled, facts: ["limit": 256 * 1_048_576]), context([target(memoryLimit: "368Mi")])),
                       .none("git already holds a memory limit of 368Mi for backend, not yet rolled out"))
    }

    func testAFixWaitingForReviewIsEscalatedWhenNobodyMergesIt() {
        let f = finding(.oomKilled, facts: ["limit": 256 * 1_048_576])
        var previous = HealState.Fault(id: f.id, faultClass: .oomKilled, workload: backend, container: "backend", severity: .critical, summary: "s",
                                       since: 9_000, detectedAt: 9_100, lastSeen: 9_900,
                                       actions: [.init(kind: "commit-for-review", at: 9_100, detail: "")], periodsSinceAction: 11, awaitingReview: true)
        XCTAssertEqual(plan(f, context([target()]), previous: previous), .none("a fix is waiting for review on shipshape/heal/dev"))
        previous.periodsSinceAction = 12
        XCTAssertEqual(plan(f, context([target()]), previous: previous),
                       .escalate("the fix on shipshape/heal/dev has waited 12 periods for review and the fault still shows"))
    }

    func testAnOOMKillAtThePolicysCapIsEscalated() {
        XCTAssertEqual(plan(finding(.oomKilled, facts: ["limit": 4 * 1_073_741_824]), context([target(memoryLimit: "4Gi")])),
                       .escalate("memory limit 4096Mi is already at the policy's cap 4096Mi"))
        XCTAssertEqual(plan(finding(.oomKilled, facts: ["limit": 0]), context([target()])),
                       .escalate("container backend has no memory limit; the OOM kill came from the node, not the limit"))
    }

    func testLivenessKillsGetAStartupProbeOrALargerBudget() {
        // No startup probe, killed at 60 s: a budget of 1.5 × 2 × 60 = 180 s, 18 × 10 s.
        guard case .commit(let changes, _) = plan(finding(.livenessStartup, facts: ["budget": 60]), context([target()])) else { return XCTFail() }
        XCTAssertEqual(changes.map { "\($0.label) \($0.old)→\($0.new)" }, [
            "startup probe path unset→/health", "startup probe port unset→8000", "startup periodSeconds unset→10", "startup failureThreshold unset→18",
        ])
        // A startup probe of 30 × 5 s that ran out: 1.5 × 2 × 150 = 450 s, 90 × 5 s.
        guard case .commit(let more, _) = plan(finding(.livenessStartup, facts: ["budget": 150]), context([target(startup: (30, 5))])) else { return XCTFail() }
        XCTAssertEqual(more.map { "\($0.label) \($0.old)→\($0.new)" }, ["startup failureThreshold 30→90"])
        // Already at the maximum budget (600 s): no bigger budget; not from a revision, so escalated.
        XCTAssertEqual(plan(finding(.livenessStartup, facts: ["budget": 600]), context([target(startup: (60, 10))])),
                       .escalate("no startup budget within the policy's 600 s would let it start"))
    }

    func testAnHPAAtMaxGetsMaxReplicasTimesTheFactorWithinTheCeiling() {
        func hpa(_ max: Int) -> FixTarget {
            var t = FixTarget(apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler", name: "backend-hpa")
            t.maxReplicas = max
            t.scaleTarget = backend
            return t
        }
        let ref = WorkloadRef(kind: "HorizontalPodAutoscaler", name: "backend-hpa")
        func new(_ max: Int) -> String? {
            if case .commit(let c, _) = plan(finding(.hpaAtMax, workload: ref), context([hpa(max)])) { return c.first?.new }
            return nil
        }
        XCTAssertEqual(new(10), "15")
        XCTAssertEqual(new(2), "3")
        XCTAssertEqual(new(19), "20")
        XCTAssertEqual(plan(finding(.hpaAtMax, workload: ref), context([hpa(20)])), .escalate("maxReplicas 20 is already at the policy's ceiling 20"))
    }

    func testRevisionShapedFaultsRollBackOnlyWhenTheyCameWithARollout() {
        let withRollout = context([target()], rollouts: [backend], rollback: "abc1234")
        for c: FaultClass in [.crashLoop, .restartStorm, .imagePull, .misconfiguration, .memoryLeak, .failedRollout] {
            XCTAssertEqual(plan(finding(c), withRollout), .rollback, c.rawValue)
        }
        XCTAssertEqual(plan(finding(.crashLoop), context([target()], rollouts: [], rollback: "abc1234")),
                       .escalate("the container exits the same way every time and the fault did not come with a new revision; a restart cannot cure it"))
        XCTAssertEqual(plan(finding(.imagePull), context([target()], rollouts: [backend], rollback: nil)),
                       .escalate("the image cannot be pulled and the fault did not come with a new revision"))
    }

    func testAStuckPodIsRestartedWithinTheHourlyBudget() {
        let stuck = finding(.notReady, restartable: true)
        XCTAssertEqual(plan(stuck, context([target()])), .restart(pod: "backend-deployment-abc12"))
        var state = HealState()
        state.restartsDone["Deployment/backend-deployment"] = [10_000 - 1800]
        XCTAssertEqual(plan(stuck, context([target()]), state: state),
                       .escalate("restart budget spent: 1 of 1 pod restarts for Deployment/backend-deployment in the last hour"))
        state.restartsDone["Deployment/backend-deployment"] = [10_000 - 3600]
        XCTAssertEqual(plan(stuck, context([target()]), state: state), .restart(pod: "backend-deployment-abc12"))
    }

    func testAnActionIsVerifiedThenEscalatedAndAnEscalatedFaultIsLeftAlone() {
        let f = finding(.notReady, restartable: true)
        var previous = HealState.Fault(id: f.id, faultClass: .notReady, workload: backend, container: "backend", severity: .warning, summary: "s",
                                       since: 9_000, detectedAt: 9_100, lastSeen: 9_900,
                                       actions: [.init(kind: "restart", at: 9_100, detail: "restart pod backend-deployment-abc12")], periodsSinceAction: 2)
        XCTAssertEqual(plan(f, context([target()]), previous: previous),
                       .none("verifying the restart of 1970-01-01T02:31:40Z (2 of 3 periods)"))
        previous.periodsSinceAction = 3
        XCTAssertEqual(plan(f, context([target()]), previous: previous), .escalate("the restart did not clear it within 3 periods"))
        // A commit or rollback waits for reconcile: 12 periods.
        previous.actions = [.init(kind: "commit", at: 9_100, detail: "")]
        XCTAssertEqual(plan(f, context([target()]), previous: previous),
                       .none("verifying the commit of 1970-01-01T02:31:40Z (3 of 12 periods)"))
        previous.escalated = true
        XCTAssertEqual(plan(f, context([target()]), previous: previous), .none("escalated: a person has it"))
        XCTAssertEqual(plan(finding(.nodePressure), context([])), .none("reported only: a platform condition heal does not act on"))
    }

    func testAutoMergeIsPerFaultClassAndEnvironment() throws {
        let p = try RemediationPolicy(yaml: "apiVersion: shipshape.dev/v1\nkind: RemediationPolicy\nautoMerge:\n  dev: [oom-killed]\n  prod: []\n", file: "remediation.yaml")
        guard case .commit(_, let auto) = plan(finding(.oomKilled, facts: ["limit": 256 * 1_048_576]), context([target()]), policy: p) else { return XCTFail() }
        XCTAssertTrue(auto)
        XCTAssertFalse(p.mergesAutomatically(.oomKilled, environment: "prod"))
        XCTAssertFalse(p.mergesAutomatically(.hpaAtMax, environment: "dev"))
    }

    func testThePolicyFileIsCheckedFieldByField() throws {
        func error(_ body: String) -> String {
            do { _ = try RemediationPolicy(yaml: "kind: RemediationPolicy\n" + body, file: "policies/remediation.yaml"); return "accepted" } catch { return "\(error)" }
        }
        XCTAssertEqual(error("detect: {restartStorm: {restarts: 0}}\n"),
                       "policies/remediation.yaml: detect.restartStorm.restarts: expected a whole number from 1 to 1000, got 0")
        XCTAssertEqual(error("detect: {stuckAfter: forever}\n"),
                       "policies/remediation.yaml: detect.stuckAfter: expected a duration such as 90s, 5m or 2h (at most 30d), got \"forever\"")
        XCTAssertEqual(error("actions: {memory: {ratio: .inf}}\n"),
                       "policies/remediation.yaml: actions.memory.ratio: expected a number from 1.0 to 10.0, got inf")
        XCTAssertEqual(error("actions: {restart: {maxPerHour: 2}}\n"),
                       "policies/remediation.yaml: actions.restart: unknown field \"maxPerHour\" (known: maxPerWorkloadPerHour)")
        XCTAssertEqual(error("autoMerge: {dev: [oom]}\n"), "policies/remediation.yaml: autoMerge.dev[0]: \"oom\" is not a fault class (known: "
                       + FaultClass.allCases.map(\.rawValue).joined(separator: ", ") + ")")
        XCTAssertEqual(error("actions: {memory: {maxLimit: 1e400}}\n"),
                       "policies/remediation.yaml: actions.memory.maxLimit: expected a quantity such as 100Mi or 4Gi, got \"1e400\"")
        // The shipped policy is valid and says what the defaults say, except what it sets.
        let shipped = try RemediationPolicy(yaml: try String(contentsOfFile: FaultLibraryTests.root + "/policies/remediation.yaml", encoding: .utf8),
                                            file: "policies/remediation.yaml")
        XCTAssertEqual(shipped.stormRestarts, 5)
        XCTAssertEqual(shipped.stormWindow, 300)
        XCTAssertEqual(shipped.autoMerge, ["dev": [.oomKilled, .livenessStartup, .hpaAtMax], "prod": []])
    }
}
