import Foundation

/// Everything needed to talk to one API server: where, as whom, trusting what. Built from a
/// kubeconfig context or from the pod's service account, as kubectl and client-go build it.
public struct ClientConfig: Sendable {
    public var server: String
    /// The namespace to use when a command names none.
    public var namespace: String
    public var tls: TLSSettings
    public var credentials: Credentials
    public var proxyURL: String?
    /// Where this configuration came from, for messages (`context "minikube" in ~/.kube/config`).
    public var source: String

    public init(server: String, namespace: String = "default", tls: TLSSettings = TLSSettings(),
                credentials: Credentials = .none, proxyURL: String? = nil, source: String = "") {
        self.server = server
        self.namespace = namespace
        self.tls = tls
        self.credentials = credentials
        self.proxyURL = proxyURL
        self.source = source
    }

    /// The configuration of `context` (or the current context) in a merged kubeconfig.
    public static func from(_ config: Kubeconfig, context: String? = nil, namespace: String? = nil) throws -> ClientConfig {
        let contextName = context ?? config.currentContext
        guard !contextName.isEmpty else {
            throw KubeConfigError("no context is set: pass --context or run `kubectl config use-context NAME`")
        }
        guard let ctx = config.contexts[contextName] else {
            throw KubeConfigError("context \"\(contextName)\" does not exist in the kubeconfig")
        }
        guard let cluster = config.clusters[ctx.cluster] else {
            throw KubeConfigError("context \"\(contextName)\" refers to cluster \"\(ctx.cluster)\", which does not exist")
        }
        guard !cluster.server.isEmpty else {
            throw KubeConfigError("cluster \"\(ctx.cluster)\" has no server defined")
        }
        var tls = TLSSettings()
        tls.insecureSkipVerify = cluster.insecureSkipTLSVerify
        tls.serverName = cluster.tlsServerName
        if let data = cluster.certificateAuthorityData {
            tls.certificateAuthority = .pem(data)
        } else if let file = cluster.certificateAuthority {
            tls.certificateAuthority = .file(file)
        }
        var credentials = Credentials.none
        if !ctx.user.isEmpty {
            guard let user = config.users[ctx.user] else {
                throw KubeConfigError("context \"\(contextName)\" refers to user \"\(ctx.user)\", which does not exist")
            }
            if let data = user.clientCertificateData { tls.clientCertificate = .pem(data) }
            else if let file = user.clientCertificate { tls.clientCertificate = .file(file) }
            if let data = user.clientKeyData { tls.clientKey = .pem(data) }
            else if let file = user.clientKey { tls.clientKey = .file(file) }
            if let token = user.token, !token.isEmpty {
                credentials = .bearer(TokenSource(token: token))
            } else if let file = user.tokenFile {
                credentials = .bearer(TokenSource(file: file))
            } else if let exec = user.exec {
                credentials = .exec(ExecCredentialProvider(config: exec, server: cluster.server))
            } else if let name = user.username, let password = user.password {
                credentials = .basic(username: name, password: password)
            }
        }
        return ClientConfig(server: cluster.server, namespace: namespace ?? ctx.namespace ?? "default", tls: tls,
                            credentials: credentials, proxyURL: cluster.proxyURL,
                            source: "context \"\(contextName)\"")
    }

    /// The pod's own identity: `KUBERNETES_SERVICE_HOST`/`_PORT`, the service-account token
    /// (re-read when it rotates), `ca.crt` and the namespace file, under `root`.
    public static func inCluster(environment: [String: String] = ProcessInfo.processInfo.environment,
                                 root: String = "/var/run/secrets/kubernetes.io/serviceaccount") throws -> ClientConfig {
        guard let host = environment["KUBERNETES_SERVICE_HOST"], !host.isEmpty,
              let port = environment["KUBERNETES_SERVICE_PORT"], !port.isEmpty else {
            throw KubeConfigError("not running in a cluster: KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT are not set")
        }
        let tokenFile = root + "/token"
        guard FileManager.default.fileExists(atPath: tokenFile) else {
            throw KubeConfigError("in-cluster configuration: \(tokenFile) does not exist (is a service account mounted?)")
        }
        let namespace = (try? String(contentsOfFile: root + "/namespace", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let hostPart = host.contains(":") ? "[\(host)]" : host
        var tls = TLSSettings()
        if FileManager.default.fileExists(atPath: root + "/ca.crt") { tls.certificateAuthority = .file(root + "/ca.crt") }
        return ClientConfig(server: "https://\(hostPart):\(port)", namespace: namespace.flatMap { $0.isEmpty ? nil : $0 } ?? "default",
                            tls: tls, credentials: .bearer(TokenSource(file: tokenFile)), source: "in-cluster service account")
    }

    /// kubectl's order: an explicit `--kubeconfig`, else `KUBECONFIG`/`~/.kube/config`, and
    /// when none of those exist, the in-cluster service account.
    public static func load(kubeconfig: String? = nil, context: String? = nil, namespace: String? = nil,
                            environment: [String: String] = ProcessInfo.processInfo.environment,
                            serviceAccountRoot: String = "/var/run/secrets/kubernetes.io/serviceaccount") throws -> ClientConfig {
        let loader = KubeconfigLoader(explicitPath: kubeconfig, environment: environment)
        let anyFile = loader.files.contains { FileManager.default.fileExists(atPath: $0) }
        if kubeconfig == nil && !anyFile && environment["KUBERNETES_SERVICE_HOST"] != nil {
            var config = try inCluster(environment: environment, root: serviceAccountRoot)
            if let namespace { config.namespace = namespace }
            return config
        }
        let merged = try loader.load()
        if merged.contexts.isEmpty {
            throw KubeConfigError("no kubeconfig found (looked in \(loader.files.joined(separator: ", "))) and not running in a cluster")
        }
        return try from(merged, context: context, namespace: namespace)
    }
}

/// TLS trust and client identity.
public struct TLSSettings: Sendable {
    /// PEM bytes or a PEM file.
    public enum Material: Sendable, Equatable {
        case pem([UInt8])
        case file(String)

        /// The PEM bytes, read now.
        public func bytes() throws -> [UInt8] {
            switch self {
            case .pem(let b): return b
            case .file(let path):
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw KubeConfigError("cannot read \(path)")
                }
                return Array(data)
            }
        }
    }

    public var certificateAuthority: Material?
    public var clientCertificate: Material?
    public var clientKey: Material?
    public var insecureSkipVerify = false
    public var serverName: String?

    public init() {}
}

/// How requests authenticate.
public enum Credentials: Sendable {
    case none
    case bearer(TokenSource)
    case basic(username: String, password: String)
    case exec(ExecCredentialProvider)
}

/// A bearer token, fixed or read from a file that may rotate (service-account tokens do).
public final class TokenSource: @unchecked Sendable {
    private let fixed: String?
    public let file: String?
    private var cached: (token: String, modified: Date)?
    private let lock = NSLock()

    public init(token: String) {
        fixed = token
        file = nil
    }

    public init(file: String) {
        fixed = nil
        self.file = file
    }

    /// The current token; a file is re-read when its modification time changes.
    public func token() throws -> String {
        if let fixed { return fixed }
        guard let file else { return "" }
        lock.lock()
        defer { lock.unlock() }
        let modified = (try? FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date) ?? nil
        if let cached, let modified, cached.modified == modified { return cached.token }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw KubeConfigError("cannot read token file \(file)")
        }
        let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if token.utf8.contains(where: { $0 == 10 || $0 == 13 || $0 == 0 }) {
            throw KubeConfigError("token file \(file) holds more than one line; a bearer token is a single line")
        }
        if let modified { cached = (token, modified) }
        return token
    }
}
