import CGit2

extension Repository {
    /// Commits reachable from `tips` but not from `hidden`, newest first (or oldest first with
    /// `oldestFirst`), in topological order with commit-time tie-breaks.
    func walk(from tips: [ObjectID], hiding hidden: [ObjectID] = [], oldestFirst: Bool = false,
              body: (ObjectID) throws -> Bool) throws {
        var walker: OpaquePointer?
        try Libgit2.check(git_revwalk_new(&walker, pointer), "walk history of", displayPath)
        defer { git_revwalk_free(walker) }
        var mode = GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue
        if oldestFirst { mode |= GIT_SORT_REVERSE.rawValue }
        try Libgit2.check(git_revwalk_sorting(walker, mode), "sort history of", displayPath)
        for tip in tips {
            var oid = tip.raw
            try Libgit2.check(git_revwalk_push(walker, &oid), "walk from", tip.hex)
        }
        for h in hidden {
            var oid = h.raw
            try Libgit2.check(git_revwalk_hide(walker, &oid), "hide", h.hex)
        }
        var next = git_oid()
        while true {
            let code = git_revwalk_next(&next, walker)
            if code == GIT_ITEROVER.rawValue { return }
            try Libgit2.check(code, "walk history of", displayPath)
            if try !body(ObjectID(next)) { return }
        }
    }

    /// The files that differ between two trees (nil = empty tree), as replayable changes.
    func fileChanges(from old: ObjectID?, to new: ObjectID) throws -> [FileChange] {
        func lookupTree(_ id: ObjectID?) throws -> OpaquePointer? {
            guard let id else { return nil }
            var oid = id.raw
            var tree: OpaquePointer?
            try Libgit2.check(git_tree_lookup(&tree, pointer, &oid), "look up tree", id.hex)
            return tree
        }
        let oldTree = try lookupTree(old)
        defer { git_tree_free(oldTree) }
        let newTree = try lookupTree(new)
        defer { git_tree_free(newTree) }
        var diff: OpaquePointer?
        try Libgit2.check(git_diff_tree_to_tree(&diff, pointer, oldTree, newTree, nil), "diff trees", "\(old?.short ?? "empty")..\(new.short)")
        defer { git_diff_free(diff) }
        var changes: [FileChange] = []
        for i in 0..<git_diff_num_deltas(diff) {
            guard let delta = git_diff_get_delta(diff, i)?.pointee else { continue }
            func version(_ file: git_diff_file) -> FileVersion? {
                guard git_oid_is_zero([file.id]) == 0 else { return nil }
                return FileVersion(blob: ObjectID(file.id), mode: UInt32(file.mode))
            }
            let path = String(cString: (delta.new_file.path ?? delta.old_file.path)!)
            switch delta.status {
            case GIT_DELTA_ADDED:
                changes.append(FileChange(path: path, ancestor: nil, ours: version(delta.new_file)))
            case GIT_DELTA_DELETED:
                changes.append(FileChange(path: path, ancestor: version(delta.old_file), ours: nil))
            default:
                changes.append(FileChange(path: path, ancestor: version(delta.old_file), ours: version(delta.new_file)))
            }
        }
        return changes
    }

    /// A commit's raw message, author and committer.
    func commitDetails(_ id: ObjectID) throws -> (message: String, author: CommitIdentity, committer: CommitIdentity, parents: [ObjectID], tree: ObjectID) {
        try withCommit(id) { commit in
            let message = git_commit_message_raw(commit).map { String(cString: $0) } ?? ""
            let parents = (0..<git_commit_parentcount(commit)).compactMap { git_commit_parent_id(commit, $0).map { ObjectID($0) } }
            return (message, CommitIdentity(git_commit_author(commit)), CommitIdentity(git_commit_committer(commit)),
                    parents, ObjectID(git_commit_tree_id(commit)))
        }
    }
}
