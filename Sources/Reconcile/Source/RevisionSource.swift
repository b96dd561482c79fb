import Foundation
import GitStore

/// Where an environment's revisions come from: a local repository (a path, resolved against
/// the folder of shipshape.yaml), or a remote URL mirrored into a cache and fetched once, when
/// the source is made (one run makes one source, so one fetch per run however often it asks
/// for the head). Revisions are read as in-memory `TreeSnapshot`s.
public final class RevisionSource: @unchecked Sendable {
    public let repository: Repository
    public let branch: String

    /// `location` is `environment.repository`; `base` the folder relative paths start from.
    public init(location: String, branch: String, base: String, cacheRoot: String? = nil) throws {
        self.branch = branch
        if location.contains("://") || location.hasPrefix("git@") {
            let cache = RemoteCache(root: cacheRoot ?? (NSTemporaryDirectory() + "shipshape-git-cache"))
            let (repo, _) = try cache.sync(url: location, options: FetchOptions(credentials: try GitCredentials.fromEnvironment()))
            repository = repo
        } else {
            let path = location.hasPrefix("/") ? location : (base as NSString).appendingPathComponent(location)
            repository = try Repository.discover(containing: path)
        }
    }

    /// The branch's head commit (as fetched when the source was made, for remote sources).
    public func head() throws -> ObjectID {
        guard let tip = try RevisionResolver(repository).branchTip(branch) else {
            throw ReconcileError("\(repository.displayPath): no branch \(branch) (environments.*.source.branch in shipshape.yaml)")
        }
        return tip
    }

    /// The commit a revision names (`main`, a sha, `HEAD~1`).
    public func resolve(_ revision: String) throws -> ObjectID {
        try RevisionResolver(repository).resolve(revision)
    }

    public func snapshot(_ commit: ObjectID) throws -> TreeSnapshot {
        try TreeSnapshot(repository: repository, commit: commit)
    }

    /// The subject line of a commit, for history and logs; nil when unknown here.
    public func subject(_ revision: String) -> String? {
        (try? History(repository).commit(revision))?.message.subject
    }
}
