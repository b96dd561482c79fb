import Foundation
import TestSupport
import XCTest
import YAML
@testable import Sandbox

/// Faults injected over real HTTP, configured through the admin endpoint and the scenario
/// file: clients see exactly the burst asked for, and then the API is healthy again.
final class FaultInjectionTests: SandboxHTTPTestCase {
    private func status() throws -> Value { try http("GET", "/sandbox/status").json }

    private func addFault(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let r = try http("POST", "/sandbox/faults", body: yaml, contentType: "application/yaml")
        XCTAssertEqual(r.status, 201, r.text, file: file, line: line)
    }

    func testA503BurstWithRetryAfterThenHealthy() throws {
        try startServer()
        try addFault("{status: 503, retryAfter: 2, count: 3, path: /api/v1/namespaces/default/configmaps}")
        XCTAssertEqual(try status()["faults"]?.intValue, 1)
        for _ in 0..<3 {
            let r = try http("GET", "/api/v1/namespaces/default/configmaps")
            XCTAssertEqual(r.status, 503)
            XCTAssertEqual(r.headers["retry-after"], "2")
            XCTAssertEqual(r.json["kind"]?.string, "Status")
            XCTAssertEqual(r.json["reason"]?.string, "ServiceUnavailable")
            XCTAssertEqual(r.json[path: ["details", "retryAfterSeconds"]]?.intValue, 2)
        }
        XCTAssertEqual(try http("GET", "/api/v1/namespaces/default/configmaps").status, 200, "the burst is over")
        XCTAssertEqual(try http("GET", "/api/v1/namespaces/default/pods").status, 200, "other paths were never affected")
        let after = try status()
        XCTAssertEqual(after["faults"]?.intValue, 0)
        XCTAssertEqual(after["faultsInjected"]?.intValue, 3)
    }

    func testKubectlRetries429WithRetryAfterAndSucceeds() throws {
        try startServer()
        _ = try kubectlPath()
        try addFault("{status: 429, retryAfter: 1, count: 2, path: /api/v1/namespaces/default/pods, method: GET}")
        let r = try kubectl("get", "pods")
        XCTAssertEqual(r.status, 0, "client-go retries 429 with Retry-After: \(r.stderr)")
        XCTAssertEqual(try status()["faultsInjected"]?.intValue, 2, "kubectl saw both 429s before succeeding")
    }

    func testInjected409FailsOneApplyAndTheNextSucceeds() throws {
        try startServer()
        try addFault("{status: 409, count: 1, method: PATCH}")
        let manifest = try write(Self.deployment(), to: "web.yaml")
        let first = try kubectl("apply", "--server-side", "-f", manifest)
        XCTAssertEqual(first.status, 1)
        XCTAssertTrue(first.stderr.contains("the object has been modified"), first.stderr)
        let second = try kubectl("apply", "--server-side", "-f", manifest)
        XCTAssertEqual(second.status, 0, second.stderr)
    }

    func testSlowResponsesTimeOutAClientWithAShortDeadline() throws {
        try startServer()
        try addFault("{delay: 5s, count: 1, path: /api/v1/namespaces/default/services}")
        let slow = try kubectl("get", "services", "--request-timeout=1s")
        XCTAssertEqual(slow.status, 1, "a 5 s delay exceeds a 1 s deadline")
        XCTAssertTrue(slow.stderr.contains("Timeout") || slow.stderr.contains("deadline") || slow.stderr.contains("timeout"), slow.stderr)
        XCTAssertEqual(try kubectl("get", "services", "--request-timeout=5s").status, 0, "only one request was slowed")
    }

    func testDroppedWatchEndsWithoutTheFinalChunkThenWatchesWork() throws {
        try startServer()
        guard let curl = Subprocess.find("curl") else { throw TestServerError("curl is not installed (scripts/install-deps.sh installs it)") }
        try addFault("{dropWatchAfter: 1s, count: 1, path: /api/v1/namespaces/default/pods}")
        let url = server.url + "/api/v1/namespaces/default/pods?watch=true&timeoutSeconds=2"
        let dropped = try Subprocess.run(curl, ["-sS", "-N", "--max-time", "20", "-H", "Authorization: Bearer sandbox", url])
        XCTAssertEqual(dropped.status, 18, "curl reports a transfer closed mid-stream (partial file): \(dropped.stderr)")
        let clean = try Subprocess.run(curl, ["-sS", "-N", "--max-time", "20", "-H", "Authorization: Bearer sandbox", url])
        XCTAssertEqual(clean.status, 0, "the server ends this watch normally at its timeout: \(clean.stderr)")
    }

    func testScenarioFaultsApplyFromTheStart() throws {
        let scenario = try ScenarioLoader.parse("""
            faults:
              - {status: 503, retryAfter: 1, count: 2, path: /apis/apps/v1}
              - {status: 429, retryAfter: 3, count: 1, method: POST}
            """)
        try startServer(scenario: scenario)
        XCTAssertEqual(try http("GET", "/apis/apps/v1/namespaces/default/deployments").status, 503)
        XCTAssertEqual(try http("GET", "/apis/apps/v1/deployments").status, 503)
        XCTAssertEqual(try http("GET", "/apis/apps/v1/deployments").status, 200)
        let create = try http("POST", "/api/v1/namespaces/default/configmaps", body: #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a"}}"#)
        XCTAssertEqual(create.status, 429)
        XCTAssertEqual(create.headers["retry-after"], "3")
        let retry = try http("POST", "/api/v1/namespaces/default/configmaps", body: #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a"}}"#)
        XCTAssertEqual(retry.status, 201, retry.text)
        XCTAssertThrowsError(try ScenarioLoader.parse("faults: [{status: 200}]")) { error in
            XCTAssertTrue("\(error)".contains("faults[0].status: 200 is not an error status"), "\(error)")
        }
    }

    func testScenarioValuesOfTheWrongTypeAreErrorsNamingTheirPath() {
        let cases = [
            ("images: foo", "scenario.yaml.images: expected a list"),
            ("node: 8", "scenario.yaml.node: expected a map"),
            ("images: [{match: 'x*', cpu: 20}]", "scenario.yaml: images[0].cpu: expected a map"),
            ("images: [{match: 'x*', logs: {level: info}}]", "scenario.yaml: images[0].logs: expected a list"),
            ("traffic: [{target: api, spikes: 4}]", "scenario.yaml: traffic[0].spikes: expected a list"),
            ("faults: {status: 503}", "scenario.yaml.faults: expected a list"),
        ]
        for (text, message) in cases {
            XCTAssertThrowsError(try ScenarioLoader.parse(text), text) { error in
                XCTAssertEqual("\(error)", message)
            }
        }
        XCTAssertNoThrow(try ScenarioLoader.parse("node:\nimages: []\ntraffic:\n"), "null and empty sections are absent, not malformed")
    }

    func testScenarioBurstsStartAndEndInSimulatedTime() throws {
        let scenario = try ScenarioLoader.parse("""
            faults:
              - {status: 503, retryAfter: 5, after: 30m, for: 2m, path: /api/v1/namespaces/default/pods}
            """)
        try startServer(scenario: scenario)
        XCTAssertEqual(try http("GET", "/api/v1/namespaces/default/pods").status, 200, "before the burst")
        try advance(1800)
        XCTAssertEqual(try http("GET", "/api/v1/namespaces/default/pods").status, 503, "30 minutes in")
        try advance(60)
        XCTAssertEqual(try http("GET", "/api/v1/namespaces/default/pods").status, 503, "31 minutes in")
        try advance(60)
        XCTAssertEqual(try http("GET", "/api/v1/namespaces/default/pods").status, 200, "the burst lasted two minutes")
        XCTAssertEqual(try status()["faults"]?.intValue, 0)
    }

    func testDeleteClearsFaults() throws {
        try startServer()
        try addFault("{status: 503}")
        XCTAssertEqual(try http("GET", "/api/v1/namespaces").status, 503)
        XCTAssertEqual(try http("GET", "/api/v1/namespaces").status, 503)
        XCTAssertEqual(try status()["faultsInjected"]?.intValue, 2, "a rule without a count is counted each time it acts")
        XCTAssertEqual(try http("DELETE", "/sandbox/faults").status, 200)
        XCTAssertEqual(try http("GET", "/api/v1/namespaces").status, 200)
        XCTAssertEqual(try status()["faultsInjected"]?.intValue, 2)
        let bad = try http("POST", "/sandbox/faults", body: "{status: 503, colour: red}", contentType: "application/yaml")
        XCTAssertEqual(bad.status, 400)
        XCTAssertTrue(bad.text.contains("unknown field \\\"colour\\\""), bad.text)
    }
}
