import CGit2
import Foundation

/// How to fetch: credentials, whether to prune refs the remote deleted, and an optional
/// progress handler that can cancel the transfer by returning false.
public struct FetchOptions {
    public var credentials: GitCredentials
    public var prune: Bool
    public var progress: ((TransferProgress) -> Bool)?

    public init(credentials: GitCredentials = .none, prune: Bool = true,
                progress: ((TransferProgress) -> Bool)? = nil) {
        self.credentials = credentials
        self.prune = prune
        self.progress = progress
    }
}

/// What a fetch did: the remote (redacted), the refs it moved, and how much it transferred.
public struct FetchResult: Sendable, Equatable {
    public let remote: String
    public let updates: [RefUpdate]
    public let receivedObjects: Int
    public let receivedBytes: Int
}

extension Repository {
    /// Fetches `refspecs` (default: the remote's configured ones) from a named remote.
    ///
    /// Incremental — only missing objects travel. Objects land in a new pack first and refs are
    /// updated only after it is complete, so an interrupted fetch leaves refs as they were and
    /// the next fetch simply starts again.
    @discardableResult
    public func fetch(remote: String = "origin", refspecs: [String] = [], options: FetchOptions = FetchOptions()) throws -> FetchResult {
        let url = try remoteURL(remote)
        var credentials = options.credentials
        if case .none = credentials.kind, let password = url.password, let user = url.user {
            credentials.kind = .basic(username: user, password: password)
        }
        let session = RemoteSession(url: url, credentials: credentials, progress: options.progress)
        try session.preflight()
        var opts = git_fetch_options()
        git_fetch_options_init(&opts, UInt32(GIT_FETCH_OPTIONS_VERSION))
        opts.prune = options.prune ? GIT_FETCH_PRUNE : GIT_FETCH_NO_PRUNE
        session.install(into: &opts.callbacks)
        return try withExtendedLifetime(session) {
            try withRemote(remote) { handle in
                let code = StringArray(refspecs).withGitStrArray { git_remote_fetch(handle, $0, &opts, "shipshape: fetch") }
                if code < 0 { throw session.error(code: code, operation: "fetch from") }
                let stats = git_remote_stats(handle)!.pointee
                return FetchResult(remote: url.redacted, updates: session.updatedTips,
                                   receivedObjects: Int(stats.received_objects), receivedBytes: Int(stats.received_bytes))
            }
        }
    }
}

/// A directory of bare mirror repositories, one per remote URL, kept up to date by `sync`.
///
/// The reconciler reads revisions from here: the first `sync` of a URL clones it (init +
/// fetch), later ones fetch incrementally. Branches and tags are mirrored, so `main`,
/// `v1.2.0` or a sha resolve exactly as in the remote.
public struct RemoteCache: Sendable {
    public let root: String

    public init(root: String) { self.root = root }

    /// The refspecs of a mirror: every branch and tag, force-updated like `git clone --mirror`.
    public static let mirrorRefspecs = ["+refs/heads/*:refs/heads/*", "+refs/tags/*:refs/tags/*"]

    /// The cache directory for `url`: readable name plus a hash of the redacted URL.
    public func directory(for url: String) -> String {
        let remote = RemoteURL(url)
        let last = remote.redacted.split(whereSeparator: { $0 == "/" || $0 == ":" }).last.map(String.init) ?? "repo"
        let name = String(last.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." ? $0 : "_" })
        let digest = SHA1.hash(Array(remote.redacted.utf8)).prefix(6).map { String(format: "%02x", $0) }.joined()
        let base = name.hasSuffix(".git") ? String(name.dropLast(4)) : name
        return (root as NSString).appendingPathComponent("\(base)-\(digest).git")
    }

    /// Clones `url` into the cache on first use, fetches into it afterwards, and returns the
    /// mirror with what the fetch changed. The URL stored on disk never contains userinfo.
    public func sync(url: String, options: FetchOptions = FetchOptions()) throws -> (Repository, FetchResult) {
        Libgit2.ensureInitialized()
        let dir = directory(for: url)
        do {
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        } catch {
            throw GitError.io(path: root, reason: "cannot create cache directory: \(error.localizedDescription)")
        }
        let remote = RemoteURL(url)
        let repo: Repository
        if FileManager.default.fileExists(atPath: (dir as NSString).appendingPathComponent("HEAD")) {
            repo = try Repository(at: dir)
        } else {
            repo = try Repository.create(at: dir, bare: true)
        }
        try configureMirror(repo, url: remote)
        Self.removeStaleLocks(in: repo.gitDirectory, olderThan: 600)
        var fetchOptions = options
        if case .none = options.credentials.kind, let password = remote.password, let user = remote.user {
            fetchOptions.credentials.kind = .basic(username: user, password: password)
        }
        let result = try repo.fetch(remote: "origin", options: fetchOptions)
        return (repo, result)
    }

    private func configureMirror(_ repo: Repository, url: RemoteURL) throws {
        try repo.setRemote("origin", url: url.redacted)
        var remote: OpaquePointer?
        try Libgit2.check(git_remote_lookup(&remote, repo.pointer, "origin"), "look up remote", "origin")
        defer { git_remote_free(remote) }
        var existing = git_strarray()
        try Libgit2.check(git_remote_get_fetch_refspecs(&existing, remote), "read refspecs of", "origin")
        defer { git_strarray_dispose(&existing) }
        let current = (0..<existing.count).map { String(cString: existing.strings[$0]!) }
        if current != Self.mirrorRefspecs {
            // Rewrite the fetch refspecs of `origin` to the mirror set.
            var config: OpaquePointer?
            try Libgit2.check(git_repository_config(&config, repo.pointer), "open config of", repo.displayPath)
            defer { git_config_free(config) }
            _ = git_config_delete_multivar(config, "remote.origin.fetch", ".*")
            for spec in Self.mirrorRefspecs {
                try Libgit2.check(git_remote_add_fetch(repo.pointer, "origin", spec), "add refspec", spec)
            }
        }
    }

    /// A fetch killed while updating refs can leave `*.lock` files that block the next one;
    /// locks older than `age` seconds belong to no live process and are removed.
    static func removeStaleLocks(in gitDir: String, olderThan age: TimeInterval) {
        let fm = FileManager.default
        let now = Date()
        var candidates = ["packed-refs.lock", "config.lock", "HEAD.lock", "shallow.lock"].map { (gitDir as NSString).appendingPathComponent($0) }
        let refs = (gitDir as NSString).appendingPathComponent("refs")
        if let walker = fm.enumerator(atPath: refs) {
            for case let rel as String in walker where rel.hasSuffix(".lock") {
                candidates.append((refs as NSString).appendingPathComponent(rel))
            }
        }
        for path in candidates {
            guard let attrs = try? fm.attributesOfItem(atPath: path), let modified = attrs[.modificationDate] as? Date else { continue }
            if now.timeIntervalSince(modified) > age { try? fm.removeItem(atPath: path) }
        }
    }
}

/// Swift strings as a `git_strarray` for the duration of a call.
struct StringArray {
    let values: [String]
    init(_ values: [String]) { self.values = values }

    func withGitStrArray<T>(_ body: (UnsafePointer<git_strarray>?) throws -> T) rethrows -> T {
        if values.isEmpty { return try body(nil) }
        var cStrings: [UnsafeMutablePointer<CChar>?] = values.map { strdup($0) }
        defer { cStrings.forEach { free($0) } }
        return try cStrings.withUnsafeMutableBufferPointer { buffer in
            var array = git_strarray(strings: buffer.baseAddress, count: buffer.count)
            return try body(&array)
        }
    }
}
