import TestSupport
import XCTest
import YAML
@testable import Sandbox

/// Helpers for driving a `Cluster` through its API, as a client would, in-process.
class SandboxTestCase: XCTestCase {
    /// A fixed start time (2026-01-05T00:00:00Z, a Monday) so timestamps are predictable.
    static let start: Double = 1_767_571_200

    func makeCluster(_ scenario: Scenario = .default) -> Cluster {
        Cluster(scenario: scenario, start: Self.start, seed: 7)
    }

    @discardableResult
    func request(_ cluster: Cluster, _ method: String, _ target: String, body: String = "",
                 contentType: String = "application/json", accept: String = "application/json",
                 file: StaticString = #filePath, line: UInt = #line) -> (status: Int, body: Value) {
        let r = APIRequest(method: method, target: target,
                           headers: ["Content-Type": contentType, "Accept": accept, "User-Agent": "sandbox-tests/1.0"],
                           body: Array(body.utf8))
        guard case .response(let response) = cluster.handle(r) else {
            XCTFail("expected a response, got a watch", file: file, line: line)
            return (0, .null)
        }
        let value = (try? JSONParser().parse(bytes: response.body)) ?? .string(String(decoding: response.body, as: UTF8.self))
        return (response.status, value)
    }

    /// Server-side apply of one YAML object, as `kubectl apply --server-side` sends it.
    @discardableResult
    func apply(_ cluster: Cluster, _ yaml: String, manager: String = "kubectl", force: Bool = false,
               file: StaticString = #filePath, line: UInt = #line) -> (status: Int, body: Value) {
        let object = try! ValueDecoder.decode(yaml)
        let kind = object["kind"]!.string!
        let type = cluster.catalog.type(apiVersion: object["apiVersion"]!.string!, kind: kind)!
        let name = object[path: ["metadata", "name"]]!.string!
        let ns = object[path: ["metadata", "namespace"]]?.string ?? "default"
        let prefix = type.group.isEmpty ? "/api/v1" : "/apis/\(type.group)/\(type.version)"
        let path = prefix + (type.namespaced ? "/namespaces/\(ns)" : "") + "/\(type.resource)/\(name)"
        return request(cluster, "PATCH", "\(path)?fieldManager=\(manager)\(force ? "&force=true" : "")", body: yaml,
                       contentType: "application/apply-patch+yaml", file: file, line: line)
    }

    func pods(_ cluster: Cluster, namespace: String = "default", selector: String = "") -> [Value] {
        let q = selector.isEmpty ? "" : "?labelSelector=\(selector)"
        return request(cluster, "GET", "/api/v1/namespaces/\(namespace)/pods\(q)").body["items"]?.array ?? []
    }

    func get(_ cluster: Cluster, _ path: String) -> Value {
        request(cluster, "GET", path).body
    }

    static func deployment(name: String = "web", image: String = "nginx:1.27", replicas: Int = 3, extra: String = "") -> String {
        TestManifests.deployment(name: name, image: image, replicas: replicas, ports: true, extra: extra)
    }
}
