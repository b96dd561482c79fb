import CGit2

/// A file as a tree records it: blob id plus mode. Equal versions mean identical files.
struct FileVersion: Equatable, Sendable {
    var blob: ObjectID
    var mode: UInt32

    static let regularMode = UInt32(GIT_FILEMODE_BLOB.rawValue)
    static let executableMode = UInt32(GIT_FILEMODE_BLOB_EXECUTABLE.rawValue)
}

/// One path's change, relative to the tree it was made on: the version before (`ancestor`)
/// and after (`ours`); nil means absent. Replayable on any other tree via `ReplayDecision`.
struct FileChange: Sendable {
    var path: String
    var ancestor: FileVersion?
    var ours: FileVersion?
}

/// Builds new trees from an existing tree plus path edits, with `git_treebuilder`, entirely
/// in the object database: no index file and no work tree are involved.
struct TreeEditor {
    let repository: Repository

    /// The version of `path` in `tree`, or nil when absent (or a directory).
    func version(of path: String, in tree: ObjectID) throws -> FileVersion? {
        try repository.withTree(tree) { root in
            var entry: OpaquePointer?
            let code = git_tree_entry_bypath(&entry, root, path)
            if code == GIT_ENOTFOUND.rawValue { return nil }
            try Libgit2.check(code, "look up path", path)
            defer { git_tree_entry_free(entry) }
            guard git_tree_entry_type(entry) == GIT_OBJECT_BLOB else { return nil }
            return FileVersion(blob: ObjectID(git_tree_entry_id(entry)),
                               mode: UInt32(git_tree_entry_filemode(entry).rawValue))
        }
    }

    /// Rebases `changes` onto `tree` (see `ReplayDecision`): returns the edits to make there
    /// (path → new version, nil = delete), or throws `GitError.conflict` naming every file
    /// that cannot be applied.
    func rebase(_ changes: [FileChange], onto tree: ObjectID, branch: String, commit: String) throws -> [String: FileVersion?] {
        var edits: [String: FileVersion?] = [:]
        var conflicts: [String] = []
        for change in changes {
            let theirs = try version(of: change.path, in: tree)
            switch ReplayDecision.decide(ancestor: change.ancestor, ours: change.ours, theirs: theirs) {
            case .keepTheirs:
                continue
            case .takeOurs:
                edits[change.path] = .some(change.ours)
            case .mergeContent:
                guard let ancestor = change.ancestor, let ours = change.ours, let theirs else {
                    conflicts.append(change.path); continue
                }
                let merged = try FileMerge(repository: repository).merge(
                    path: change.path, ancestor: ancestor.blob, ours: ours.blob, theirs: theirs.blob)
                guard let merged else { conflicts.append(change.path); continue }
                let mode = ours.mode != ancestor.mode ? ours.mode : theirs.mode
                edits[change.path] = .some(FileVersion(blob: try repository.writeBlob(merged), mode: mode))
            case .conflict:
                conflicts.append(change.path)
            }
        }
        if !conflicts.isEmpty {
            throw GitError.conflict(branch: branch, commit: commit, paths: conflicts.sorted())
        }
        return edits
    }

    /// The tree `base` with `edits` applied (nil version = delete). Empty directories vanish.
    func apply(_ edits: [String: FileVersion?], to base: ObjectID?) throws -> ObjectID {
        let split = edits.map { (path, version) in
            (path.split(separator: "/").map(String.init)[...], version)
        }
        return try build(base: base, edits: split, prefix: "", isRoot: true)!
    }

    private func build(base: ObjectID?, edits: [(ArraySlice<String>, FileVersion?)], prefix: String,
                       isRoot: Bool) throws -> ObjectID? {
        var builder: OpaquePointer?
        if let base {
            try repository.withTree(base) { tree in
                try Libgit2.check(git_treebuilder_new(&builder, repository.pointer, tree), "edit tree", prefix.isEmpty ? "/" : prefix)
            }
        } else {
            try Libgit2.check(git_treebuilder_new(&builder, repository.pointer, nil), "create tree", prefix.isEmpty ? "/" : prefix)
        }
        defer { git_treebuilder_free(builder) }

        var nested: [String: [(ArraySlice<String>, FileVersion?)]] = [:]
        for (components, version) in edits {
            let name = components.first!
            let path = prefix.isEmpty ? name : prefix + "/" + name
            if components.count > 1 {
                nested[name, default: []].append((components.dropFirst(), version))
                continue
            }
            let existing = git_treebuilder_get(builder, name)
            if let existing, git_tree_entry_type(existing) == GIT_OBJECT_TREE {
                throw GitError.invalidPath(path: path, reason: "is a directory in the tree")
            }
            if let version {
                var oid = version.blob.raw
                try Libgit2.check(git_treebuilder_insert(nil, builder, name, &oid, git_filemode_t(version.mode)), "insert", path)
            } else if existing != nil {
                try Libgit2.check(git_treebuilder_remove(builder, name), "remove", path)
            }
        }
        for name in nested.keys.sorted() {
            let path = prefix.isEmpty ? name : prefix + "/" + name
            var subtree: ObjectID? = nil
            if let existing = git_treebuilder_get(builder, name) {
                guard git_tree_entry_type(existing) == GIT_OBJECT_TREE else {
                    throw GitError.invalidPath(path: path, reason: "is a file in the tree, not a directory")
                }
                subtree = ObjectID(git_tree_entry_id(existing))
            }
            if let newSubtree = try build(base: subtree, edits: nested[name]!, prefix: path, isRoot: false) {
                var oid = newSubtree.raw
                try Libgit2.check(git_treebuilder_insert(nil, builder, name, &oid, GIT_FILEMODE_TREE), "insert", path)
            } else if subtree != nil {
                try Libgit2.check(git_treebuilder_remove(builder, name), "remove", path)
            }
        }
        if !isRoot && git_treebuilder_entrycount(builder) == 0 { return nil }
        var out = git_oid()
        try Libgit2.check(git_treebuilder_write(&out, builder), "write tree", prefix.isEmpty ? "/" : prefix)
        return ObjectID(out)
    }
}
