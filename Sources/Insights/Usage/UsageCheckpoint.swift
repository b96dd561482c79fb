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
        if !u.oomKillLevels.isEmpty { o["oomKillLevels"] = .array(u.oomKillLevels.map(Value.float)) }
        o["cpu"] = histogram(u.cpu)
        o["memory"] = histogram(u.memory)
        if let end = u.windowEnd, let peak = u.windowPeak {
            o["window"] = ["end": .float(end), "peak": .float(peak.value), "at": .float(peak.time)]
        }
        o["hours"] = .array(u.closedHours.keys.sorted().map { h in
            let x = u.closedHours[h]!
            return [.int(Int64(h)), .int(Int64(x.replicas)), .float(x.cpuSum), .int(Int64(x.instants)), .float(x.memorySum), .int(Int64(x.podSum))]
        })
        if let i = u.instant { o["instant"] = [.float(i.time), .int(Int64(i.pods)), .float(i.cpu), .float(i.memory)] }
        o["startups"] = .array(u.startupSeconds.map(Value.float))
        o["probeFailures"] = .int(Int64(u.probeFailures))
        return .object(o)
    }

    public static func decode(_ v: Value, place: String) throws -> ContainerUsage {
        guard v["version"]?.intValue == version else {
            throw UsageError("\(place): checkpoint version \(v["version"]?.intValue.map(String.init) ?? "(none)") is not \(version); delete the key to start over")
        }
        // Every number is checked as a sample's would be: a poisoned checkpoint (`1e308`, NaN)
        // is an error naming the key, never a trap in rounding, nor re-saved by the next run.
        func number(_ x: Value?, _ range: ClosedRange<Double> = 0...Double.greatestFiniteMagnitude, _ field: String = "a number") throws -> Double? {
            guard let d = x?.doubleValue else { return nil }
            return try SampleBounds.check(d, range, field, at: place)
        }
        func histogram(_ x: Value?, _ options: DecayingHistogram.Options) throws -> DecayingHistogram {
            guard let x, let reference = try number(x["reference"], SampleBounds.time, "histogram reference"), let buckets = x["buckets"]?.array else {
                throw UsageError("\(place): a histogram needs reference and buckets")
            }
            var weights: [Int: Double] = [:]
            for b in buckets {
                guard let pair = b.array, pair.count == 2, let index = pair[0].intValue, let w = try number(pair[1], 0...Double.greatestFiniteMagnitude, "bucket weight"),
                      index >= 0, index < options.bucketCount else { throw UsageError("\(place): bad histogram bucket \(b)") }
                weights[index] = w
            }
            return DecayingHistogram(options: options, halfLife: 24 * 3600, reference: reference, weights: weights, total: try number(x["total"], 0...Double.greatestFiniteMagnitude, "histogram total"))
        }
        var u = ContainerUsage()
        u.cpu = try histogram(v["cpu"], .cpu)
        u.memory = try histogram(v["memory"], .memory)
        u.firstSample = try number(v["first"], SampleBounds.time, "first")
        u.lastSample = try number(v["last"], SampleBounds.time, "last")
        u.samples = v["samples"]?.intValue ?? 0
        u.coveredSeconds = try number(v["covered"], SampleBounds.seconds, "covered") ?? 0
        u.oomKills = v["oomKills"]?.intValue ?? 0
        u.maxCPU = try number(v["maxCPU"], SampleBounds.cores, "maxCPU") ?? 0
        u.maxMemory = try number(v["maxMemory"], SampleBounds.bytes, "maxMemory") ?? 0
        u.maxOOMBumped = try number(v["maxOOMBumped"], 0...SampleBounds.bumpedBytes, "maxOOMBumped") ?? 0
        u.oomKillLevels = try (v["oomKillLevels"]?.array ?? []).compactMap { try number($0, SampleBounds.bytes, "oomKillLevels") }.sorted()
        if let w = v["window"], let end = try number(w["end"], 0...SampleBounds.time.upperBound + 86400, "window end"),
           let peak = try number(w["peak"], 0...SampleBounds.bumpedBytes, "window peak"), let at = try number(w["at"], SampleBounds.time, "window time") {
            u.windowEnd = end
            u.windowPeak = (peak, at)
        }
        for h in v["hours"]?.array ?? [] {
            // Four fields before per-pod memory was kept, six since.
            guard let x = h.array, x.count == 4 || x.count == 6, let hour = x[0].intValue, let replicas = x[1].intValue,
                  let cpu = try number(x[2], 0...Double.greatestFiniteMagnitude, "hour cpu"), let instants = x[3].intValue else { throw UsageError("\(place): bad hour entry \(h)") }
            var entry = ContainerUsage.Hour(replicas: replicas, cpuSum: cpu, instants: instants)
            if x.count == 6 {
                // At most the sample bound for each pod counted; memory is never without pods.
                guard let pods = x[5].intValue, (0...Int64(Int32.max)).contains(Int64(pods)),
                      let memory = try number(x[4], 0...SampleBounds.bytes.upperBound * Double(max(1, pods)), "hour memory"),
                      pods > 0 || memory == 0 else {
                    throw UsageError("\(place): bad hour entry \(h)")
                }
                entry.memorySum = memory
                entry.podSum = pods
            }
            u.closedHours[hour] = entry
        }
        if let i = v["instant"]?.array, i.count == 3 || i.count == 4, let t = try number(i[0], SampleBounds.time, "instant time"), let pods = i[1].intValue,
           let cpu = try number(i[2], 0...Double.greatestFiniteMagnitude, "instant cpu") {
            guard (0...Int64(Int32.max)).contains(Int64(pods)) else { throw UsageError("\(place): bad instant \(i)") }
            var memory = 0.0
            if i.count == 4 {
                guard let m = try number(i[3], 0...SampleBounds.bytes.upperBound * Double(max(1, pods)), "instant memory") else { throw UsageError("\(place): bad instant \(i)") }
                memory = m
            }
            u.instant = (t, pods, cpu, memory)
        }
        u.startupSeconds = try (v["startups"]?.array ?? []).compactMap { try number($0, SampleBounds.seconds, "startup seconds") }
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
