import Foundation
import TestSupport
import XCTest
@testable import Insights

/// `PrometheusSource` against a real HTTP server on loopback (python3's http.server) that
/// answers `/api/v1/query_range` from files in Prometheus' JSON format, one per query.
final class PrometheusSourceTests: XCTestCase {
    private var server: Process?
    private var dir = ""

    override func tearDown() {
        server?.terminate()
        server?.waitUntilExit()
        try? FileManager.default.removeItem(atPath: dir)
    }

    /// Starts the server; returns its URL. Answers are files named after the query's metric.
    private func startServer(files: [String: String]) throws -> String {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("prom-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8) }
        // Routes by the metric named in `query`; logs each query so the test can check what was asked.
        let script = """
            import http.server, urllib.parse, sys, os, re
            class H(http.server.BaseHTTPRequestHandler):
                def do_GET(self):
                    u = urllib.parse.urlparse(self.path)
                    q = urllib.parse.parse_qs(u.query)
                    query = q.get('query', [''])[0]
                    with open('queries.log', 'a') as log: log.write(query + '\\n')
                    m = re.search(r'(container_cpu_usage_seconds_total|container_memory_working_set_bytes|kube_pod_container_status_last_terminated_reason)', query)
                    name = (m.group(1) if m else 'none') + '.json'
                    if u.path != '/api/v1/query_range' or not os.path.exists(name):
                        body = b'{"status":"error","errorType":"bad_data","error":"unknown query"}'
                        self.send_response(400)
                    else:
                        body = open(name, 'rb').read()
                        self.send_response(200)
                    self.send_header('Content-Type', 'application/json')
                    self.send_header('Content-Length', str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                def log_message(self, *a): pass
            s = http.server.HTTPServer(('127.0.0.1', 0), H)
            print(s.server_address[1], flush=True)
            s.serve_forever()
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Subprocess.find("python3")!)
        process.arguments = ["-c", script]
        process.currentDirectoryURL = URL(fileURLWithPath: dir)
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        server = process
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw UsageError("the Prometheus test server did not start") }
            line += chunk
        }
        let port = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return "http://127.0.0.1:\(port)"
    }

    private func matrix(_ series: [(labels: String, points: [(Int, String)])]) -> String {
        let result = series.map { s in
            "{\"metric\":{\(s.labels)},\"values\":[\(s.points.map { "[\($0.0),\"\($0.1)\"]" }.joined(separator: ","))]}"
        }
        return "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[\(result.joined(separator: ","))]}}"
    }

    func testRangeQueriesBecomeSamplesWithOOMKills() throws {
        let pod = "\"namespace\":\"chatbot-dev\",\"pod\":\"backend-deployment-7d9f8c5b6-x2x4z\",\"container\":\"backend\""
        let url = try startServer(files: [
            "container_cpu_usage_seconds_total.json": matrix([(pod, [(1000, "0.25"), (1060, "0.5"), (1120, "0.125")])]),
            "container_memory_working_set_bytes.json": matrix([(pod, [(1000, "314572800"), (1060, "419430400"), (1120, "104857600")])]),
            "kube_pod_container_status_last_terminated_reason.json": matrix([("\(pod),\"reason\":\"OOMKilled\"", [(1060, "0"), (1120, "1")])]),
        ])
        let source = try PrometheusSource(url: url + "/")
        let samples = try source.samples(namespace: "chatbot-dev", start: 1000, end: 1120, step: 60,
                                         cpuRequests: ["chatbot-dev/backend-deployment/backend": 0.2])
        XCTAssertEqual(samples.count, 3)
        XCTAssertEqual(samples.map(\.container), Array(repeating: "chatbot-dev/backend-deployment/backend", count: 3))
        XCTAssertEqual(samples.map(\.cpuCores), [0.25, 0.5, 0.125])
        XCTAssertEqual(samples.map(\.memoryBytes), [314572800, 419430400, 104857600])
        XCTAssertEqual(samples.map(\.oomKilled), [false, false, true], "the kill shows where the reason series turns 1")
        XCTAssertEqual(samples.first?.cpuRequestCores, 0.2)
        let log = try String(contentsOfFile: dir + "/queries.log", encoding: .utf8).split(separator: "\n").map(String.init)
        let q = PrometheusSource.queries(namespace: "chatbot-dev")
        XCTAssertEqual(log, [q.cpu, q.memory, q.oom], "the exact queries reached the server, + and quotes intact")
        XCTAssertEqual(q.cpu, "rate(container_cpu_usage_seconds_total{namespace=\"chatbot-dev\",container!=\"\",container!=\"POD\"}[5m])")
    }

    func testAPrometheusErrorNamesTheServerAndQuery() throws {
        let url = try startServer(files: [:])
        let source = try PrometheusSource(url: url)
        XCTAssertThrowsError(try source.queryRange("up", start: 0, end: 60, step: 60)) { error in
            XCTAssertEqual("\(error)", "Prometheus \(url) query up: HTTP 400: unknown query")
        }
    }
}
