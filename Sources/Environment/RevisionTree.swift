import Charts
import GitStore

/// One git revision's tree, read from the object database only: what is rendered is exactly
/// what the commit holds, whatever is checked out (or when nothing is, as in the cluster).
public struct RevisionTree: FileTree {
    public let snapshot: TreeSnapshot

    public init(_ snapshot: TreeSnapshot) { self.snapshot = snapshot }

    public var name: String { "revision \(snapshot.commit.short)" }

    public func read(_ path: String) throws -> [UInt8]? { snapshot[Self.normalize(path)] }

    public func entries(in directory: String) throws -> [ChartFileEntry]? {
        let path = Self.normalize(directory)
        guard path.isEmpty || path == "." || snapshot.isDirectory(path) else { return nil }
        return try snapshot.list(path == "." ? "" : path).map { entry in
            ChartFileEntry(name: entry.name, isDirectory: entry.kind == .directory,
                           isRegular: entry.kind == .file || entry.kind == .directory)
        }
    }

    public func isDirectory(_ path: String) -> Bool {
        let p = Self.normalize(path)
        return p.isEmpty || p == "." || snapshot.isDirectory(p)
    }

    public func loadChart(at path: String) throws -> Chart {
        let root = Self.normalize(path)
        guard isDirectory(root) else {
            throw EnvironmentError("\(name): no chart folder \(root)")
        }
        return try ChartLoader(source: TreeChartSource(tree: self, root: root), displayPath: root).load()
    }
}
