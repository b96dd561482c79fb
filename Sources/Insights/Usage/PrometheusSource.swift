import Foundation
import KubeClient
import YAML

/// Usage history from Prometheus' `query_range` API (cAdvisor and kube-state-metrics series):
/// CPU as `rate(container_cpu_usage_seconds_total[5m])`, memory as
/// `container_memory_working_set_bytes`, and OOM kills from
/// `kube_pod_container_status_last_terminated_reason{reason="OOMKilled"}` turning on.
/// Requests through libcurl (KubeClient's `CurlTransport`).
public struct PrometheusSource {
    public let url: String
    public let transport: CurlTransport
    /// Extra headers (e.g. `Authorization`); never printed.
    public var headers: [(name: String, value: String)] = []

    public init(url: String, transport: CurlTransport? = nil) throws {
        self.url = url.hasSuffix("/") ? String(url.dropLast()) : url
        self.transport = try transport ?? CurlTransport(tls: TLSSettings())
    }

    /// The three queries for `namespace`.
    public static func queries(namespace: String) -> (cpu: String, memory: String, oom: String) {
        let selector = "namespace=\"\(namespace)\",container!=\"\",container!=\"POD\""
        return ("rate(container_cpu_usage_seconds_total{\(selector)}[5m])",
                "container_memory_working_set_bytes{\(selector)}",
                "kube_pod_container_status_last_terminated_reason{namespace=\"\(namespace)\",reason=\"OOMKilled\"}")
    }

    /// The most points Prometheus returns for one series of a range query; it refuses a query
    /// whose window divided by its step exceeds this.
    public static let maximumPoints = 11_000

    /// The step for a query over `window` seconds: `minimum` (the 60 s the cAdvisor scrape
    /// gives) unless that would ask for more than `maximumPoints` points, then the smallest whole
    /// number of seconds that does not (points = ⌊window / step⌋ + 1). 14 days → 110 s
    /// (10,997 points); 30 days → 236 s.
    public static func step(forWindow window: Double, minimum: Double = 60) -> Double {
        let intervals = Double(maximumPoints - 1)
        return max(minimum, (window / intervals).rounded(.up))
    }

    /// Samples of every container in `namespace` between `start` and `end` (Unix seconds) at
    /// `step` seconds. `cpuRequests` (by `namespace/workload/container`) weights CPU samples.
    public func samples(namespace: String, start: Double, end: Double, step: Double,
                        cpuRequests: [String: Double] = [:]) throws -> [UsageSample] {
        let q = Self.queries(namespace: namespace)
        let cpu = try queryRange(q.cpu, start: start, end: end, step: step)
        let memory = try queryRange(q.memory, start: start, end: end, step: step)
        let oom = try queryRange(q.oom, start: start, end: end, step: step)
        return try Self.merge(namespace: namespace, cpu: cpu, memory: memory, oom: oom, cpuRequests: cpuRequests)
    }

    /// One range query's series: labels and (time, value) points.
    public struct Series: Sendable {
        public var labels: [String: String]
        public var points: [(time: Double, value: Double)]
    }

    public func queryRange(_ query: String, start: Double, end: Double, step: Double) throws -> [Series] {
        let target = Self.queryRangeURL(base: url, query: query, start: start, end: end, step: step)
        let place = "Prometheus \(url) query \(query)"
        let response: HTTPResponse
        do {
            response = try transport.perform(HTTPRequest(method: "GET", url: target, headers: [("Accept", "application/json")] + headers))
        } catch {
            throw UsageError("Prometheus \(url) did not answer (is it up, and is --prometheus its base URL?): \(error)")
        }
        guard response.status == 200 else {
            let detail = (try? JSONParser().parse(bytes: response.body))?["error"]?.string ?? String(response.text.prefix(200))
            throw UsageError("\(place): HTTP \(response.status): \(detail)")
        }
        return try Self.parse(response.body, place: place)
    }

    /// `BASE/api/v1/query_range?query=…&start=…&end=…&step=…`, encoded as Go's url.ParseQuery
    /// reads it back.
    static func queryRangeURL(base: String, query: String, start: Double, end: Double, step: Double) -> String {
        var components = URLComponents()
        components.queryItems = [URLQueryItem(name: "query", value: query), URLQueryItem(name: "start", value: number(start)),
                                 URLQueryItem(name: "end", value: number(end)), URLQueryItem(name: "step", value: number(step))]
        // URLComponents leaves `+` alone; Prometheus (Go's url.ParseQuery) would read it as a space.
        let encoded = (components.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
        return "\(base)/api/v1/query_range?\(encoded)"
    }

    /// Prometheus' `{"status":"success","data":{"resultType":"matrix","result":[...]}}`.
    public static func parse(_ body: [UInt8], place: String) throws -> [Series] {
        let doc: Value
        do { doc = try JSONParser().parse(bytes: body) } catch { throw UsageError("\(place): the answer is not JSON: \(error)") }
        guard doc["status"]?.string == "success" else {
            throw UsageError("\(place): status \(doc["status"]?.string ?? "(none)"): \(doc["error"]?.string ?? "no error given")")
        }
        guard doc[path: ["data", "resultType"]]?.string == "matrix", let result = doc[path: ["data", "result"]]?.array else {
            throw UsageError("\(place): expected a matrix result (a range query)")
        }
        return try result.map { series in
            let labels = series["metric"]?.stringMap ?? [:]
            // Prometheus answers "NaN" or "+Inf" where a value is undefined (a rate over no data):
            // such points carry no usage and are skipped; finite values must be in bounds.
            let points = try (series["values"]?.array ?? []).compactMap { p -> (Double, Double)? in
                guard let pair = p.array, pair.count == 2, let t = pair[0].doubleValue, let text = pair[1].string, let v = Double(text) else {
                    throw UsageError("\(place): a point is not [time, \"value\"]: \(p)")
                }
                guard v.isFinite else { return nil }
                try SampleBounds.check(t, SampleBounds.time, "time", at: place)
                try SampleBounds.check(v, SampleBounds.bytes, "value", at: place)
                return (t, v)
            }
            return Series(labels: labels, points: points)
        }
    }

    /// Joins the series by pod, container and time into samples. Each sample is checked against
    /// `SampleBounds` as a whole: `parse` can only check a value against the widest bound, and a
    /// CPU series in bytes' range (3e8 cores) would otherwise poison the usage checkpoint.
    public static func merge(namespace: String, cpu: [Series], memory: [Series], oom: [Series], cpuRequests: [String: Double]) throws -> [UsageSample] {
        struct Key: Hashable { var pod: String; var container: String; var time: Double }
        var samples: [Key: UsageSample] = [:]
        func sample(_ labels: [String: String], _ time: Double) -> (Key, UsageSample)? {
            guard let pod = labels["pod"], let container = labels["container"] else { return nil }
            let key = Key(pod: pod, container: container, time: time)
            let name = "\(labels["namespace"] ?? namespace)/\(MetricsSampler.workload(ofPodNamed: pod))/\(container)"
            return (key, samples[key] ?? UsageSample(container: name, time: time, pod: pod, cpuRequestCores: cpuRequests[name]))
        }
        for s in cpu { for p in s.points { if let (k, x) = sample(s.labels, p.time) { samples[k] = x; samples[k]!.cpuCores = p.value } } }
        for s in memory { for p in s.points { if let (k, x) = sample(s.labels, p.time) { samples[k] = x; samples[k]!.memoryBytes = p.value } } }
        // A kill shows as the series turning 1; mark the pod's next sample.
        for s in oom {
            var previous = 0.0
            for p in s.points {
                defer { previous = p.value }
                guard p.value >= 1, previous < 1, let (k, x) = sample(s.labels, p.time) else { continue }
                samples[k] = x
                samples[k]!.oomKilled = true
            }
        }
        return try samples.values.sorted { ($0.time, $0.container, $0.pod) < ($1.time, $1.container, $1.pod) }.map {
            try SampleBounds.checked($0, at: "Prometheus: container \($0.container) of pod \($0.pod) at \(number($0.time))")
        }
    }

    static func number(_ x: Double) -> String { x == x.rounded() ? Int64(checking: x).map(String.init) ?? String(x) : String(x) }
}
