import CGit2
import Foundation

/// One commit as history shows it: ids, people, the parsed message (with trailers), and
/// which of the asked-about paths it changed.
public struct CommitInfo: Sendable, Equatable {
    public let id: ObjectID
    public let parents: [ObjectID]
    public let author: CommitIdentity
    public let committer: CommitIdentity
    public let message: CommitMessage
    /// The message exactly as stored.
    public let rawMessage: String
    /// The requested paths this commit changed (empty when no paths were asked for).
    public let touchedPaths: [String]
}

/// What a revert did: the new commit on the branch and the commit it undoes.
public struct RevertResult: Sendable, Equatable {
    public let branch: String
    public let commit: ObjectID
    public let reverted: ObjectID
    public let attempts: Int
}

/// Reads history — which commits touched which paths, with their trailers — and undoes a
/// commit with a revert commit built in memory (`git_revert_commit`), published by CAS.
public struct History {
    let repository: Repository

    public init(_ repository: Repository) { self.repository = repository }

    /// Commits reachable from `revision` that changed any of `paths` (files or directories;
    /// empty = every commit), newest first, at most `limit`. A commit "changed" a path when
    /// the path's tree entry differs from its parent's; a merge only when it differs from
    /// every parent (as `git log` shows merges).
    public func commits(touching paths: [String], from revision: String = "HEAD", limit: Int? = nil) throws -> [CommitInfo] {
        let start = try RevisionResolver(repository).resolve(revision)
        let normalized = paths.map { TreeSnapshot.normalize($0) }
        var result: [CommitInfo] = []
        if let limit, limit <= 0 { return [] }
        try repository.walk(from: [start]) { id in
            let d = try repository.commitDetails(id)
            var touched: [String] = []
            if !normalized.isEmpty {
                for path in normalized {
                    let mine = try entryID(path, tree: d.tree)
                    let parentEntries = try d.parents.map { try entryID(path, tree: repository.treeID(ofCommit: $0)) }
                    let changed = parentEntries.isEmpty ? mine != nil : parentEntries.allSatisfy { $0 != mine }
                    if changed { touched.append(path) }
                }
                if touched.isEmpty { return true }
            }
            result.append(CommitInfo(id: id, parents: d.parents, author: d.author, committer: d.committer,
                                     message: CommitMessage.parse(d.message), rawMessage: d.message, touchedPaths: touched))
            return limit.map { result.count < $0 } ?? true
        }
        return result
    }

    /// One commit's details.
    public func commit(_ revision: String) throws -> CommitInfo {
        let id = try RevisionResolver(repository).resolve(revision)
        let d = try repository.commitDetails(id)
        return CommitInfo(id: id, parents: d.parents, author: d.author, committer: d.committer,
                          message: CommitMessage.parse(d.message), rawMessage: d.message, touchedPaths: [])
    }

    /// Creates one commit on `branch` that undoes `revision`, without touching the work tree.
    /// The message defaults to git's (`Revert "<subject>"` / `This reverts commit <sha>.`)
    /// plus a `Shipshape-Reverts: <sha>` trailer and any `trailers` given.
    public func revert(_ revision: String, on branch: String, trailers: [CommitMessage.Trailer] = [],
                       author: CommitIdentity? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
                       maxAttempts: Int = 25) throws -> RevertResult {
        try BranchName.validate(branch)
        let resolver = RevisionResolver(repository)
        let target = try resolver.resolve(revision)
        let original = try commit(target.hex)
        let message = CommitMessage(subject: "Revert \"\(original.message.subject)\"",
                                    body: "This reverts commit \(target.hex).",
                                    trailers: [.shipshape("Reverts", target.hex)] + trailers)
        let text = try message.formatted()
        let refName = BranchName.fullName(branch)
        let configured = CommitIdentity.configured(in: repository)
        let authorIdentity = try author ?? CommitIdentity.resolve(.author, environment: environment, configured: configured)
        let committer = try CommitIdentity.resolve(.committer, environment: environment, configured: configured)

        for attempt in 1...max(1, maxAttempts) {
            guard let tip = try resolver.referenceTarget(refName) else {
                throw GitError.revisionNotFound(repository: repository.displayPath, revision: branch)
            }
            let tree = try revertedTree(of: target, onto: tip, branch: branch)
            let commit = try repository.createCommit(tree: tree, parents: [tip], message: text,
                                                     author: authorIdentity, committer: committer)
            if try repository.compareAndSwap(refName, to: commit, expected: tip, reflog: "shipshape: revert \(target.short)") {
                return RevertResult(branch: branch, commit: commit, reverted: target, attempts: attempt)
            }
        }
        throw GitError.concurrentUpdate(ref: refName, attempts: maxAttempts)
    }

    private func revertedTree(of target: ObjectID, onto tip: ObjectID, branch: String) throws -> ObjectID {
        try repository.withCommit(target) { targetCommit in
            try repository.withCommit(tip) { tipCommit in
                var index: OpaquePointer?
                try Libgit2.check(git_revert_commit(&index, repository.pointer, targetCommit, tipCommit, 0, nil),
                                  "revert", target.hex)
                defer { git_index_free(index) }
                if git_index_has_conflicts(index) != 0 {
                    var paths = Set<String>()
                    for i in 0..<git_index_entrycount(index) {
                        guard let entry = git_index_get_byindex(index, i)?.pointee else { continue }
                        if (entry.flags & 0x3000) >> 12 != 0 { paths.insert(String(cString: entry.path)) }
                    }
                    throw GitError.conflict(branch: branch, commit: target.short, paths: paths.sorted())
                }
                var tree = git_oid()
                try Libgit2.check(git_index_write_tree_to(&tree, index, repository.pointer), "write reverted tree of", target.hex)
                return ObjectID(tree)
            }
        }
    }

    private func entryID(_ path: String, tree: ObjectID) throws -> ObjectID? {
        if path.isEmpty { return tree }
        return try repository.withTree(tree) { root in
            var entry: OpaquePointer?
            let code = git_tree_entry_bypath(&entry, root, path)
            if code == GIT_ENOTFOUND.rawValue { return nil }
            try Libgit2.check(code, "look up path", path)
            defer { git_tree_entry_free(entry) }
            return ObjectID(git_tree_entry_id(entry))
        }
    }
}
