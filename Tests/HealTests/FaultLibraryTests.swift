import FaultLab
import Foundation
import Heal
import XCTest

/// The fault library (Faults/*.yaml), each fault played end to end on the Sandbox in simulated
/// time through the real reconciler and heal (heal every minute, reconcile every five, as the
/// CronJobs run), with the exact findings, actions, commits and times the seed gives.
final class FaultLibraryTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let faults = root + "/Tests/HealTests/Faults"

    func play(_ name: String) throws -> (FaultRun.Outcome, FaultRun) {
        let spec = try FaultSpec.load(Self.faults + "/\(name).yaml")
        let run = try FaultRun(spec, repositoryRoot: Self.root)
        addTeardownBlock { run.shutdown() }
        let outcome = try run.play()
        if ProcessInfo.processInfo.environment["HEAL_TRACE"] != nil {
            print(run.log.joined(separator: "\n"))
            for r in outcome.reports where !r.items.isEmpty || !r.resolved.isEmpty { print(r.table()) }
        }
        return (outcome, run)
    }

    /// Seconds after the simulation start (09:50:00).
    func t(_ x: Double?) -> Int? { x.map { Int($0 - FaultRun.start) } }

    /// What each fault must come to: when heal saw it (and when the cluster first showed it by
    /// the rule), its first action, when it cleared, and every action taken.
    func check(_ name: String, detected: Int?, since: Int?, action: String?, resolved: Int?, escalated: Bool = false,
               classes: [FaultClass], actions: [String], file: StaticString = #filePath, line: UInt = #line) throws -> FaultRun {
        let (o, run) = try play(name)
        XCTAssertEqual(t(o.detectedAt), detected, "detected", file: file, line: line)
        XCTAssertEqual(t(o.since), since, "since", file: file, line: line)
        XCTAssertEqual(o.firstAction, action, "first action", file: file, line: line)
        XCTAssertEqual(t(o.resolvedAt), resolved, "resolved without a person", file: file, line: line)
        XCTAssertEqual(o.escalated, escalated, "escalated", file: file, line: line)
        XCTAssertEqual(o.classesSeen, classes, "classes", file: file, line: line)
        XCTAssertEqual(o.actions, actions, "actions", file: file, line: line)
        return run
    }

    func testACrashingReleaseIsMarkedFailedAndReconcileRollsBack() throws {
        let run = try check("crashing-release", detected: 180, since: 176, action: "rollback", resolved: 355,
                            classes: [.crashLoop], actions: ["rollback crash-loop/Deployment/backend-deployment/backend"])
        // No commit: the release stays in git, marked failed in reconcile's state until a newer one.
        XCTAssertEqual(try run.subjects(), ["release: backend.image.tag=1.5.0-crash45", "chatbot: initial configuration"])
        XCTAssertTrue(run.log.contains { $0.contains("reconcile: skip ") && $0.contains("marked failed (shipshape heal: container backend keeps crashing") },
                      run.log.joined(separator: "\n"))
    }

    func testAnOOMKillRaisesTheMemoryLimitByVPAsRuleInACommitOnTheBranch() throws {
        // The spike (4× at 30 min) pushes the running pods' memory past 256Mi: killed at its
        // first step (the Sandbox kills running containers whose load-driven usage passes the limit).
        let run = try check("oom-under-load", detected: 60, since: 31, action: "commit", resolved: 330,
                            classes: [.oomKilled], actions: ["commit oom-killed/Deployment/backend-deployment/backend"])
        // max(256Mi + 100Mi, 256Mi × 1.2) = 356Mi, rounded up to 16Mi steps; in the dev overlay.
        XCTAssertEqual(try run.subjects().first, "backend: memory limit 256Mi→368Mi")
        let values = try XCTUnwrap(try run.file("overlays/dev/values.yaml"))
        XCTAssertTrue(values.contains("    limits:\n      memory: 368Mi\n"), values)
    }

    func testAMemoryLeakIsRolledBackNotFed() throws {
        let run = try check("memory-leak", detected: 2820, since: 2791, action: "rollback", resolved: 3095,
                            classes: [.memoryLeak], actions: ["rollback memory-leak/Deployment/backend-deployment/backend"])
        XCTAssertEqual(try run.subjects(), ["release: backend.image.tag=1.5.0-leak", "chatbot: initial configuration"])
    }

    func testAMissingImageOnFirstInstallIsEscalated() throws {
        _ = try check("image-missing", detected: 60, since: 1, action: "escalate", resolved: nil, escalated: true,
                      classes: [.imagePull], actions: ["escalate image-pull/Deployment/backend-deployment/backend"])
    }

    func testAnHPAPinnedAtMaxGetsMoreHeadroomThroughGit() throws {
        let run = try check("hpa-at-max", detected: 960, since: 916, action: "commit", resolved: 1200,
                            classes: [.hpaAtMax], actions: ["commit hpa-at-max/HorizontalPodAutoscaler/backend-hpa"])
        XCTAssertEqual(try run.subjects().first, "backend-deployment: maxReplicas 10→15")
    }

    func testLivenessKillsDuringStartupGetAStartupProbe() throws {
        let run = try check("liveness-too-tight", detected: 180, since: 1, action: "commit", resolved: 720,
                            classes: [.livenessStartup], actions: ["commit liveness-startup/Deployment/frontend-deployment/frontend"])
        XCTAssertEqual(try run.subjects().first,
                       "frontend: startup probe path unset→/health, startup probe port unset→3000, startup periodSeconds unset→10, startup failureThreshold unset→18")
    }

    func testAMissingConfigMapIsEscalatedAndReconcileRestoresIt() throws {
        _ = try check("missing-configmap", detected: 180, since: 121, action: "escalate", resolved: nil, escalated: true,
                      classes: [.misconfiguration], actions: ["escalate misconfiguration/Deployment/backend-deployment/backend"])
    }

    func testAStuckPodIsRestartedOnce() throws {
        _ = try check("stuck-pod", detected: 540, since: 491, action: "restart", resolved: 600,
                      classes: [.notReady], actions: ["restart not-ready/Deployment/backend-deployment/backend"])
    }

    func testNodeMemoryPressureIsReportedOnly() throws {
        _ = try check("node-memory-pressure", detected: 120, since: 120, action: nil, resolved: nil,
                      classes: [.nodePressure], actions: [])
    }

    /// Two simulated hours of the users' diurnal load with its lunchtime spike: no finding heal
    /// acts on, no action. (heal-bench soaks a week.)
    func testAHealthySoakTakesNoAction() throws {
        _ = try check("healthy-soak", detected: nil, since: nil, action: nil, resolved: nil, classes: [], actions: [])
    }
}
