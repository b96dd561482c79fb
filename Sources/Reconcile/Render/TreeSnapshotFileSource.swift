import Charts
import GitStore

/// A chart read out of a git revision: `ChartFileSource` over a `TreeSnapshot`, rooted at the
/// chart's folder, so what is rendered is exactly what the commit holds, whatever is checked out.
public struct TreeSnapshotFileSource: ChartFileSource {
    public let snapshot: TreeSnapshot
    /// The chart folder inside the tree (`charts/chatbot`).
    public let root: String

    public init(snapshot: TreeSnapshot, root: String) {
        self.snapshot = snapshot
        self.root = root
    }

    private func path(_ relative: String) -> String {
        if root.isEmpty || root == "." { return relative }
        return relative.isEmpty ? root : root + "/" + relative
    }

    public func entries(in directory: String) throws -> [ChartFileEntry] {
        try snapshot.list(path(directory)).map { entry in
            ChartFileEntry(name: entry.name, isDirectory: entry.kind == .directory,
                           isRegular: entry.kind == .file || entry.kind == .directory)
        }
    }

    public func read(_ relative: String) throws -> [UInt8] {
        guard let bytes = snapshot[path(relative)] else {
            throw ChartError(.load, "no such file in revision \(snapshot.commit.short)", file: path(relative))
        }
        return bytes
    }
}
