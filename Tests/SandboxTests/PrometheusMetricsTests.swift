import Foundation
import TestSupport
import XCTest
import YAML
@testable import Sandbox

/// `/metrics`: the exposition promtool accepts, with the names and labels of cAdvisor,
/// kube-state-metrics and node-exporter, stamped with simulated time, and counters whose rate
/// is the usage metrics.k8s.io reports.
final class PrometheusMetricsTests: SandboxTestCase {
    private func scrape(_ cluster: Cluster) -> String {
        guard case .response(let r) = cluster.handle(APIRequest(method: "GET", target: "/metrics", headers: [:], body: [])) else {
            XCTFail("/metrics answered with a watch")
            return ""
        }
        XCTAssertEqual(r.status, 200)
        XCTAssertEqual(r.headers.first { $0.0 == "Content-Type" }?.1, "text/plain; version=0.0.4; charset=utf-8")
        return String(decoding: r.body, as: UTF8.self)
    }

    /// The value of the one sample whose name and labels start with `prefix` (`name{a="b"`).
    private func value(_ text: String, _ prefix: String, file: StaticString = #filePath, line: UInt = #line) -> Double? {
        let lines = text.split(separator: "\n").filter { $0.hasPrefix(prefix) }
        XCTAssertEqual(lines.count, 1, "\(prefix): \(lines)", file: file, line: line)
        guard let l = lines.first else { return nil }
        let fields = l.split(separator: " ")
        return Double(fields[fields.count - 2])
    }

    /// promtool from Debian's `prometheus` package (scripts/install-deps.sh installs it): a
    /// missing promtool fails the test rather than skipping it.
    static func promtool(file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try XCTUnwrap(Subprocess.find("promtool"), "promtool is not on the PATH: apt-get install prometheus (scripts/install-deps.sh)", file: file, line: line)
    }

    func testPromtoolAcceptsTheExpositionAndCountersFollowTheLoadModel() throws {
        let cluster = makeCluster()
        apply(cluster, Self.deployment(name: "backend", image: "todo-chatbot/backend:1.4.0", replicas: 2))
        apply(cluster, """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: backend, namespace: default}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: backend}
              minReplicas: 2
              maxReplicas: 2
              metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}}]
            """)
        // A crash-looping pod beside it: waiting and last-terminated reasons in the exposition too.
        apply(cluster, Self.deployment(name: "worker", image: "todo-chatbot/backend:1.4.0-crash", replicas: 1))
        cluster.advance(by: 120, step: 2)
        let first = scrape(cluster)
        cluster.advance(by: 60, step: 2)
        let second = scrape(cluster)

        let file = FileManager.default.temporaryDirectory.appendingPathComponent("metrics-\(UUID().uuidString).prom")
        defer { try? FileManager.default.removeItem(at: file) }
        try second.write(to: file, atomically: true, encoding: .utf8)
        let check = try Subprocess.run("/bin/sh", ["-c", "\"$0\" check metrics < \"$1\"", try Self.promtool(), file.path])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        XCTAssertEqual(check.stdout + check.stderr, "", "promtool has no lint findings")

        // Every sample is stamped with the simulated time: 2026-01-05T00:03:00Z.
        let stamp = Int64((Self.start + 180) * 1000)
        let samples = second.split(separator: "\n").filter { !$0.hasPrefix("#") }
        XCTAssertTrue(samples.allSatisfy { $0.hasSuffix(" \(stamp)") }, "every sample at \(stamp)")

        // The CPU counter grew by the usage metrics.k8s.io reports now, times the 60 s between scrapes.
        let pod = pods(cluster, selector: "app=backend")[0]
        let name = pod[path: ["metadata", "name"]]!.string!
        let series = "container_cpu_usage_seconds_total{namespace=\"default\",pod=\"\(name)\",container=\"main\",image=\"todo-chatbot/backend:1.4.0\"}"
        let grew = try XCTUnwrap(value(second, series)) - XCTUnwrap(value(first, series))
        let metrics = get(cluster, "/apis/metrics.k8s.io/v1beta1/namespaces/default/pods/\(name)")
        let nanocores = try XCTUnwrap(Double(metrics[path: ["containers"]]!.array![0][path: ["usage", "cpu"]]!.string!.dropLast()))
        XCTAssertEqual(grew / 60, nanocores / 1e9, accuracy: 1e-8)
        let memoryKi = try XCTUnwrap(Double(metrics[path: ["containers"]]!.array![0][path: ["usage", "memory"]]!.string!.dropLast(2)))
        let workingSet = try XCTUnwrap(value(second, "container_memory_working_set_bytes{namespace=\"default\",pod=\"\(name)\""))
        XCTAssertEqual(workingSet / 1024, memoryKi, accuracy: 1)

        // kube-state-metrics as a real cluster's: replicas, requests and limits, node conditions.
        XCTAssertEqual(value(second, "kube_deployment_status_replicas_available{namespace=\"default\",deployment=\"backend\"}"), 2)
        XCTAssertEqual(value(second, "kube_pod_container_resource_requests{namespace=\"default\",pod=\"\(name)\",uid=\"\(pod[path: ["metadata", "uid"]]!.string!)\",container=\"main\",node=\"sandbox\",resource=\"cpu\",unit=\"core\"}"), 0.1)
        XCTAssertEqual(value(second, "kube_pod_container_resource_limits{namespace=\"default\",pod=\"\(name)\",uid=\"\(pod[path: ["metadata", "uid"]]!.string!)\",container=\"main\",node=\"sandbox\",resource=\"memory\",unit=\"byte\"}"), 536_870_912)
        XCTAssertEqual(value(second, "kube_pod_container_status_restarts_total{namespace=\"default\",pod=\"\(name)\""), 0)
        XCTAssertEqual(value(second, "kube_node_status_condition{node=\"sandbox\",condition=\"Ready\",status=\"true\"}"), 1)
        XCTAssertEqual(value(second, "kube_horizontalpodautoscaler_status_current_replicas{namespace=\"default\",horizontalpodautoscaler=\"backend\"}"), 2)
        XCTAssertEqual(value(second, "kube_horizontalpodautoscaler_spec_target_metric{namespace=\"default\",horizontalpodautoscaler=\"backend\",metric_name=\"cpu\",metric_target_type=\"utilization\"}"), 70)
        XCTAssertEqual(second.split(separator: "\n").filter { $0.hasPrefix("kube_pod_container_status_last_terminated_reason{namespace=\"default\",pod=\"worker-") && $0.contains("reason=\"Error\"} 1 ") }.count, 1)
        XCTAssertEqual(value(second, "machine_memory_bytes "), 32 * 1_073_741_824)
        XCTAssertGreaterThan(try XCTUnwrap(value(second, "node_memory_working_set_bytes{node=\"sandbox\"}")), 2 * workingSet)
        let running = Double(second.split(separator: "\n").filter { $0.hasPrefix("container_memory_working_set_bytes{") }.count)
        XCTAssertEqual(value(second, "node_filesystem_avail_bytes{device=\"/dev/vda1\",fstype=\"ext4\",mountpoint=\"/\"}"), (100 - 10) * 1_073_741_824 - running * 200 * 1_048_576)
        // The backend's traffic: requests served in the last minute and their latency histogram.
        let requests = try XCTUnwrap(value(second, "http_requests_total{namespace=\"default\",workload=\"backend\",code=\"200\"}"))
        XCTAssertGreaterThan(requests, 60 * 20)
        XCTAssertEqual(value(second, "http_request_duration_seconds_bucket{namespace=\"default\",workload=\"backend\",le=\"+Inf\"}"), requests)
        XCTAssertEqual(cluster.metricsScrapes.count, 2)
        XCTAssertEqual(cluster.metricsScrapes.lastTime, Self.start + 180)
    }

    func testCrashLoopsShowAsRestartsAndWaitingReasons() throws {
        let cluster = makeCluster()
        apply(cluster, Self.deployment(name: "backend", image: "todo-chatbot/backend:1.4.0-crash", replicas: 1))
        cluster.advance(by: 120, step: 1)
        let text = scrape(cluster)
        let name = pods(cluster)[0][path: ["metadata", "name"]]!.string!
        let restarts = try XCTUnwrap(value(text, "kube_pod_container_status_restarts_total{namespace=\"default\",pod=\"\(name)\""))
        let status = pods(cluster)[0][path: ["status", "containerStatuses"]]!.array![0]
        XCTAssertEqual(restarts, Double(status["restartCount"]!.intValue!))
        XCTAssertGreaterThanOrEqual(restarts, 3)
        XCTAssertEqual(value(text, "kube_pod_container_status_last_terminated_reason{namespace=\"default\",pod=\"\(name)\""), 1)
        XCTAssertTrue(text.contains("reason=\"Error\"} 1 "), "the last termination's reason, as the pod status has it")
    }
}
