import CGit2
import Foundation

/// What to commit: the edits, the branch they go on, where a new branch starts, the message
/// and (optionally) explicit identities.
public struct CommitRequest: Sendable {
    public var changes: ChangeSet
    /// The target branch (short name, e.g. `shipshape/backend-memory`).
    public var branch: String
    /// Where the target branch starts if it does not exist yet (any revision; default HEAD).
    public var base: String?
    public var message: CommitMessage
    /// Explicit author; nil resolves `GIT_AUTHOR_*`, then configuration (see `CommitIdentity`).
    public var author: CommitIdentity?
    /// Explicit committer; nil resolves `GIT_COMMITTER_*`, then configuration.
    public var committer: CommitIdentity?
    /// The environment identities are read from (default: the process environment).
    public var environment: [String: String]
    /// How many times to rebuild the commit if the branch moves underneath (compare-and-swap).
    public var maxAttempts: Int
    /// A trailer key (e.g. `Shipshape-Recommend`) that marks the commits a tool made on the
    /// branch. When every commit the existing branch has beyond `base` carries it (no person
    /// added to the branch) and `supersede` is set, the new commit is built on `base` and
    /// replaces them, as review bots update an open pull request, instead of stacking on top.
    public var ownTrailer: String?
    public var supersede: Bool
    /// The revision the written files were read from (e.g. `HEAD`, when they come from the work
    /// tree). When a person has committed to the branch (a commit without `ownTrailer`), edits
    /// are recorded against it, so they merge 3-way onto the branch and keep that person's
    /// lines (a line both changed is a conflict error) instead of overwriting them.
    public var derivedFrom: String?

    public init(changes: ChangeSet, branch: String, base: String? = nil, message: CommitMessage,
                author: CommitIdentity? = nil, committer: CommitIdentity? = nil,
                environment: [String: String] = ProcessInfo.processInfo.environment, maxAttempts: Int = 25,
                ownTrailer: String? = nil, supersede: Bool = false, derivedFrom: String? = nil) {
        self.changes = changes
        self.branch = branch
        self.base = base
        self.message = message
        self.author = author
        self.committer = committer
        self.environment = environment
        self.maxAttempts = maxAttempts
        self.ownTrailer = ownTrailer
        self.supersede = supersede
        self.derivedFrom = derivedFrom
    }
}

/// What a commit did: the new commit (nil if the edits changed nothing), its parent,
/// whether the branch was created, and how many compare-and-swap attempts it took.
public struct CommitResult: Sendable, Equatable {
    public let branch: String
    public let commit: ObjectID?
    public let parent: ObjectID
    public let createdBranch: Bool
    public let attempts: Int
    /// Paths whose content actually changed in the commit, sorted.
    public let changedPaths: [String]
    /// The branch is checked out in a work tree, whose files and index were left untouched
    /// (run `git reset --keep` there, or commit to a different branch).
    public let branchIsCheckedOut: Bool

    /// True when the edits matched the branch already and no commit was made.
    public var isNoOp: Bool { commit == nil }
}

/// Creates exactly one commit on a branch from in-memory trees, never touching a work tree
/// or index, and publishes it with compare-and-swap on the branch ref.
///
/// If another writer moves the branch between our read and our update, the edits are
/// re-applied onto the new tip (3-way per file) and the swap retried, so no commit is lost.
public struct CommitBuilder {
    let repository: Repository

    public init(_ repository: Repository) { self.repository = repository }

    public func commit(_ request: CommitRequest) throws -> CommitResult {
        try BranchName.validate(request.branch)
        let messageText = try request.message.formatted()
        let refName = BranchName.fullName(request.branch)
        let resolver = RevisionResolver(repository)
        let editor = TreeEditor(repository: repository)
        let configured = CommitIdentity.configured(in: repository)
        let author = try request.author ?? CommitIdentity.resolve(.author, environment: request.environment, configured: configured)
        let committer = try request.committer ?? CommitIdentity.resolve(.committer, environment: request.environment, configured: configured)

        var changes: [FileChange]? = nil
        var attempt = 0
        while true {
            attempt += 1
            let tip = try resolver.referenceTarget(refName)
            var parent = try tip ?? resolver.resolve(request.base ?? "HEAD")
            // Whether the branch holds only this tool's commits beyond the base (nil: no such branch).
            var ownBranch: Bool? = nil
            var superseding = false
            if let tip, let trailer = request.ownTrailer {
                let base = try resolver.resolve(request.base ?? "HEAD")
                ownBranch = try tip == base || onlyCommits(carrying: trailer, from: tip, since: base)
                if request.supersede && ownBranch == true && tip != base {
                    parent = base
                    superseding = true
                }
            }
            let parentTree = try repository.treeID(ofCommit: parent)
            if changes == nil {
                // Record each edit against the tree it was made on: the ancestor for retries.
                let origin = ownBranch == false ? request.derivedFrom : nil
                let originTree = try origin.map { try repository.treeID(ofCommit: resolver.resolve($0)) } ?? parentTree
                changes = try request.changes.paths.map { path in
                    let before = try editor.version(of: path, in: originTree)
                    switch request.changes.edits[path]! {
                    case .delete:
                        return FileChange(path: path, ancestor: before, ours: nil)
                    case .write(let bytes, let executable):
                        let mode: UInt32
                        if let executable {
                            mode = executable ? FileVersion.executableMode : FileVersion.regularMode
                        } else if let before, before.mode == FileVersion.executableMode {
                            mode = FileVersion.executableMode
                        } else {
                            mode = FileVersion.regularMode
                        }
                        return FileChange(path: path, ancestor: before, ours: FileVersion(blob: try repository.writeBlob(bytes), mode: mode))
                    }
                }
            }
            let edits = try editor.rebase(changes!, onto: parentTree, branch: request.branch, commit: "(new)")
            let newTree = try editor.apply(edits, to: parentTree)
            var unchanged = newTree == parentTree
            if superseding, let tip, try repository.treeID(ofCommit: tip) == newTree { unchanged = true }
            if unchanged {
                return CommitResult(branch: request.branch, commit: nil, parent: tip ?? parent, createdBranch: false,
                                    attempts: attempt, changedPaths: [], branchIsCheckedOut: isCheckedOut(request.branch))
            }
            let commit = try repository.createCommit(tree: newTree, parents: [parent], message: messageText,
                                                      author: author, committer: committer)
            let swapped = try repository.compareAndSwap(refName, to: commit, expected: tip,
                                                        reflog: "shipshape: \(request.message.subject)")
            if swapped {
                return CommitResult(branch: request.branch, commit: commit, parent: parent, createdBranch: tip == nil,
                                    attempts: attempt, changedPaths: edits.keys.sorted(),
                                    branchIsCheckedOut: isCheckedOut(request.branch))
            }
            if attempt >= request.maxAttempts {
                throw GitError.concurrentUpdate(ref: refName, attempts: attempt)
            }
            usleep(UInt32.random(in: 500...2_000) * UInt32(min(attempt, 10)))
        }
    }

    /// Whether every commit reachable from `tip` but not from `base` has a `trailer` line.
    private func onlyCommits(carrying trailer: String, from tip: ObjectID, since base: ObjectID) throws -> Bool {
        var all = true
        try repository.walk(from: [tip], hiding: [base]) { id in
            all = CommitMessage.parse(try repository.commitDetails(id).message).value(for: trailer) != nil
            return all
        }
        return all
    }

    private func isCheckedOut(_ branch: String) -> Bool {
        !repository.isBare && repository.currentBranch == BranchName.shortName(branch)
    }
}

extension Repository {
    /// Writes a commit object (no ref is touched) and returns its id.
    func createCommit(tree: ObjectID, parents: [ObjectID], message: String,
                      author: CommitIdentity, committer: CommitIdentity) throws -> ObjectID {
        let authorSig = try author.makeSignature()
        defer { git_signature_free(authorSig) }
        let committerSig = try committer.makeSignature()
        defer { git_signature_free(committerSig) }
        var parentCommits: [OpaquePointer?] = []
        defer { parentCommits.forEach { git_commit_free($0) } }
        for parent in parents {
            var oid = parent.raw
            var commit: OpaquePointer?
            try Libgit2.check(git_commit_lookup(&commit, pointer, &oid), "look up commit", parent.hex)
            parentCommits.append(commit)
        }
        return try withTree(tree) { treePointer in
            var out = git_oid()
            let code = parentCommits.withUnsafeMutableBufferPointer { buffer in
                git_commit_create(&out, pointer, nil, authorSig, committerSig, nil, message, treePointer,
                                  buffer.count, buffer.baseAddress)
            }
            try Libgit2.check(code, "create commit in", displayPath)
            return ObjectID(out)
        }
    }

    /// Points `refName` at `target` only if it still points at `expected` (nil: only if it
    /// does not exist). Returns false when another writer got there first.
    ///
    /// Both cases compare under the ref's lock. "Must not exist" is the all-zero id: libgit2's
    /// `git_reference_create` with `force = 0` checks existence *before* taking the lock, so two
    /// writers creating one branch at once could both pass and the second overwrite the first.
    func compareAndSwap(_ refName: String, to target: ObjectID, expected: ObjectID?, reflog: String) throws -> Bool {
        var ref: OpaquePointer?
        var newOID = target.raw
        var current = expected?.raw ?? git_oid()
        let code = git_reference_create_matching(&ref, pointer, refName, &newOID, 1, &current, reflog)
        if expected == nil, code == GIT_ENOTFOUND.rawValue {
            // Only a libgit2 older than 1.2 reads the all-zero id as a value to look up.
            try Libgit2.check(code, "create reference (needs libgit2 1.2 or later)", refName)
        }
        if code == GIT_EMODIFIED.rawValue || code == GIT_EEXISTS.rawValue || code == GIT_ELOCKED.rawValue
            || code == GIT_ENOTFOUND.rawValue {
            return false
        }
        try Libgit2.check(code, "update reference", refName)
        git_reference_free(ref)
        return true
    }
}
