import CGit2
import Foundation

/// The one-call entry point for "commit these file edits on branch B with this message in the
/// repository containing FILE, and optionally push" — what `shipshape values set --commit`
/// and the recommenders use.
///
/// Files are named by file-system path (as the CLI receives them); the repository is found
/// from them. The commit is built in memory; nothing outside the named files' index entries
/// (see `commit`) is touched.
public enum GitStore {
    /// The outcome of `commit`: the commit, and the push if one was asked for.
    public struct Outcome: Sendable, Equatable {
        public let commit: CommitResult
        public let push: PushResult?
    }

    /// Commits `files` (file-system path → edit) as one commit on `branch` (default: the
    /// checked-out branch) of the repository containing them; a missing branch starts at
    /// `base` (default HEAD). With `push`, pushes the branch afterwards (never forced unless
    /// `push.force`), replaying this commit if the remote moved.
    ///
    /// When `branch` is the checked-out branch and a file in the work tree already holds the
    /// committed bytes, its index entry is updated too, so `git status` stays clean.
    public static func commit(files: [String: ChangeSet.Edit], branch: String? = nil, base: String? = nil,
                              message: CommitMessage, push: PushOptions? = nil,
                              environment: [String: String] = ProcessInfo.processInfo.environment,
                              ownTrailer: String? = nil, supersede: Bool = false, derivedFrom: String? = nil) throws -> Outcome {
        guard let first = files.keys.sorted().first else {
            throw GitError.invalidPath(path: "", reason: "no files to commit")
        }
        let repository = try Repository.discover(containing: first)
        var changes = ChangeSet()
        var relative: [String: String] = [:]
        for (file, edit) in files {
            let path = try repository.relativePath(of: file)
            relative[path] = file
            try changes.set(path, edit)
        }
        guard let target = branch ?? repository.currentBranch else {
            throw GitError.invalidReferenceName(name: "HEAD (detached: name a branch with --branch)")
        }
        let result = try CommitBuilder(repository).commit(CommitRequest(
            changes: changes, branch: target, base: base, message: message, environment: environment,
            ownTrailer: ownTrailer, supersede: supersede, derivedFrom: derivedFrom))
        // From here the commit exists: a failure after it must say so, so that no caller
        // "undoes" a change that is already committed (and the work tree then reverts HEAD).
        guard let commit = result.commit else { return Outcome(commit: result, push: nil) }
        do {
            if result.branchIsCheckedOut {
                try repository.syncIndex(paths: result.changedPaths, with: commit, workTreeFiles: relative)
            }
        } catch {
            throw CommittedButFailed(commit: commit.short, branch: result.branch, step: .index, underlying: error)
        }
        do {
            return Outcome(commit: result, push: try publish(result, of: repository, push: push))
        } catch {
            throw CommittedButFailed(commit: commit.short, branch: result.branch, step: .push(remote: push?.remote ?? "origin"), underlying: error)
        }
    }

    /// Commits `changes` (repository-relative paths) as one commit on `branch` of
    /// `repository`, which need not have a work tree (a mirror in the cache directory, as in
    /// the cluster), and optionally pushes it. The arguments mean what they mean for
    /// `commit(files:...)`.
    public static func commit(changes: ChangeSet, in repository: Repository, branch: String, base: String? = nil,
                              message: CommitMessage, push: PushOptions? = nil,
                              environment: [String: String] = ProcessInfo.processInfo.environment,
                              ownTrailer: String? = nil, supersede: Bool = false, derivedFrom: String? = nil) throws -> Outcome {
        let result = try CommitBuilder(repository).commit(CommitRequest(
            changes: changes, branch: branch, base: base, message: message, environment: environment,
            ownTrailer: ownTrailer, supersede: supersede, derivedFrom: derivedFrom))
        return Outcome(commit: result, push: try publish(result, of: repository, push: push))
    }

    /// Pushes the branch of a commit just made, when asked to; its commit may be replayed.
    private static func publish(_ result: CommitResult, of repository: Repository, push: PushOptions?) throws -> PushResult? {
        guard var options = push, let commit = result.commit else { return nil }
        options.ownCommits.insert(commit)
        return try repository.push(branch: result.branch, options: options)
    }

    /// Pushes `branch` of the repository containing `path`.
    public static func push(branch: String? = nil, inRepositoryContaining path: String,
                            options: PushOptions = PushOptions()) throws -> PushResult {
        let repository = try Repository.discover(containing: path)
        guard let target = branch ?? repository.currentBranch else {
            throw GitError.invalidReferenceName(name: "HEAD (detached: name a branch)")
        }
        return try repository.push(branch: target, options: options)
    }
}

extension Repository {
    /// Points the index entries of `paths` at `commit`'s blobs, but only where the work-tree
    /// file already holds exactly those bytes (so no user change is hidden or staged).
    func syncIndex(paths: [String], with commit: ObjectID, workTreeFiles: [String: String]) throws {
        guard let workTree else { return }
        var index: OpaquePointer?
        try Libgit2.check(git_repository_index(&index, pointer), "open index of", displayPath)
        defer { git_index_free(index) }
        let tree = try treeID(ofCommit: commit)
        let editor = TreeEditor(repository: self)
        var changed = false
        for path in paths {
            let file = workTreeFiles[path] ?? (workTree + path)
            let version = try editor.version(of: path, in: tree)
            let onDisk = FileManager.default.contents(atPath: file).map { Array($0) }
            if let version {
                guard let onDisk, onDisk == (try blobData(version.blob)) else { continue }
                try Libgit2.check(git_index_add_bypath(index, path), "stage", path)
                changed = true
            } else if onDisk == nil {
                _ = git_index_remove_bypath(index, path)
                changed = true
            }
        }
        if changed { try Libgit2.check(git_index_write(index), "write index of", displayPath) }
    }
}
