import Foundation

/// Where a chart's files come from: a directory on disk, or (later) a git tree snapshot.
/// The loader is the only part of Charts that reads files, and it reads them through this.
public protocol ChartFileSource: Sendable {
    /// The entries directly inside `directory` ("" is the chart root), any order.
    func entries(in directory: String) throws -> [ChartFileEntry]
    /// The bytes of the file at the chart-relative `path`.
    func read(_ path: String) throws -> [UInt8]
}

/// One name in a directory listing.
public struct ChartFileEntry: Sendable, Equatable {
    public var name: String
    public var isDirectory: Bool
    /// False for sockets, devices and other files Helm refuses to load.
    public var isRegular: Bool

    public init(name: String, isDirectory: Bool, isRegular: Bool = true) {
        (self.name, self.isDirectory, self.isRegular) = (name, isDirectory, isRegular)
    }
}

/// A chart directory on the local disk; symbolic links are followed, as Helm's sympath.Walk does.
public struct DirectoryFileSource: ChartFileSource {
    public let root: URL

    public init(path: String) {
        self.root = URL(fileURLWithPath: path, isDirectory: true)
    }

    private func url(_ path: String) -> URL {
        path.isEmpty ? root : root.appendingPathComponent(path)
    }

    public func entries(in directory: String) throws -> [ChartFileEntry] {
        let fm = FileManager.default
        return try fm.contentsOfDirectory(atPath: url(directory).path).map { name in
            let full = url(directory).appendingPathComponent(name).resolvingSymlinksInPath().path
            var isDir: ObjCBool = false
            let exists = fm.fileExists(atPath: full, isDirectory: &isDir)
            let type = (try? fm.attributesOfItem(atPath: full)[.type] as? FileAttributeType) ?? nil
            return ChartFileEntry(name: name, isDirectory: exists && isDir.boolValue,
                                  isRegular: exists && (isDir.boolValue || type == .typeRegular))
        }
    }

    public func read(_ path: String) throws -> [UInt8] {
        do {
            return Array(try Data(contentsOf: url(path)))
        } catch {
            throw ChartError(.load, "error reading \(path): \(error.localizedDescription)", file: path)
        }
    }
}

/// Files held in memory, keyed by chart-relative path (`templates/a.yaml`): for tests, and for
/// charts read out of a git revision or an archive.
public struct InMemoryFileSource: ChartFileSource {
    public var files: [String: [UInt8]]

    public init(files: [String: [UInt8]]) {
        self.files = files
    }

    public init(texts: [String: String]) {
        self.files = texts.mapValues { Array($0.utf8) }
    }

    public func entries(in directory: String) throws -> [ChartFileEntry] {
        let prefix = directory.isEmpty ? "" : directory + "/"
        var seen: [String: Bool] = [:]
        for path in files.keys where path.hasPrefix(prefix) {
            let rest = path.dropFirst(prefix.count)
            guard let first = rest.split(separator: "/", maxSplits: 1).first else { continue }
            seen[String(first)] = (seen[String(first)] ?? false) || rest.contains("/")
        }
        return seen.map { ChartFileEntry(name: $0.key, isDirectory: $0.value) }
    }

    public func read(_ path: String) throws -> [UInt8] {
        guard let data = files[path] else { throw ChartError(.load, "no such file", file: path) }
        return data
    }
}
