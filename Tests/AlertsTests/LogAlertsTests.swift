import Alerts
import Logs
import XCTest

/// The logs job's findings as alerts: the rule's name and the identifying labels, counts and
/// rates as annotations, and a finding the next run does not report resolved as cleared.
final class LogAlertsTests: XCTestCase {
    let now = 1_767_606_900.0  // 2026-01-05T09:55:00Z

    func testARuleFindingIsTheRulesAlertAndClearsWhenTheNextRunDoesNotReportIt() {
        let f = LogFinding(kind: .rule, alertname: "HighErrorRate", severity: .critical, namespace: "chatbot-dev", workload: "backend-deployment",
                           series: .errors, count: 12, perMinute: 12, threshold: 5, minute: 1_767_606_600, minutesOver: 2)
        let update = LogFinding.alertUpdate([f], environment: "dev", now: now)
        let alert = update.firing[0]
        XCTAssertEqual(alert.labels, ["alertname": "HighErrorRate", "severity": "critical", "namespace": "chatbot-dev",
                                      "workload": "backend-deployment", "series": "errors"])
        XCTAssertEqual(alert.annotations, ["summary": f.summary, "count": "12", "per_minute": "12.00", "threshold_per_minute": "5.00",
                                           "worst_minute": "2026-01-05T09:50:00Z"])
        XCTAssertEqual(alert.startsAt, 1_767_606_600)
        XCTAssertEqual(alert.generatorURL, "shipshape://dev/logs/runs/2026-01-05T09:55:00Z")

        var state = AlertState()
        state.apply(update, now: now, resolutionSinks: ["alertmanager"])
        let next = state.apply(LogFinding.alertUpdate([], environment: "dev", now: now + 300), now: now + 300, resolutionSinks: ["alertmanager"])
        XCTAssertEqual(next.resolved, [alert.fingerprint])
        XCTAssertEqual(state.resolved.first?.alert.annotations["resolution"], "cleared")
        XCTAssertEqual(state.resolved.first?.alert.annotations["resolution_detail"], "cleared on its own: the logs no longer show it")
        XCTAssertEqual(state.resolved.first?.endsAt, now + 300)
    }

    func testANewPatternIsIdentifiedByItsTemplate() {
        let f = LogFinding(kind: .newTemplate, alertname: "NewLogPattern", severity: .info, namespace: "chatbot-dev", workload: "backend-deployment",
                           template: "panic: nil map in <*> handler", count: 3, perMinute: 0.6)
        let alert = f.alert(startsAt: now, generatorURL: "shipshape://dev/logs/runs/x")
        XCTAssertEqual(alert.labels["template"], "panic: nil map in <*> handler")
        XCTAssertNil(alert.annotations["template"], "the template identifies the alert: a label, not an annotation")
        XCTAssertEqual(alert.source, "NewLogPattern/backend-deployment//panic: nil map in <*> handler")
    }
}
