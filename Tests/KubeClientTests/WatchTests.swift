import Foundation
import XCTest
import YAML
@testable import KubeClient

/// Watches streamed through libcurl's write callback from the Sandbox, and the
/// list-then-watch wait built on them.
final class WatchTests: SandboxClientTestCase {
    func testWatchFromAListVersionSeesEveryLaterChange() throws {
        let configmaps = try resource("v1", "ConfigMap")
        let listed = try api.listWithVersion(configmaps, namespace: "default")
        XCTAssertFalse(listed.resourceVersion.isEmpty)
        for name in ["a", "b", "c"] {
            _ = try api.create(yaml("{apiVersion: v1, kind: ConfigMap, metadata: {name: \(name), namespace: default}}"))
        }
        _ = try api.patch(configmaps, name: "b", namespace: "default", patch: ["data": ["k": "v"]], type: .merge)
        try api.delete(configmaps, name: "a", namespace: "default")
        _ = try api.create(yaml("{apiVersion: v1, kind: ConfigMap, metadata: {name: elsewhere, namespace: kube-system}}"))

        var seen: [String] = []
        try api.watch(configmaps, namespace: "default", resourceVersion: listed.resourceVersion, timeoutSeconds: 10) { event in
            seen.append("\(event.kind.rawValue) \(event.object["metadata"]?["name"]?.string ?? "")")
            return seen.count < 5
        }
        XCTAssertEqual(seen, ["ADDED a", "ADDED b", "ADDED c", "MODIFIED b", "DELETED a"])

        // A label selector filters the stream on the server.
        var labelled: [String] = []
        let current = try api.listWithVersion(configmaps, namespace: "default").resourceVersion
        _ = try api.create(yaml("{apiVersion: v1, kind: ConfigMap, metadata: {name: plain, namespace: default}}"))
        _ = try api.create(yaml("{apiVersion: v1, kind: ConfigMap, metadata: {name: tagged, namespace: default, labels: {watch: me}}}"))
        try api.watch(configmaps, namespace: "default", labelSelector: "watch=me", resourceVersion: current, timeoutSeconds: 10) { event in
            labelled.append(event.object["metadata"]?["name"]?.string ?? "")
            return false
        }
        XCTAssertEqual(labelled, ["tagged"])
    }

    func testWatchDecoderReassemblesEventsSplitAcrossChunks() throws {
        let stream = Array(#"{"type":"ADDED","object":{"metadata":{"name":"x"}}}"#.utf8) + [10]
            + Array(#"{"type":"DELETED","object":{"metadata":{"name":"y"}}}"#.utf8) + [10]
        var decoder = WatchDecoder()
        var names: [String] = []
        for chunk in stride(from: 0, to: stream.count, by: 7).map({ Array(stream[$0..<min($0 + 7, stream.count)]) }) {
            let events = try chunk.withUnsafeBytes { try decoder.feed($0) }
            names += events.map { "\($0.kind.rawValue) \($0.object["metadata"]?["name"]?.string ?? "")" }
        }
        XCTAssertEqual(names, ["ADDED x", "DELETED y"])
        XCTAssertThrowsError(try Array(#"{"type":"SOMETHING"}"#.utf8 + [10]).withUnsafeBytes { try decoder.feed($0) })
    }

    func testWaitUntilARolloutIsAvailable() throws {
        let deployments = try resource("apps/v1", "Deployment")
        _ = try api.apply(yaml(Self.deployment(replicas: 3)), fieldManager: "shipshape")
        // Simulated time moves in the background, as the server's own clock would.
        let running = Recorder<Bool>()
        let cluster = server.cluster
        let ticker = Thread {
            while running.all.isEmpty {
                cluster.advance(by: 1)
                Thread.sleep(forTimeInterval: 0.02)
            }
        }
        ticker.start()
        defer { running.append(true) }
        var calls = 0
        let ready = try api.waitUntil(deployments, namespace: "default", fieldSelector: "metadata.name=web", timeout: 60) { objects in
            calls += 1
            return objects.first?["status"]?["availableReplicas"]?.intValue == 3
        }
        let web = try XCTUnwrap(ready?.first)
        XCTAssertEqual(web["kind"], "Deployment")
        XCTAssertEqual(web["status"]?["availableReplicas"], 3)
        XCTAssertGreaterThan(calls, 1, "the first list was not yet available; watch events brought the change")
    }

    func testWaitUntilGivesUpAtItsTimeout() throws {
        let configmaps = try resource("v1", "ConfigMap")
        let result = try api.waitUntil(configmaps, namespace: "default", fieldSelector: "metadata.name=never", timeout: 1) { !$0.isEmpty }
        XCTAssertNil(result)
    }
}
