/// A commit was made, and a step after it failed (updating the index, pushing). The commit
/// stands: callers must not restore files as if nothing had been committed, or the work tree
/// would silently revert HEAD.
public struct CommittedButFailed: Error, CustomStringConvertible, Sendable {
    public enum Step: Sendable, Equatable {
        case index
        case push(remote: String)
    }

    /// The commit's short id.
    public let commit: String
    public let branch: String
    public let step: Step
    public let underlying: any Error

    public var description: String {
        switch step {
        case .index:
            return "committed \(commit) on \(branch), but the index could not be updated: \(underlying). The commit stands; "
                + "remove a stale .git/index.lock if no git command is running, then run `git reset -q` to match the index to it"
        case .push(let remote):
            return "committed \(commit) on \(branch), but the push failed: \(underlying). The commit stands; "
                + "push it later with `git push \(remote) \(branch)`"
        }
    }
}
