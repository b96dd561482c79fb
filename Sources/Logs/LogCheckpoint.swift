import Foundation
import KubeClient
import YAML

/// What the logs job keeps between runs, in the ConfigMap `shipshape-logs-ENV` (as recommend
/// keeps `shipshape-usage-ENV`): the time of the newest line read (the next run's
/// `sinceTime`), and per workload its baseline rates (`WORKLOAD.baseline`, JSON) and its
/// template miner (`WORKLOAD.templates`, the miner's text form). Bounded: each miner keeps at
/// most its capacity of templates, each at most 512 bytes, and workloads that would take the
/// ConfigMap past `maxBytes` are left out (they start learning again).
public struct LogCheckpoint: Equatable, Sendable {
    public struct Workload: Equatable, Sendable {
        public var baseline: LogBaseline
        /// `TemplateMiner.serialized()`.
        public var templates: String

        public init(baseline: LogBaseline, templates: String) {
            self.baseline = baseline
            self.templates = templates
        }
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
            let cost = 2 * workload.utf8.count + 20 + baseline.utf8.count + w.templates.utf8.count
            if size + cost > Self.maxBytes { left.append(workload); continue }
            size += cost
            data.append(("\(workload).baseline", baseline))
            data.append(("\(workload).templates", w.templates))
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
            workloads[workload] = Workload(baseline: baseline, templates: data["\(workload).templates"]?.string ?? "")
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
