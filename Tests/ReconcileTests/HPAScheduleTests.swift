import Foundation
import KubeClient
import Reconcile
import XCTest
import YAML

/// Scaling windows from values: the floor of the window active now by the server's clock,
/// applied by reconcile, owned by the schedule (never drift), and only ever raising minReplicas.
final class HPAScheduleTests: XCTestCase {
    /// 2026-11-02 00:00 UTC, a Monday.
    static let monday = 1_793_577_600.0

    private func hpa(_ schedules: String, min: Int = 2, max: Int = 10) -> Value {
        ["apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler",
         "metadata": ["name": "backend-hpa", "namespace": "chatbot-e2e", "annotations": [.init(HPASchedule.annotation): .string(schedules)]],
         "spec": ["minReplicas": .int(Int64(min)), "maxReplicas": .int(Int64(max)),
                  "scaleTargetRef": ["apiVersion": "apps/v1", "kind": "Deployment", "name": "backend-deployment"]]]
    }

    func testTheFloorIsTheHighestOpenWindowWithinTheBounds() throws {
        let schedule = try XCTUnwrap(try HPASchedule.of(hpa("""
        [{"cron":"0 7 * * 1-5","duration":"10h","minReplicas":6},{"cron":"0 12 * * 1-5","duration":"2h","minReplicas":8},{"cron":"0 9 * * 6","duration":"1h","minReplicas":40}]
        """)))
        let hour = 3600.0
        XCTAssertEqual(schedule.floor(at: Self.monday + 7 * hour - 1, base: 2, max: 10).minReplicas, 2)
        XCTAssertEqual(schedule.floor(at: Self.monday + 7 * hour, base: 2, max: 10).minReplicas, 6)
        XCTAssertEqual(schedule.floor(at: Self.monday + 7 * hour, base: 2, max: 10).window?.description, "0 7 * * 1-5 for 10h")
        XCTAssertEqual(schedule.floor(at: Self.monday + 12.5 * hour, base: 2, max: 10).minReplicas, 8)
        XCTAssertEqual(schedule.floor(at: Self.monday + 17 * hour - 1, base: 2, max: 10).minReplicas, 6)
        XCTAssertEqual(schedule.floor(at: Self.monday + 17 * hour, base: 2, max: 10).minReplicas, 2)
        // Saturday 09:30: a window above maxReplicas is held at maxReplicas.
        XCTAssertEqual(schedule.floor(at: Self.monday + (5 * 24 + 9.5) * hour, base: 2, max: 10).minReplicas, 10)
        // A window below the values' minReplicas never lowers it.
        XCTAssertEqual(schedule.floor(at: Self.monday + 8 * hour, base: 7, max: 10).minReplicas, 7)
        XCTAssertEqual(schedule.floor(at: Self.monday + 8 * hour, base: 7, max: 10).window, nil)
    }

    func testABrokenAnnotationNamesTheHPAAndTheEntry() {
        XCTAssertThrowsError(try HPASchedule.of(hpa(#"[{"cron":"0 7 * *","duration":"10h","minReplicas":6}]"#))) { error in
            XCTAssertEqual("\(error)", "autoscaling/v2 HorizontalPodAutoscaler backend-hpa: annotation shipshape.dev/schedules: entry 0: cron 0 7 * * is not a five-field cron schedule in UTC; fix hpa.schedules in the values file (each entry {cron, duration, minReplicas})")
        }
        XCTAssertThrowsError(try HPASchedule.of(hpa(#"[{"cron":"0 7 * * *","duration":"soon","minReplicas":6}]"#))) { error in
            XCTAssertTrue("\(error)".contains("entry 0: duration soon is not a duration like 3h or 90m"), "\(error)")
        }
    }

    func testAWindowChangeIsAppliedButIsNotDrift() throws {
        let desired = try HPASchedule.applyFloors([hpa(#"[{"cron":"0 7 * * 1-5","duration":"10h","minReplicas":6}]"#)], at: Self.monday + 8 * 3600)
        XCTAssertEqual(desired[0]["spec"]?["minReplicas"]?.intValue, 6)
        let live = hpa(#"[{"cron":"0 7 * * 1-5","duration":"10h","minReplicas":6}]"#)
        let plan = ApplyPlan(desired: desired, live: [Inventory.key(live): live], namespace: "chatbot-e2e")
        let item = try XCTUnwrap(plan.items.first)
        XCTAssertEqual(item.action, .update)
        XCTAssertEqual(item.drift, [])
        XCTAssertEqual(item.schedule?.description, "spec.minReplicas: 2 → 6")
    }

    /// On the Sandbox, with drift correction off (drift is only reported): before 07:00 the
    /// values' minReplicas holds; at 07:05 reconcile raises it to the window's 6, reports no
    /// drift, and the HPA scales the backend to at least 6; at 07:35 the 30-minute window has
    /// closed and minReplicas is back to 2.
    func testReconcileFollowsTheWindowOnTheServersClock() throws {
        let h = try ReconcileHarness(speed: 30, correctDrift: false, start: Self.monday + 6 * 3600 + 40 * 60)
        defer { h.shutdown() }
        try h.commit("backend: scale for the morning", overlay: .init(backendSchedules: [#"{cron: "0 7 * * 1-5", duration: 30m, minReplicas: 6}"#]))
        XCTAssertEqual(try h.reconcile().outcome, .applied)
        let live = try XCTUnwrap(try h.object("autoscaling/v2", "HorizontalPodAutoscaler", "backend-hpa"))
        XCTAssertEqual(live["metadata"]?["annotations"]?[HPASchedule.annotation]?.string,
                       #"[{"cron":"0 7 * * 1-5","duration":"30m","minReplicas":6}]"#)
        XCTAssertLessThan(try XCTUnwrap(try h.api.serverTime()), Self.monday + 7 * 3600, "the first run ended before the window")
        XCTAssertEqual(live["spec"]?["minReplicas"]?.intValue, 2)

        try h.advance(max(0, Self.monday + 7 * 3600 + 300 - (try XCTUnwrap(try h.api.serverTime()))))
        let morning = try h.reconcile()
        XCTAssertEqual(morning.drift, [], "a window is the schedule at work, not drift")
        XCTAssertEqual(morning.applied, ["autoscaling/v2 HorizontalPodAutoscaler chatbot-e2e/backend-hpa"])
        XCTAssertEqual(try h.object("autoscaling/v2", "HorizontalPodAutoscaler", "backend-hpa")?["spec"]?["minReplicas"]?.intValue, 6)
        try h.advance(60)
        XCTAssertGreaterThanOrEqual(try h.deployment("backend-deployment")["spec"]?["replicas"]?.intValue ?? 0, 6, "the HPA scales up to the floor")

        try h.advance(max(0, Self.monday + 7 * 3600 + 35 * 60 - (try XCTUnwrap(try h.api.serverTime()))))
        let later = try h.reconcile()
        XCTAssertEqual(later.drift, [])
        XCTAssertEqual(try h.object("autoscaling/v2", "HorizontalPodAutoscaler", "backend-hpa")?["spec"]?["minReplicas"]?.intValue, 2)
    }
}
