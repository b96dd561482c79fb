import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TestSupport
import XCTest
import YAML
@testable import Sandbox

/// Helpers for tests that talk to a real `SandboxServer` over loopback HTTP(S), with kubectl,
/// Python or raw HTTP as the client: one server and one temporary directory per test.
class SandboxHTTPTestCase: SandboxTestCase {
    var server: SandboxServer!
    var directory: URL!
    var kubeconfigPath: String { directory.appendingPathComponent("kubeconfig").path }

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-http-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        server?.shutdown()
        server = nil
        try? FileManager.default.removeItem(at: directory)
    }

    /// Starts a Sandbox on a free port and writes its kubeconfig. With `runClock` false,
    /// simulated time moves only when the test advances it (through the admin endpoint).
    @discardableResult
    func startServer(scenario: Scenario = .default, speed: Double = 1, runClock: Bool = false, tls: Bool = false,
                     runtime: ProcessRuntime? = nil, start: Double? = nil) throws -> String {
        let server = SandboxServer(cluster: Cluster(scenario: scenario, start: start, seed: 7, runtime: runtime), speed: speed)
        if tls { try server.enableTLS() }
        let url = try server.start(port: 0, runClock: runClock)
        try server.writeKubeconfig(to: kubeconfigPath)
        self.server = server
        return url
    }

    /// kubectl; a test that needs it fails without it (scripts/install-deps.sh installs it).
    func kubectlPath() throws -> String {
        guard let path = Subprocess.find("kubectl") else { throw TestServerError("kubectl is not on PATH (scripts/install-deps.sh installs it)") }
        return path
    }

    /// Runs kubectl against the Sandbox with a private discovery cache.
    func kubectl(_ arguments: String..., kubeconfig: String? = nil) throws -> Subprocess.Result {
        try kubectl(arguments, kubeconfig: kubeconfig)
    }

    func kubectl(_ arguments: [String], kubeconfig: String? = nil, input: String? = nil) throws -> Subprocess.Result {
        let cache = directory.appendingPathComponent("kube-cache").path
        return try Subprocess.run(try kubectlPath(), ["--kubeconfig", kubeconfig ?? kubeconfigPath, "--cache-dir", cache] + arguments, input: input)
    }

    /// kubectl left running (`get --watch`), read line by line as it prints.
    func kubectlInBackground(_ arguments: String...) throws -> StreamingSubprocess {
        let cache = directory.appendingPathComponent("kube-cache").path
        return try StreamingSubprocess(try kubectlPath(), ["--kubeconfig", kubeconfigPath, "--cache-dir", cache] + arguments)
    }

    /// Waits until the Sandbox has `count` open watches (a background kubectl has listed and is
    /// watching), so changes the test makes next reach it as events; fails after 30 s.
    func waitForWatches(_ count: Int, file: StaticString = #filePath, line: UInt = #line) throws {
        for _ in 0..<600 {
            if try http("GET", "/sandbox/status").json["watches"]?.intValue == count { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTFail("the Sandbox never had \(count) open watches", file: file, line: line)
    }

    /// kubectl that must succeed; returns its standard output.
    @discardableResult
    func kubectlOK(_ arguments: String..., file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let r = try kubectl(arguments)
        XCTAssertEqual(r.status, 0, "kubectl \(arguments.joined(separator: " ")) failed: \(r.stderr)", file: file, line: line)
        return r.stdout
    }

    /// Writes `text` to a file in the test's directory and returns its path.
    func write(_ text: String, to name: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Moves simulated time forward through the admin endpoint, as an operator would.
    func advance(_ seconds: Int, file: StaticString = #filePath, line: UInt = #line) throws {
        let r = try http("POST", "/sandbox/advance?seconds=\(seconds)")
        XCTAssertEqual(r.status, 200, "advance: \(r.text)", file: file, line: line)
    }

    struct HTTPResult {
        var status: Int
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
        var json: Value { (try? JSONParser().parse(bytes: Array(body))) ?? .null }
    }

    /// One plain HTTP request to the server (URLSession, so a third client implementation),
    /// with the kubeconfig's admin token unless `token` says otherwise (nil: no credentials).
    func http(_ method: String, _ target: String, body: String? = nil, contentType: String = "application/json",
              timeout: TimeInterval = 30, token: String? = Cluster.adminToken, headers: [String: String] = [:]) throws -> HTTPResult {
        try http(method, target, bytes: body.map { Array($0.utf8) }, contentType: contentType, timeout: timeout, token: token, headers: headers)
    }

    /// One plain HTTP request whose body is raw bytes (a protobuf body, say).
    func http(_ method: String, _ target: String, bytes body: [UInt8]?, contentType: String,
              timeout: TimeInterval = 30, token: String? = Cluster.adminToken, headers: [String: String] = [:]) throws -> HTTPResult {
        var request = URLRequest(url: URL(string: server.url + target)!)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.timeoutInterval = timeout
        if let body {
            request.httpBody = Data(body)
            request.setValue(contentType, forHTTPHeaderField: "Content-Type")
        }
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var outcome: Result<HTTPResult, Error> = .failure(URLError(.unknown))
        let task = URLSession.shared.dataTask(with: request) { data, response, error in
            if let error {
                outcome = .failure(error)
            } else if let http = response as? HTTPURLResponse {
                var headers: [String: String] = [:]
                for (k, v) in http.allHeaderFields { headers[String(describing: k).lowercased()] = String(describing: v) }
                outcome = .success(HTTPResult(status: http.statusCode, headers: headers, body: data ?? Data()))
            }
            done.signal()
        }
        task.resume()
        done.wait()
        return try outcome.get()
    }

    /// The lines of a kubectl table whose first column is `name`.
    func row(_ table: String, _ name: String) -> [String]? {
        table.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
            .first { $0.first == name }
    }
}
