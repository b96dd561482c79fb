import Environment
import Foundation
import KubeClient
import Kubernetes
import Sandbox
import TestSupport
import XCTest
import YAML
@testable import Insights

/// `recommend --prometheus` against Debian's real Prometheus: it scrapes the Sandbox's
/// `/metrics` (simulated time on every sample) while the test steps six simulated hours of the
/// default scenario a minute at a time, waiting for a scrape at each minute and sampling
/// metrics.k8s.io into the usage checkpoint at the same moment. The shipshape binary then
/// recommends once from Prometheus and once from the checkpoint: the same values, within the
/// histograms' 5% buckets.
final class RecommendPrometheusTests: XCTestCase {
    /// 2026-01-05T06:00:00Z: the morning ramp of the diurnal load, and the 30-minute spike.
    static let start: Double = 1_767_571_200 + 6 * 3600
    static let hours = 6
    let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A git work tree with the chart, the policies (history enough after six hours) and a
    /// shipshape.yaml whose dev environment talks to the Sandbox's kubeconfig context.
    private func makeRepository() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("recommend-prometheus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("charts"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repoRoot.appendingPathComponent("charts/chatbot"), to: dir.appendingPathComponent("charts/chatbot"))
        try FileManager.default.copyItem(at: repoRoot.appendingPathComponent("policies"), to: dir.appendingPathComponent("policies"))
        let policy = dir.appendingPathComponent("policies/recommend.yaml")
        try String(contentsOf: policy, encoding: .utf8).replacingOccurrences(of: "minHistoryDays: 1", with: "minHistoryDays: 0.2")
            .write(to: policy, atomically: true, encoding: .utf8)
        try EnvironmentsFile.write(to: dir)
        for args in [["init", "-q", "-b", "main"], ["add", "."], ["commit", "-qm", "initial"]] {
            let r = try Subprocess.run("/usr/bin/env", ["git", "-c", "user.name=T", "-c", "user.email=t@example.com"] + args, in: dir)
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        return dir
    }

    /// The backend Deployment and HPA as dev renders them, applied to the Sandbox.
    private func deploy(_ api: KubeAPI, repo: URL) throws {
        _ = try api.apply(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "chatbot-dev"]], fieldManager: "test")
        let environment = EnvironmentConfig.Environment(name: "dev", chart: "charts/chatbot", namespace: "chatbot-dev", releaseName: "chatbot")
        let session = RecommendSession(environment: environment, tree: WorkTree(root: repo.path), policy: RecommendPolicy())
        for object in try session.render().values {
            let name = object[path: ["metadata", "name"]]?.string ?? ""
            // The ConfigMap too: the container's envFrom names it, and without it the kubelet
            // holds the pod in CreateContainerConfigError.
            guard ["backend-deployment", "backend-hpa", "backend-config"].contains(name) else { continue }
            var object = object
            object[path: ["metadata", "namespace"]] = "chatbot-dev"
            _ = try api.apply(object, fieldManager: "test", force: true)
        }
    }

    /// `recommend -o json` rows by `workload/container`.
    private func recommend(_ arguments: [String], in repo: URL) throws -> [String: Value] {
        let r = try ShipshapeBinary.run(["recommend", "--env", "dev", "-o", "json"] + arguments, in: repo)
        XCTAssertEqual(r.status, 0, r.stderr)
        let rows = try XCTUnwrap(JSONParser().parse(bytes: Array(r.stdout.utf8)).array, r.stdout)
        var out: [String: Value] = [:]
        for row in rows { out["\(row["workload"]?.string ?? "")/\(row["container"]?.string ?? "")"] = row }
        return out
    }

    private func quantity(_ row: Value?, _ field: String) throws -> Double {
        let text = try XCTUnwrap(row?[path: [field, "recommended"]]?.string ?? row?[path: [field, "current"]]?.string, "\(field) in \(String(describing: row))")
        return try Quantity(parsing: text).doubleValue
    }

    func testRecommendFromARealPrometheusMatchesTheMetricsCheckpoint() throws {
        let repo = try makeRepository()
        defer { try? FileManager.default.removeItem(at: repo) }
        let cluster = Cluster(scenario: .default, start: Self.start, seed: 7)
        let server = SandboxServer(cluster: cluster, speed: 1)
        let url = try server.start(port: 0, runClock: false)
        defer { server.shutdown() }
        let kubeconfig = repo.appendingPathComponent("sandbox.kubeconfig").path
        try server.writeKubeconfig(to: kubeconfig, namespace: "chatbot-dev")
        let api = try KubeAPI(config: ClientConfig(server: url, namespace: "chatbot-dev"))
        try deploy(api, repo: repo)

        let prometheus = try MonitoringServer.prometheus(scraping: [String(url.dropFirst("http://".count))], interval: "50ms")
        defer { prometheus.stop() }

        // Each simulated minute: one scrape by Prometheus and one metrics.k8s.io sample, at the same moment.
        var history = UsageHistory()
        for minute in 0..<(Self.hours * 60) {
            cluster.advance(by: 60, step: 15)
            let now = cluster.now
            var waited = 0
            while cluster.metricsScrapes.lastTime != now {
                Thread.sleep(forTimeInterval: 0.005)
                waited += 1
                guard waited < 2000 else {
                    return XCTFail("Prometheus did not scrape minute \(minute) within 10 s:\n\(prometheus.output.suffix(3000))")
                }
            }
            try MetricsSampler(api: api, namespace: "chatbot-dev").sample(into: &history)
        }
        try UsageCheckpoint.save(api: api, namespace: "chatbot-dev", name: RecommendSession.checkpointName(environment: "dev"), history: history)
        let end = Int(cluster.now)

        let fromPrometheus = try recommend(["--prometheus", prometheus.url, "--window", "\(Self.hours + 1)h", "--end", String(end)], in: repo)
        let fromCheckpoint = try recommend(["--no-sample", "--kubeconfig", kubeconfig, "--context", "sandbox"], in: repo)
        let p = try XCTUnwrap(fromPrometheus["backend-deployment/backend"], "\(fromPrometheus.keys)")
        let c = try XCTUnwrap(fromCheckpoint["backend-deployment/backend"], "\(fromCheckpoint.keys)")
        print("from Prometheus: \(p)\nfrom the checkpoint: \(c)")
        // The same minutes on both sides; Prometheus' rate() over 5 minutes smooths the CPU a little.
        let samples = try XCTUnwrap(c["samples"]?.intValue)
        XCTAssertGreaterThanOrEqual(samples, Self.hours * 60 * 2, "two or more pods every minute")
        XCTAssertEqual(Double(try XCTUnwrap(p["samples"]?.intValue)), Double(samples), accuracy: Double(samples) * 0.05)
        for field in ["cpuRequest", "memoryRequest", "memoryLimit"] {
            let a = try quantity(p, field), b = try quantity(c, field)
            XCTAssertEqual(a / b, 1, accuracy: 0.06, "\(field): \(a) from Prometheus, \(b) from the checkpoint: more than one 5% bucket apart")
        }
    }

    func testADownPrometheusAndAnErrorAnswerAreClearMessages() throws {
        let repo = try makeRepository()
        defer { try? FileManager.default.removeItem(at: repo) }
        let port = try MonitoringServer.freePort()
        var r = try ShipshapeBinary.run(["recommend", "--env", "dev", "--prometheus", "http://127.0.0.1:\(port)", "--window", "1h"], in: repo)
        XCTAssertEqual(r.status, 2, "an error: \(r.stdout)")
        XCTAssertTrue(r.stderr.hasPrefix("Error: Prometheus http://127.0.0.1:\(port) did not answer (is it up, and is --prometheus its base URL?): cannot reach http://127.0.0.1:\(port)/api/v1/query_range?"), r.stderr)
        XCTAssertTrue(r.stderr.contains("Couldn't connect to server"), r.stderr)

        // A real Prometheus: a 30-day window asks for 236 s steps, within its 11,000-point limit,
        // so it answers (with nothing: it scraped nothing); a wrong path is an error naming the query.
        let prometheus = try MonitoringServer.prometheus(scraping: [])
        defer { prometheus.stop() }
        r = try ShipshapeBinary.run(["recommend", "--env", "dev", "--prometheus", prometheus.url, "--window", "30d"], in: repo)
        XCTAssertFalse(r.stderr.contains("HTTP"), "Prometheus accepted the queries: \(r.stderr)")
        r = try ShipshapeBinary.run(["recommend", "--env", "dev", "--prometheus", prometheus.url + "/wrong", "--window", "1h"], in: repo)
        XCTAssertEqual(r.status, 2, "an error: \(r.stdout)")
        XCTAssertTrue(r.stderr.contains("Prometheus \(prometheus.url)/wrong query rate(container_cpu_usage_seconds_total{namespace=\"chatbot-dev\",container!=\"\",container!=\"POD\"}[5m]): HTTP 404"), r.stderr)
    }
}
