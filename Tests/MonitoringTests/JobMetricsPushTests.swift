import Foundation
import KubeClient
import Sandbox
import TestSupport
import XCTest
import YAML

/// Each job's own metrics in Debian's real Pushgateway: `shipshape reconcile` brings the chart
/// up on the Sandbox, a simulated hour passes, `shipshape recommend` samples it; both push their
/// run to the group `job/<job>/instance/dev`. A failed run keeps the last success time.
final class JobMetricsPushTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private func git(_ args: [String], in dir: URL) throws {
        let r = try Subprocess.run("/usr/bin/env", ["git", "-c", "user.name=T", "-c", "user.email=t@example.com"] + args, in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    /// The pushed sample `name{instance="dev",job="JOB"} VALUE` as Pushgateway shows it.
    private func value(_ text: String, _ name: String, job: String) -> Double? {
        let prefix = "\(name){instance=\"dev\",job=\"\(job)\"} "
        return text.split(separator: "\n").first { $0.hasPrefix(prefix) }.flatMap { Double($0.dropFirst(prefix.count)) }
    }

    func testReconcileAndRecommendPushTheirRunsAfterASimulatedHour() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("jobmetrics-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        try FileManager.default.createDirectory(at: work.appendingPathComponent("charts"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("charts/chatbot"), to: work.appendingPathComponent("charts/chatbot"))
        try FileManager.default.copyItem(at: Self.root.appendingPathComponent("policies"), to: work.appendingPathComponent("policies"))
        try EnvironmentsFile.write(to: work, source: true, reconcile: "{prune: true, healthTimeout: 120s, rollback: true, correctDrift: true}")
        try git(["init", "-q", "-b", "main"], in: work)
        try git(["add", "-A"], in: work)
        try git(["commit", "-q", "-m", "initial"], in: work)

        let cluster = Cluster(scenario: .default, seed: 7)
        let server = SandboxServer(cluster: cluster, speed: 60)
        _ = try server.start(port: 0, runClock: true)
        defer { server.shutdown() }
        let kubeconfig = work.appendingPathComponent("sandbox.kubeconfig").path
        try server.writeKubeconfig(to: kubeconfig, namespace: "chatbot-dev")
        let pushgateway = try MonitoringServer.pushgateway()
        defer { pushgateway.stop() }
        var environment = ProcessInfo.processInfo.environment
        environment["SHIPSHAPE_PUSHGATEWAY_URL"] = pushgateway.url
        func shipshape(_ args: [String]) throws -> Subprocess.Result {
            try ShipshapeBinary.run(args + ["--env", "dev", "--kubeconfig", kubeconfig, "--context", "sandbox"], in: work, environment: environment)
        }

        let reconcile = try shipshape(["reconcile"])
        XCTAssertEqual(reconcile.status, 0, reconcile.stdout + reconcile.stderr)
        let applied = try XCTUnwrap(reconcile.stdout.split(separator: "\n").first { $0.hasPrefix("result: applied ") }, reconcile.stdout)
        let appliedCount = try XCTUnwrap(Double(applied.dropFirst("result: applied ".count).prefix { $0.isNumber }))
        let hourLater = cluster.now + 3600
        cluster.advance(by: 3600, step: 5)
        XCTAssertGreaterThanOrEqual(cluster.now, hourLater)
        let recommend = try shipshape(["recommend"])
        XCTAssertEqual(recommend.status, 0, recommend.stdout + recommend.stderr)
        XCTAssertFalse(reconcile.stderr.contains("warning: metrics not pushed") || recommend.stderr.contains("warning: metrics not pushed"))

        var text = pushgateway.get("/metrics").body
        XCTAssertEqual(value(text, "shipshape_job_success", job: "reconcile"), 1, text)
        XCTAssertEqual(value(text, "shipshape_reconcile_objects_applied", job: "reconcile"), appliedCount)
        XCTAssertEqual(value(text, "shipshape_reconcile_objects_pruned", job: "reconcile"), 0)
        XCTAssertEqual(value(text, "shipshape_reconcile_drift_found", job: "reconcile"), 0)
        XCTAssertNotNil(value(text, "shipshape_job_duration_seconds", job: "reconcile"))
        XCTAssertEqual(value(text, "shipshape_job_success", job: "recommend"), 1, text)
        XCTAssertEqual(value(text, "shipshape_recommend_containers", job: "recommend"), 2, "backend and frontend")
        XCTAssertNotNil(value(text, "shipshape_recommend_samples", job: "recommend"))
        let lastSuccess = try XCTUnwrap(value(text, "shipshape_job_last_success_timestamp_seconds", job: "recommend"))

        // A failed run: success 0, its own run time, and the last success kept.
        let failed = try ShipshapeBinary.run(["recommend", "--env", "dev", "--prometheus", "http://127.0.0.1:\(try MonitoringServer.freePort())"],
                                             in: work, environment: environment)
        XCTAssertEqual(failed.status, 2, failed.stderr)
        text = pushgateway.get("/metrics").body
        XCTAssertEqual(value(text, "shipshape_job_success", job: "recommend"), 0, text)
        XCTAssertEqual(value(text, "shipshape_job_last_success_timestamp_seconds", job: "recommend"), lastSuccess)
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(value(text, "shipshape_job_last_run_timestamp_seconds", job: "recommend")), lastSuccess)
    }
}
