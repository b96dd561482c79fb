import Foundation
import YAML

/// A kubeconfig file's content (clientcmd/api/v1), as kubectl reads it: named clusters,
/// users and contexts, and the current context.
public struct Kubeconfig: Sendable, Equatable {
    public struct Cluster: Sendable, Equatable {
        public var server = ""
        public var certificateAuthority: String?
        public var certificateAuthorityData: [UInt8]?
        public var insecureSkipTLSVerify = false
        public var tlsServerName: String?
        public var proxyURL: String?
        /// The file this cluster was read from (kubectl's `LocationOfOrigin`).
        public var origin: String?
    }

    public struct ExecConfig: Sendable, Equatable {
        public var apiVersion = ""
        public var command = ""
        public var args: [String] = []
        public var env: [(name: String, value: String)] = []
        public var provideClusterInfo = false
        public var installHint: String?
        public var interactiveMode: String?

        public static func == (a: ExecConfig, b: ExecConfig) -> Bool {
            a.apiVersion == b.apiVersion && a.command == b.command && a.args == b.args
                && a.env.map { "\($0.name)=\($0.value)" } == b.env.map { "\($0.name)=\($0.value)" }
                && a.provideClusterInfo == b.provideClusterInfo && a.installHint == b.installHint
                && a.interactiveMode == b.interactiveMode
        }
    }

    public struct User: Sendable, Equatable {
        public var token: String?
        public var tokenFile: String?
        public var clientCertificate: String?
        public var clientCertificateData: [UInt8]?
        public var clientKey: String?
        public var clientKeyData: [UInt8]?
        public var username: String?
        public var password: String?
        public var exec: ExecConfig?
        public var origin: String?
    }

    public struct Context: Sendable, Equatable {
        public var cluster = ""
        public var user = ""
        public var namespace: String?
        public var origin: String?
    }

    public var clusters: [String: Cluster] = [:]
    public var users: [String: User] = [:]
    public var contexts: [String: Context] = [:]
    public var currentContext = ""

    public init() {}

    /// Decodes one kubeconfig file. Relative file references are resolved against `directory`,
    /// as kubectl resolves them against the file's own folder.
    public init(yaml text: String, file: String, directory: String? = nil) throws {
        let value: Value
        do {
            value = try ValueDecoder.decode(text, file: file)
        } catch {
            throw KubeConfigError("\(file): not a valid kubeconfig: \(error)")
        }
        guard case .object = value else {
            if case .null = value { return }
            throw KubeConfigError("\(file): a kubeconfig is a mapping with clusters, users and contexts")
        }
        let base = directory ?? (file as NSString).deletingLastPathComponent
        func path(_ v: Value?) -> String? {
            guard let s = v?.string, !s.isEmpty else { return nil }
            return s.hasPrefix("/") ? s : (base as NSString).appendingPathComponent(s)
        }
        func data(_ v: Value?, _ what: String) throws -> [UInt8]? {
            guard let s = v?.string, !s.isEmpty else { return nil }
            guard let bytes = Base64.decode(s) else { throw KubeConfigError("\(file): \(what) is not valid base64") }
            return bytes
        }
        for entry in value["clusters"]?.array ?? [] {
            guard let name = entry["name"]?.string else { throw KubeConfigError("\(file): a cluster entry has no name") }
            guard clusters[name] == nil else { continue }
            let c = entry["cluster"] ?? .object([:])
            var cluster = Cluster()
            cluster.server = c["server"]?.string ?? ""
            cluster.certificateAuthority = path(c["certificate-authority"])
            cluster.certificateAuthorityData = try data(c["certificate-authority-data"], "clusters[\(name)].certificate-authority-data")
            if case .bool(let b)? = c["insecure-skip-tls-verify"] { cluster.insecureSkipTLSVerify = b }
            cluster.tlsServerName = c["tls-server-name"]?.string
            cluster.proxyURL = c["proxy-url"]?.string
            cluster.origin = file
            clusters[name] = cluster
        }
        for entry in value["users"]?.array ?? [] {
            guard let name = entry["name"]?.string else { throw KubeConfigError("\(file): a user entry has no name") }
            guard users[name] == nil else { continue }
            let u = entry["user"] ?? .object([:])
            var user = User()
            user.token = u["token"]?.string
            user.tokenFile = path(u["tokenFile"])
            user.clientCertificate = path(u["client-certificate"])
            user.clientCertificateData = try data(u["client-certificate-data"], "users[\(name)].client-certificate-data")
            user.clientKey = path(u["client-key"])
            user.clientKeyData = try data(u["client-key-data"], "users[\(name)].client-key-data")
            user.username = u["username"]?.string
            user.password = u["password"]?.string
            if let e = u["exec"], case .object = e {
                var exec = ExecConfig()
                exec.apiVersion = e["apiVersion"]?.string ?? ""
                exec.command = e["command"]?.string ?? ""
                // A command with a slash is relative to the kubeconfig's folder, as in client-go.
                if exec.command.contains("/") && !exec.command.hasPrefix("/") {
                    exec.command = (base as NSString).appendingPathComponent(exec.command)
                }
                exec.args = (e["args"]?.array ?? []).compactMap(\.string)
                exec.env = (e["env"]?.array ?? []).compactMap { item in
                    guard let n = item["name"]?.string else { return nil }
                    return (n, item["value"]?.string ?? "")
                }
                if case .bool(let b)? = e["provideClusterInfo"] { exec.provideClusterInfo = b }
                exec.installHint = e["installHint"]?.string
                exec.interactiveMode = e["interactiveMode"]?.string
                user.exec = exec
            }
            user.origin = file
            users[name] = user
        }
        for entry in value["contexts"]?.array ?? [] {
            guard let name = entry["name"]?.string else { throw KubeConfigError("\(file): a context entry has no name") }
            guard contexts[name] == nil else { continue }
            let c = entry["context"] ?? .object([:])
            contexts[name] = Context(cluster: c["cluster"]?.string ?? "", user: c["user"]?.string ?? "",
                                     namespace: c["namespace"]?.string, origin: file)
        }
        currentContext = value["current-context"]?.string ?? ""
    }

    /// kubectl's merge of several files: the first file to name a cluster, user or context
    /// wins, and so does the first non-empty `current-context`.
    public mutating func merge(_ later: Kubeconfig) {
        for (k, v) in later.clusters where clusters[k] == nil { clusters[k] = v }
        for (k, v) in later.users where users[k] == nil { users[k] = v }
        for (k, v) in later.contexts where contexts[k] == nil { contexts[k] = v }
        if currentContext.isEmpty { currentContext = later.currentContext }
    }
}

/// A configuration problem, said so that the user knows which file and what to fix.
public struct KubeConfigError: Error, CustomStringConvertible, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
