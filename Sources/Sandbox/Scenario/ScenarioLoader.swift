import Foundation
import Kubernetes
import YAML

/// Reads a scenario file. Unknown keys and malformed values are errors that name the path,
/// so a typo does not silently change the simulation.
public enum ScenarioLoader {
    public struct ScenarioError: Error, CustomStringConvertible {
        public var description: String
    }

    public static func load(path: String) throws -> Scenario {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScenarioError(description: "\(path): cannot read the scenario file")
        }
        return try parse(String(decoding: data, as: UTF8.self), file: path)
    }

    public static func parse(_ text: String, file: String = "scenario.yaml") throws -> Scenario {
        let root: Value
        do { root = try ValueDecoder.decode(text, file: file) } catch { throw ScenarioError(description: "\(error)") }
        var s = Scenario()
        let r = Reader(value: root, path: file)
        try r.only(["node", "images", "traffic", "faults"])
        if let node = try r.map("node") {
            var n = Reader(value: node, path: "\(file): node")
            try n.only(["cpu", "memory"])
            s.node.cpu = try n.text("cpu") ?? s.node.cpu
            s.node.memory = try n.text("memory") ?? s.node.memory
        }
        for (i, item) in try r.list("images").enumerated() {
            var m = Reader(value: item, path: "\(file): images[\(i)]")
            try m.only(["match", "startup", "crashAfter", "crashExitCode", "completeAfter", "execute", "stuck", "ready", "cpu", "memory", "logs"])
            guard let match = try m.text("match") else { throw ScenarioError(description: "\(m.path).match: required") }
            var image = Scenario.Image(match: match)
            image.startupSeconds = try m.duration("startup") ?? image.startupSeconds
            image.crashAfterSeconds = try m.duration("crashAfter")
            image.crashExitCode = try m.integer("crashExitCode", 0...255) ?? image.crashExitCode
            image.completeAfterSeconds = try m.duration("completeAfter")
            if let execute = m.value["execute"], !execute.isNull {
                guard let flag = execute.boolValue else { throw ScenarioError(description: "\(m.path).execute: expected true or false") }
                image.execute = flag
            }
            if let stuck = try m.map("stuck") {
                let c = Reader(value: stuck, path: "\(m.path).stuck")
                try c.only(["after", "pods"])
                guard let after = try c.duration("after") else { throw ScenarioError(description: "\(c.path).after: required (a duration such as 10m)") }
                image.stuckAfterSeconds = after
                if let pods = try c.number("pods") {
                    guard pods >= 0, pods == pods.rounded(), pods < 1e9 else { throw ScenarioError(description: "\(c.path).pods: expected a whole number of pods, got \(pods)") }
                    image.stuckPods = Int(pods)
                }
            }
            if let ready = m.value["ready"], !ready.isNull {
                guard let flag = ready.boolValue else { throw ScenarioError(description: "\(m.path).ready: expected true or false") }
                image.ready = flag
            }
            if let cpu = try m.map("cpu") {
                var c = Reader(value: cpu, path: "\(m.path).cpu")
                try c.only(["baseMillicores", "perRequestMillicores"])
                image.cpuBaseMillicores = try c.number("baseMillicores", 0...Self.maxMillicores) ?? image.cpuBaseMillicores
                image.cpuPerRequestMillicores = try c.number("perRequestMillicores", 0...Self.maxMillicores) ?? image.cpuPerRequestMillicores
            }
            if let memory = try m.map("memory") {
                var c = Reader(value: memory, path: "\(m.path).memory")
                try c.only(["baselineMi", "perRequestMi", "leakMiPerHour"])
                image.memoryBaselineMi = try c.number("baselineMi", 0...Self.maxMi) ?? image.memoryBaselineMi
                image.memoryPerRequestMi = try c.number("perRequestMi", 0...Self.maxMi) ?? image.memoryPerRequestMi
                image.memoryLeakMiPerHour = try c.number("leakMiPerHour", 0...Self.maxMi) ?? image.memoryLeakMiPerHour
            }
            for (j, log) in try m.list("logs").enumerated() {
                var l = Reader(value: log, path: "\(m.path).logs[\(j)]")
                try l.only(["level", "ratePerMinute", "perRequest", "template"])
                guard let template = try l.text("template") else { throw ScenarioError(description: "\(l.path).template: required") }
                image.logs.append(Scenario.LogTemplate(level: try l.text("level") ?? "info", ratePerMinute: try l.number("ratePerMinute", 0...60_000) ?? 1,
                                                       perRequest: l.value["perRequest"]?.boolValue ?? false, template: template))
            }
            s.images.append(image)
        }
        for (i, item) in try r.list("traffic").enumerated() {
            var t = Reader(value: item, path: "\(file): traffic[\(i)]")
            try t.only(["target", "baseRPS", "diurnalAmplitude", "peakHour", "weekendFactor", "spikes", "growth", "growthPeriod"])
            guard let target = try t.text("target") else { throw ScenarioError(description: "\(t.path).target: required") }
            var traffic = Scenario.Traffic(target: target, baseRPS: try t.number("baseRPS", 0...1_000_000) ?? 1)
            traffic.diurnalAmplitude = try t.number("diurnalAmplitude", 0...1_000_000) ?? 0
            traffic.peakHour = try t.number("peakHour", 0...24) ?? 14
            traffic.weekendFactor = try t.number("weekendFactor", 0...1_000) ?? 1
            traffic.growth = try t.number("growth", -1...1_000) ?? 0
            traffic.growthPeriod = try t.duration("growthPeriod") ?? 30 * 86_400
            for (j, spike) in try t.list("spikes").enumerated() {
                var sp = Reader(value: spike, path: "\(t.path).spikes[\(j)]")
                try sp.only(["at", "duration", "multiplier", "every"])
                traffic.spikes.append(Scenario.Spike(at: try sp.duration("at") ?? 0, duration: try sp.duration("duration") ?? 60,
                                                     multiplier: try sp.number("multiplier", 0...1_000_000) ?? 2, every: try sp.duration("every")))
            }
            s.traffic.append(traffic)
        }
        for (i, item) in try r.list("faults").enumerated() {
            s.faults.append(try FaultRule(item, path: "\(file): faults[\(i)]"))
        }
        return s
    }

    /// A container's CPU at most: a million cores, in millicores.
    static let maxMillicores: Double = 1e9
    /// A container's memory at most: a petabyte, in Mi.
    static let maxMi: Double = 1e9
    /// A scenario duration at most: ten years (simulated time never needs more).
    static let maxDurationSeconds: Double = 315_360_000

    /// Field access with path-naming errors. Every number is checked here, once: NaN, `.inf`
    /// and values past the field's range are errors naming the field, never a trap later.
    struct Reader {
        var value: Value
        var path: String

        func only(_ keys: Set<String>) throws {
            guard case .object(let m) = value else {
                if value.isNull { return }
                throw ScenarioError(description: "\(path): expected a map")
            }
            for k in m.keys where !keys.contains(k) {
                throw ScenarioError(description: "\(path): unknown field \"\(k)\" (known: \(keys.sorted().joined(separator: ", ")))")
            }
        }

        /// The map at `key`; nil when absent or null, an error when it is anything else.
        func map(_ key: String) throws -> Value? {
            guard let v = value[key], !v.isNull else { return nil }
            guard v.object != nil else { throw ScenarioError(description: "\(path).\(key): expected a map") }
            return v
        }

        /// The list at `key`; empty when absent or null, an error when it is anything else.
        func list(_ key: String) throws -> [Value] {
            guard let v = value[key], !v.isNull else { return [] }
            guard let items = v.array else { throw ScenarioError(description: "\(path).\(key): expected a list") }
            return items
        }

        func text(_ key: String) throws -> String? {
            guard let v = value[key], !v.isNull else { return nil }
            switch v {
            case .string(let s): return s
            case .int(let i): return String(i)
            case .float(let f): return String(f)
            default: throw ScenarioError(description: "\(path).\(key): expected a string")
            }
        }

        func number(_ key: String, _ range: ClosedRange<Double> = -1e15...1e15) throws -> Double? {
            guard let v = value[key], !v.isNull else { return nil }
            guard let d = v.doubleValue else { throw ScenarioError(description: "\(path).\(key): expected a number, got \(MergeKeys.json(v))") }
            guard d.isFinite, range.contains(d) else {
                throw ScenarioError(description: "\(path).\(key): \(d.isNaN ? ".nan" : d.isInfinite ? (d < 0 ? "-.inf" : ".inf") : MergeKeys.json(v)) is not a number between \(Self.format(range.lowerBound)) and \(Self.format(range.upperBound))")
            }
            return d
        }

        /// A whole number in `range`.
        func integer(_ key: String, _ range: ClosedRange<Int>) throws -> Int? {
            guard let d = try number(key, Double(range.lowerBound)...Double(range.upperBound)) else { return nil }
            guard let i = Int(checking: d), Double(i) == d else {
                throw ScenarioError(description: "\(path).\(key): \(MergeKeys.json(value[key]!)) is not a whole number")
            }
            return i
        }

        static func format(_ d: Double) -> String { Int64(checking: d).map(String.init) ?? "\(d)" }

        func duration(_ key: String) throws -> Double? {
            guard let v = value[key], !v.isNull else { return nil }
            if v.doubleValue != nil { return try number(key, 0...ScenarioLoader.maxDurationSeconds) }
            guard let s = v.string, let d = DurationText.seconds(s) else {
                throw ScenarioError(description: "\(path).\(key): expected a duration such as 30s, 5m or 2h")
            }
            guard d.isFinite, d <= ScenarioLoader.maxDurationSeconds else {
                throw ScenarioError(description: "\(path).\(key): \(s) is longer than ten years")
            }
            return d
        }
    }
}
