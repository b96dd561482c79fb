import Foundation
import YAML

/// Runs a kubeconfig `exec` credential plugin (client.authentication.k8s.io v1 and v1beta1)
/// and caches what it prints until its `expirationTimestamp`, as client-go does.
public final class ExecCredentialProvider: @unchecked Sendable {
    /// What a plugin returned.
    public struct Credential: Sendable, Equatable {
        public var token: String?
        public var clientCertificateData: String?
        public var clientKeyData: String?
        public var expiration: Date?
    }

    public let config: Kubeconfig.ExecConfig
    /// How long a plugin may run before it (and its process group) is killed: 60 s, or
    /// `SHIPSHAPE_EXEC_TIMEOUT` seconds (1 to 3600).
    public var timeoutSeconds = ProcessInfo.processInfo.environment["SHIPSHAPE_EXEC_TIMEOUT"].flatMap { Int($0) }.map { max(1, min($0, 3600)) } ?? 60
    private let server: String
    private var cached: Credential?
    private let lock = NSLock()
    /// How many times the plugin has run (for tests of the cache).
    public private(set) var runs = 0

    public init(config: Kubeconfig.ExecConfig, server: String) {
        self.config = config
        self.server = server
    }

    /// A valid credential: the cached one unless it has expired (or `refresh` is asked, after
    /// a 401), otherwise a fresh run of the plugin.
    public func credential(now: Date = Date(), refresh: Bool = false) throws -> Credential {
        lock.lock()
        defer { lock.unlock() }
        if !refresh, let cached, cached.expiration.map({ $0 > now }) ?? true { return cached }
        let fresh = try run()
        cached = fresh
        return fresh
    }

    private func run() throws -> Credential {
        let supported = ["client.authentication.k8s.io/v1", "client.authentication.k8s.io/v1beta1"]
        guard supported.contains(config.apiVersion) else {
            throw KubeConfigError("exec plugin: unsupported apiVersion \"\(config.apiVersion)\" (use client.authentication.k8s.io/v1)")
        }
        let executable = config.command.contains("/") ? config.command : "/usr/bin/env"
        let arguments = config.command.contains("/") ? config.args : [config.command] + config.args
        var env = ProcessInfo.processInfo.environment
        for (name, value) in config.env { env[name] = value }
        var spec: [String: Value] = ["interactive": false]
        if config.provideClusterInfo { spec["cluster"] = ["server": .string(server)] }
        let info: Value = .object(["apiVersion": .string(config.apiVersion), "kind": "ExecCredential",
                                   "spec": .object(.init(uniqueKeysWithValues: spec.sorted { $0.key < $1.key }))])
        env["KUBERNETES_EXEC_INFO"] = try JSONWriter().string(info)
        let result: PluginProcess.Result
        do {
            result = try PluginProcess.run(executable, arguments, environment: env, timeout: Double(timeoutSeconds))
        } catch PluginProcess.Failure.timedOut {
            runs += 1
            throw KubeConfigError("exec plugin \(config.command) did not answer within \(timeoutSeconds) s; it and its children were killed (is it waiting for input? exec plugins run non-interactively)")
        } catch {
            let hint = config.installHint.map { "\n\($0)" } ?? ""
            throw KubeConfigError("exec plugin: executable \(config.command) not found\(hint)")
        }
        runs += 1
        // `env` exits 127 when it cannot find the command.
        if result.status == 127, executable == "/usr/bin/env", result.stdout.isEmpty {
            let hint = config.installHint.map { "\n\($0)" } ?? ""
            throw KubeConfigError("exec plugin: executable \(config.command) not found\(hint)")
        }
        let out = result.stdout, err = result.stderr
        guard result.status == 0 else {
            let message = String(decoding: err, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw KubeConfigError("exec plugin \(config.command) failed with exit status \(result.status): \(message)")
        }
        let value: Value
        do {
            value = try JSONParser().parse(String(decoding: out, as: UTF8.self))
        } catch {
            throw KubeConfigError("exec plugin \(config.command): output is not an ExecCredential: \(error)")
        }
        guard value["kind"]?.string == "ExecCredential" else {
            throw KubeConfigError("exec plugin \(config.command): output is not an ExecCredential (kind is \(value["kind"]?.string ?? "missing"))")
        }
        guard value["apiVersion"]?.string == config.apiVersion else {
            throw KubeConfigError("exec plugin \(config.command): returned apiVersion \(value["apiVersion"]?.string ?? "none"), expected \(config.apiVersion)")
        }
        let status = value["status"] ?? .object([:])
        var credential = Credential()
        credential.token = status["token"]?.string
        credential.clientCertificateData = status["clientCertificateData"]?.string
        credential.clientKeyData = status["clientKeyData"]?.string
        if let stamp = status["expirationTimestamp"]?.string {
            credential.expiration = ISO8601DateFormatter().date(from: stamp)
        }
        if credential.token == nil && (credential.clientCertificateData == nil || credential.clientKeyData == nil) {
            throw KubeConfigError("exec plugin \(config.command): ExecCredential has neither a token nor a client certificate and key")
        }
        return credential
    }
}
