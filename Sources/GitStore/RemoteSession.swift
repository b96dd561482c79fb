import CGit2
import Foundation

/// Progress of a fetch or push transfer, handed to the caller's progress handler.
public struct TransferProgress: Sendable, Equatable {
    public var totalObjects: Int
    public var receivedObjects: Int
    public var indexedObjects: Int
    public var receivedBytes: Int
}

/// One ref a fetch or push moved: nil `old` means created, nil `new` means deleted.
public struct RefUpdate: Sendable, Equatable {
    public var name: String
    public var old: ObjectID?
    public var new: ObjectID?
}

/// The state of one network operation with libgit2's callbacks attached: it answers
/// credential requests, verifies hosts, reports progress, and records what went wrong so the
/// failure becomes a precise `GitError` rather than libgit2's last message.
///
/// Lives for one operation on one thread; libgit2 gets it as the callbacks' payload.
final class RemoteSession {
    let url: RemoteURL
    let credentials: GitCredentials
    let progress: ((TransferProgress) -> Bool)?

    private(set) var failure: GitError?
    private(set) var cancelled = false
    private(set) var rejected: [(ref: String, reason: String)] = []
    private(set) var updatedTips: [RefUpdate] = []
    private var credentialAttempts = 0
    private var sshUsername: String?

    init(url: RemoteURL, credentials: GitCredentials, progress: ((TransferProgress) -> Bool)? = nil) {
        self.url = url
        self.credentials = credentials
        self.progress = progress
    }

    /// Refuses transports this libgit2 cannot speak, and installs the CA bundle if configured.
    func preflight() throws {
        let features = Libgit2.features
        switch url.scheme {
        case "ssh":
            guard features.contains(.ssh) else {
                throw GitError.unsupportedTransport(remote: url.redacted, scheme: "ssh",
                    reason: "libgit2 \(Libgit2.version) was built without SSH support (git_libgit2_features lacks GIT_FEATURE_SSH); use an https URL with \(GitCredentials.Variable.token)")
            }
        case "https":
            guard features.contains(.https) else {
                throw GitError.unsupportedTransport(remote: url.redacted, scheme: "https",
                    reason: "libgit2 \(Libgit2.version) was built without TLS support")
            }
        case "file", "local", "http", "git":
            break
        default:
            throw GitError.unsupportedTransport(remote: url.redacted, scheme: url.scheme, reason: "unknown URL scheme")
        }
        if url.scheme == "https", let ca = credentials.caFile {
            try TrustStore.shared.use(caFile: ca)
        }
    }

    /// Points `callbacks` at this session. Keep the session alive while libgit2 may call back.
    func install(into callbacks: inout git_remote_callbacks) {
        callbacks.payload = Unmanaged.passUnretained(self).toOpaque()
        callbacks.credentials = { out, _, usernameFromURL, allowed, payload in
            let session = Unmanaged<RemoteSession>.fromOpaque(payload!).takeUnretainedValue()
            return session.acquireCredential(out, usernameFromURL.map { String(cString: $0) }, allowed)
        }
        callbacks.certificate_check = { cert, valid, host, payload in
            let session = Unmanaged<RemoteSession>.fromOpaque(payload!).takeUnretainedValue()
            return session.checkCertificate(cert, valid: valid != 0, host: host.map { String(cString: $0) } ?? "")
        }
        callbacks.transfer_progress = { stats, payload in
            let session = Unmanaged<RemoteSession>.fromOpaque(payload!).takeUnretainedValue()
            guard let stats = stats?.pointee else { return 0 }
            return session.report(TransferProgress(totalObjects: Int(stats.total_objects), receivedObjects: Int(stats.received_objects),
                                                   indexedObjects: Int(stats.indexed_objects), receivedBytes: Int(stats.received_bytes)))
        }
        callbacks.push_update_reference = { ref, status, payload in
            let session = Unmanaged<RemoteSession>.fromOpaque(payload!).takeUnretainedValue()
            if let status, let ref { session.rejected.append((String(cString: ref), String(cString: status))) }
            return 0
        }
        callbacks.update_tips = { ref, old, new, payload in
            let session = Unmanaged<RemoteSession>.fromOpaque(payload!).takeUnretainedValue()
            guard let ref else { return 0 }
            func id(_ p: UnsafePointer<git_oid>?) -> ObjectID? {
                guard let p, git_oid_is_zero(p) == 0 else { return nil }
                return ObjectID(p)
            }
            session.updatedTips.append(RefUpdate(name: String(cString: ref), old: id(old), new: id(new)))
            return 0
        }
    }

    private func report(_ progress: TransferProgress) -> Int32 {
        guard let handler = self.progress else { return 0 }
        if handler(progress) { return 0 }
        cancelled = true
        return GIT_EUSER.rawValue
    }

    private func offered(_ allowed: UInt32) -> [CredentialMethod] {
        var methods: [CredentialMethod] = []
        if allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT.rawValue != 0 { methods += [.token, .basic] }
        if allowed & GIT_CREDENTIAL_SSH_KEY.rawValue != 0 { methods += [.sshKey, .sshAgent] }
        return methods.isEmpty ? [.other] : methods
    }

    private func acquireCredential(_ out: UnsafeMutablePointer<UnsafeMutablePointer<git_credential>?>?, _ usernameFromURL: String?, _ allowed: UInt32) -> Int32 {
        let remote = url.redacted
        // SSH first asks only for a user name when the URL has none.
        if allowed & GIT_CREDENTIAL_USERNAME.rawValue != 0 {
            return git_credential_username_new(out, sshUser(usernameFromURL))
        }
        credentialAttempts += 1
        if credentialAttempts > 1 {
            // libgit2 asks again only after the server refused what we sent.
            failure = .authenticationFailed(remote: remote, method: credentials.method)
            return GIT_EAUTH.rawValue
        }
        switch credentials.kind {
        case .token(let user, let secret), .basic(let user, let secret):
            guard allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT.rawValue != 0 else { break }
            return git_credential_userpass_plaintext_new(out, usernameFromURL ?? user, secret)
        case .sshKey(_, let privateKey, let publicKey, let passphrase):
            guard allowed & GIT_CREDENTIAL_SSH_KEY.rawValue != 0 else { break }
            return git_credential_ssh_key_new(out, sshUser(usernameFromURL), publicKey, privateKey, passphrase)
        case .sshAgent:
            guard allowed & GIT_CREDENTIAL_SSH_KEY.rawValue != 0 else { break }
            return git_credential_ssh_key_from_agent(out, sshUser(usernameFromURL))
        case .none:
            break
        }
        failure = .authenticationRequired(remote: remote, offered: offered(allowed))
        return GIT_EAUTH.rawValue
    }

    private func sshUser(_ fromURL: String?) -> String {
        if let fromURL, !fromURL.isEmpty { return fromURL }
        switch credentials.kind {
        case .sshKey(let user?, _, _, _), .sshAgent(let user?): return user
        default: return url.user ?? "git"
        }
    }

    private func checkCertificate(_ cert: UnsafeMutablePointer<git_cert>?, valid: Bool, host: String) -> Int32 {
        guard let cert else { return GIT_ECERTIFICATE.rawValue }
        let remote = url.redacted
        if cert.pointee.cert_type == GIT_CERT_HOSTKEY_LIBSSH2 {
            let hostkey = UnsafeRawPointer(cert).assumingMemoryBound(to: git_cert_hostkey.self).pointee
            guard hostkey.type.rawValue & GIT_CERT_SSH_RAW.rawValue != 0, let raw = hostkey.hostkey else {
                failure = .hostVerificationFailed(remote: remote, host: host, reason: "libgit2 did not provide the raw host key")
                return GIT_ECERTIFICATE.rawValue
            }
            let key = Array(UnsafeRawBufferPointer(start: raw, count: hostkey.hostkey_len))
            guard let file = credentials.knownHostsFile, let knownHosts = try? KnownHosts(file: file) else {
                failure = .hostVerificationFailed(remote: remote, host: host,
                    reason: "no readable known_hosts file (\(credentials.knownHostsFile ?? "unset")); add the host's key with ssh-keyscan and set \(GitCredentials.Variable.sshKnownHosts)")
                return GIT_ECERTIFICATE.rawValue
            }
            let type = Self.keyType(hostkey.raw_type)
            switch knownHosts.verify(host: url.host ?? host, port: url.port, keyType: type, key: key) {
            case .trusted:
                return 0
            case .mismatch:
                failure = .hostVerificationFailed(remote: remote, host: host,
                    reason: "the \(type) host key does NOT match known_hosts (\(file)); the host may be impersonated")
            case .unknown:
                failure = .hostVerificationFailed(remote: remote, host: host, reason: "no \(type) key for this host in \(file)")
            case .revoked:
                failure = .hostVerificationFailed(remote: remote, host: host, reason: "the host key is marked @revoked in \(file)")
            }
            return GIT_ECERTIFICATE.rawValue
        }
        if valid { return 0 }
        failure = .hostVerificationFailed(remote: remote, host: host,
            reason: "the TLS certificate is not trusted; set \(GitCredentials.Variable.caFile) to the CA bundle that signed it")
        return GIT_ECERTIFICATE.rawValue
    }

    static func keyType(_ raw: git_cert_ssh_raw_type_t) -> String {
        switch raw {
        case GIT_CERT_SSH_RAW_TYPE_RSA: return "ssh-rsa"
        case GIT_CERT_SSH_RAW_TYPE_DSS: return "ssh-dss"
        case GIT_CERT_SSH_RAW_TYPE_KEY_ECDSA_256: return "ecdsa-sha2-nistp256"
        case GIT_CERT_SSH_RAW_TYPE_KEY_ECDSA_384: return "ecdsa-sha2-nistp384"
        case GIT_CERT_SSH_RAW_TYPE_KEY_ECDSA_521: return "ecdsa-sha2-nistp521"
        case GIT_CERT_SSH_RAW_TYPE_KEY_ED25519: return "ssh-ed25519"
        default: return "unknown"
        }
    }

    /// The `GitError` for a failed libgit2 call in this session: what the callbacks recorded
    /// first, then libgit2's code, always with secrets and URL userinfo scrubbed.
    func error(code: Int32, operation: String) -> GitError {
        if let failure { return failure }
        if cancelled { return .cancelled(operation: operation, subject: url.redacted) }
        let message = RemoteURL.scrub(Libgit2.lastErrorMessage(), secrets: credentials.secrets)
        if code == GIT_EAUTH.rawValue || message.contains("authentication") || message.contains("401") {
            return .authenticationFailed(remote: url.redacted, method: credentials.method)
        }
        if code == GIT_ECERTIFICATE.rawValue {
            return .hostVerificationFailed(remote: url.redacted, host: url.host ?? "", reason: message)
        }
        if message.contains("unsupported URL protocol") {
            return .unsupportedTransport(remote: url.redacted, scheme: url.scheme, reason: message)
        }
        return .libgit2(operation: operation, subject: url.redacted, code: code, message: message)
    }
}

/// The CA bundle libgit2's TLS stream trusts is process-wide; this applies it once per path.
final class TrustStore: @unchecked Sendable {
    static let shared = TrustStore()
    private let lock = NSLock()
    private var applied: String?

    func use(caFile: String) throws {
        lock.lock()
        defer { lock.unlock() }
        guard applied != caFile else { return }
        guard FileManager.default.isReadableFile(atPath: caFile) else {
            throw GitError.invalidCredentials(source: GitCredentials.Variable.caFile, reason: "cannot read CA bundle \(caFile)")
        }
        try Libgit2.trustCertificates(file: caFile)
        applied = caFile
    }
}
