import Foundation
import GitStore

/// Where an environment's revisions come from: a local repository (a path, resolved against
/// the folder of shipshape.yaml), or a remote URL mirrored into the cache directory and
/// fetched once, when the source is made (one run makes one source, so one fetch per run
/// however often it asks for the head). Revisions are read as in-memory `TreeSnapshot`s.
public final class RevisionSource: @unchecked Sendable {
    public let repository: Repository
    public let branch: String
    /// The remote URL when the repository is a mirror of one (the in-cluster case), else nil.
    public let remote: String?

    /// `location` is `environment.repository`; `base` the folder relative paths start from;
    /// `cacheDirectory` where remote mirrors live (see `CacheDirectory`).
    public init(location: String, branch: String, base: String, cacheDirectory: String = CacheDirectory.resolve(),
                credentials: GitCredentials? = nil) throws {
        self.branch = branch
        if Self.isRemote(location) {
            let cache = RemoteCache(root: (cacheDirectory as NSString).appendingPathComponent("git"))
            let (repo, _) = try cache.sync(url: location, options: FetchOptions(credentials: try credentials ?? GitCredentials.fromEnvironment()))
            repository = repo
            remote = location
        } else {
            let path = location.hasPrefix("/") ? location : (base as NSString).appendingPathComponent(location)
            repository = try Repository.discover(containing: path)
            remote = nil
        }
    }

    /// Whether `location` names a remote repository (a URL or `git@host:path`) rather than a path.
    public static func isRemote(_ location: String) -> Bool { location.contains("://") || location.hasPrefix("git@") }

    /// The branch's head commit (as fetched when the source was made, for remote sources).
    public func head() throws -> ObjectID {
        guard let tip = try RevisionResolver(repository).branchTip(branch) else {
            throw EnvironmentError("\(repository.displayPath): no branch \(branch) (environments.*.source.branch in shipshape.yaml, or SHIPSHAPE_BRANCH)")
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

    /// The branch head's tree, as a `FileTree` to render from.
    public func headTree() throws -> RevisionTree { RevisionTree(try snapshot(try head())) }

    /// The subject line of a commit, for history and logs; nil when unknown here.
    public func subject(_ revision: String) -> String? {
        (try? History(repository).commit(revision))?.message.subject
    }
}
