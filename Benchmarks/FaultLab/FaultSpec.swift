import Foundation
import Heal
import Kubernetes
import YAML

/// One fault of the library (`Tests/HealTests/Faults/*.yaml`): the Sandbox scenario that plays
/// it, the chatbot values it is installed with, the release that brings it (a values commit
/// after the healthy install, if any), how long to run, and what heal must do.
public struct FaultSpec: Sendable {
    public var name: String
    public var description: String
    /// A Sandbox scenario (docs/sandbox.md), or nil for the built-in one.
    public var scenario: String?
    /// Extra lines for the dev overlay's values.yaml at install.
    public var values: String
    /// `values path → new value` edits of overlays/dev/values.yaml, committed after install.
    public var release: [(path: String, value: String)]
    /// What someone (or something) does to the cluster, at a minute of the run: what no git
    /// change expresses, as `kubectl` or a node's kubelet would do it.
    public var disrupt: [Disruption] = []
    /// Simulated minutes of heal runs (every minute; reconcile every 5).
    public var minutes: Int
    public var expect: Expectation

    public enum Disruption: Sendable {
        /// Deletes an object (`v1/ConfigMap/backend-config`) in the namespace.
        case delete(minute: Int, apiVersion: String, kind: String, name: String)
        /// Deletes the first pod (by name) whose name starts with the prefix, as a node drain would.
        case deletePod(minute: Int, prefix: String)
        /// Sets a condition on the Node's status, as its kubelet reports it.
        case nodeCondition(minute: Int, type: String, status: String, reason: String, message: String)

        var minute: Int {
            switch self {
            case .delete(let m, _, _, _), .deletePod(let m, _), .nodeCondition(let m, _, _, _, _): return m
            }
        }
    }

    public struct Expectation: Sendable {
        /// The fault class heal must find; nil for a healthy soak (no finding, no action).
        public var faultClass: FaultClass?
        /// The first action it must take (commit, commit-for-review, rollback, restart, escalate, none).
        public var action: String
        /// Whether the class has a fix heal may apply (counts toward the resolved share).
        public var resolvable: Bool
    }

    public static func load(_ path: String) throws -> FaultSpec {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let v = try ValueDecoder.decode(text, file: path)
        func need(_ key: String) throws -> String {
            guard let s = v[key]?.string else { throw HealError("\(path): \(key) is required") }
            return s
        }
        var release: [(String, String)] = []
        if case .object(let m)? = v["release"] {
            for (k, x) in m { release.append((k, x.string ?? x.intValue.map(String.init) ?? "")) }
        }
        let e = v["expect"] ?? .object([:])
        let c = e["class"]?.string
        if let c, FaultClass(rawValue: c) == nil { throw HealError("\(path): expect.class \(c) is not a fault class") }
        var disrupt: [Disruption] = []
        for (i, d) in (v["disrupt"]?.array ?? []).enumerated() {
            guard let minute = d["minute"]?.intValue else { throw HealError("\(path): disrupt[\(i)].minute is required") }
            if let target = d["delete"]?.string {
                let parts = target.split(separator: "/").map(String.init)
                guard parts.count >= 3 else { throw HealError("\(path): disrupt[\(i)].delete: expected apiVersion/Kind/name") }
                disrupt.append(.delete(minute: minute, apiVersion: parts.dropLast(2).joined(separator: "/"), kind: parts[parts.count - 2], name: parts.last!))
            } else if let prefix = d["deletePod"]?.string {
                disrupt.append(.deletePod(minute: minute, prefix: prefix))
            } else if let c = d["nodeCondition"] {
                disrupt.append(.nodeCondition(minute: minute, type: c["type"]?.string ?? "", status: c["status"]?.string ?? "True",
                                              reason: c["reason"]?.string ?? "", message: c["message"]?.string ?? ""))
            } else {
                throw HealError("\(path): disrupt[\(i)]: expected delete, deletePod or nodeCondition")
            }
        }
        return FaultSpec(name: try need("name"), description: v["description"]?.string ?? "", scenario: v["scenario"]?.string,
                         values: v["values"]?.string ?? "", release: release, disrupt: disrupt, minutes: v["minutes"]?.intValue ?? 30,
                         expect: Expectation(faultClass: c.flatMap(FaultClass.init), action: e["action"]?.string ?? "none",
                                             resolvable: e["resolvable"]?.boolValue ?? false))
    }

    /// Every `*.yaml` in `folder`, by name.
    public static func library(_ folder: String) throws -> [FaultSpec] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }.sorted()
            .map { try load((folder as NSString).appendingPathComponent($0)) }
    }
}
