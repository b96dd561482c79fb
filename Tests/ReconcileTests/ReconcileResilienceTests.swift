import Foundation
import KubeClient
import Reconcile
import XCTest
import YAML

/// The reconciler when things go wrong: runs that overlap, runs killed half-way, and an API
/// server that answers 503, 409 or not at all.
final class ReconcileResilienceTests: XCTestCase {
    var h: ReconcileHarness!

    override func setUpWithError() throws { h = try ReconcileHarness() }
    override func tearDown() { h?.shutdown() }

    private func lease(holder: String, renewedSecondsAgo: Double, duration: Int) throws {
        let stamp = LeaseLock.microTime(Date().addingTimeInterval(-renewedSecondsAgo))
        _ = try h.api.apply(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "chatbot-e2e"]], fieldManager: "test", force: true)
        _ = try h.api.create(["apiVersion": "coordination.k8s.io/v1", "kind": "Lease",
                              "metadata": ["name": "shipshape-e2e", "namespace": "chatbot-e2e"],
                              "spec": ["holderIdentity": .string(holder), "leaseDurationSeconds": .int(Int64(duration)),
                                       "renewTime": .string(stamp)]])
    }

    private func leaseHolder() throws -> String? {
        try h.api.get(apiVersion: "coordination.k8s.io/v1", kind: "Lease", namespace: "chatbot-e2e", name: "shipshape-e2e")?["spec"]?["holderIdentity"]?.string
    }

    func testAHeldLeaseStopsARunAndAnExpiredOneIsTakenOver() throws {
        try lease(holder: "other-run", renewedSecondsAgo: 5, duration: 600)
        h.resetLog()
        let blocked = try h.reconcile()
        guard case .lockHeld(let why) = blocked.outcome else { return XCTFail("expected lockHeld, got \(blocked.outcome)") }
        XCTAssertTrue(why.contains("other-run"), why)
        XCTAssertEqual(blocked.exitCode, 4)
        XCTAssertEqual(h.requests.filter { !$0.hasPrefix("GET ") }, [], "a run that does not get the lease writes nothing")
        XCTAssertNil(try h.object("apps/v1", "Deployment", "backend-deployment"))

        _ = try h.api.delete(apiVersion: "coordination.k8s.io/v1", kind: "Lease", namespace: "chatbot-e2e", name: "shipshape-e2e", uid: nil)
        try lease(holder: "crashed-run", renewedSecondsAgo: 700, duration: 600)
        XCTAssertEqual(try h.reconcile().outcome, .applied, "an expired lease is taken over")
        XCTAssertEqual(try leaseHolder() ?? "", "", "released at the end of the run")
    }

    func testTwoConcurrentRunsNeverOverlap() throws {
        let a = try h.reconciler(identity: "run-a"), b = try h.reconciler(identity: "run-b")
        let holders = NSLock()
        var active = 0, maxActive = 0
        for r in [a, b] {
            r.beforeApply = { _, _ in
                holders.lock(); active += 1; maxActive = max(maxActive, active); holders.unlock()
                Thread.sleep(forTimeInterval: 0.01)
                holders.lock(); active -= 1; holders.unlock()
            }
        }
        final class Reports: @unchecked Sendable {
            let lock = NSLock()
            var results: [Result<RunReport, Error>] = Array(repeating: .failure(ReconcileError("not run")), count: 2)
        }
        let reports = Reports()
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            let result = Result { try [a, b][i].reconcile() }
            reports.lock.lock(); reports.results[i] = result; reports.lock.unlock()
        }
        let outcomes = try reports.results.map { try $0.get().outcome }
        XCTAssertTrue(outcomes.contains(.applied), "\(outcomes)")
        for outcome in outcomes {
            switch outcome {
            case .applied, .inSync, .lockHeld: break
            default: XCTFail("unexpected outcome \(outcome)")
            }
        }
        XCTAssertEqual(maxActive, 1, "applies of the two runs never interleave")
        XCTAssertEqual(try h.reconcile().outcome, .inSync)
    }

    func testARunKilledMidApplyIsFinishedByTheNextRun() throws {
        // The very first run dies after two applies: what it created is already in the inventory.
        let killed = try h.reconciler()
        killed.beforeApply = { index, name in
            if index == 2 { throw ReconcileError("killed before applying \(name)") }
        }
        XCTAssertThrowsError(try killed.reconcile())
        var state = try h.state()
        let head = try h.git("rev-parse", "HEAD")
        XCTAssertEqual(state.inProgress, head)
        XCTAssertNil(state.lastApplied)
        XCTAssertTrue(state.inventory.contains("apps/v1/Deployment/chatbot-e2e/backend-deployment"), "inventory written before the first apply")
        XCTAssertNil(try h.object("apps/v1", "Deployment", "backend-deployment"))

        let next = try h.reconcile()
        XCTAssertEqual(next.outcome, .applied)
        state = try h.state()
        XCTAssertNil(state.inProgress)
        XCTAssertEqual(state.lastHealthy, head)
        XCTAssertTrue(try h.reconciler().diff().isInSync)

        // A later revision, killed half-way, is also finished (not mistaken for drift).
        try h.commit("backend 1.4.1", overlay: .init(backendTag: "1.4.1"))
        let killedAgain = try h.reconciler()
        killedAgain.beforeApply = { index, name in if index == 1 { throw ReconcileError("killed before applying \(name)") } }
        XCTAssertThrowsError(try killedAgain.reconcile())
        let resumed = try h.reconcile()
        XCTAssertEqual(resumed.outcome, .applied)
        XCTAssertEqual(resumed.drift, [])
        XCTAssertEqual(try h.deployment("backend-deployment")["spec"]?["template"]?["spec"]?["containers"]?.array?.first?["image"]?.string,
                       "todo-chatbot/backend:1.4.1")  // the chart's repository with the overlay's tag
        XCTAssertTrue(try h.reconciler().diff().isInSync)
    }

    func testARunThatLosesTheAPIServerMidApplyIsFinishedByTheNextRun() throws {
        // Every apply of the backend Deployment fails until the faults are cleared.
        try h.inject("{status: 500, method: PATCH, path: /apis/apps/v1/namespaces/chatbot-e2e/deployments/backend-deployment}")
        XCTAssertThrowsError(try h.reconcile())
        XCTAssertNotNil(try h.state().inProgress)
        XCTAssertNotNil(try h.object("v1", "Service", "backend-service"), "the run got part of the way")
        XCTAssertNil(try h.object("apps/v1", "Deployment", "backend-deployment"))
        XCTAssertEqual(try leaseHolder() ?? "", "", "a run that fails still releases its lease (a killed one's expires: see above)")
        try h.clearFaults()
        XCTAssertEqual(try h.reconcile().outcome, .applied)
        XCTAssertNil(try h.state().inProgress)
        XCTAssertTrue(try h.reconciler().diff().isInSync)
    }

    func testInjectedFaultsLoseAndDuplicateNothing() throws {
        h.api.rest.transport.timeoutMilliseconds = 1000
        try h.inject("{status: 503, method: GET, count: 4}")
        try h.inject("{status: 503, method: PATCH, count: 2}")
        try h.inject("{status: 409, method: PATCH, path: /apis/apps/v1, count: 2}")
        try h.inject("{delay: 3s, method: PATCH, path: /api/v1/namespaces/chatbot-e2e/services, count: 1}")
        let run = try h.reconcile()
        XCTAssertEqual(run.outcome, .applied)
        XCTAssertTrue(h.requests.contains { $0.contains(" 503 ") }, "503s were injected")
        XCTAssertTrue(h.requests.contains { $0.contains(" 409 ") } || h.requests.contains { $0.contains("409") }, "409s were injected")
        XCTAssertTrue(h.requests.contains { $0.contains("failed") }, "a request timed out")
        try h.clearFaults()

        let state = try h.state()
        let desiredKeys = Set(state.inventory)
        XCTAssertEqual(desiredKeys.count, run.applied.count, "every object applied once, none lost")
        for kind in [("v1", "Service"), ("apps/v1", "Deployment"), ("batch/v1", "CronJob"), ("v1", "ConfigMap")] {
            let live = try h.api.list(apiVersion: kind.0, kind: kind.1, namespace: "chatbot-e2e")
                .map { "\(kind.0)/\(kind.1)/chatbot-e2e/\($0["metadata"]?["name"]?.string ?? "")" }
                .filter { !$0.hasSuffix("shipshape-e2e-state") && !$0.hasSuffix("/kube-root-ca.crt") } // the cluster's own
            XCTAssertEqual(Set(live), desiredKeys.filter { $0.hasPrefix("\(kind.0)/\(kind.1)/") }, "no duplicates, nothing missing: \(kind.1)")
        }
        h.resetLog()
        XCTAssertEqual(try h.reconcile().outcome, .inSync)
        XCTAssertEqual(h.writes, [])
    }
}
