import Foundation
import KubeClient
import YAML

/// What the logs job keeps between runs, in the ConfigMap `shipshape-logs-ENV` (as recommend
/// keeps `shipshape-usage-ENV`): the time of the newest line read (the next run's
/// `sinceTime`), and per workload its baseline rates (`WORKLOAD.baseline`, JSON) and its
/// template miner (`WORKLOAD.templates`, the miner's text form), and its error events per hour
/// (`WORKLOAD.errors-hourly`, lines `HOUR-START-UNIX-SECONDS COUNT`, for the weekly report's
/// error-rate chart). Bounded: each miner keeps at most its capacity of templates, each at most
/// 512 bytes, the hourly series its last `errorHours` hours, and workloads that would take the
/// ConfigMap past `maxBytes` are left out (they start learning again). Checkpoints written
/// before the hourly series existed load with an empty one.
public struct LogCheckpoint: Equatable, Sendable {
    public struct Workload: Equatable, Sendable {
        public var baseline: LogBaseline
        /// `TemplateMiner.serialized()`.
        public var templates: String
        /// Error events per hour: the hour's start (Unix seconds, a multiple of 3600) → count.
        /// Hours the job read lines in and found no error hold 0; hours it did not read are absent.
        public var errorsPerHour: [Int: Int]

        public init(baseline: LogBaseline, templates: String, errorsPerHour: [Int: Int] = [:]) {
            self.baseline = baseline
            self.templates = templates
            self.errorsPerHour = errorsPerHour
        }
    }

    /// Hours of error counts kept per workload: 8 days, so a weekly report's period fits.
    public static let errorHours = 192

    /// `series` plus one run's counts (`minutes`: minute index → errors), keeping only the
    /// last `errorHours` hours up to the newest hour in either.
    public static func addingErrors(_ series: [Int: Int], minutes: [Int: Int]) -> [Int: Int] {
        var out = series
        for (minute, errors) in minutes { out[minute / 60 * 3600, default: 0] += errors }
        guard let newest = out.keys.max() else { return out }
        return out.filter { $0.key > newest - errorHours * 3600 }
    }

    static func errorsText(_ series: [Int: Int]) -> String {
        series.keys.sorted().map { "\($0) \(series[$0]!)\n" }.joined()
    }

    public static let version = 1
    /// Under the API server's 1 MiB object limit, with room for metadata.
    public static let maxBytes = 900_000

    public var newestLine: Double?
    public var workloads: [String: Workload] = [:]

    public init(newestLine: Double? = nil, workloads: [String: Workload] = [:]) {
        self.newestLine = newestLine
        self.workloads = workloads
    }

    public static func name(environment: String) -> String { "shipshape-logs-\(environment)" }

    /// The ConfigMap, and the workloads left out to stay within `maxBytes` (by name, last first).
    public func configMap(name: String, namespace: String) throws -> (configMap: Value, left: [String]) {
        var data: [(String, String)] = [("version", String(Self.version))]
        if let newestLine { data.append(("newest-line", LogTimestamp.nanoseconds(newestLine))) }
        var size = data.reduce(0) { $0 + $1.0.utf8.count + $1.1.utf8.count }
        var left: [String] = []
        let writer = JSONWriter()
        for workload in workloads.keys.sorted() {
            let w = workloads[workload]!
            let rates = w.baseline.rates.keys.sorted().map { ($0, Value.float(w.baseline.rates[$0]!)) }
            let baseline = try writer.string(["runs": .int(Int64(w.baseline.runs)), "rates": .object(.init(uniqueKeysWithValues: rates))])
            let errors = Self.errorsText(w.errorsPerHour)
            let cost = 3 * workload.utf8.count + 40 + baseline.utf8.count + w.templates.utf8.count + errors.utf8.count
            if size + cost > Self.maxBytes { left.append(workload); continue }
            size += cost
            data.append(("\(workload).baseline", baseline))
            data.append(("\(workload).templates", w.templates))
            if !errors.isEmpty { data.append(("\(workload).errors-hourly", errors)) }
        }
        let cm: Value = ["apiVersion": "v1", "kind": "ConfigMap",
                         "metadata": ["name": .string(name), "namespace": .string(namespace),
                                      "labels": ["app.kubernetes.io/managed-by": "shipshape", "shipshape.dev/checkpoint": "logs"]],
                         "data": .object(.init(uniqueKeysWithValues: data.map { ($0.0, Value.string($0.1)) }))]
        return (cm, left)
    }

    public init(configMap cm: Value) throws {
        let place = "ConfigMap \(cm[path: ["metadata", "namespace"]]?.string ?? "")/\(cm[path: ["metadata", "name"]]?.string ?? "")"
        let data = cm["data"]?.object ?? [:]
        guard data["version"]?.string == String(Self.version) else {
            throw LogsError("\(place): checkpoint version \(data["version"]?.string ?? "(none)") is not \(Self.version); delete the ConfigMap to start learning again")
        }
        if let t = data["newest-line"]?.string {
            guard let time = LogTimestamp.parse(t) else { throw LogsError("\(place) key newest-line: \"\(t)\" is not an RFC 3339 time; delete the key to start again") }
            newestLine = time
        }
        for (key, value) in data where key.hasSuffix(".baseline") {
            let workload = String(key.dropLast(".baseline".count))
            guard let text = value.string, let doc = try? JSONParser().parse(text), let runs = doc["runs"]?.intValue, let rates = doc["rates"]?.object else {
                throw LogsError("\(place) key \(key): expected {\"runs\": N, \"rates\": {...}}; delete the key to start learning this workload again")
            }
            var baseline = LogBaseline(runs: runs)
            for (k, v) in rates { baseline.rates[k] = v.doubleValue ?? 0 }
            var errors: [Int: Int] = [:]
            for line in (data["\(workload).errors-hourly"]?.string ?? "").split(separator: "\n") {
                let f = line.split(separator: " ")
                guard f.count == 2, let hour = Int(f[0]), let count = Int(f[1]) else {
                    throw LogsError("\(place) key \(workload).errors-hourly: line \"\(line)\" is not `HOUR-START COUNT`; delete the key to start the series again")
                }
                errors[hour] = count
            }
            workloads[workload] = Workload(baseline: baseline, templates: data["\(workload).templates"]?.string ?? "", errorsPerHour: errors)
        }
    }

    /// The checkpoint in the cluster (empty when there is none yet).
    public static func load(api: KubeAPI, namespace: String, name: String) throws -> LogCheckpoint {
        guard let cm = try api.get(try api.resource(apiVersion: "v1", kind: "ConfigMap"), name: name, namespace: namespace) else { return LogCheckpoint() }
        return try LogCheckpoint(configMap: cm)
    }

    /// Stores the checkpoint with server-side apply; returns the workloads left out.
    @discardableResult
    public func save(api: KubeAPI, namespace: String, name: String) throws -> [String] {
        let (cm, left) = try configMap(name: name, namespace: namespace)
        _ = try api.apply(cm, fieldManager: "shipshape-logs", force: true)
        return left
    }
}
