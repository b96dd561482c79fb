import Foundation
import Sandbox
import TestSupport
import XCTest
import YAML
@testable import KubeClient

/// Starts a Sandbox API server on a free loopback port for each test and connects a `KubeAPI`
/// to it over HTTP, through the same kubeconfig path a user's cluster takes. Simulated time
/// only moves when a test says so (`advance`), so what the controllers did is predictable.
class SandboxClientTestCase: XCTestCase {
    var server: SandboxServer!
    var api: KubeAPI!
    /// The delays the client asked to wait between retries (it does not actually wait).
    let sleeps = Recorder<Double>()

    override func setUpWithError() throws {
        server = SandboxServer(cluster: Cluster(start: 1_767_571_200, seed: 7))
        try server.start(port: 0, runClock: false)
        api = try makeAPI()
    }

    override func tearDownWithError() throws {
        server?.shutdown()
    }

    /// Another client of the same server (a second contender, a second run).
    func makeAPI(namespace: String = "default", token: String = "sandbox") throws -> KubeAPI {
        let text = server.kubeconfig(namespace: namespace).replacingOccurrences(of: "token: sandbox", with: "token: \(token)")
        let config = try ClientConfig.from(Kubeconfig(yaml: text, file: "sandbox-kubeconfig"))
        let api = try KubeAPI(config: config)
        let sleeps = self.sleeps
        api.rest.sleep = { sleeps.append($0) }
        return api
    }

    /// A token for a new ServiceAccount bound to `clusterRole` cluster-wide, from the
    /// TokenRequest API (`kubectl create token`), so a second client has credentials of its own.
    func serviceAccountToken(name: String = "tester", namespace: String = "default", clusterRole: String) throws -> String {
        _ = try api.create(yaml("{apiVersion: v1, kind: ServiceAccount, metadata: {name: \(name), namespace: \(namespace)}}"))
        _ = try api.create(yaml("""
            {apiVersion: rbac.authorization.k8s.io/v1, kind: ClusterRoleBinding, metadata: {name: \(name)-\(clusterRole)},
             roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: \(clusterRole)},
             subjects: [{kind: ServiceAccount, name: \(name), namespace: \(namespace)}]}
            """))
        let response = try api.rest.send(HTTPRequest(method: "POST", url: api.rest.url("/api/v1/namespaces/\(namespace)/serviceaccounts/\(name)/token"),
                                                     headers: [("Content-Type", "application/json")],
                                                     body: Array(#"{"apiVersion":"authentication.k8s.io/v1","kind":"TokenRequest","spec":{}}"#.utf8)))
        return try XCTUnwrap(try JSONParser().parse(response.text)[path: ["status", "token"]]?.string)
    }

    /// Moves simulated time forward, running the controllers.
    func advance(_ seconds: Double) {
        server.cluster.advance(by: seconds)
    }

    func resource(_ apiVersion: String, _ kind: String) throws -> APIResource {
        try api.resource(apiVersion: apiVersion, kind: kind)
    }

    /// Sends a request to the Sandbox's admin endpoint (`/sandbox/...`).
    @discardableResult
    func admin(_ method: String, _ path: String, body: String? = nil) throws -> Value {
        let response = try api.rest.send(HTTPRequest(method: method, url: api.rest.url(path), body: body.map { Array($0.utf8) }))
        return try JSONParser().parse(response.text)
    }

    func yaml(_ text: String) throws -> Value { try ValueDecoder.decode(text) }

    static func deployment(name: String = "web", namespace: String = "default", image: String = "nginx:1.27",
                           replicas: Int = 3) -> String {
        TestManifests.deployment(name: name, namespace: namespace, image: image, replicas: replicas, labels: true)
    }

    /// Asserts that `body` throws a `KubeAPIError` and returns it.
    func apiError(_ body: () throws -> Any?, file: StaticString = #filePath, line: UInt = #line) -> KubeAPIError? {
        do {
            _ = try body()
            XCTFail("expected an API error", file: file, line: line)
        } catch let error as KubeAPIError {
            return error
        } catch {
            XCTFail("expected an API error, got \(error)", file: file, line: line)
        }
        return nil
    }
}

/// A thread-safe list that closures handed to the client can append to.
final class Recorder<T>: @unchecked Sendable {
    private var items: [T] = []
    private let lock = NSLock()
    func append(_ item: T) { lock.lock(); items.append(item); lock.unlock() }
    var all: [T] { lock.lock(); defer { lock.unlock() }; return items }
    func reset() { lock.lock(); items.removeAll(); lock.unlock() }
}
