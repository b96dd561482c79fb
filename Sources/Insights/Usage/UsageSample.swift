import Foundation
import Kubernetes
import YAML

/// One observation of one container: CPU in cores, memory working set in bytes, what it
/// requested at the time, and whether it was just OOM-killed.
public struct UsageSample: Sendable, Equatable {
    /// `namespace/workload/container`.
    public var container: String
    /// Seconds since 1970.
    public var time: Double
    public var pod: String
    public var cpuCores: Double?
    public var memoryBytes: Double?
    public var cpuRequestCores: Double?
    public var memoryRequestBytes: Double?
    public var oomKilled = false

    public init(container: String, time: Double, pod: String = "", cpuCores: Double? = nil, memoryBytes: Double? = nil,
                cpuRequestCores: Double? = nil, memoryRequestBytes: Double? = nil, oomKilled: Bool = false) {
        self.container = container
        self.time = time
        self.pod = pod
        self.cpuCores = cpuCores
        self.memoryBytes = memoryBytes
        self.cpuRequestCores = cpuRequestCores
        self.memoryRequestBytes = memoryRequestBytes
        self.oomKilled = oomKilled
    }
}

/// Samples from a file, for offline use and tests. CSV with a header naming the columns
/// `time,namespace,workload,container,pod,cpu,memory[,cpu_request,memory_request,oom]`
/// (time as Unix seconds or RFC 3339; cpu in cores or a quantity like `250m`; memory in bytes
/// or a quantity like `300Mi`), or a JSON array of objects with the same keys.
public enum UsageFile {
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
        let cpuReq = index("cpu_request"), memReq = index("memory_request"), oom = index("oom")
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
            out.append(UsageSample(container: key, time: time, pod: field(pod) ?? "",
                                   cpuCores: try field(cpu).map { try cores($0, file, lineNumber) },
                                   memoryBytes: try field(mem).map { try bytes($0, file, lineNumber) },
                                   cpuRequestCores: try field(cpuReq).map { try cores($0, file, lineNumber) },
                                   memoryRequestBytes: try field(memReq).map { try bytes($0, file, lineNumber) },
                                   oomKilled: ["1", "true", "yes"].contains(field(oom)?.lowercased() ?? "")))
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
            guard let timeText = string("time"), let time = parseTime(timeText) else { throw UsageError("\(file): sample \(i) has no valid time") }
            let key = [string("namespace") ?? "default", string("workload") ?? "", string("container") ?? ""].joined(separator: "/")
            return UsageSample(container: key, time: time, pod: string("pod") ?? "",
                               cpuCores: try string("cpu").map { try cores($0, file, i) },
                               memoryBytes: try string("memory").map { try bytes($0, file, i) },
                               cpuRequestCores: try string("cpu_request").map { try cores($0, file, i) },
                               memoryRequestBytes: try string("memory_request").map { try bytes($0, file, i) },
                               oomKilled: string("oom") == "true")
        }
    }

    static func parseTime(_ s: String) -> Double? {
        if let d = Double(s) { return d }
        return ISO8601DateFormatter().date(from: s)?.timeIntervalSince1970
    }

    static func cores(_ s: String, _ file: String, _ line: Int) throws -> Double {
        if let d = Double(s) { return d }
        guard let q = try? Quantity(parsing: s) else { throw UsageError("\(file):\(line): cpu \(s) is not a number of cores or a quantity") }
        return q.doubleValue
    }

    static func bytes(_ s: String, _ file: String, _ line: Int) throws -> Double {
        if let d = Double(s) { return d }
        guard let q = try? Quantity(parsing: s) else { throw UsageError("\(file):\(line): memory \(s) is not bytes or a quantity") }
        return q.doubleValue
    }
}

public struct UsageError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
