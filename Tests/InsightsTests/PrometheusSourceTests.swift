import Foundation
import XCTest
@testable import Insights

/// How `PrometheusSource` asks and reads: the `query_range` URL it builds, and the samples it
/// makes of Prometheus' JSON answers (documents in the format of the HTTP API), as pure
/// functions; RecommendPrometheusTests runs the whole source against Debian's real Prometheus.
final class PrometheusSourceTests: XCTestCase {
    private func matrix(_ series: [(labels: String, points: [(Int, String)])]) -> [UInt8] {
        let result = series.map { s in
            "{\"metric\":{\(s.labels)},\"values\":[\(s.points.map { "[\($0.0),\"\($0.1)\"]" }.joined(separator: ","))]}"
        }
        return Array("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[\(result.joined(separator: ","))]}}".utf8)
    }

    func testRangeQueriesBecomeSamplesWithOOMKills() throws {
        let pod = "\"namespace\":\"chatbot-dev\",\"pod\":\"backend-deployment-7d9f8c5b6-x2x4z\",\"container\":\"backend\""
        let cpu = try PrometheusSource.parse(matrix([(pod, [(1000, "0.25"), (1060, "0.5"), (1120, "0.125")])]), place: "cpu")
        let memory = try PrometheusSource.parse(matrix([(pod, [(1000, "314572800"), (1060, "419430400"), (1120, "104857600")])]), place: "memory")
        let oom = try PrometheusSource.parse(matrix([("\(pod),\"reason\":\"OOMKilled\"", [(1060, "0"), (1120, "1")])]), place: "oom")
        let samples = try PrometheusSource.merge(namespace: "chatbot-dev", cpu: cpu, memory: memory, oom: oom,
                                             cpuRequests: ["chatbot-dev/backend-deployment/backend": 0.2])
        XCTAssertEqual(samples.count, 3)
        XCTAssertEqual(samples.map(\.container), Array(repeating: "chatbot-dev/backend-deployment/backend", count: 3))
        XCTAssertEqual(samples.map(\.cpuCores), [0.25, 0.5, 0.125])
        XCTAssertEqual(samples.map(\.memoryBytes), [314572800, 419430400, 104857600])
        XCTAssertEqual(samples.map(\.oomKilled), [false, false, true], "the kill shows where the reason series turns 1")
        XCTAssertEqual(samples.first?.cpuRequestCores, 0.2)
    }

    /// `parse` can only bound a value by the widest range (bytes); a CPU series of 3e8 cores
    /// must be refused when it becomes a sample, not saved into the usage checkpoint, which
    /// would then refuse to load on every later run (found by usage-fuzz).
    func testACPUValueBeyondAnyNodeIsRefusedBeforeTheCheckpoint() throws {
        let pod = "\"namespace\":\"chatbot-dev\",\"pod\":\"backend-deployment-7d9f8c5b6-x2x4z\",\"container\":\"backend\""
        let series = try PrometheusSource.parse(matrix([(pod, [(1000, "314572800")])]), place: "cpu")
        XCTAssertThrowsError(try PrometheusSource.merge(namespace: "chatbot-dev", cpu: series, memory: series, oom: [], cpuRequests: [:])) { error in
            XCTAssertEqual("\(error)", "Prometheus: container chatbot-dev/backend-deployment/backend of pod backend-deployment-7d9f8c5b6-x2x4z at 1000: cpu 314572800.0 is not a finite number between 0 and 1000000")
        }
    }

    func testTheQueriesAreEncodedAsPrometheusReadsThem() throws {
        let q = PrometheusSource.queries(namespace: "chatbot-dev")
        XCTAssertEqual(q.cpu, "rate(container_cpu_usage_seconds_total{namespace=\"chatbot-dev\",container!=\"\",container!=\"POD\"}[5m])")
        let url = PrometheusSource.queryRangeURL(base: "http://prometheus:9090", query: "a+b{x=\"y\"}", start: 1000, end: 1120, step: 60)
        XCTAssertTrue(url.hasPrefix("http://prometheus:9090/api/v1/query_range?query="), url)
        // Decoded as Go's url.ParseQuery does (`+` is a space there): the query comes back intact.
        let items = try XCTUnwrap(URLComponents(string: url)?.queryItems)
        let query = try XCTUnwrap(items.first { $0.name == "query" }?.value)
        XCTAssertFalse(url.contains("a+b"), "a literal + would reach Prometheus as a space")
        XCTAssertEqual(query, "a+b{x=\"y\"}")
        XCTAssertEqual(items.filter { $0.name != "query" }.map { "\($0.name)=\($0.value ?? "")" }, ["start=1000", "end=1120", "step=60"])
    }

    func testAPrometheusErrorDocumentNamesThePlace() {
        let body = Array(#"{"status":"error","errorType":"bad_data","error":"unknown query"}"#.utf8)
        XCTAssertThrowsError(try PrometheusSource.parse(body, place: "Prometheus http://p query up")) { error in
            XCTAssertEqual("\(error)", "Prometheus http://p query up: status error: unknown query")
        }
        XCTAssertThrowsError(try PrometheusSource.parse(Array("<html>".utf8), place: "Prometheus http://p query up")) { error in
            XCTAssertTrue("\(error)".hasPrefix("Prometheus http://p query up: the answer is not JSON"), "\(error)")
        }
    }
}

/// Prometheus refuses a range query whose window over step exceeds 11,000 points.
final class PrometheusStepTests: XCTestCase {
    func testTheStepGrowsWithTheWindowToStayWithinElevenThousandPoints() {
        // 14 days at 60 s would be 20,161 points; 1,209,600 s / 10,999 = 109.97 → 110 s: 10,997 points.
        XCTAssertEqual(PrometheusSource.step(forWindow: 14 * 86_400), 110)
        XCTAssertEqual(Int(14 * 86_400 / PrometheusSource.step(forWindow: 14 * 86_400)) + 1, 10_997)
        XCTAssertEqual(PrometheusSource.step(forWindow: 30 * 86_400), 236)
        // Short windows keep the 60 s scrape resolution.
        XCTAssertEqual(PrometheusSource.step(forWindow: 86_400), 60)
        // The boundary: 10,999 intervals of 60 s are exactly 11,000 points; one second more needs 61 s.
        XCTAssertEqual(PrometheusSource.step(forWindow: 659_940), 60)
        XCTAssertEqual(PrometheusSource.step(forWindow: 659_941), 61)
        for days in 1...400 {
            let window = Double(days) * 86_400
            XCTAssertLessThanOrEqual(Int(window / PrometheusSource.step(forWindow: window)) + 1, PrometheusSource.maximumPoints, "\(days) d")
        }
    }
}
