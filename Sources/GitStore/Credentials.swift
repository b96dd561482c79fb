import Foundation

/// How GitStore authenticates to a remote: nothing, an HTTPS token, HTTPS basic credentials,
/// or an SSH key checked against known_hosts.
///
/// Read from the environment or a mounted secret directory (`fromEnvironment`); secrets are
/// held only here, never printed: `description` and reflection show the method and user only.
public struct GitCredentials: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public enum Kind: Sendable {
        case none
        /// An HTTPS access token, sent as the basic-auth password of `username`.
        case token(username: String, token: String)
        /// HTTPS basic authentication.
        case basic(username: String, password: String)
        /// An SSH private key file (and optional public key file and passphrase).
        case sshKey(username: String?, privateKey: String, publicKey: String?, passphrase: String?)
        /// Keys held by the running ssh-agent (`SSH_AUTH_SOCK`).
        case sshAgent(username: String?)
    }

    public var kind: Kind
    /// The known_hosts file SSH host keys are checked against (default `~/.ssh/known_hosts`).
    public var knownHostsFile: String?
    /// A PEM bundle of CA certificates HTTPS servers are verified against (process-wide).
    public var caFile: String?

    public init(_ kind: Kind, knownHostsFile: String? = nil, caFile: String? = nil) {
        self.kind = kind
        self.knownHostsFile = knownHostsFile
        self.caFile = caFile
    }

    public static let none = GitCredentials(.none)

    /// The method these credentials use, for errors and logs.
    public var method: CredentialMethod {
        switch kind {
        case .none: return .none
        case .token: return .token
        case .basic: return .basic
        case .sshKey: return .sshKey
        case .sshAgent: return .sshAgent
        }
    }

    /// The secret strings, so error messages can be scrubbed of them.
    var secrets: [String] {
        switch kind {
        case .token(_, let token): return [token]
        case .basic(_, let password): return [password]
        case .sshKey(_, _, _, let passphrase): return passphrase.map { [$0] } ?? []
        case .none, .sshAgent: return []
        }
    }

    public var description: String {
        switch kind {
        case .none: return "GitCredentials(none)"
        case .token(let user, _): return "GitCredentials(token, user: \(user))"
        case .basic(let user, _): return "GitCredentials(basic, user: \(user))"
        case .sshKey(let user, let key, _, _): return "GitCredentials(ssh-key \(key), user: \(user ?? "from URL"))"
        case .sshAgent(let user): return "GitCredentials(ssh-agent, user: \(user ?? "from URL"))"
        }
    }

    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["method": method.rawValue]) }

    /// The environment variables (and files) `fromEnvironment` reads, documented in one place.
    public enum Variable {
        /// HTTPS token (GitHub/GitLab/Gitea access token).
        public static let token = "SHIPSHAPE_GIT_TOKEN"
        /// A file holding the token (e.g. a mounted Kubernetes Secret).
        public static let tokenFile = "SHIPSHAPE_GIT_TOKEN_FILE"
        /// User name for basic auth, or for the token (default `x-access-token`).
        public static let username = "SHIPSHAPE_GIT_USERNAME"
        /// Password for basic auth.
        public static let password = "SHIPSHAPE_GIT_PASSWORD"
        /// A file holding the password.
        public static let passwordFile = "SHIPSHAPE_GIT_PASSWORD_FILE"
        /// Path of an SSH private key.
        public static let sshKey = "SHIPSHAPE_GIT_SSH_KEY"
        /// Path of the matching public key (optional).
        public static let sshPublicKey = "SHIPSHAPE_GIT_SSH_PUBLIC_KEY"
        /// Passphrase of the SSH key, or a file holding it.
        public static let sshPassphrase = "SHIPSHAPE_GIT_SSH_PASSPHRASE"
        public static let sshPassphraseFile = "SHIPSHAPE_GIT_SSH_PASSPHRASE_FILE"
        /// known_hosts file for SSH host key verification (default `~/.ssh/known_hosts`).
        public static let sshKnownHosts = "SHIPSHAPE_GIT_SSH_KNOWN_HOSTS"
        /// Use the ssh-agent at SSH_AUTH_SOCK when set to `1`.
        public static let sshAgent = "SHIPSHAPE_GIT_SSH_AGENT"
        /// PEM CA bundle for HTTPS verification.
        public static let caFile = "SHIPSHAPE_GIT_CA_FILE"
        /// A mounted secret directory with any of the files `token`, `username`, `password`,
        /// `ssh-privatekey`, `ssh-publickey`, `ssh-passphrase`, `known_hosts`, `ca.crt`.
        public static let credentialsDirectory = "SHIPSHAPE_GIT_CREDENTIALS_DIR"
    }

    /// Credentials from the environment, first match wins: token, username+password, SSH key,
    /// ssh-agent, then the files of `SHIPSHAPE_GIT_CREDENTIALS_DIR`; otherwise `.none`.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> GitCredentials {
        let dir = env[Variable.credentialsDirectory].flatMap { $0.isEmpty ? nil : $0 }
        func fileInDir(_ name: String) -> String? {
            guard let dir else { return nil }
            let path = (dir as NSString).appendingPathComponent(name)
            return FileManager.default.fileExists(atPath: path) ? path : nil
        }
        func value(_ variable: String, file fileVariable: String? = nil, dirFile: String? = nil) throws -> String? {
            if let v = env[variable], !v.isEmpty { return v }
            if let fileVariable, let path = env[fileVariable], !path.isEmpty {
                return try readSecret(path, source: fileVariable)
            }
            if let dirFile, let path = fileInDir(dirFile) {
                return try readSecret(path, source: "\(Variable.credentialsDirectory)/\(dirFile)")
            }
            return nil
        }

        let home = env["HOME"] ?? NSHomeDirectory()
        let knownHosts = env[Variable.sshKnownHosts].flatMap { $0.isEmpty ? nil : $0 }
            ?? fileInDir("known_hosts") ?? (home as NSString).appendingPathComponent(".ssh/known_hosts")
        let caFile = env[Variable.caFile].flatMap { $0.isEmpty ? nil : $0 } ?? fileInDir("ca.crt")
        let username = try value(Variable.username, dirFile: "username")

        if let token = try value(Variable.token, file: Variable.tokenFile, dirFile: "token") {
            return GitCredentials(.token(username: username ?? "x-access-token", token: token), knownHostsFile: knownHosts, caFile: caFile)
        }
        if let password = try value(Variable.password, file: Variable.passwordFile, dirFile: "password") {
            guard let username else {
                throw GitError.invalidCredentials(source: Variable.password, reason: "a password needs \(Variable.username)")
            }
            return GitCredentials(.basic(username: username, password: password), knownHostsFile: knownHosts, caFile: caFile)
        }
        if let key = env[Variable.sshKey].flatMap({ $0.isEmpty ? nil : $0 }) ?? fileInDir("ssh-privatekey") {
            guard FileManager.default.isReadableFile(atPath: key) else {
                throw GitError.invalidCredentials(source: Variable.sshKey, reason: "cannot read private key file \(key)")
            }
            let pub = env[Variable.sshPublicKey].flatMap { $0.isEmpty ? nil : $0 } ?? fileInDir("ssh-publickey")
            let passphrase = try value(Variable.sshPassphrase, file: Variable.sshPassphraseFile, dirFile: "ssh-passphrase")
            return GitCredentials(.sshKey(username: username, privateKey: key, publicKey: pub, passphrase: passphrase),
                                  knownHostsFile: knownHosts, caFile: caFile)
        }
        if env[Variable.sshAgent] == "1" {
            return GitCredentials(.sshAgent(username: username), knownHostsFile: knownHosts, caFile: caFile)
        }
        return GitCredentials(.none, knownHostsFile: knownHosts, caFile: caFile)
    }

    private static func readSecret(_ path: String, source: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GitError.invalidCredentials(source: source, reason: "cannot read \(path)")
        }
        var text = String(decoding: data, as: UTF8.self)
        while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
        guard !text.isEmpty else { throw GitError.invalidCredentials(source: source, reason: "\(path) is empty") }
        return text
    }
}
