import Foundation
import KubeClient
import OrderedCollections
import YAML

/// The usage history kept in the cluster between runs, as VPA keeps its
/// `VerticalPodAutoscalerCheckpoint`s: a ConfigMap with one compact JSON document per
/// container (only non-empty histogram buckets, the current memory window, per-hour load), so
/// an hourly CronJob accumulates history across runs.
public enum UsageCheckpoint {
    public static let version = 1
    /// The data key of `namespace/workload/container` (ConfigMap keys allow `[-._a-zA-Z0-9]`).
    public static func key(_ container: String) -> String { container.replacingOccurrences(of: "/", with: ".") }

    // MARK: Encoding

    public static func encode(_ u: ContainerUsage) -> Value {
        func histogram(_ h: DecayingHistogram) -> Value {
            let buckets = h.weights.keys.sorted().map { b -> Value in [.int(Int64(b)), .float(h.weights[b]!)] }
            return ["reference": .float(h.reference), "total": .float(h.totalWeight), "buckets": .array(buckets)]
        }
        var o: OrderedDictionary<String, Value> = ["version": .int(Int64(version))]
        o["first"] = u.firstSample.map(Value.float) ?? .null
        o["last"] = u.lastSample.map(Value.float) ?? .null
        o["samples"] = .int(Int64(u.samples))
        o["covered"] = .float(u.coveredSeconds)
        o["oomKills"] = .int(Int64(u.oomKills))
        o["maxCPU"] = .float(u.maxCPU)
        o["maxMemory"] = .float(u.maxMemory)
        o["maxOOMBumped"] = .float(u.maxOOMBumped)
        o["cpu"] = histogram(u.cpu)
        o["memory"] = histogram(u.memory)
        if let end = u.windowEnd, let peak = u.windowPeak {
            o["window"] = ["end": .float(end), "peak": .float(peak.value), "at": .float(peak.time)]
        }
        o["hours"] = .array(u.closedHours.keys.sorted().map { h in
            let x = u.closedHours[h]!
            return [.int(Int64(h)), .int(Int64(x.replicas)), .float(x.cpuSum), .int(Int64(x.instants))]
        })
        if let i = u.instant { o["instant"] = [.float(i.time), .int(Int64(i.pods)), .float(i.cpu)] }
        o["startups"] = .array(u.startupSeconds.map(Value.float))
        o["probeFailures"] = .int(Int64(u.probeFailures))
        return .object(o)
    }

    public static func decode(_ v: Value, place: String) throws -> ContainerUsage {
        guard v["version"]?.intValue == version else {
            throw UsageError("\(place): checkpoint version \(v["version"]?.intValue.map(String.init) ?? "(none)") is not \(version); delete the key to start over")
        }
        func number(_ x: Value?) -> Double? { x?.doubleValue }
        func histogram(_ x: Value?, _ options: DecayingHistogram.Options) throws -> DecayingHistogram {
            guard let x, let reference = number(x["reference"]), let buckets = x["buckets"]?.array else {
                throw UsageError("\(place): a histogram needs reference and buckets")
            }
            var weights: [Int: Double] = [:]
            for b in buckets {
                guard let pair = b.array, pair.count == 2, let index = pair[0].intValue, let w = number(pair[1]),
                      index >= 0, index < options.bucketCount else { throw UsageError("\(place): bad histogram bucket \(b)") }
                weights[index] = w
            }
            return DecayingHistogram(options: options, halfLife: 24 * 3600, reference: reference, weights: weights, total: number(x["total"]))
        }
        var u = ContainerUsage()
        u.cpu = try histogram(v["cpu"], .cpu)
        u.memory = try histogram(v["memory"], .memory)
        u.firstSample = number(v["first"])
        u.lastSample = number(v["last"])
        u.samples = v["samples"]?.intValue ?? 0
        u.coveredSeconds = number(v["covered"]) ?? 0
        u.oomKills = v["oomKills"]?.intValue ?? 0
        u.maxCPU = number(v["maxCPU"]) ?? 0
        u.maxMemory = number(v["maxMemory"]) ?? 0
        u.maxOOMBumped = number(v["maxOOMBumped"]) ?? 0
        if let w = v["window"], let end = number(w["end"]), let peak = number(w["peak"]), let at = number(w["at"]) {
            u.windowEnd = end
            u.windowPeak = (peak, at)
        }
        for h in v["hours"]?.array ?? [] {
            guard let x = h.array, x.count == 4, let hour = x[0].intValue, let replicas = x[1].intValue,
                  let cpu = number(x[2]), let instants = x[3].intValue else { throw UsageError("\(place): bad hour entry \(h)") }
            u.closedHours[hour] = .init(replicas: replicas, cpuSum: cpu, instants: instants)
        }
        if let i = v["instant"]?.array, i.count == 3, let t = number(i[0]), let pods = i[1].intValue, let cpu = number(i[2]) {
            u.instant = (t, pods, cpu)
        }
        u.startupSeconds = (v["startups"]?.array ?? []).compactMap(number)
        u.probeFailures = v["probeFailures"]?.intValue ?? 0
        return u
    }

    // MARK: The ConfigMap

    /// The ConfigMap holding `history` (every container in it).
    public static func configMap(name: String, namespace: String, history: UsageHistory) throws -> Value {
        var data: OrderedDictionary<String, Value> = [:]
        let writer = JSONWriter()
        for name in history.containers.keys.sorted() {
            data[key(name)] = .string(try writer.string(["container": .string(name), "usage": encode(history.containers[name]!)]))
        }
        return ["apiVersion": "v1", "kind": "ConfigMap",
                "metadata": ["name": .string(name), "namespace": .string(namespace),
                             "labels": ["app.kubernetes.io/managed-by": "shipshape", "shipshape.dev/checkpoint": "usage"]],
                "data": .object(data)]
    }

    public static func history(fromConfigMap cm: Value) throws -> UsageHistory {
        let place = "ConfigMap \(cm[path: ["metadata", "namespace"]]?.string ?? "")/\(cm[path: ["metadata", "name"]]?.string ?? "")"
        var history = UsageHistory()
        for (k, text) in cm["data"]?.object ?? [:] {
            guard let s = text.string else { continue }
            let doc = try JSONParser().parse(s)
            guard let name = doc["container"]?.string, let usage = doc["usage"] else { throw UsageError("\(place): key \(k) has no container or usage") }
            history.containers[name] = try decode(usage, place: "\(place) key \(k)")
        }
        return history
    }

    /// The history stored in the cluster (empty when there is no checkpoint yet).
    public static func load(api: KubeAPI, namespace: String, name: String) throws -> UsageHistory {
        guard let cm = try api.get(try api.resource(apiVersion: "v1", kind: "ConfigMap"), name: name, namespace: namespace) else { return UsageHistory() }
        return try history(fromConfigMap: cm)
    }

    /// Stores `history` with server-side apply (Shipshape owns the whole ConfigMap).
    public static func save(api: KubeAPI, namespace: String, name: String, history: UsageHistory) throws {
        _ = try api.apply(try configMap(name: name, namespace: namespace, history: history), fieldManager: "shipshape-recommend", force: true)
    }
}
