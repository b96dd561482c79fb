import Foundation
import Sandbox
import TestSupport
import XCTest
import YAML

/// `shipshape logs --env dev` as the 5-minute CronJob runs it, against the Sandbox with a
/// stopped clock (time moves only when the test moves it, so every line is fixed by the seed):
/// the first run learns, a quiet hour reports nothing new, a crash loop reports the error
/// surge and its new patterns within one run, and a bad release its new error.
final class LogsScanCommandTests: XCTestCase {
    var work: URL!
    var server: SandboxServer!
    var kubeconfig: String { work.appendingPathComponent("admin.kubeconfig").path }
    var config: String { work.appendingPathComponent("shipshape.yaml").path }

    /// 2026-01-05T09:50:00Z. The default scenario's lunchtime-style spike is 30-40 minutes in;
    /// the runs here start at 10:50, with a first window of 15 minutes, after it.
    static let start = 1_767_606_600.0

    override func setUpWithError() throws {
        work = try Repository.scratch("shipshape-logs")
        try EnvironmentsFile.write(to: work, source: true)
        server = SandboxServer(cluster: Cluster(scenario: .default, start: Self.start, seed: 7))
        try server.start(port: 0, runClock: false)
        try server.writeKubeconfig(to: kubeconfig)
        // The namespace, the rules as the chart renders them (ChatbotChartTests checks the same
        // text), and the backend as the chart deploys it (two replicas, app=backend).
        try kubectlOK("apply", "-f", try write("""
            apiVersion: v1
            kind: Namespace
            metadata: {name: chatbot-dev}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: shipshape-alerts, namespace: chatbot-dev}
            data:
              alerts.yaml: |
                # Rendered from values alerts.rules; rates are events a minute, per workload.
                slowRequestMilliseconds: 1000
                rules:
                  - {alert: HighErrorRate, series: errors, perMinuteAbove: 5, severity: critical}
                  - {alert: HighWarningRate, series: warnings, perMinuteAbove: 10, severity: warning}
                  - {alert: PerformanceDegradation, series: slowRequests, perMinuteAbove: 5, severity: warning}
            """, to: "setup.yaml"))
        try deploy(image: "todo-chatbot/backend:1.4.0")
        // The frontend logs JSON lines.
        try deploy(image: "todo-chatbot/frontend:1.4.0", name: "frontend")
        server.cluster.advance(by: 3600)
    }

    override func tearDown() {
        server?.shutdown()
        if let work { try? FileManager.default.removeItem(at: work) }
    }

    func deploy(image: String, name: String = "backend") throws {
        try kubectlOK("apply", "--server-side", "-f", try write("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: \(name)-deployment, namespace: chatbot-dev}
            spec:
              replicas: 2
              selector: {matchLabels: {app: \(name)}}
              template:
                metadata: {labels: {app: \(name)}}
                spec:
                  containers:
                    - name: \(name)
                      image: \(image)
            """, to: "\(name).yaml"))
    }

    func logs(_ extra: [String] = []) throws -> Subprocess.Result {
        try ShipshapeBinary.run(["logs", "--env", "dev", "--config", config, "--kubeconfig", kubeconfig, "--context", "sandbox",
                                 "--first-window", "15m"] + extra)
    }

    @discardableResult
    func kubectlOK(_ arguments: String..., file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let r = try Subprocess.run(try XCTUnwrap(Subprocess.find("kubectl"), "kubectl is not installed"),
                                   ["--kubeconfig", kubeconfig, "--cache-dir", work.appendingPathComponent("kube-cache").path] + arguments)
        XCTAssertEqual(r.status, 0, "kubectl \(arguments.joined(separator: " ")): \(r.stderr)", file: file, line: line)
        return r.stdout
    }

    func write(_ text: String, to name: String) throws -> String {
        let url = work.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func testAQuietHourReportsNothingNew() throws {
        let first = try logs()
        XCTAssertEqual(first.status, 0, first.stdout + first.stderr)
        XCTAssertEqual(first.stdout, "no findings\n")
        XCTAssertTrue(first.stderr.contains("from 4 containers in chatbot-dev over the last 15m (first run: learning); checkpoint shipshape-logs-dev updated"), first.stderr)
        for run in 1...12 {
            server.cluster.advance(by: 300)
            let r = try logs()
            XCTAssertEqual(r.status, 0, "run \(run): \(r.stdout)\(r.stderr)")
            XCTAssertEqual(r.stdout, "no findings\n", "run \(run)")
        }
        // Both workloads are learnt, the frontend's JSON lines by their message and level.
        let templates = try kubectlOK("get", "configmap", "shipshape-logs-dev", "-n", "chatbot-dev", "-o", "jsonpath={.data.frontend-deployment\\.templates}")
        XCTAssertTrue(templates.contains("\tlevel=info GET <*> <*>\n"), templates)
        XCTAssertTrue(templates.contains("\tlevel=warn backend responded slowly\n"), templates)
        // The checkpoint is one bounded ConfigMap, labelled as Shipshape's.
        XCTAssertEqual(try kubectlOK("get", "configmap", "shipshape-logs-dev", "-n", "chatbot-dev", "-o",
                                     "jsonpath={.metadata.labels.shipshape\\.dev/checkpoint}"), "logs")
    }

    func testACrashLoopReportsTheErrorSurgeAndTheNewTemplateWithinOneRun() throws {
        XCTAssertEqual(try logs().status, 0)
        server.cluster.advance(by: 300)
        XCTAssertEqual(try logs().stdout, "no findings\n")
        try deploy(image: "todo-chatbot/backend:1.4.1-crash")
        server.cluster.advance(by: 300)
        // A dry run reports and leaves the checkpoint, so the job's run after it reports the same.
        let json = try logs(["-o", "json", "--dry-run"])
        XCTAssertEqual(json.status, 1, json.stderr)
        let findings = try XCTUnwrap(JSONParser().parse(json.stdout).array)
        XCTAssertEqual(findings.map { [$0["kind"]?.string, $0["alertname"]?.string, $0["severity"]?.string, $0["count"]?.intValue.map(String.init)] },
                       [["rule", "HighErrorRate", "critical", "32"], ["surge", "LogSurge", "critical", "62"],
                        ["newTemplate", "NewLogPattern", "warning", "60"], ["newTemplate", "NewLogPattern", "warning", "2"],
                        ["newTemplate", "NewLogPattern", "info", "2"]])
        // Labels and annotations as an alert will carry them (issue 18 sends them to Alertmanager).
        XCTAssertEqual(findings[1]["labels"], ["alertname": "LogSurge", "severity": "critical", "namespace": "chatbot-dev",
                                               "workload": "backend-deployment", "series": "errors"])
        XCTAssertEqual(findings[1]["annotations"], ["summary": "errors: 62 events, 12.4/min against a baseline of 1.5/min"])
        XCTAssertEqual(findings[1]["baseline"]?.doubleValue, 1.48)
        XCTAssertTrue(json.stderr.contains("checkpoint shipshape-logs-dev left as it was (--dry-run)"), json.stderr)
        let r = try logs()
        XCTAssertEqual(r.status, 1, r.stdout + r.stderr)
        XCTAssertEqual(r.stdout, """
            SEVERITY  WORKLOAD            FINDING        DETAIL
            critical  backend-deployment  HighErrorRate  errors 32/min at 10:58, above 5/min (2 minutes over)
            critical  backend-deployment  LogSurge       errors: 62 events, 12.4/min against a baseline of 1.5/min
            warning   backend-deployment  NewLogPattern  new pattern "[ERROR] database connection refused: dial tcp <*>: connect: connection refused": 60 events
            warning   backend-deployment  NewLogPattern  new pattern "[ERROR] Traceback (most recent call last): RuntimeError: unhandled exception, exiting with code <*>": 2 events
            info      backend-deployment  NewLogPattern  new pattern "[INFO] starting todo-chatbot backend on <*>": 2 events

            """)
        // The job itself exits 0: findings are its output.
        server.cluster.advance(by: 300)
        XCTAssertEqual(try logs(["--exit-zero"]).status, 0)
    }

    func testABadReleaseReportsItsNewError() throws {
        XCTAssertEqual(try logs().status, 0)
        server.cluster.advance(by: 300)
        XCTAssertEqual(try logs().stdout, "no findings\n")
        try deploy(image: "todo-chatbot/backend:1.4.1-bad")
        server.cluster.advance(by: 300)
        let r = try logs()
        XCTAssertEqual(r.status, 1, r.stdout + r.stderr)
        XCTAssertEqual(r.stdout, """
            SEVERITY  WORKLOAD            FINDING        DETAIL
            critical  backend-deployment  HighErrorRate  errors 10/min at 10:55, above 5/min (3 minutes over)
            critical  backend-deployment  LogSurge       serverErrors: 30 events, 6/min against a baseline of 1.0/min
            warning   backend-deployment  NewLogPattern  new pattern "[ERROR] PUT <*> <*> schema mismatch: column due_date does not exist request_id=<*>": 26 events

            """)
    }
}
