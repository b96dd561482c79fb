import CGit2

/// One revision's tree, read entirely into memory: path → bytes, directory listings, globs.
///
/// Built from the object database only — the work tree and index are never read — so the
/// renderer sees exactly what a commit contains, whatever is checked out.
public struct TreeSnapshot: Sendable {
    /// The commit this tree belongs to.
    public let commit: ObjectID
    /// The root tree id.
    public let tree: ObjectID

    /// How git stores an entry.
    public enum Mode: UInt32, Sendable {
        case regular = 0o100644
        case executable = 0o100755
        case symlink = 0o120000
        case submodule = 0o160000
    }

    /// A file in the tree: mode, blob id and content (a symlink's content is its target;
    /// a submodule has no content here).
    public struct File: Sendable, Equatable {
        public let mode: Mode
        public let blob: ObjectID
        public let bytes: [UInt8]
    }

    /// One name in a directory listing.
    public struct Entry: Sendable, Equatable, Comparable {
        public enum Kind: String, Sendable { case file, directory, symlink, submodule }
        public let name: String
        public let kind: Kind
        public static func < (a: Entry, b: Entry) -> Bool { a.name < b.name }
    }

    let files: [String: File]
    let directories: [String: [Entry]]

    /// Every file path (not directories), sorted byte-wise like git.
    public let paths: [String]

    /// The file at `path`, or nil.
    public func file(_ path: String) -> File? { files[Self.normalize(path)] }

    /// The bytes at `path`, or nil when there is no file there.
    public subscript(path: String) -> [UInt8]? { files[Self.normalize(path)]?.bytes }

    /// The bytes at `path`, or `GitError.pathNotFound`.
    public func contents(of path: String) throws -> [UInt8] {
        guard let file = files[Self.normalize(path)] else {
            throw GitError.pathNotFound(revision: commit.hex, path: path)
        }
        return file.bytes
    }

    /// The file at `path` decoded as UTF-8, or nil.
    public func string(at path: String) -> String? {
        guard let bytes = self[path] else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// True when `path` names a directory ("" is the root).
    public func isDirectory(_ path: String) -> Bool { directories[Self.normalize(path)] != nil }

    /// True when `path` names a file or a directory.
    public func exists(_ path: String) -> Bool { file(path) != nil || isDirectory(path) }

    /// The names directly inside `directory` ("" for the root), sorted; `pathNotFound` if absent.
    public func list(_ directory: String = "") throws -> [Entry] {
        guard let entries = directories[Self.normalize(directory)] else {
            throw GitError.pathNotFound(revision: commit.hex, path: directory)
        }
        return entries
    }

    /// The file paths matching `pattern` (see `PathGlob`), sorted.
    public func glob(_ pattern: String) -> [String] {
        let glob = PathGlob(pattern)
        return paths.filter { glob.matches($0) }
    }

    /// Total bytes of file content held.
    public var byteCount: Int { files.values.reduce(0) { $0 + $1.bytes.count } }

    static func normalize(_ path: String) -> String {
        var p = Substring(path)
        while p.hasPrefix("./") { p = p.dropFirst(2) }
        while p.hasPrefix("/") { p = p.dropFirst() }
        while p.hasSuffix("/") { p = p.dropLast() }
        return p == "." ? "" : String(p)
    }
}

extension TreeSnapshot {
    /// Reads the tree of `revision` (anything `RevisionResolver` accepts) into memory.
    public init(repository: Repository, revision: String) throws {
        let commit = try RevisionResolver(repository).resolve(revision)
        try self.init(repository: repository, commit: commit)
    }

    /// Reads the tree of `commit` into memory, straight from the object database.
    public init(repository: Repository, commit: ObjectID) throws {
        let treeID = try repository.treeID(ofCommit: commit)
        var odb: OpaquePointer?
        try Libgit2.check(git_repository_odb(&odb, repository.pointer), "open object database of", repository.displayPath)
        defer { git_odb_free(odb) }

        var files: [String: File] = [:]
        var directories: [String: [Entry]] = [:]
        try repository.withTree(treeID) { root in
            try Self.walk(root, prefix: "", repository: repository, odb: odb!, files: &files, directories: &directories)
        }
        self.commit = commit
        self.tree = treeID
        self.files = files
        self.directories = directories
        self.paths = files.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    private static func walk(_ tree: OpaquePointer, prefix: String, repository: Repository, odb: OpaquePointer,
                             files: inout [String: File], directories: inout [String: [Entry]]) throws {
        var listing: [Entry] = []
        let count = git_tree_entrycount(tree)
        listing.reserveCapacity(count)
        for i in 0..<count {
            guard let entry = git_tree_entry_byindex(tree, i) else { continue }
            let name = String(cString: git_tree_entry_name(entry))
            let path = prefix.isEmpty ? name : prefix + "/" + name
            let id = ObjectID(git_tree_entry_id(entry))
            let rawMode = UInt32(git_tree_entry_filemode(entry).rawValue)
            switch git_tree_entry_type(entry) {
            case GIT_OBJECT_TREE:
                listing.append(Entry(name: name, kind: .directory))
                try repository.withTree(id) { sub in
                    try walk(sub, prefix: path, repository: repository, odb: odb, files: &files, directories: &directories)
                }
            case GIT_OBJECT_COMMIT:
                listing.append(Entry(name: name, kind: .submodule))
                files[path] = File(mode: .submodule, blob: id, bytes: [])
            default:
                let mode = Mode(rawValue: rawMode) ?? .regular
                listing.append(Entry(name: name, kind: mode == .symlink ? .symlink : .file))
                files[path] = File(mode: mode, blob: id, bytes: try readBlob(odb, id, path: path))
            }
        }
        directories[prefix] = listing.sorted()
    }

    private static func readBlob(_ odb: OpaquePointer, _ id: ObjectID, path: String) throws -> [UInt8] {
        var oid = id.raw
        var object: OpaquePointer?
        try Libgit2.check(git_odb_read(&object, odb, &oid), "read blob of", path)
        defer { git_odb_object_free(object) }
        let size = git_odb_object_size(object)
        guard size > 0, let data = git_odb_object_data(object) else { return [] }
        return Array(UnsafeRawBufferPointer(start: data, count: size))
    }
}
