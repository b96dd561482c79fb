import CGit2

/// A line-level 3-way merge of one file's three versions, via libgit2's `git_merge_file`.
///
/// Returns the merged bytes when the two sides changed different lines, nil when they overlap;
/// nothing is written to the index or work tree.
struct FileMerge {
    let repository: Repository

    func merge(path: String, ancestor: ObjectID, ours: ObjectID, theirs: ObjectID) throws -> [UInt8]? {
        let a = try repository.blobData(ancestor)
        let o = try repository.blobData(ours)
        let t = try repository.blobData(theirs)
        return try Self.merge(path: path, ancestor: a, ours: o, theirs: t)
    }

    /// Merges byte buffers; nil when the merge has conflicts.
    static func merge(path: String, ancestor: [UInt8], ours: [UInt8], theirs: [UInt8]) throws -> [UInt8]? {
        Libgit2.ensureInitialized()
        // A trailing NUL keeps every buffer non-empty, so libgit2 never sees a NULL pointer
        // for an empty file; sizes below exclude it.
        let sizes = (ancestor.count, ours.count, theirs.count)
        return try (ancestor + [0]).withUnsafeBufferPointer { a in
            try (ours + [0]).withUnsafeBufferPointer { o in
                try (theirs + [0]).withUnsafeBufferPointer { t in
                    try path.withCString { cPath in
                        func input(_ buffer: UnsafeBufferPointer<UInt8>, _ size: Int) -> git_merge_file_input {
                            var i = git_merge_file_input()
                            git_merge_file_input_init(&i, UInt32(GIT_MERGE_FILE_INPUT_VERSION))
                            i.ptr = UnsafeRawPointer(buffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                            i.size = size
                            i.path = cPath
                            i.mode = UInt32(GIT_FILEMODE_BLOB.rawValue)
                            return i
                        }
                        var ia = input(a, sizes.0), io = input(o, sizes.1), it = input(t, sizes.2)
                        var result = git_merge_file_result()
                        try Libgit2.check(git_merge_file(&result, &ia, &io, &it, nil), "merge file", path)
                        defer { git_merge_file_result_free(&result) }
                        guard result.automergeable != 0 else { return nil }
                        guard let ptr = result.ptr, result.len > 0 else { return [] }
                        return Array(UnsafeRawBufferPointer(start: ptr, count: result.len))
                    }
                }
            }
        }
    }
}
