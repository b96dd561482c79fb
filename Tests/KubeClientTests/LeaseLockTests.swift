import Foundation
import XCTest
import YAML
@testable import KubeClient

/// Two contenders for one coordination.k8s.io Lease on the Sandbox, each with its own client
/// and its own clock: acquire, renew, wait, take over an expired lease, release, and the 409
/// that stops a write based on a stale read.
final class LeaseLockTests: SandboxClientTestCase {
    /// A clock the test moves by hand.
    final class Clock: @unchecked Sendable {
        var now = Date(timeIntervalSince1970: 1_767_571_200)
    }

    private func contender(_ identity: String, clock: Clock) throws -> LeaseLock {
        let lock = LeaseLock(api: try makeAPI(), name: "shipshape-reconcile", namespace: "default", identity: identity,
                             durationSeconds: 60)
        lock.now = { clock.now }
        return lock
    }

    func testTwoContendersNeverBothHoldTheLease() throws {
        let clock = Clock()
        let a = try contender("run-a", clock: clock)
        let b = try contender("run-b", clock: clock)

        XCTAssertEqual(try a.acquireOrRenew(), .acquired)
        let held = try b.acquireOrRenew()
        XCTAssertEqual(held, .heldBy("run-a", until: clock.now.addingTimeInterval(60)))
        XCTAssertFalse(held.isHeld)

        clock.now += 30
        XCTAssertEqual(try a.acquireOrRenew(), .renewed)
        clock.now += 45  // 75 s after acquiring, but only 45 s after the renewal
        if case .heldBy("run-a", _) = try b.acquireOrRenew() {} else { XCTFail("the renewed lease is still run-a's") }

        clock.now += 16  // 61 s without renewal: expired
        XCTAssertEqual(try b.acquireOrRenew(), .tookOver(from: "run-a"))
        if case .heldBy("run-b", _) = try a.acquireOrRenew() {} else { XCTFail("run-a sees that run-b took over") }

        let lease = try XCTUnwrap(api.get(LeaseLock.resource, name: "shipshape-reconcile", namespace: "default"))
        XCTAssertEqual(lease["spec"]?["holderIdentity"], "run-b")
        XCTAssertEqual(lease["spec"]?["leaseTransitions"], 1)
        XCTAssertEqual(lease["spec"]?["leaseDurationSeconds"], 60)
        XCTAssertEqual(lease["spec"]?["renewTime"], .string(LeaseLock.microTime(clock.now)))
        XCTAssertEqual(LeaseLock.microTime(Date(timeIntervalSince1970: 1_767_571_200.25)), "2026-01-05T00:00:00.250000Z")

        XCTAssertFalse(try a.release(), "run-a cannot release what run-b holds")
        XCTAssertTrue(try b.release())
        XCTAssertEqual(try a.acquireOrRenew(), .acquired, "a released lease is free at once")
    }

    func testAWriteBasedOnAStaleReadIsRefused() throws {
        let clock = Clock()
        let a = try contender("run-a", clock: clock)
        XCTAssertEqual(try a.acquireOrRenew(), .acquired)
        let stale = try XCTUnwrap(api.get(LeaseLock.resource, name: "shipshape-reconcile", namespace: "default"))
        clock.now += 10
        XCTAssertEqual(try a.acquireOrRenew(), .renewed)

        var takeover = stale
        takeover[path: ["spec", "holderIdentity"]] = "intruder"
        let error = try XCTUnwrap(apiError { try self.api.replace(takeover) })
        XCTAssertEqual(error.code, 409)
        XCTAssertEqual(error.reason, "Conflict")
        XCTAssertEqual("\(error)", """
            coordination.k8s.io/v1 Lease default/shipshape-reconcile: Error from server (Conflict): Operation cannot be fulfilled on leases.coordination.k8s.io "shipshape-reconcile": the object has been modified; please apply your changes to the latest version and try again
            """)
    }

    func testLosingTheRaceBetweenReadAndWriteIsReported() throws {
        let clock = Clock()
        let a = try contender("run-a", clock: clock)
        let b = try contender("run-b", clock: clock)
        XCTAssertEqual(try a.acquireOrRenew(), .acquired)
        clock.now += 120
        // Someone else's write lands between b's read and b's write: the server answers 409.
        try admin("POST", "/sandbox/faults", body: #"{"status": 409, "method": "PUT", "path": "/apis/coordination.k8s.io/v1/namespaces/default/leases/", "count": 1}"#)
        XCTAssertEqual(try b.acquireOrRenew(), .lostRace)
        XCTAssertEqual(try b.acquireOrRenew(), .tookOver(from: "run-a"))

        // Two creators: the second create is refused as AlreadyExists.
        let c = LeaseLock(api: try makeAPI(), name: "other", namespace: "default", identity: "run-c")
        try admin("POST", "/sandbox/faults", body: #"{"status": 409, "method": "POST", "path": "/apis/coordination.k8s.io/", "count": 1}"#)
        XCTAssertEqual(try c.acquireOrRenew(), .lostRace)
    }
}
