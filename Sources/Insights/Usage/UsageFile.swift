import Foundation
import Kubernetes
import YAML

/// Samples from a file, for offline use and tests (docs/recommend.md, "Sample files").
///
/// - CSV with a header naming the columns
///   `time,namespace,workload,container,pod,cpu,memory[,cpu_request,memory_request,memory_limit,oom]`
///   (time as Unix seconds or RFC 3339; cpu in cores or a quantity like `250m`; memory in bytes
///   or a quantity like `300Mi`; oom `true`/`1` on the sample right after a kill);
/// - a JSON array of objects with the same keys;
/// - the binary form `UsageBinaryFile` (magic `SSU1`) for large histories.
public enum UsageFile {
    /// Reads a file of any of the three forms and folds it into a history.
    public static func load(path: String, into history: inout UsageHistory) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw UsageError("\(path): cannot read the samples file: \(FileProblem.reason(path))")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw UsageError("\(path): cannot read the samples file: \(FileProblem.reason(path))") }
        let magic = try handle.read(upToCount: 4) ?? Data()
        try? handle.close()
        if magic == Data(UsageBinaryFile.magic) {
            try UsageBinaryFile.read(path: path, into: &history)
            return
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw UsageError("\(path): the samples file is not UTF-8 text nor a binary SSU1 file")
        }
        history.add(try read(text, file: path))
    }

    public static func read(_ text: String, file: String) throws -> [UsageSample] {
        let trimmed = text.drop { $0.isWhitespace }
        if trimmed.first == "[" { return try json(text, file: file) }
        return try csv(text, file: file)
    }

    static func csv(_ text: String, file: String) throws -> [UsageSample] {
        var lines = text.split(whereSeparator: \.isNewline).makeIterator()
        guard let header = lines.next() else { return [] }
        let columns = header.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        func index(_ name: String) -> Int? { columns.firstIndex(of: name) }
        guard let t = index("time"), let c = index("container") else {
            throw UsageError("\(file):1: the header needs at least time and container columns (got \(columns.joined(separator: ",")))")
        }
        let ns = index("namespace"), wl = index("workload"), pod = index("pod"), cpu = index("cpu"), mem = index("memory")
        let cpuReq = index("cpu_request"), memReq = index("memory_request"), memLimit = index("memory_limit"), oom = index("oom")
        var out: [UsageSample] = []
        var lineNumber = 1
        while let line = lines.next() {
            lineNumber += 1
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            func field(_ i: Int?) -> String? { i.flatMap { $0 < fields.count && !fields[$0].isEmpty ? fields[$0] : nil } }
            guard let timeText = field(t), let time = parseTime(timeText) else {
                throw UsageError("\(file):\(lineNumber): time \(field(t) ?? "(empty)") is not Unix seconds or RFC 3339")
            }
            let key = [field(ns) ?? "default", field(wl) ?? "", field(c) ?? ""].joined(separator: "/")
            out.append(try SampleBounds.checked(UsageSample(container: key, time: time, pod: field(pod) ?? "",
                                   cpuCores: try field(cpu).map { try cores($0, "\(file):\(lineNumber)") },
                                   memoryBytes: try field(mem).map { try bytes($0, "\(file):\(lineNumber)") },
                                   cpuRequestCores: try field(cpuReq).map { try cores($0, "\(file):\(lineNumber)") },
                                   memoryRequestBytes: try field(memReq).map { try bytes($0, "\(file):\(lineNumber)") },
                                   memoryLimitBytes: try field(memLimit).map { try bytes($0, "\(file):\(lineNumber)") },
                                   oomKilled: ["1", "true", "yes"].contains(field(oom)?.lowercased() ?? "")), at: "\(file):\(lineNumber)"))
        }
        return out
    }

    static func json(_ text: String, file: String) throws -> [UsageSample] {
        guard case .array(let items) = try JSONParser().parse(text) else { throw UsageError("\(file): expected a JSON array of samples") }
        return try items.enumerated().map { i, item in
            func string(_ k: String) -> String? {
                switch item[k] {
                case .string(let s)?: return s
                case .int(let n)?: return String(n)
                case .float(let f)?: return String(f)
                case .bool(let b)?: return String(b)
                default: return nil
                }
            }
            let place = "\(file): sample \(i)"
            guard let timeText = string("time"), let time = parseTime(timeText) else { throw UsageError("\(place) has no valid time") }
            let key = [string("namespace") ?? "default", string("workload") ?? "", string("container") ?? ""].joined(separator: "/")
            return try SampleBounds.checked(UsageSample(container: key, time: time, pod: string("pod") ?? "",
                               cpuCores: try string("cpu").map { try cores($0, place) },
                               memoryBytes: try string("memory").map { try bytes($0, place) },
                               cpuRequestCores: try string("cpu_request").map { try cores($0, place) },
                               memoryRequestBytes: try string("memory_request").map { try bytes($0, place) },
                               memoryLimitBytes: try string("memory_limit").map { try bytes($0, place) },
                               oomKilled: ["1", "true"].contains(string("oom") ?? "")), at: place)
        }
    }

    static func parseTime(_ s: String) -> Double? {
        if let d = Double(s) { return d }
        return ISO8601DateFormatter().date(from: s)?.timeIntervalSince1970
    }

    static func cores(_ s: String, _ place: String) throws -> Double {
        if let d = Double(s) { return d }
        guard let q = try? Quantity(parsing: s) else { throw UsageError("\(place): cpu \(s) is not a number of cores or a quantity") }
        return q.doubleValue
    }

    static func bytes(_ s: String, _ place: String) throws -> Double {
        if let d = Double(s) { return d }
        guard let q = try? Quantity(parsing: s) else { throw UsageError("\(place): memory \(s) is not bytes or a quantity") }
        return q.doubleValue
    }
}

/// The usage history of many containers, keyed `namespace/workload/container`.
public struct UsageHistory: Sendable, Equatable {
    public var containers: [String: ContainerUsage] = [:]

    public init(containers: [String: ContainerUsage] = [:]) { self.containers = containers }

    /// Folds samples in, in time order (a stable sort keeps one instant's pods together).
    public mutating func add(_ samples: [UsageSample]) {
        let ordered = samples.enumerated().sorted { $0.element.time != $1.element.time ? $0.element.time < $1.element.time : $0.offset < $1.offset }
        for (_, s) in ordered { containers[s.container, default: ContainerUsage()].add(s) }
    }

    /// Forgets containers with no sample in the `seconds` before the newest sample anywhere
    /// (deleted workloads), so a checkpoint does not grow without bound.
    public mutating func dropStale(olderThan seconds: Double = 14 * 86400) {
        guard let newest = containers.values.compactMap(\.lastSample).max() else { return }
        containers = containers.filter { ($0.value.lastSample ?? newest) >= newest - seconds }
    }

    /// The containers of one workload (`namespace/workload`), by container name.
    public func workload(_ namespace: String, _ name: String) -> [String: ContainerUsage] {
        let prefix = "\(namespace)/\(name)/"
        var out: [String: ContainerUsage] = [:]
        for (key, usage) in containers where key.hasPrefix(prefix) { out[String(key.dropFirst(prefix.count))] = usage }
        return out
    }
}

public struct UsageError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
