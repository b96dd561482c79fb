import Environment
import Foundation
import GitStore
import KubeClient
import Reconcile
import Sandbox
import XCTest
import YAML

/// A real setting for end-to-end reconcile tests: the Sandbox API server on loopback (HTTP,
/// simulated controllers at `speed`), a git repository in a temp dir built from this
/// repository's chart and policies with an `e2e` environment, and a KubeAPI client whose every
/// request is logged, so tests can count reads and writes as the server saw them.
final class ReconcileHarness: @unchecked Sendable {
    static let namespace = "chatbot-e2e"
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    let server: SandboxServer
    let api: KubeAPI
    let repo: String
    let environment: EnvironmentConfig.Environment
    private let lock = NSLock()
    private var lines: [String] = []

    /// Values layered over the chart for the `e2e` environment. Tests change the environment
    /// through this overlay (as engineers change an environment), so they depend only on the
    /// values layout of the users' chart (`frontend`/`backend` with `replicaCount`, `image`,
    /// `hpa`), not on the chart's defaults.
    struct Overlay {
        var frontendHPA = false
        var frontendReplicas: Int?
        var frontendRepository: String?
        var backendTag: String?
        /// `backend.hpa.schedules` entries, each a flow mapping: `{cron: "0 7 * * 1-5", duration: 10h, minReplicas: 6}`.
        var backendSchedules: [String] = []

        var yaml: String {
            var lines = ["global:", "  namespace: \(ReconcileHarness.namespace)", "frontend:", "  hpa:", "    enabled: \(frontendHPA)"]
            if let frontendReplicas { lines.append("  replicaCount: \(frontendReplicas)") }
            if let frontendRepository { lines += ["  image:", "    repository: \(frontendRepository)"] }
            if backendTag != nil || !backendSchedules.isEmpty { lines.append("backend:") }
            if let backendTag { lines += ["  image:", "    tag: \"\(backendTag)\""] }
            if !backendSchedules.isEmpty { lines += ["  hpa:", "    schedules:"] + backendSchedules.map { "      - \($0)" } }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    /// `start`: the simulated clock's start (seconds since 1970), for tests that depend on the
    /// time of day; the wall clock by default.
    init(speed: Double = 30, healthTimeout: String = "60s", correctDrift: Bool = true, start: Double? = nil) throws {
        server = SandboxServer(cluster: Cluster(start: start), speed: speed)
        let url = try server.start(port: 0)
        api = try KubeAPI(config: ClientConfig(server: url, namespace: Self.namespace))
        api.rest.retry = RetryPolicy(maxAttempts: 5, baseDelay: 0.02, maxDelay: 0.2)
        repo = NSTemporaryDirectory() + "shipshape-reconcile-\(UUID().uuidString)"
        let fm = FileManager.default
        try fm.createDirectory(atPath: repo + "/charts", withIntermediateDirectories: true)
        try fm.copyItem(atPath: Self.root + "/charts/chatbot", toPath: repo + "/charts/chatbot")
        try fm.copyItem(atPath: Self.root + "/policies", toPath: repo + "/policies")
        try fm.createDirectory(atPath: repo + "/overlays/e2e", withIntermediateDirectories: true)
        try Overlay().yaml.write(toFile: repo + "/overlays/e2e/values.yaml", atomically: true, encoding: .utf8)
        let config = """
        apiVersion: shipshape.dev/v1
        kind: Environments
        environments:
          e2e:
            chart: charts/chatbot
            overlay: overlays/e2e
            namespace: \(Self.namespace)
            releaseName: chatbot
            cluster: {context: sandbox}
            source: {repository: ., branch: main}
            policies: policies
            reconcile: {prune: true, healthTimeout: \(healthTimeout), rollback: true, correctDrift: \(correctDrift)}

        """
        try config.write(toFile: repo + "/shipshape.yaml", atomically: true, encoding: .utf8)
        environment = try EnvironmentConfig(yaml: config, file: "shipshape.yaml").environment("e2e")
        try git("init", "-q", "-b", "main")
        try git("add", "-A")
        try git("commit", "-q", "-m", "chatbot: initial configuration")
        api.rest.debugLog = { [weak self] line in
            guard let self else { return }
            self.lock.lock(); self.lines.append(line); self.lock.unlock()
        }
    }

    func shutdown() {
        server.shutdown()
        try? FileManager.default.removeItem(atPath: repo)
    }

    // MARK: git

    @discardableResult
    func git(_ arguments: String...) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: repo)
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else { throw ReconcileError("git \(arguments.joined(separator: " ")): \(text)") }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Commits a new overlay for the environment; returns the sha.
    @discardableResult
    func commit(_ message: String, overlay: Overlay) throws -> String {
        try overlay.yaml.write(toFile: repo + "/overlays/e2e/values.yaml", atomically: true, encoding: .utf8)
        return try commitAll(message)
    }

    @discardableResult
    func commitAll(_ message: String) throws -> String {
        try git("commit", "-q", "-am", message)
        return try git("rev-parse", "HEAD")
    }

    // MARK: reconciling

    func reconciler(identity: String? = nil) throws -> Reconciler {
        let source = try RevisionSource(location: ".", branch: "main", base: repo)
        let r = Reconciler(environment: environment, cluster: api, source: source, identity: identity)
        r.pollInterval = 0.05
        return r
    }

    @discardableResult
    func reconcile() throws -> RunReport {
        try reconciler().reconcile()
    }

    // MARK: the request log

    func resetLog() { lock.lock(); lines.removeAll(); lock.unlock() }

    var requests: [String] { lock.lock(); defer { lock.unlock() }; return lines }

    /// Requests that change something (not GET), other than the run lock's Lease.
    var writes: [String] {
        requests.filter { !$0.hasPrefix("GET ") && !$0.contains("/leases/") }
    }

    // MARK: reading and changing the cluster as another client would

    func deployment(_ name: String) throws -> Value {
        try XCTUnwrap(try api.get(apiVersion: "apps/v1", kind: "Deployment", namespace: Self.namespace, name: name))
    }

    func object(_ apiVersion: String, _ kind: String, _ name: String) throws -> Value? {
        try api.get(apiVersion: apiVersion, kind: kind, namespace: Self.namespace, name: name)
    }

    func state() throws -> ReconcileState { try reconciler().state() }

    /// `POST /sandbox/faults` with a rule (YAML).
    func inject(_ rule: String) throws {
        _ = try api.rest.send(HTTPRequest(method: "POST", url: api.rest.url("/sandbox/faults"),
                                          headers: [("Content-Type", "application/yaml")], body: Array(rule.utf8)))
    }

    /// `POST /sandbox/advance`: simulated time forward by `seconds` (a day at most), controllers running.
    func advance(_ seconds: Double) throws {
        _ = try api.rest.send(HTTPRequest(method: "POST", url: api.rest.url("/sandbox/advance", query: [("seconds", String(Int(seconds)))])))
    }

    func clearFaults() throws {
        _ = try api.rest.send(HTTPRequest(method: "DELETE", url: api.rest.url("/sandbox/faults")))
    }
}
