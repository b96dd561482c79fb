import Alerts
import FaultLab
import Foundation
import Heal
import KubeClient
import TestSupport
import XCTest
import YAML

/// Heal's alerts end to end: the crashing release of the fault library played on the Sandbox in
/// simulated time (heal every minute, reconcile every fifth, as the CronJobs run), each heal run
/// followed by its alert run, to a real Alertmanager on loopback (routing critical alerts to a
/// webhook receiver and to an SMTP sink, warnings to another webhook) and straight to Slack,
/// PagerDuty and generic webhook receivers that check each payload's documented shape.
final class AlertmanagerEndToEndTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// Alertmanager's configuration for the test: group by the identifying labels, notify at
    /// once, never repeat within the test, send resolutions.
    static func config(_ r: AlertReceiver) -> String {
        """
        global:
          resolve_timeout: 15m
        route:
          receiver: default
          group_by: [alertname, namespace, workload]
          group_wait: 100ms
          group_interval: 200ms
          repeat_interval: 24h
          routes:
            - matchers: ['severity="critical"']
              receiver: critical
            - matchers: ['severity="warning"']
              receiver: warning
        receivers:
          - name: default
            webhook_configs: [{url: '\(r.url)/default', send_resolved: true}]
          - name: critical
            webhook_configs: [{url: '\(r.url)/critical', send_resolved: true}]
            email_configs:
              - {to: oncall@chatbot.example, from: alertmanager@chatbot.example, smarthost: '127.0.0.1:\(r.smtpPort)', require_tls: false, send_resolved: true}
          - name: warning
            webhook_configs: [{url: '\(r.url)/warning', send_resolved: true}]

        """
    }

    /// `shipshape alerts --env dev -o json` against the run's Sandbox, as an engineer runs it.
    static func listAlerts(_ run: FaultRun) throws -> Value {
        let kubeconfig = run.work + "/alerts.kubeconfig"
        try """
            apiVersion: v1
            kind: Config
            clusters: [{name: sandbox, cluster: {server: "\(run.api.rest.config.server)"}}]
            users: [{name: admin, user: {}}]
            contexts: [{name: sandbox, context: {cluster: sandbox, user: admin, namespace: chatbot-dev}}]
            current-context: sandbox
            """.write(toFile: kubeconfig, atomically: true, encoding: .utf8)
        let result = try ShipshapeBinary.run(["alerts", "--env", "dev", "-o", "json", "--config", run.work + "/config/shipshape.yaml",
                                              "--kubeconfig", kubeconfig])
        XCTAssertEqual(result.status, 0, result.stderr)
        return try JSONParser().parse(result.stdout)
    }

    func testACrashLoopAlertsOnceResolvesWhenHealsFixWorksAndWaitsOutAlertmanagerDowntime() throws {
        let receiver = try AlertReceiver()
        addTeardownBlock { receiver.stop() }
        nonisolated(unsafe) var alertmanager = try MonitoringServer.alertmanager(config: Self.config(receiver))
        addTeardownBlock { alertmanager.stop() }
        let port = try XCTUnwrap(URLComponents(string: alertmanager.url)?.port)
        let run = try FaultRun(try FaultSpec.load(Self.root + "/Tests/HealTests/Faults/crashing-release.yaml"), repositoryRoot: Self.root)
        addTeardownBlock { run.shutdown() }

        var settings = AlertSettings()
        settings.alertmanagerURL = alertmanager.url
        settings.slackURL = receiver.url + "/slack/T000/B000/XXXX"
        settings.pagerDutyRoutingKey = "R0UTINGKEY0000000000000000000000"
        settings.pagerDutyURL = receiver.url + "/pagerduty/v2/enqueue"
        settings.webhookURL = receiver.url + "/webhook"
        let sender = AlertSender(sinks: settings.sinks(retry: RetryPolicy(maxAttempts: 2, baseDelay: 0.01, maxDelay: 0.02)))
        XCTAssertEqual(sender.sinks.map(\.name), ["alertmanager", "slack", "pagerduty", "webhook"])
        let configMap = HealState.configMapName(environment: run.environment.name)
        // A new AlertRun each run, reading the state back from the ConfigMap: as a new pod would.
        func alertRun(_ report: HealReport) -> AlertRun.Result {
            AlertRun(store: AlertStateStore(api: run.api, namespace: FaultRun.namespace, configMap: configMap), sender: sender)
                .run(report.alertUpdate(), now: report.now)
        }

        _ = try run.reconcile()
        try run.release()
        _ = try run.reconcile()
        let id = "crash-loop/Deployment/backend-deployment/backend"
        let expectedLabels = ["alertname": "CrashLoop", "container": "backend", "fault": "crash-loop", "namespace": "chatbot-dev",
                              "severity": "critical", "workload": "backend-deployment"]
        let fingerprint = AlertFingerprint.of(expectedLabels)
        var results: [(minute: Int, report: HealReport, alerts: AlertRun.Result)] = []
        var resent: AlertRun.Result?
        var listed: Value?
        // Alertmanager is down when the crash loop is first seen, and back for the next run.
        alertmanager.stop()
        for minute in 1...8 {
            let next = FaultRun.start + ((run.now - FaultRun.start) / 60).rounded(.down) * 60 + 60
            run.server.cluster.advance(by: next - run.now)
            if Int((run.now - FaultRun.start) / 60) % 5 == 0 { _ = try run.reconcile() }
            let report = try run.heal()
            let result = alertRun(report)
            results.append((minute, report, result))
            if result.opened == [fingerprint] {
                alertmanager = try MonitoringServer.alertmanager(config: Self.config(receiver), port: port)
            } else if resent == nil, !result.state.open.isEmpty, result.deliveries.first?.succeeded == true {
                XCTAssertTrue(receiver.wait { receiver.posts("/critical").count >= 1 && receiver.mails.count >= 1 }, "\(receiver.records)")
                // amtool, from the same package, shows the labels exactly as specified.
                let amtool = try Subprocess.run(try XCTUnwrap(Subprocess.find("amtool")),
                                                ["alert", "query", "--alertmanager.url=\(alertmanager.url)", "-o", "json", "alertname=CrashLoop"])
                XCTAssertEqual(amtool.status, 0, amtool.stderr)
                let shown = try XCTUnwrap(try JSONParser().parse(amtool.stdout).array)
                XCTAssertEqual(shown.count, 1, amtool.stdout)
                XCTAssertEqual(shown.first?["labels"]?.object?.reduce(into: [String: String]()) { $0[$1.key] = $1.value.string ?? "" }, expectedLabels)
                XCTAssertEqual(shown.first?["fingerprint"]?.string, fingerprint, "our fingerprint is Alertmanager's")
                XCTAssertEqual(shown.first?["generatorURL"]?.string, "shipshape://dev/heal/runs/" + AlertTime.format(report.now))
                // The job restarted and sent the same run again: Alertmanager takes it, nobody is notified again.
                resent = alertRun(report)
                // `shipshape alerts` lists it as heal holds it.
                listed = try Self.listAlerts(run)
            }
            if report.resolved.contains(where: { $0.id == id }) { break }
        }
        let lines = results.map { r in "minute \(r.minute): \(r.report.items.map(\.finding.id)) resolved \(r.report.resolved.map(\.id)) " + r.alerts.lines.joined(separator: " | ") }
        let trace = lines.joined(separator: "\n")

        // The crash loop opens one alert. Alertmanager is down: reported, kept, the run goes on;
        // the direct sinks take their firing notices.
        let detected = try XCTUnwrap(results.first { $0.alerts.opened == [fingerprint] }, trace)
        XCTAssertEqual(detected.alerts.deliveries.map(\.sink), ["alertmanager", "slack", "pagerduty", "webhook"])
        let down = try XCTUnwrap(detected.alerts.deliveries.first)
        XCTAssertEqual(down.kept, 1)
        XCTAssertTrue(down.error?.hasPrefix("Alertmanager http://127.0.0.1:\(port) did not take the alerts after 2 attempts: ") ?? false, trace)
        XCTAssertTrue(down.line.hasSuffix("; 1 kept for the next run"), down.line)
        XCTAssertEqual(detected.alerts.deliveries.dropFirst().map(\.firing), [1, 1, 1], trace)
        // Later runs: Alertmanager takes the re-sends; the direct sinks are not notified again.
        for r in results where r.minute > detected.minute && r.alerts.resolved.isEmpty {
            XCTAssertEqual(r.alerts.deliveries.map(\.firing), [1, 0, 0, 0], trace)
            XCTAssertNil(r.alerts.problem)
        }
        let list = try XCTUnwrap(listed?["open"]?.array, trace)
        XCTAssertEqual(list.map { $0["job"]?.string }, ["heal"])
        XCTAssertEqual(list.first?["labels"]?.object?.reduce(into: [String: String]()) { $0[$1.key] = $1.value.string ?? "" }, expectedLabels)
        XCTAssertEqual(list.first?["notified"]?.array?.map { $0.string ?? "" }, ["slack", "pagerduty", "webhook", "alertmanager"])
        XCTAssertEqual(list.first?["fingerprint"]?.string, fingerprint)
        let again = try XCTUnwrap(resent, "Alertmanager never took the alert\n\(trace)")
        XCTAssertEqual(again.opened, [])
        XCTAssertEqual(again.deliveries.map(\.firing), [1, 0, 0, 0], trace)
        // Heal's rollback worked: the fault cleared, the alert resolves as fixed, everywhere once.
        let fixed = try XCTUnwrap(results.last, trace)
        XCTAssertEqual(fixed.report.resolved.first { $0.id == id }?.action, "rollback", trace)
        XCTAssertEqual(fixed.alerts.resolved, [fingerprint], trace)
        XCTAssertEqual(fixed.alerts.deliveries.map(\.resolved), [1, 1, 1, 1], trace)
        XCTAssertTrue(fixed.alerts.state.open.isEmpty && fixed.alerts.state.resolved.isEmpty, trace)

        // Alertmanager: one firing notification to the critical webhook and one email, then the resolution.
        XCTAssertTrue(receiver.wait { receiver.posts("/critical").count >= 2 && receiver.mails.count >= 2 }, "\(receiver.records.map(\.path))\n\(trace)")
        let critical = receiver.posts("/critical").compactMap(\.json)
        XCTAssertEqual(critical.map { $0["status"]?.string }, ["firing", "resolved"], "delivered once, resolved once")
        for payload in critical { XCTAssertEqual(PayloadShapes.alertmanagerWebhook(payload), []) }
        let resolvedAlert = critical.last?["alerts"]?.array?.first
        XCTAssertEqual(resolvedAlert?["annotations"]?["resolution"]?.string, "fixed")
        XCTAssertEqual(resolvedAlert?["annotations"]?["resolution_detail"]?.string, "heal verified its fix: after the rollback, the fault no longer shows")
        XCTAssertEqual(resolvedAlert?["fingerprint"]?.string, fingerprint)
        XCTAssertEqual(critical.first?["groupKey"]?.string, "{}/{severity=\"critical\"}:{alertname=\"CrashLoop\", namespace=\"chatbot-dev\", workload=\"backend-deployment\"}")
        let subjects = receiver.mails.map(\.subject)
        XCTAssertEqual(subjects.map { String($0.prefix(while: { $0 != " " })) }, ["[FIRING:1]", "[RESOLVED]"])
        XCTAssertEqual(subjects.first, "[FIRING:1] CrashLoop chatbot-dev backend-deployment (backend crash-loop critical)")
        XCTAssertEqual(receiver.posts("/warning").count + receiver.posts("/default").count, 0, "a critical alert goes to the critical receivers only")

        // The direct sinks: one notice when it fired and one when it resolved, each of the documented shape.
        let slack = receiver.posts("/slack/T000/B000/XXXX").compactMap(\.json)
        XCTAssertEqual(slack.count, 2)
        for m in slack { XCTAssertEqual(PayloadShapes.slack(m), [], "\(m)") }
        XCTAssertEqual(slack.map { $0["text"]?.string }, ["FIRING: CrashLoop chatbot-dev/backend-deployment",
                                                          "RESOLVED (the fix worked): CrashLoop chatbot-dev/backend-deployment"])
        let pagerDuty = receiver.posts("/pagerduty/v2/enqueue").compactMap(\.json)
        XCTAssertEqual(pagerDuty.map { $0["event_action"]?.string }, ["trigger", "resolve"])
        XCTAssertEqual(pagerDuty.map { $0["dedup_key"]?.string }, [fingerprint, fingerprint])
        for e in pagerDuty { XCTAssertEqual(PayloadShapes.pagerDuty(e), [], "\(e)") }
        XCTAssertEqual(pagerDuty.first?["payload"]?["severity"]?.string, "critical")
        XCTAssertEqual(pagerDuty.first?["payload"]?["source"]?.string, "chatbot-dev/backend-deployment")
        let webhook = receiver.posts("/webhook").compactMap(\.json)
        XCTAssertEqual(webhook.map { $0["status"]?.string }, ["firing", "resolved"])
        for p in webhook { XCTAssertEqual(PayloadShapes.alertmanagerWebhook(p), [], "\(p)") }

        // The alert state shares heal's ConfigMap without touching heal's own key.
        let cm = try XCTUnwrap(try run.api.get(try run.api.resource(apiVersion: "v1", kind: "ConfigMap"), name: configMap, namespace: FaultRun.namespace))
        XCTAssertNotNil(cm[path: ["data", HealState.dataKey]]?.string)
        XCTAssertNotNil(cm[path: ["data", AlertState.dataKey]]?.string)
    }
}
