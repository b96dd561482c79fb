import Foundation
import TestSupport
import XCTest
import YAML

/// The chart's PrometheusRule (`monitoring.rules.enabled`): its spec is a rules file promtool
/// accepts, and promtool's own rule tests show the alerts firing when a job's last run failed
/// for ten minutes and when a job has not succeeded for three of its intervals.
final class JobAlertRulesTests: XCTestCase {
    let chart = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("charts/chatbot").path

    func testTheRulesPassPromtoolAndFireWhenAJobStopsSucceeding() throws {
        let promtool = try XCTUnwrap(Subprocess.find("promtool"), "promtool is not on the PATH: apt-get install prometheus (scripts/install-deps.sh)")
        let rendered = try ShipshapeBinary.run(["render", chart, "--release-name", "chatbot", "--set", "monitoring.rules.enabled=true"])
        XCTAssertEqual(rendered.status, 0, rendered.stderr)
        let documents = try ValueDecoder.decodeAll(rendered.stdout)
        let rule = try XCTUnwrap(documents.first { $0["kind"]?.string == "PrometheusRule" })
        XCTAssertEqual(rule["apiVersion"]?.string, "monitoring.coreos.com/v1")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try YAMLEmitter.emit(XCTUnwrap(rule["spec"])).write(to: dir.appendingPathComponent("rules.yaml"), atomically: true, encoding: .utf8)

        let check = try Subprocess.run(promtool, ["check", "rules", "rules.yaml"], in: dir)
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        let rulesText = try String(contentsOf: dir.appendingPathComponent("rules.yaml"), encoding: .utf8)
        XCTAssertTrue(check.stdout.contains("SUCCESS: 3 rules found"), check.stdout + check.stderr + rulesText)
        XCTAssertFalse(check.stdout.contains("FAILED"), "no lint findings: \(check.stdout)")

        // reconcile last succeeded at 60 s and fails from 2 m on.
        try """
            rule_files: [rules.yaml]
            evaluation_interval: 1m
            tests:
              - interval: 1m
                input_series:
                  - series: 'shipshape_job_success{job="reconcile",instance="dev"}'
                    values: '1 1 0x30'
                  - series: 'shipshape_job_last_success_timestamp_seconds{job="reconcile",instance="dev"}'
                    values: '0 60 60x30'
                alert_rule_test:
                  - {eval_time: 5m, alertname: ShipshapeJobFailed, exp_alerts: []}
                  - eval_time: 14m
                    alertname: ShipshapeJobFailed
                    exp_alerts:
                      - exp_labels: {severity: warning, job: reconcile, instance: dev}
                        exp_annotations: {summary: "shipshape reconcile for dev failed its last run"}
                  - {eval_time: 15m, alertname: ShipshapeJobNotSucceeding, exp_alerts: []}
                  - eval_time: 17m
                    alertname: ShipshapeJobNotSucceeding
                    exp_alerts:
                      - exp_labels: {severity: critical, shipshape_job: reconcile, job: reconcile, instance: dev}
                        exp_annotations: {summary: "shipshape reconcile for dev has not succeeded for 900s"}

            """.write(to: dir.appendingPathComponent("rules_test.yaml"), atomically: true, encoding: .utf8)
        let test = try Subprocess.run(promtool, ["test", "rules", "rules_test.yaml"], in: dir)
        XCTAssertEqual(test.status, 0, test.stdout + test.stderr)
    }
}
