import Heal
import Report
import XCTest

/// The builder's arithmetic on a heal state written as heal writes it (`heal.json`):
/// overlapping faults count once toward downtime, an open fault runs to the period's end,
/// escalations are not resolved without a person, medians over odd and even counts.
final class ReportBuilderTests: XCTestCase {
    /// Period [1000, 2000): backend faults 1100–1400 and 1300–1700 (escalated, then cleared),
    /// frontend escalated and still open since 1900; the first backend fault began before heal
    /// ran at all, at 900, and only the period's part counts.
    static let heal = """
        {"containers": {}, "restartsDone": {}, "runs": [
          {"at": 1110, "findings": 1, "actions": ["commit oom-killed/Deployment/backend/api"], "resolved": [], "escalated": []},
          {"at": 1330, "findings": 2, "actions": ["escalate crash-loop/Deployment/backend/api"], "resolved": [], "escalated": ["crash-loop/Deployment/backend/api"]},
          {"at": 1920, "findings": 1, "actions": ["escalate not-ready/Deployment/frontend/web"], "resolved": [], "escalated": ["not-ready/Deployment/frontend/web"]}],
         "resolutions": [
          {"id": "oom-killed/Deployment/backend/api", "faultClass": "oom-killed", "since": 1100, "detectedAt": 1110, "resolvedAt": 1400, "action": "commit", "escalated": false},
          {"id": "crash-loop/Deployment/backend/api", "faultClass": "crash-loop", "since": 1300, "detectedAt": 1330, "resolvedAt": 1700, "action": "escalate", "escalated": true},
          {"id": "image-pull/Deployment/backend/api", "faultClass": "image-pull", "since": 900, "detectedAt": 905, "resolvedAt": 1050, "action": "", "escalated": false}],
         "faults": {"not-ready/Deployment/frontend/web": {"id": "not-ready/Deployment/frontend/web", "faultClass": "not-ready",
           "workload": {"kind": "Deployment", "name": "frontend"}, "container": "web", "severity": "critical", "summary": "never ready",
           "since": 1900, "detectedAt": 1920, "lastSeen": 1990, "actions": [{"kind": "escalate", "at": 1920, "detail": "no safe fix"}],
           "periodsSinceAction": 3, "escalated": true, "awaitingReview": false}}}
        """

    func report() throws -> Report {
        ReportBuilder.build(ReportInputs(environment: "dev", namespace: "ns", start: 1000, end: 2000, heal: try HealState(decoding: Self.heal)))
    }

    func testDowntimeIsTheUnionOfFaultsWithinThePeriod() throws {
        let h = try report().health
        XCTAssertEqual(h.workloads.map(\.workload), ["backend", "frontend"])
        // backend: 1000–1050 (the part of the image-pull fault in the period), 1100–1700.
        XCTAssertEqual(h.workloads[0].faultSeconds, 50 + 600)
        XCTAssertEqual(h.workloads[0].availability, 1 - 650.0 / 1000)
        XCTAssertEqual(h.workloads[0].faults, 3)
        XCTAssertEqual(h.workloads[1].faultSeconds, 100)
        XCTAssertEqual(h.workloads[1].availability, 0.9)
    }

    func testOnlyFaultsNobodyTouchedCountAsResolvedWithoutAPerson() throws {
        let s = try report().selfHealing
        // Detected in the period: oom 1110, crash 1330, not-ready 1920 (image-pull was seen at 905).
        XCTAssertEqual(s.detected, 3)
        // Resolved in the period: image-pull 1050, oom 1400, crash 1700 (escalated).
        XCTAssertEqual([s.resolved, s.resolvedWithoutPerson], [3, 2])
        XCTAssertEqual(try XCTUnwrap(s.autoResolutionRate), 2.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(s.medianTimeToDetect, 20)            // 10, 30, 20
        XCTAssertEqual(s.medianTimeToResolve, 290)          // 145, 290, 370
        XCTAssertEqual(s.escalations, ["crash-loop/Deployment/backend/api (resolved)", "not-ready/Deployment/frontend/web: never ready"])
        XCTAssertEqual(s.actions, ["commit": 1, "escalate": 2])
        XCTAssertEqual(s.classes.map { "\($0.faultClass) \($0.detected) \($0.resolvedWithoutPerson) \($0.escalated)" },
                       ["crash-loop 1 0 1", "image-pull 0 1 0", "not-ready 1 0 1", "oom-killed 1 1 0"])
    }

    func testAnEscalatedFaultIsAnAnomalyPointingAtHealsState() throws {
        let a = try report().anomalies
        XCTAssertEqual(a.map(\.kind), ["escalation"])
        XCTAssertEqual(a.first?.evidence, "ConfigMap shipshape-dev-heal heal.json faults")
        XCTAssertEqual(a.first?.link, "#self-healing")
    }
}
