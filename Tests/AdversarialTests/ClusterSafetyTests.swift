import Foundation
import TestSupport
import XCTest

/// The reconciler against a Sandbox whose state and credentials were tampered with: it never
/// deletes what it did not create, never resets its state silently, never sends a header a
/// token file could inject, and a memory limit makes render fail rather than hang.
final class ClusterSafetyTests: HostileTestCase {
    func environmentCommand(_ command: String, _ extra: [String] = []) throws -> Outcome {
        try shipshape([command, "--env", "dev", "--config", work.appendingPathComponent("repo/shipshape.yaml").path,
                       "--kubeconfig", kubeconfig, "--context", "sandbox"] + extra, timeout: 120)
    }

    /// The state document as stored in the cluster (`data."state.json"` of the ConfigMap).
    func stateDocument() throws -> String {
        let r = try shipshape(["kube", "get", "configmap", "shipshape-dev-state", "-n", "chatbot-dev", "-o", "json", "--kubeconfig", kubeconfig])
        XCTAssertEqual(r.status, 0, r.stderr)
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        return ((object?["data"] as? [String: Any])?["state.json"] as? String) ?? ""
    }

    func putState(_ json: String) throws {
        let escaped = json.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        try """
            {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"shipshape-dev-state","namespace":"chatbot-dev"},"data":{"state.json":"\(escaped)"}}
            """.write(to: work.appendingPathComponent("state.json"), atomically: true, encoding: .utf8)
        let r = try shipshape(["kube", "apply", "-f", "state.json", "--kubeconfig", kubeconfig, "--field-manager", "intruder", "--force-conflicts"])
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    /// An inventory entry added by hand (kube-system, and a ConfigMap someone else made) is
    /// not pruned: Shipshape never applied them.
    func testPruneNeverDeletesWhatShipshapeDidNotApply() throws {
        try startSandbox(["--speed", "30"])
        try makeRepository()
        XCTAssertEqual(try environmentCommand("reconcile").status, 0)
        try "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: theirs, namespace: chatbot-dev}\n".write(to: work.appendingPathComponent("theirs.yaml"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try shipshape(["kube", "apply", "-f", "theirs.yaml", "--kubeconfig", kubeconfig, "--field-manager", "someone"]).status, 0)
        // Rewrite the state with two foreign entries added to the inventory.
        let current = try stateDocument()
        var document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(current.utf8)) as? [String: Any])
        document["inventory"] = ["v1/Namespace//kube-system", "v1/ConfigMap/chatbot-dev/theirs"] + ((document["inventory"] as? [String]) ?? [])
        let tampered = String(decoding: try JSONSerialization.data(withJSONObject: document), as: UTF8.self)
        try putState(tampered)
        let r = try environmentCommand("reconcile")
        XCTAssertEqual(r.status, 0, r.stdout + r.stderr)
        XCTAssertFalse(r.stdout.contains("pruned"), r.stdout)
        XCTAssertEqual(try shipshape(["kube", "get", "namespace", "kube-system", "--kubeconfig", kubeconfig]).status, 0, "kube-system is still there")
        XCTAssertEqual(try shipshape(["kube", "get", "configmap", "theirs", "-n", "chatbot-dev", "--kubeconfig", kubeconfig]).status, 0)
    }

    func testAStateDocumentWithWrongTypesIsAnErrorNotAReset() throws {
        try startSandbox(["--speed", "30"])
        try makeRepository()
        try "apiVersion: v1\nkind: Namespace\nmetadata: {name: chatbot-dev}\n".write(to: work.appendingPathComponent("ns.yaml"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try shipshape(["kube", "apply", "-f", "ns.yaml", "--kubeconfig", kubeconfig]).status, 0)
        let document = #"{"lastHealthy":"abc","failures":{"revision":"x"},"runs":[]}"#
        try putState(document)
        let r = try environmentCommand("reconcile")
        XCTAssertEqual(r.status, 2, r.stdout + r.stderr)
        XCTAssertTrue(r.stderr.contains("v1 ConfigMap chatbot-dev/shipshape-dev-state: data.state.json is not a state document (failures is not a list); delete the ConfigMap to start afresh"), r.stderr)
        XCTAssertEqual(try stateDocument(), document, "the state is left as it was")
    }

    /// A token file with a line break in the middle would inject a header: refused.
    func testATokenFileWithALineBreakIsRefused() throws {
        try "abc\r\nX-Injected: yes\n".write(to: work.appendingPathComponent("token"), atomically: true, encoding: .utf8)
        try """
            apiVersion: v1
            kind: Config
            clusters: [{name: c, cluster: {server: "http://127.0.0.1:1"}}]
            users: [{name: u, user: {tokenFile: \(work.appendingPathComponent("token").path)}}]
            contexts: [{name: c, context: {cluster: c, user: u}}]
            current-context: c

            """.write(toFile: kubeconfig, atomically: true, encoding: .utf8)
        let r = try shipshape(["kube", "get", "pods", "--kubeconfig", kubeconfig])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(r.stderr, "Error: token file \(work.appendingPathComponent("token").path) holds more than one line; a bearer token is a single line\n")
    }

    /// Under `ulimit -v` the template thread's 1 GiB stack cannot be reserved: an error, not a hang.
    func testRenderUnderAMemoryLimitFailsInsteadOfHanging() throws {
        let chart = Self.root.appendingPathComponent("charts/chatbot").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "ulimit -v 1000000 && exec \"$0\" render \"$1\" > /dev/null", ShipshapeBinary.path, chart]
        let err = Pipe()
        process.standardError = err
        try process.run()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async { process.waitUntilExit(); done.signal() }
        let finished = done.wait(timeout: .now() + 60) == .success
        if !finished { process.terminate() }
        XCTAssertTrue(finished, "render under a memory limit finishes")
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(process.terminationStatus, 1, stderr)
        XCTAssertTrue(stderr.contains("cannot start the template engine: a thread with a 1024 MiB stack could not be created (Resource temporarily unavailable); a virtual memory limit (ulimit -v) must leave room for it"), stderr)
    }
}
