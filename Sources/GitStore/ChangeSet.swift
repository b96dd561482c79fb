/// The file edits one commit should make: repository path → new bytes, or deletion.
///
/// Pure data handed to `CommitBuilder`; paths are validated here so nothing invalid reaches
/// libgit2, and iteration is sorted so the same edits always build the same tree.
public struct ChangeSet: Sendable, Equatable {
    /// What happens to one path.
    public enum Edit: Sendable, Equatable {
        /// Write these bytes; `executable` nil keeps an existing file's mode (new files: 0644).
        case write([UInt8], executable: Bool?)
        /// Remove the file (it must exist at the commit's parent).
        case delete
    }

    public private(set) var edits: [String: Edit] = [:]

    public init() {}

    /// A change set from (path, edit) pairs; later pairs for the same path win.
    public init(_ pairs: [(String, Edit)]) throws {
        for (path, edit) in pairs { try set(path, edit) }
    }

    /// Records an edit of `path`, replacing any earlier edit of the same path.
    public mutating func set(_ path: String, _ edit: Edit) throws {
        try Self.validate(path)
        for other in edits.keys where other != path {
            if other.hasPrefix(path + "/") || path.hasPrefix(other + "/") {
                throw GitError.invalidPath(path: path, reason: "conflicts with edit of '\(other)' (a path cannot be both a file and a directory)")
            }
        }
        edits[path] = edit
    }

    /// Writes `bytes` at `path`.
    public mutating func write(_ path: String, _ bytes: [UInt8], executable: Bool? = nil) throws {
        try set(path, .write(bytes, executable: executable))
    }

    /// Writes the UTF-8 of `text` at `path`.
    public mutating func write(_ path: String, _ text: String) throws {
        try set(path, .write(Array(text.utf8), executable: nil))
    }

    /// Deletes `path`.
    public mutating func delete(_ path: String) throws { try set(path, .delete) }

    /// The edited paths, sorted.
    public var paths: [String] { edits.keys.sorted() }

    public var isEmpty: Bool { edits.isEmpty }

    /// Rejects paths git cannot store or that would escape the tree.
    public static func validate(_ path: String) throws {
        if path.isEmpty { throw GitError.invalidPath(path: path, reason: "empty path") }
        if path.hasPrefix("/") { throw GitError.invalidPath(path: path, reason: "must be relative to the repository root") }
        if path.utf8.contains(0) { throw GitError.invalidPath(path: path, reason: "contains a NUL byte") }
        for component in path.split(separator: "/", omittingEmptySubsequences: false) {
            if component.isEmpty { throw GitError.invalidPath(path: path, reason: "empty path component") }
            if component == "." || component == ".." {
                throw GitError.invalidPath(path: path, reason: "'\(component)' components are not allowed")
            }
            if component.lowercased() == ".git" {
                throw GitError.invalidPath(path: path, reason: ".git cannot be written")
            }
        }
    }
}
