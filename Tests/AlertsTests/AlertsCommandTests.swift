import Alerts
import Foundation
import TestSupport
import XCTest
import YAML

/// `shipshape alerts test` as an engineer runs it: a real Alertmanager, a Slack receiver and a
/// webhook that is down; each sink's result on its own line, exit 1 because one failed.
final class AlertsCommandTests: XCTestCase {
    func testTheTestAlertReportsEachSinkAndFailsWhenOneFails() throws {
        let receiver = try AlertReceiver()
        addTeardownBlock { receiver.stop() }
        let alertmanager = try MonitoringServer.alertmanager(config: AlertmanagerEndToEndTests.config(receiver))
        addTeardownBlock { alertmanager.stop() }
        let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("alerts-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        try EnvironmentsFile.write(to: dir)
        let result = try ShipshapeBinary.run(["alerts", "test", "--env", "dev"], in: dir, environment: [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "SHIPSHAPE_ALERTMANAGER_URL": alertmanager.url,
            "SHIPSHAPE_SLACK_WEBHOOK_URL": receiver.url + "/slack/T000/B000/XXXX",
            "SHIPSHAPE_ALERT_WEBHOOK_URL": receiver.url + "/down/webhook",
        ])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertEqual(result.stdout, """
            alertmanager (\(alertmanager.url)): test alert delivered, fired and resolved
            slack (\(receiver.url)): test alert delivered, fired and resolved
            webhook (\(receiver.url)): FAILED: webhook \(receiver.url) did not take the alerts after 4 attempts: HTTP 503: down

            """)
        let slack = receiver.posts("/slack/T000/B000/XXXX").compactMap(\.json)
        XCTAssertEqual(slack.map { $0["text"]?.string }, ["FIRING: ShipshapeTest chatbot-dev/shipshape", "RESOLVED (cleared on its own): ShipshapeTest chatbot-dev/shipshape"])
        for m in slack { XCTAssertEqual(PayloadShapes.slack(m), []) }
        XCTAssertEqual(receiver.posts("/down/webhook").count, 4, "retried with back-off, then reported")
    }

    /// Credentials as the chart mounts them (the Secret's files): basic auth from `username` and
    /// `password`, a bearer `token` winning over them; the body is v2's postable alerts.
    func testAlertmanagerCredentialsComeFromTheMountedSecret() throws {
        let receiver = try AlertReceiver()
        addTeardownBlock { receiver.stop() }
        let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("alerts-auth-\(UUID().uuidString)")
        let secret = dir.appendingPathComponent("secret")
        try FileManager.default.createDirectory(at: secret, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        try EnvironmentsFile.write(to: dir)
        try "shipshape\n".write(to: secret.appendingPathComponent("username"), atomically: true, encoding: .utf8)
        try "s3cret".write(to: secret.appendingPathComponent("password"), atomically: true, encoding: .utf8)
        let environment = ["PATH": "/usr/bin:/bin", "SHIPSHAPE_ALERTMANAGER_URL": receiver.url + "/am/", "SHIPSHAPE_ALERTS_CREDENTIALS_DIR": secret.path]
        let basic = try ShipshapeBinary.run(["alerts", "test", "--env", "dev"], in: dir, environment: environment)
        XCTAssertEqual(basic.status, 0, basic.stdout + basic.stderr)
        try "tok3n".write(to: secret.appendingPathComponent("token"), atomically: true, encoding: .utf8)
        let bearer = try ShipshapeBinary.run(["alerts", "test", "--env", "dev"], in: dir, environment: environment)
        XCTAssertEqual(bearer.status, 0, bearer.stdout + bearer.stderr)
        let posts = receiver.records.filter { $0.kind == "http" }
        XCTAssertEqual(posts.map(\.path), Array(repeating: "/am/api/v2/alerts", count: 4))
        XCTAssertEqual(posts.map(\.authorization), ["Basic c2hpcHNoYXBlOnMzY3JldA==", "Basic c2hpcHNoYXBlOnMzY3JldA==", "Bearer tok3n", "Bearer tok3n"])
        let resolved = try XCTUnwrap(posts[1].json?.array?.first)
        XCTAssertEqual(resolved.object?.keys.sorted(), ["annotations", "endsAt", "generatorURL", "labels", "startsAt"])
        XCTAssertEqual(resolved["labels"]?["alertname"]?.string, "ShipshapeTest")
        XCTAssertNil(posts[0].json?.array?.first?["endsAt"], "a firing alert leaves endsAt to Alertmanager's resolve_timeout")
    }

    func testWithoutASinkTheTestSaysWhatToSet() throws {
        let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("alerts-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        try EnvironmentsFile.write(to: dir)
        let result = try ShipshapeBinary.run(["alerts", "test", "--env", "dev"], in: dir, environment: ["PATH": "/usr/bin:/bin"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "Error: no sink configured: set SHIPSHAPE_ALERTMANAGER_URL (or a webhook, docs/alerts.md)\n")
    }
}

/// docs/alerts.md's `alertmanager.yml`: Alertmanager's own checker accepts it, and its routes send
/// each of the users' rules where the table says.
final class AlertmanagerConfigDocTests: XCTestCase {
    func testTheDocumentedConfigurationPassesAmtoolAndRoutesTheUsersRules() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let doc = try String(contentsOf: root.appendingPathComponent("docs/alerts.md"), encoding: .utf8)
        let begin = try XCTUnwrap(doc.range(of: "<!-- alertmanager.yml begin -->\n```yaml\n"))
        let end = try XCTUnwrap(doc.range(of: "```\n<!-- alertmanager.yml end -->"))
        let file = NSTemporaryDirectory() + "alertmanager-doc-\(UUID().uuidString).yml"
        try String(doc[begin.upperBound..<end.lowerBound]).write(toFile: file, atomically: true, encoding: .utf8)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: file) }
        let amtool = try XCTUnwrap(Subprocess.find("amtool"), "amtool is not on the PATH: apt-get install prometheus-alertmanager (scripts/install-deps.sh does)")
        let check = try Subprocess.run(amtool, ["check-config", file])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        XCTAssertTrue(check.stdout.contains("SUCCESS"), check.stdout)
        let expected = [
            ("HighErrorRate", "critical", "critical"), ("ResourceExhaustion", "critical", "critical"),
            ("HighWarningRate", "warning", "slack"), ("PerformanceDegradation", "warning", "slack"),
            ("CrashLoop", "critical", "critical"), ("NewLogPattern", "info", "slack"), ("ResourceExhaustion", "warning", "slack"),
        ]
        for (alertname, severity, receiver) in expected {
            let routed = try Subprocess.run(amtool, ["config", "routes", "test", "--config.file=\(file)", "alertname=\(alertname)", "severity=\(severity)",
                                                     "namespace=chatbot-dev", "workload=backend-deployment"])
            XCTAssertEqual(routed.stdout.trimmingCharacters(in: .whitespacesAndNewlines), receiver, "\(alertname) \(severity): \(routed.stderr)")
        }
    }
}
