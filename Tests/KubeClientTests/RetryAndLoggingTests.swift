import Foundation
import TestSupport
import XCTest
import YAML
@testable import KubeClient

/// The transport's retry rules against the Sandbox's fault injection (requests counted on both
/// sides), and debug logs that never show credentials or Secret contents.
final class RetryAndLoggingTests: SandboxClientTestCase {
    private func fault(_ json: String) throws {
        try admin("POST", "/sandbox/faults", body: json)
    }

    private var injected: Int { (try? admin("GET", "/sandbox/status")["faultsInjected"]?.intValue) ?? -1 }

    func testServerErrorsAreRetriedForIdempotentRequestsOnly() throws {
        let configmaps = try resource("v1", "ConfigMap")
        try fault(#"{"status": 503, "method": "GET", "path": "/api/v1/namespaces/default/configmaps", "count": 2}"#)
        let sent = api.rest.transport.requestCount
        XCTAssertEqual(try api.list(configmaps, namespace: "default").count, 1, "kube-root-ca.crt")
        XCTAssertEqual(api.rest.transport.requestCount - sent, 3, "two 503s, then the answer")
        XCTAssertEqual(injected, 2)
        XCTAssertEqual(sleeps.all.count, 2)

        for status in [500, 502, 504] {
            try fault(#"{"status": \#(status), "method": "GET", "path": "/api/v1/namespaces/default/configmaps", "count": 1}"#)
            XCTAssertEqual(try api.list(configmaps, namespace: "default").count, 1, "\(status) on a GET is retried")
        }

        // A POST is not idempotent: a 503 is returned, not retried.
        try fault(#"{"status": 503, "method": "POST", "path": "/api/v1/namespaces/default/configmaps", "count": 1}"#)
        let before = api.rest.transport.requestCount
        let error = try XCTUnwrap(apiError {
            try self.api.create(self.yaml("{apiVersion: v1, kind: ConfigMap, metadata: {name: once, namespace: default}}"))
        })
        XCTAssertEqual(api.rest.transport.requestCount - before, 1)
        XCTAssertEqual(error.code, 503)
        XCTAssertEqual(error.reason, "ServiceUnavailable")
        XCTAssertEqual("\(error)", "v1 ConfigMap default/once: Error from server (ServiceUnavailable): the server is currently unable to handle the request")
        XCTAssertNil(try api.get(configmaps, name: "once", namespace: "default"))

        // Server-side apply is idempotent, so it is retried although it is a PATCH.
        try fault(#"{"status": 502, "method": "PATCH", "count": 1}"#)
        XCTAssertEqual(try api.apply(yaml("{apiVersion: v1, kind: ConfigMap, metadata: {name: applied, namespace: default}}"),
                                     fieldManager: "shipshape")["metadata"]?["name"], "applied")
    }

    func testTooManyRequestsHonoursRetryAfterEvenForAPost() throws {
        _ = try api.mapping()  // discovery first, so only the create is counted
        try fault(#"{"status": 429, "retryAfter": 3, "method": "POST", "count": 2}"#)
        let before = api.rest.transport.requestCount
        let created = try api.create(yaml("{apiVersion: v1, kind: ConfigMap, metadata: {name: later, namespace: default}}"))
        XCTAssertEqual(created["metadata"]?["name"], "later")
        XCTAssertEqual(api.rest.transport.requestCount - before, 3)
        XCTAssertEqual(sleeps.all, [3, 3], "the client waited what Retry-After said")

        // Out of attempts: the 429 Status is decoded, retryAfterSeconds included.
        api.rest.retry = RetryPolicy(maxAttempts: 2)
        try fault(#"{"status": 429, "retryAfter": 1, "method": "GET", "count": 5}"#)
        let error = try XCTUnwrap(apiError { try self.api.get(self.resource("v1", "ConfigMap"), name: "later", namespace: "default") })
        XCTAssertEqual(error.code, 429)
        XCTAssertEqual(error.reason, "TooManyRequests")
        XCTAssertEqual(error.retryAfterSeconds, 1)
    }

    func testConnectionFailuresAreRetriedWithExponentialBackoffAndJitter() throws {
        let port = try LoopbackPort.free()
        let config = ClientConfig(server: "http://127.0.0.1:\(port)")
        let client = try RESTClient(config: config)
        let waits = Recorder<Double>()
        client.sleep = { waits.append($0) }
        client.retry = RetryPolicy(maxAttempts: 4, baseDelay: 0.2, maxDelay: 1)
        XCTAssertThrowsError(try client.send(HTTPRequest(method: "POST", url: client.url("/api/v1/namespaces")))) { error in
            XCTAssertEqual((error as? TransportError)?.kind, .connect, "\(error)")
            XCTAssertTrue("\(error)".hasPrefix("cannot reach http://127.0.0.1:\(port)/api/v1/namespaces: "), "\(error)")
        }
        XCTAssertEqual(client.transport.requestCount, 4)
        let delays = waits.all
        XCTAssertEqual(delays.count, 3)
        for (attempt, delay) in delays.enumerated() {
            let ceiling = min(1, 0.2 * pow(2, Double(attempt)))
            XCTAssertTrue((ceiling / 2...ceiling).contains(delay), "attempt \(attempt): \(delay) within [\(ceiling / 2), \(ceiling)]")
        }
        // Jitter: many draws of the same attempt are not all equal.
        XCTAssertGreaterThan(Set((0..<20).map { _ in client.retry.delay(attempt: 1) }).count, 1)
    }

    func testTimeoutsEndASlowRequest() throws {
        try fault(#"{"delay": "3s", "method": "GET", "path": "/api/v1/namespaces/default/secrets", "count": 1}"#)
        api.rest.transport.timeoutMilliseconds = 500
        api.rest.retry = RetryPolicy(maxAttempts: 1)
        XCTAssertThrowsError(try api.list(resource("v1", "Secret"), namespace: "default")) { error in
            XCTAssertEqual((error as? TransportError)?.kind, .timeout, "\(error)")
        }
    }

    func testDebugLogsRedactTokensAndSecretContents() throws {
        let token = try serviceAccountToken(clusterRole: "cluster-admin")
        let logged = Recorder<String>()
        let client = try makeAPI(token: token)
        client.rest.debugLog = { logged.append($0) }
        client.rest.logBodies = true
        let secretValue = "hunter2-correct-horse"
        _ = try client.apply(yaml("""
            {apiVersion: v1, kind: Secret, metadata: {name: db, namespace: default, labels: {app: db}},
             stringData: {password: \(secretValue)}}
            """), fieldManager: "shipshape")
        _ = try client.get(resource("v1", "Secret"), name: "db", namespace: "default")
        let listed = try client.list(resource("v1", "Secret"), namespace: "default")
        XCTAssertEqual(listed.first?["data"]?["password"]?.string, Base64.encode(Array(secretValue.utf8)), "the caller gets the data")
        _ = try client.create(yaml("{apiVersion: v1, kind: ConfigMap, metadata: {name: visible, namespace: default}, data: {shown: plain-value}}"))

        let text = logged.all.joined(separator: "\n")
        XCTAssertTrue(text.contains("PATCH \(server.url)/api/v1/namespaces/default/secrets/db?fieldManager=shipshape 201"), text)
        XCTAssertTrue(text.contains("Request Header: Authorization: Bearer <redacted>"), text)
        XCTAssertTrue(text.contains("\"password\":\"<redacted>\""), text)
        XCTAssertTrue(text.contains("plain-value"), "other bodies are logged as they are")
        XCTAssertFalse(text.contains(token), "the bearer token never reaches the log")
        XCTAssertFalse(text.contains(secretValue), "nor the Secret's value")
        XCTAssertFalse(text.contains(Base64.encode(Array(secretValue.utf8))), "nor its base64 form")
    }
}
