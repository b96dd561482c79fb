import Charts
import Overlays

/// The files an environment is rendered from: a work tree on disk or one git revision's tree.
/// Paths are relative to the tree's root (`charts/chatbot/values.yaml`); the chart loader, the
/// overlay build and the policy loader all read through this one protocol, so what render,
/// check, diff, reconcile and recommend see cannot differ by where the files come from.
public protocol FileTree: Sendable {
    /// How messages name the tree: `revision 1a2b3c4` or the work tree's folder.
    var name: String { get }
    /// The bytes of the file at `path`, or nil when there is no file there.
    func read(_ path: String) throws -> [UInt8]?
    /// The entries directly inside `directory` ("" or "." is the root), or nil when it is not a directory.
    func entries(in directory: String) throws -> [ChartFileEntry]?
    /// Whether `path` is a directory.
    func isDirectory(_ path: String) -> Bool
    /// The chart at `path`, loaded as Helm loads it; its files are named `path/...` in messages.
    func loadChart(at path: String) throws -> Chart
}

extension FileTree {
    /// The file at `path` as UTF-8 text, or nil.
    public func string(at path: String) throws -> String? {
        try read(path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The tree as an overlay build reads it.
    public var overlayFiles: OverlayFiles {
        OverlayFiles(read: { path in
            // As kustomize's load restrictor: a file on disk whose symlinks lead out of the
            // repository is refused, so an overlay cannot pull in /etc/passwd or a key.
            if let work = self as? WorkTree { try work.checkInside(path) }
            return try self.read(path)
        }, isDirectory: { self.isDirectory($0) })
    }

    /// `./a/b/` → `a/b`: the form paths from shipshape.yaml and flags are compared in.
    public static func normalize(_ path: String) -> String {
        var p = Substring(path)
        while p.hasPrefix("./") { p = p.dropFirst(2) }
        while p.count > 1 && p.hasSuffix("/") { p = p.dropLast() }
        return String(p)
    }
}

/// A chart folder inside a `FileTree`, as the chart loader reads it.
struct TreeChartSource: ChartFileSource {
    let tree: any FileTree
    /// The chart folder inside the tree (`charts/chatbot`).
    let root: String

    private func path(_ relative: String) -> String {
        if root.isEmpty || root == "." { return relative }
        return relative.isEmpty ? root : root + "/" + relative
    }

    func entries(in directory: String) throws -> [ChartFileEntry] {
        guard let entries = try tree.entries(in: path(directory)) else {
            throw ChartError(.load, "no such directory in \(tree.name)", file: path(directory))
        }
        return entries
    }

    func read(_ relative: String) throws -> [UInt8] {
        guard let bytes = try tree.read(path(relative)) else {
            throw ChartError(.load, "no such file in \(tree.name)", file: path(relative))
        }
        return bytes
    }
}
