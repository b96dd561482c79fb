/// Every failure GitStore reports, typed so callers can react (retry, re-fetch, ask a human).
///
/// Each case names the place — repository path, remote URL (userinfo stripped), ref, revision
/// or credential method — and no case ever carries a password, token or key.
public enum GitError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No git repository at (or, when discovering, above) `path`.
    case repositoryNotFound(path: String)
    /// `revision` names no commit in the repository at `repository`.
    case revisionNotFound(repository: String, revision: String)
    /// `path` does not exist in the tree of `revision`.
    case pathNotFound(revision: String, path: String)
    /// A repository path that git cannot store (absolute, `..`, `.git`, empty component…).
    case invalidPath(path: String, reason: String)
    /// A branch or ref name git refuses.
    case invalidReferenceName(name: String)
    /// A commit message that cannot be formatted or parsed as subject, body and trailers.
    case invalidMessage(reason: String)
    /// A named remote that the repository does not configure.
    case remoteNotFound(repository: String, remote: String)
    /// The server refused the credentials sent with `method`.
    case authenticationFailed(remote: String, method: CredentialMethod)
    /// The server asked for credentials of the `offered` kinds, and none are configured.
    case authenticationRequired(remote: String, offered: [CredentialMethod])
    /// The server's TLS certificate or SSH host key could not be verified.
    case hostVerificationFailed(remote: String, host: String, reason: String)
    /// This libgit2 build cannot speak the remote's transport (e.g. no SSH support).
    case unsupportedTransport(remote: String, scheme: String, reason: String)
    /// The remote rejected an update of `ref` (a non-fast-forward, a hook, a protected branch).
    case pushRejected(remote: String, ref: String, reason: String)
    /// Shipshape's commits could not be replayed: these files changed on both sides.
    case conflict(branch: String, commit: String, paths: [String])
    /// Local commits on `branch` that Shipshape did not make and so will not replay.
    case foreignCommits(branch: String, commits: [String])
    /// The branch kept moving under us; gave up after `attempts` compare-and-swap retries.
    case concurrentUpdate(ref: String, attempts: Int)
    /// Credentials configured in the environment or a mounted file are unusable.
    case invalidCredentials(source: String, reason: String)
    /// The operation was cancelled by the caller's progress handler.
    case cancelled(operation: String, subject: String)
    /// A file-system failure around the repository (cache directory, lock, temp file).
    case io(path: String, reason: String)
    /// Any other libgit2 failure: the operation, what it acted on, libgit2's code and message.
    case libgit2(operation: String, subject: String, code: Int32, message: String)

    public var description: String {
        switch self {
        case .repositoryNotFound(let path):
            return "no git repository at or above \(path)"
        case .revisionNotFound(let repo, let rev):
            return "revision '\(rev)' not found in repository \(repo)"
        case .pathNotFound(let rev, let path):
            return "path '\(path)' not found at revision \(rev)"
        case .invalidPath(let path, let reason):
            return "invalid repository path '\(path)': \(reason)"
        case .invalidReferenceName(let name):
            return "invalid branch or reference name '\(name)'"
        case .invalidMessage(let reason):
            return "invalid commit message: \(reason)"
        case .remoteNotFound(let repo, let remote):
            return "remote '\(remote)' is not configured in repository \(repo)"
        case .authenticationFailed(let remote, let method):
            return "authentication to \(remote) failed using \(method.rawValue) credentials; check \(method.configurationHint)"
        case .authenticationRequired(let remote, let offered):
            let kinds = offered.map(\.rawValue).joined(separator: ", ")
            return "\(remote) requires authentication (\(kinds)) but no credentials are configured; set \(offered.first?.configurationHint ?? "SHIPSHAPE_GIT_TOKEN")"
        case .hostVerificationFailed(let remote, let host, let reason):
            return "could not verify host \(host) of \(remote): \(reason)"
        case .unsupportedTransport(let remote, let scheme, let reason):
            return "cannot use \(scheme) remote \(remote): \(reason)"
        case .pushRejected(let remote, let ref, let reason):
            return "push of \(ref) to \(remote) was rejected: \(reason)"
        case .conflict(let branch, let commit, let paths):
            return "commit \(commit) cannot be replayed onto \(branch): \(paths.joined(separator: ", ")) changed on both sides"
        case .foreignCommits(let branch, let commits):
            return "branch \(branch) has local commits Shipshape did not make (\(commits.joined(separator: ", "))); rebase or push them by hand"
        case .concurrentUpdate(let ref, let attempts):
            return "\(ref) kept changing while committing; gave up after \(attempts) attempts"
        case .invalidCredentials(let source, let reason):
            return "git credentials from \(source) are unusable: \(reason)"
        case .cancelled(let operation, let subject):
            return "\(operation) of \(subject) was cancelled"
        case .io(let path, let reason):
            return "\(path): \(reason)"
        case .libgit2(let operation, let subject, let code, let message):
            return "\(operation) \(subject) failed (libgit2 error \(code)): \(message)"
        }
    }
}

/// How GitStore authenticated, or tried to, against a remote; named in errors, never a secret.
public enum CredentialMethod: String, Sendable, Equatable, Codable {
    case none
    case token
    case basic
    case sshKey = "ssh-key"
    case sshAgent = "ssh-agent"
    case other

    /// Where an operator configures this method (environment variable names).
    public var configurationHint: String {
        switch self {
        case .token: return "SHIPSHAPE_GIT_TOKEN or SHIPSHAPE_GIT_TOKEN_FILE"
        case .basic: return "SHIPSHAPE_GIT_USERNAME and SHIPSHAPE_GIT_PASSWORD (or SHIPSHAPE_GIT_PASSWORD_FILE)"
        case .sshKey: return "SHIPSHAPE_GIT_SSH_KEY and the server's authorized keys"
        case .sshAgent: return "the keys loaded in SSH_AUTH_SOCK"
        case .none, .other: return "SHIPSHAPE_GIT_TOKEN, SHIPSHAPE_GIT_USERNAME/SHIPSHAPE_GIT_PASSWORD or SHIPSHAPE_GIT_SSH_KEY"
        }
    }
}
