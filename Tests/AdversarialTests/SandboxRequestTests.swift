import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TestSupport
import XCTest

/// The Sandbox answers hostile requests as a real API server does: 413 past 3 MiB, 400 for
/// nesting past the decoder's depth, 422 with the field path, bounded watches; and it lives on.
final class SandboxRequestTests: HostileTestCase {
    func testOversizedBodyIs413() throws {
        let base = try startSandbox()
        let body = String(repeating: "a", count: 4 << 20)
        let r = try request("POST", base + "/api/v1/namespaces/default/configmaps", body: body, contentType: "application/json")
        XCTAssertEqual(r.status, 413, r.body)
        XCTAssertEqual(r.body.trimmingCharacters(in: .whitespacesAndNewlines), #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Request entity too large: limit is 3145728","reason":"RequestEntityTooLarge","code":413}"#)
        XCTAssertEqual(try request("GET", base + "/sandbox/status").status, 200)
    }

    func testDeeplyNestedBodiesAre400NotAStackOverflow() throws {
        let base = try startSandbox()
        let json = String(repeating: #"{"a":"#, count: 5000) + "1" + String(repeating: "}", count: 5000)
        var r = try request("POST", base + "/api/v1/namespaces/default/configmaps", body: json, contentType: "application/json")
        XCTAssertEqual(r.status, 400, r.body)
        XCTAssertTrue(r.body.contains("nesting deeper than 1000 levels"), r.body)
        let yaml = "a: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        r = try request("POST", base + "/api/v1/namespaces/default/configmaps", body: yaml, contentType: "application/yaml")
        XCTAssertEqual(r.status, 400, r.body)
        XCTAssertTrue(r.body.contains("nesting deeper than 512 levels"), r.body)
        XCTAssertEqual(try request("GET", base + "/sandbox/status").status, 200)
    }

    func testInvalidObjectIs422WithTheFieldPath() throws {
        let base = try startSandbox()
        let r = try request("POST", base + "/apis/apps/v1/namespaces/default/deployments",
                            body: #"{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"},"spec":{"replicas":-1,"selector":{"matchLabels":{"a":"b"}},"template":{"metadata":{"labels":{"a":"b"}},"spec":{"containers":[{"name":"c","image":"i"}]}}}}"#,
                            contentType: "application/json")
        XCTAssertEqual(r.status, 422, r.body)
        XCTAssertTrue(r.body.contains(#""field":"spec.replicas""#), r.body)
    }

    /// `timeoutSeconds=inf` on a watch: the server bounds it (an hour) instead of trapping.
    func testAWatchWithAnInfiniteTimeoutDoesNotKillTheServer() throws {
        let base = try startSandbox()
        var r = URLRequest(url: URL(string: base + "/api/v1/namespaces/default/configmaps?watch=true&timeoutSeconds=inf")!)
        r.setValue("Bearer sandbox", forHTTPHeaderField: "Authorization")
        r.timeoutInterval = 2
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: r) { _, _, _ in done.signal() }.resume()
        _ = done.wait(timeout: .now() + 10)
        XCTAssertEqual(try request("GET", base + "/sandbox/status").status, 200, "the server is still up")
        XCTAssertTrue(sandbox!.isRunning)
    }
}
