import Foundation

/// How an overlay build reads files: the local file system, or anything else that can hand over
/// bytes (a git revision's tree), so the build itself stays free of I/O.
public struct OverlayFiles: Sendable {
    /// The file's bytes, or nil when there is no such file.
    public var read: @Sendable (String) throws -> [UInt8]?
    public var isDirectory: @Sendable (String) -> Bool

    public init(read: @escaping @Sendable (String) throws -> [UInt8]?, isDirectory: @escaping @Sendable (String) -> Bool) {
        self.read = read
        self.isDirectory = isDirectory
    }

    /// The local file system.
    public static let local = OverlayFiles(
        read: { path in
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue else { return nil }
            return FileManager.default.contents(atPath: path).map { Array($0) }
        },
        isDirectory: { path in
            var isDir: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
        })

    /// Whether `path` (already joined) lies in or below `directory`, kustomize's rule for the
    /// files a kustomization may read (other kustomizations may be anywhere).
    static func isWithin(_ path: String, _ directory: String) -> Bool {
        let root = join(directory, ".")
        return root == "." ? !path.hasPrefix("..") && !path.hasPrefix("/") : (path == root || path.hasPrefix(root == "/" ? "/" : root + "/"))
    }

    /// `path` relative to `directory` (absolute paths stay as they are), with `.` and `..` folded:
    /// how a kustomization names the files it reads.
    public static func join(_ directory: String, _ path: String) -> String {
        let combined = path.hasPrefix("/") ? path : (directory.isEmpty ? path : directory + "/" + path)
        var parts: [Substring] = []
        for part in combined.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        return combined.hasPrefix("/") ? "/" + joined : (joined.isEmpty ? "." : joined)
    }
}
