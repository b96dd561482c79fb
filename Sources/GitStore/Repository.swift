import CGit2
import Foundation

/// An open git repository (bare or with a work tree), owning one libgit2 handle.
///
/// Not `Sendable`: libgit2 handles must not be shared between threads, so each thread (or
/// task) opens its own `Repository` — opening is cheap, and refs/objects are shared on disk.
public final class Repository {
    let pointer: OpaquePointer

    /// The `.git` directory (or the bare repository directory), with a trailing slash.
    public let gitDirectory: String

    /// The work tree directory, or nil for a bare repository.
    public let workTree: String?

    /// A short, printable name for errors: the work tree, else the git directory.
    public var displayPath: String { workTree ?? gitDirectory }

    public var isBare: Bool { workTree == nil }

    init(pointer: OpaquePointer) {
        self.pointer = pointer
        gitDirectory = String(cString: git_repository_path(pointer))
        if let wd = git_repository_workdir(pointer) { workTree = String(cString: wd) } else { workTree = nil }
    }

    deinit { git_repository_free(pointer) }

    /// Opens the repository at exactly `path` (a work tree, its `.git`, or a bare repository).
    public convenience init(at path: String) throws {
        Libgit2.ensureInitialized()
        var out: OpaquePointer?
        let code = git_repository_open_ext(&out, path, GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue, nil)
        guard code == 0, let repo = out else {
            if code == GIT_ENOTFOUND.rawValue { throw GitError.repositoryNotFound(path: path) }
            try Libgit2.check(code, "open repository", path)
            throw GitError.repositoryNotFound(path: path)
        }
        self.init(pointer: repo)
    }

    /// Opens the repository that contains `path` (a file or directory inside a work tree),
    /// searching parent directories the way `git` does.
    public static func discover(containing path: String) throws -> Repository {
        Libgit2.ensureInitialized()
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var start = absolute
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: start, isDirectory: &isDirectory) || !isDirectory.boolValue {
            start = (absolute as NSString).deletingLastPathComponent
        }
        var out: OpaquePointer?
        let code = git_repository_open_ext(&out, start, 0, nil)
        guard code == 0, let repo = out else {
            if code == GIT_ENOTFOUND.rawValue { throw GitError.repositoryNotFound(path: path) }
            try Libgit2.check(code, "open repository containing", path)
            throw GitError.repositoryNotFound(path: path)
        }
        return Repository(pointer: repo)
    }

    /// Creates (or reopens) a repository at `path`; `bare` for caches and remotes.
    public static func create(at path: String, bare: Bool) throws -> Repository {
        Libgit2.ensureInitialized()
        var out: OpaquePointer?
        try Libgit2.check(git_repository_init(&out, path, bare ? 1 : 0), "initialise repository", path)
        return Repository(pointer: out!)
    }

    /// The repository-relative path (forward slashes) of a file inside the work tree.
    public func relativePath(of file: String) throws -> String {
        guard let workTree else {
            throw GitError.invalidPath(path: file, reason: "repository \(gitDirectory) is bare and has no work tree")
        }
        let absolute = URL(fileURLWithPath: file).standardizedFileURL.resolvingSymlinksInPath().path
        let root = URL(fileURLWithPath: workTree).standardizedFileURL.resolvingSymlinksInPath().path
        let prefix = root.hasSuffix("/") ? root : root + "/"
        guard absolute.hasPrefix(prefix) else {
            throw GitError.invalidPath(path: file, reason: "outside the work tree \(workTree)")
        }
        return String(absolute.dropFirst(prefix.count))
    }

    /// The branch HEAD points at (`main`), or nil when HEAD is detached or unborn.
    public var currentBranch: String? {
        var ref: OpaquePointer?
        guard git_repository_head(&ref, pointer) == 0, let ref else { return nil }
        defer { git_reference_free(ref) }
        guard git_reference_is_branch(ref) == 1, let name = git_reference_shorthand(ref) else { return nil }
        return String(cString: name)
    }

    /// The URL configured for `remote`, as `RemoteURL` (print only its `redacted` form).
    public func remoteURL(_ remote: String) throws -> RemoteURL {
        try withRemote(remote) { RemoteURL(String(cString: git_remote_url($0))) }
    }

    /// Adds (or repoints) a named remote.
    public func setRemote(_ name: String, url: String) throws {
        var remote: OpaquePointer?
        if git_remote_lookup(&remote, pointer, name) == 0 {
            git_remote_free(remote)
            try Libgit2.check(git_remote_set_url(pointer, name, url), "set url of remote", name)
            return
        }
        try Libgit2.check(git_remote_create(&remote, pointer, name, url), "create remote", name)
        git_remote_free(remote)
    }

    // MARK: - Scoped libgit2 objects (always freed)

    func withRemote<T>(_ name: String, _ body: (OpaquePointer) throws -> T) throws -> T {
        var remote: OpaquePointer?
        let code = git_remote_lookup(&remote, pointer, name)
        if code == GIT_ENOTFOUND.rawValue || code == GIT_EINVALIDSPEC.rawValue {
            throw GitError.remoteNotFound(repository: displayPath, remote: name)
        }
        try Libgit2.check(code, "look up remote", name)
        defer { git_remote_free(remote) }
        return try body(remote!)
    }

    func withCommit<T>(_ id: ObjectID, _ body: (OpaquePointer) throws -> T) throws -> T {
        var oid = id.raw
        var commit: OpaquePointer?
        try Libgit2.check(git_commit_lookup(&commit, pointer, &oid), "look up commit", id.hex)
        defer { git_commit_free(commit) }
        return try body(commit!)
    }

    func withTree<T>(_ id: ObjectID, _ body: (OpaquePointer) throws -> T) throws -> T {
        var oid = id.raw
        var tree: OpaquePointer?
        try Libgit2.check(git_tree_lookup(&tree, pointer, &oid), "look up tree", id.hex)
        defer { git_tree_free(tree) }
        return try body(tree!)
    }

    /// The tree id of a commit.
    func treeID(ofCommit id: ObjectID) throws -> ObjectID {
        try withCommit(id) { ObjectID(git_commit_tree_id($0)) }
    }

    /// The parents of a commit, in order.
    func parents(of id: ObjectID) throws -> [ObjectID] {
        try withCommit(id) { commit in
            (0..<git_commit_parentcount(commit)).compactMap { i in
                git_commit_parent_id(commit, i).map { ObjectID($0) }
            }
        }
    }

    /// True when `ancestor` is reachable from `descendant` (or equal to it).
    func isAncestor(_ ancestor: ObjectID, of descendant: ObjectID) throws -> Bool {
        if ancestor == descendant { return true }
        var a = ancestor.raw, d = descendant.raw
        let code = git_graph_descendant_of(pointer, &d, &a)
        try Libgit2.check(code, "compare history of", "\(descendant.short) and \(ancestor.short)")
        return code == 1
    }

    /// Reads a blob's bytes.
    func blobData(_ id: ObjectID) throws -> [UInt8] {
        var oid = id.raw
        var blob: OpaquePointer?
        try Libgit2.check(git_blob_lookup(&blob, pointer, &oid), "read blob", id.hex)
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let raw = git_blob_rawcontent(blob) else { return [] }
        return Array(UnsafeRawBufferPointer(start: raw, count: size))
    }

    /// Writes bytes as a blob and returns its id.
    func writeBlob(_ bytes: [UInt8]) throws -> ObjectID {
        var oid = git_oid()
        let code = bytes.withUnsafeBytes { git_blob_create_from_buffer(&oid, pointer, $0.baseAddress, $0.count) }
        try Libgit2.check(code, "write blob in", displayPath)
        return ObjectID(oid)
    }
}
