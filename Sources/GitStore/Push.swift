import CGit2
import Foundation

/// How to push: which remote, credentials, whether to force (never by default), and which
/// commits besides those carrying `Shipshape-` trailers this run made and may replay.
public struct PushOptions {
    public var remote: String
    /// The branch name on the remote (default: the same as the local branch).
    public var remoteBranch: String?
    public var credentials: GitCredentials
    /// Overwrite the remote branch even when that discards its commits. Off unless asked.
    public var force: Bool
    /// Commits this run made; replayable on a non-fast-forward even without trailers.
    public var ownCommits: Set<ObjectID>
    /// Fetch-replay-push rounds before giving up when the remote keeps moving.
    public var maxAttempts: Int

    public init(remote: String = "origin", remoteBranch: String? = nil, credentials: GitCredentials = .none,
                force: Bool = false, ownCommits: Set<ObjectID> = [], maxAttempts: Int = 5) {
        self.remote = remote
        self.remoteBranch = remoteBranch
        self.credentials = credentials
        self.force = force
        self.ownCommits = ownCommits
        self.maxAttempts = maxAttempts
    }
}

/// A commit rewritten onto the remote's new tip during a push.
public struct ReplayedCommit: Sendable, Equatable {
    public let original: ObjectID
    /// The new commit, or nil when the remote already had the same change.
    public let replacement: ObjectID?
}

/// What a push did: the commit the remote branch now points to, what was there before, the
/// commits replayed to get there, and whether there was nothing to push.
public struct PushResult: Sendable, Equatable {
    public let remote: String
    public let branch: String
    public let pushed: ObjectID
    public let previousRemoteTip: ObjectID?
    public let replayed: [ReplayedCommit]
    public let upToDate: Bool
}

extension Repository {
    /// Pushes local `branch` to its remote without ever discarding remote commits (unless
    /// `options.force`). On a non-fast-forward it fetches, replays Shipshape's own commits
    /// onto the remote tip — file by file, 3-way merging files both sides changed — moves the
    /// local branch there (compare-and-swap) and pushes again. Files that cannot be merged
    /// cleanly, or commits Shipshape did not make, stop it with a typed error instead.
    public func push(branch: String, options: PushOptions = PushOptions()) throws -> PushResult {
        try BranchName.validate(branch)
        let localRef = BranchName.fullName(branch)
        let remoteBranch = options.remoteBranch ?? BranchName.shortName(branch)
        let trackingRef = "refs/remotes/\(options.remote)/\(remoteBranch)"
        let url = try remoteURL(options.remote)
        let resolver = RevisionResolver(self)
        var replayed: [ReplayedCommit] = []

        for attempt in 1...max(1, options.maxAttempts) {
            guard let local = try resolver.referenceTarget(localRef) else {
                throw GitError.revisionNotFound(repository: displayPath, revision: branch)
            }
            try fetch(remote: options.remote, refspecs: ["+refs/heads/\(remoteBranch):\(trackingRef)"],
                      options: FetchOptions(credentials: options.credentials, prune: false))
            let remoteTip = try resolver.referenceTarget(trackingRef)

            var toPush = local
            if let remoteTip, !options.force {
                if try remoteTip == local || isAncestor(local, of: remoteTip) {
                    // The remote already has everything; bring the local branch up to it.
                    if remoteTip != local {
                        _ = try compareAndSwap(localRef, to: remoteTip, expected: local, reflog: "shipshape: fast-forward to \(options.remote)")
                    }
                    return PushResult(remote: url.redacted, branch: remoteBranch, pushed: remoteTip,
                                      previousRemoteTip: remoteTip, replayed: replayed, upToDate: true)
                }
                if !(try isAncestor(remoteTip, of: local)) {
                    let (newTip, rounds) = try replay(branch: branch, local: local, onto: remoteTip, options: options)
                    replayed += rounds
                    guard try compareAndSwap(localRef, to: newTip, expected: local, reflog: "shipshape: replay onto \(options.remote)/\(remoteBranch)") else {
                        continue  // someone committed locally meanwhile: start over
                    }
                    toPush = newTip
                    if newTip == remoteTip {
                        return PushResult(remote: url.redacted, branch: remoteBranch, pushed: remoteTip,
                                          previousRemoteTip: remoteTip, replayed: replayed, upToDate: true)
                    }
                }
            }

            switch try upload(localRef: localRef, remoteBranch: remoteBranch, url: url, options: options) {
            case .accepted:
                return PushResult(remote: url.redacted, branch: remoteBranch, pushed: toPush,
                                  previousRemoteTip: remoteTip, replayed: replayed, upToDate: false)
            case .moved(let reason):
                if attempt == options.maxAttempts {
                    throw GitError.pushRejected(remote: url.redacted, ref: "refs/heads/\(remoteBranch)", reason: reason)
                }
            }
        }
        throw GitError.pushRejected(remote: url.redacted, ref: "refs/heads/\(remoteBranch)", reason: "the remote kept moving")
    }

    private enum UploadOutcome { case accepted, moved(String) }

    private func upload(localRef: String, remoteBranch: String, url: RemoteURL, options: PushOptions) throws -> UploadOutcome {
        let session = RemoteSession(url: url, credentials: options.credentials)
        try session.preflight()
        var opts = git_push_options()
        git_push_options_init(&opts, UInt32(GIT_PUSH_OPTIONS_VERSION))
        session.install(into: &opts.callbacks)
        let spec = (options.force ? "+" : "") + "\(localRef):refs/heads/\(remoteBranch)"
        return try withExtendedLifetime(session) {
            try withRemote(options.remote) { remote in
                let code = StringArray([spec]).withGitStrArray { git_remote_push(remote, $0, &opts) }
                if code == GIT_ENONFASTFORWARD.rawValue {
                    return .moved("non-fast-forward")
                }
                if code < 0 { throw session.error(code: code, operation: "push to") }
                if let rejection = session.rejected.first {
                    let reason = rejection.reason
                    let moved = ["non-fast-forward", "fetch first", "stale info", "failed to update ref", "failed to lock"]
                        .contains { reason.contains($0) }
                    if moved { return .moved(reason) }
                    throw GitError.pushRejected(remote: url.redacted, ref: rejection.ref, reason: reason)
                }
                return .accepted
            }
        }
    }

    /// Rewrites the local-only commits onto `remoteTip`, oldest first; returns the new tip.
    private func replay(branch: String, local: ObjectID, onto remoteTip: ObjectID,
                        options: PushOptions) throws -> (ObjectID, [ReplayedCommit]) {
        var pending: [ObjectID] = []
        try walk(from: [local], hiding: [remoteTip], oldestFirst: true) { pending.append($0); return true }
        var foreign: [String] = []
        var details: [ObjectID: (message: String, author: CommitIdentity, committer: CommitIdentity, parents: [ObjectID], tree: ObjectID)] = [:]
        for id in pending {
            let d = try commitDetails(id)
            details[id] = d
            let ours = options.ownCommits.contains(id) || CommitMessage.parse(d.message).isShipshape
            if !ours || d.parents.count != 1 { foreign.append(id.short) }
        }
        if !foreign.isEmpty { throw GitError.foreignCommits(branch: branch, commits: foreign) }

        let editor = TreeEditor(repository: self)
        var tip = remoteTip
        var results: [ReplayedCommit] = []
        for id in pending {
            let d = details[id]!
            let parentTree = try treeID(ofCommit: d.parents[0])
            let changes = try fileChanges(from: parentTree, to: d.tree)
            let tipTree = try treeID(ofCommit: tip)
            let edits = try editor.rebase(changes, onto: tipTree, branch: "\(options.remote)/\(options.remoteBranch ?? branch)", commit: id.short)
            let newTree = try editor.apply(edits, to: tipTree)
            if newTree == tipTree {
                results.append(ReplayedCommit(original: id, replacement: nil))
                continue
            }
            var committer = d.committer
            committer.time = nil
            tip = try createCommit(tree: newTree, parents: [tip], message: d.message, author: d.author, committer: committer)
            results.append(ReplayedCommit(original: id, replacement: tip))
        }
        return (tip, results)
    }
}
