import CGit2

/// Turns what people type — `main`, `v1.2.0`, `origin/main`, a full or short sha, `HEAD~2` —
/// into a commit id, using git's own revision syntax (`git_revparse_single`).
///
/// Tags are peeled to the commit they name, so callers always get a commit.
public struct RevisionResolver {
    let repository: Repository

    public init(_ repository: Repository) { self.repository = repository }

    /// The commit `revision` names, or `GitError.revisionNotFound`.
    public func resolve(_ revision: String) throws -> ObjectID {
        var object: OpaquePointer?
        let code = git_revparse_single(&object, repository.pointer, revision)
        if code == GIT_ENOTFOUND.rawValue || code == GIT_EINVALIDSPEC.rawValue || code == GIT_EAMBIGUOUS.rawValue {
            throw GitError.revisionNotFound(repository: repository.displayPath, revision: revision)
        }
        try Libgit2.check(code, "resolve revision", revision)
        defer { git_object_free(object) }
        var commit: OpaquePointer?
        let peel = git_object_peel(&commit, object, GIT_OBJECT_COMMIT)
        if peel == GIT_ENOTFOUND.rawValue || peel == GIT_EINVALIDSPEC.rawValue || peel == GIT_EAMBIGUOUS.rawValue {
            throw GitError.revisionNotFound(repository: repository.displayPath, revision: revision)
        }
        try Libgit2.check(peel, "peel to a commit", revision)
        defer { git_object_free(commit) }
        return ObjectID(git_object_id(commit))
    }

    /// The tip of local branch `name`, or nil if the branch does not exist.
    public func branchTip(_ name: String) throws -> ObjectID? {
        try referenceTarget(BranchName.fullName(name))
    }

    /// The commit a full ref name (`refs/heads/main`) points to, or nil if it does not exist.
    public func referenceTarget(_ refName: String) throws -> ObjectID? {
        var oid = git_oid()
        let code = git_reference_name_to_id(&oid, repository.pointer, refName)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        if code == GIT_EINVALIDSPEC.rawValue { throw GitError.invalidReferenceName(name: refName) }
        try Libgit2.check(code, "read reference", refName)
        return ObjectID(oid)
    }
}

/// Branch-name rules in one place: short names in, full ref names out, validated by libgit2.
enum BranchName {
    static func fullName(_ name: String) -> String {
        name.hasPrefix("refs/") ? name : "refs/heads/" + name
    }

    static func shortName(_ name: String) -> String {
        name.hasPrefix("refs/heads/") ? String(name.dropFirst("refs/heads/".count)) : name
    }

    static func validate(_ name: String) throws {
        var valid: Int32 = 0
        let code = git_reference_name_is_valid(&valid, fullName(name))
        if code < 0 || valid == 0 { throw GitError.invalidReferenceName(name: name) }
    }
}
