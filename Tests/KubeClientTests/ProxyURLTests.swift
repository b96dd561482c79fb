import Foundation
import TestSupport
import XCTest
import YAML
@testable import KubeClient

/// A cluster's `proxy-url`: requests go through the proxy (nginx, logging each request line),
/// which is the only way to reach a server whose name does not resolve.
final class ProxyURLTests: SandboxClientTestCase {
    func testRequestsGoThroughTheProxyURL() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("proxy-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let upstream = try XCTUnwrap(URL(string: server.url)?.port)
        let proxy = try NginxServer(dir: dir, servers: """
            log_format line '$request';
            server {
                listen 127.0.0.1:PORT;
                access_log \(dir)/requests.log line;
                location / { proxy_pass http://127.0.0.1:\(upstream); }
            }
            """)
        defer { proxy.stop() }
        let kubeconfig = """
            apiVersion: v1
            kind: Config
            clusters:
            - name: far
              cluster: {server: "http://cluster.invalid:6443", proxy-url: "http://127.0.0.1:\(proxy.port)"}
            contexts:
            - name: far
              context: {cluster: far, user: far}
            current-context: far
            users:
            - name: far
              user: {token: sandbox}
            """
        let config = try ClientConfig.from(Kubeconfig(yaml: kubeconfig, file: "proxy-kubeconfig"))
        XCTAssertEqual(config.proxyURL, "http://127.0.0.1:\(proxy.port)")
        let api = try KubeAPI(config: config)
        api.rest.retry = RetryPolicy(maxAttempts: 1)
        let namespaces = try api.list(api.resource(apiVersion: "v1", kind: "Namespace"), namespace: nil)
        XCTAssertTrue(namespaces.contains { $0["metadata"]?["name"] == "kube-system" })
        let request = "GET http://cluster.invalid:6443/api/v1/namespaces?limit=500 HTTP/1.1"
        let lines = try AccessLog(dir + "/requests.log").lines { $0.contains(Substring(request)) }
        XCTAssertTrue(lines.contains(Substring(request)), "\(lines)")

        var direct = config
        direct.proxyURL = nil
        let without = try KubeAPI(config: direct)
        without.rest.retry = RetryPolicy(maxAttempts: 1)
        XCTAssertThrowsError(try without.mapping()) { error in
            XCTAssertEqual((error as? TransportError)?.kind, .connect, "without the proxy the name does not resolve: \(error)")
        }
    }
}
