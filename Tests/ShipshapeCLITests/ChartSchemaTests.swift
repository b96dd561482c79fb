import Foundation
import TestSupport
import XCTest

/// charts/chatbot/values.schema.json as `shipshape render` applies it: the chart's own values
/// and both overlays pass; a bad value fails the render, naming its values path.
final class ChartSchemaTests: XCTestCase {
    var chart: String { Repository.chart }
    var dir: URL!

    override func setUpWithError() throws { dir = try Repository.scratch("schema") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    private func render(_ arguments: [String]) throws -> TestSupport.Subprocess.Result {
        try ShipshapeBinary.run(["render", chart] + arguments)
    }

    func testTheChartsValuesAndBothOverlaysMeetTheSchema() throws {
        XCTAssertEqual(try render([]).status, 0)
        for env in ["dev", "prod"] {
            let r = try render(["-f", Repository.overlay(env).appendingPathComponent("values.yaml").path])
            XCTAssertEqual(r.status, 0, r.stderr)
        }
    }

    /// `hpa.memoryThreshold: null` (what recommend writes when the memory metric pins replicas)
    /// renders an HPA that scales on CPU alone; a number keeps both metrics.
    func testANullMemoryThresholdDropsTheMemoryMetric() throws {
        func metrics(_ extra: [String]) throws -> [String] {
            let r = try render(["--show-only", "templates/backend.yaml"] + extra)
            XCTAssertEqual(r.status, 0, r.stderr)
            let hpa = try XCTUnwrap(r.stdout.components(separatedBy: "\n---\n").first { $0.contains("kind: HorizontalPodAutoscaler") })
            return hpa.split(separator: "\n").filter { $0.hasPrefix("        name: ") }.map { String($0.dropFirst(14)) }
        }
        XCTAssertEqual(try metrics([]), ["cpu", "memory"])
        XCTAssertEqual(try metrics(["--set", "backend.hpa.memoryThreshold=null"]), ["cpu"])
        let overlay = dir.appendingPathComponent("no-memory.yaml")
        try "backend:\n  hpa:\n    memoryThreshold: null\n".write(to: overlay, atomically: true, encoding: .utf8)
        XCTAssertEqual(try metrics(["-f", overlay.path]), ["cpu"])
    }

    /// Each bad value fails the render and the message names its values path.
    func testABadValueFailsNamingItsValuesPath() throws {
        let cases: [(set: String, expected: String)] = [
            ("backend.resources.limits.cpu=lots", "at '/backend/resources/limits/cpu': anyOf failed"),
            ("backend.resources.requests.memory=1GB", "at '/backend/resources/requests/memory': anyOf failed"),
            ("backend.hpa.minReplicas=0", "at '/backend/hpa/minReplicas': minimum: got 0, want 1"),
            ("frontend.hpa.cpuThreshold=150", "at '/frontend/hpa/cpuThreshold': maximum: got 150, want 100"),
            ("frontend.service.type=Ingress", "at '/frontend/service/type': value must be one of 'ClusterIP', 'NodePort', 'LoadBalancer'"),
            ("frontend.service.nodePort=80", "at '/frontend/service/nodePort': minimum: got 80, want 30000"),
            ("backend.probes.liveness.path=health", "at '/backend/probes/liveness/path'"),
            ("backend.probes.liveness.successThreshold=2", "at '/backend/probes/liveness/successThreshold'"),
            ("backend.replicas=3", "at '/backend': additional properties 'replicas' not allowed"),
            ("backend.image.pullPolicy=Sometimes", "at '/backend/image/pullPolicy'"),
            ("monitoring.jobs.extra.enabled=true", "at '/monitoring/jobs': additional properties 'extra' not allowed"),
            ("monitoring.jobs.reconcile.schedule=often", "at '/monitoring/jobs/reconcile/schedule'"),
            ("global.namespace=Chatbot_Dev", "at '/global/namespace'"),
            ("alerts.rules.resourceExhaustion=120", "at '/alerts/rules/resourceExhaustion': maximum: got 120, want 100"),
        ]
        for c in cases {
            let r = try render(["--set", c.set])
            XCTAssertNotEqual(r.status, 0, c.set)
            XCTAssertTrue(r.stderr.contains("values.schema.json: values don't meet the specifications"), "\(c.set): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains(c.expected), "\(c.set): \(r.stderr)")
            let path = String(c.expected.dropFirst(5).prefix { $0 != "'" }).replacingOccurrences(of: "/", with: ".")
            XCTAssertTrue(r.stderr.contains("(fix \(path)"), "\(c.set): the hint names \(path): \(r.stderr)")
        }
    }

    func testTheSchemaIsDraft7AndCoversEveryValue() throws {
        let schemaText = try String(contentsOfFile: chart + "/values.schema.json", encoding: .utf8)
        let schema = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(schemaText.utf8)) as? [String: Any])
        XCTAssertEqual(schema["$schema"] as? String, "http://json-schema.org/draft-07/schema#")
        XCTAssertEqual(schema["additionalProperties"] as? Bool, false)
        // Every leaf of values.yaml is described: an unknown key at any level is refused, so
        // a typo anywhere in the tree fails (spot-checked across the sections).
        for key in ["global.namespaec", "frontend.probes.readiness.timeout", "backend.hpa.scaleUp.window",
                    "securityContext.container.priviledged", "topologySpread.key", "monitoring.repository.uri", "alerts.rules.highErrors"] {
            let r = try render(["--set", "\(key)=1"])
            XCTAssertNotEqual(r.status, 0, "\(key) should be refused")
            XCTAssertTrue(r.stderr.contains("additional properties '\(key.split(separator: ".").last!)' not allowed"), "\(key): \(r.stderr)")
        }
    }
}
