import Charts
import Foundation

/// The files on disk under `root` (the folder of shipshape.yaml, or the current directory
/// for `render` and `check`). Relative paths start at `root`; absolute paths stay as they are.
public struct WorkTree: FileTree {
    public let root: String

    public init(root: String = FileManager.default.currentDirectoryPath) { self.root = root }

    public var name: String { root }

    /// The path on disk of the tree path `path`.
    public func location(of path: String) -> String {
        if path.hasPrefix("/") || root.isEmpty || root == "." { return path }
        return path.isEmpty || path == "." ? root : (root as NSString).appendingPathComponent(path)
    }

    public func read(_ path: String) throws -> [UInt8]? {
        let file = location(of: path)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDir), !isDir.boolValue else { return nil }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw EnvironmentError("\(file): cannot read the file (check its permissions)")
        }
        return Array(data)
    }

    /// Throws when `path` resolves (through symlinks) to a place outside the tree's root.
    func checkInside(_ path: String) throws {
        let file = location(of: path)
        guard FileManager.default.fileExists(atPath: file) else { return }
        let rootURL = URL(fileURLWithPath: root.isEmpty ? "." : root).standardizedFileURL
        let rootReal = rootURL.resolvingSymlinksInPath().path
        let lexical = URL(fileURLWithPath: file).standardizedFileURL
        let real = lexical.resolvingSymlinksInPath().path
        func inside(_ p: String, _ r: String) -> Bool { p == r || p.hasPrefix(r == "/" ? "/" : r + "/") }
        // A path named outside the tree (`--overlay /elsewhere`) is the engineer's choice; what
        // is refused is a path inside the tree whose symlinks lead out of it.
        guard inside(lexical.path, rootURL.path) || inside(lexical.path, rootReal) else { return }
        guard inside(real, rootReal) else {
            throw EnvironmentError("\(path): security; file '\(real)' is not in or below '\(rootReal)' (a symlink leads out of the repository; kustomize refuses it too)")
        }
    }

    public func entries(in directory: String) throws -> [ChartFileEntry]? {
        guard isDirectory(directory) else { return nil }
        return try DirectoryFileSource(path: location(of: directory)).entries(in: "")
    }

    public func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: location(of: path), isDirectory: &isDir) && isDir.boolValue
    }

    /// A chart folder (symbolic links followed, as Helm does) or a packaged chart (`.tgz`).
    public func loadChart(at path: String) throws -> Chart {
        if path.hasSuffix(".tgz") || path.hasSuffix(".tar.gz") { return try ChartArchive.load(path: location(of: path)) }
        return try ChartLoader(source: DirectoryFileSource(path: location(of: path)), displayPath: path).load()
    }
}
