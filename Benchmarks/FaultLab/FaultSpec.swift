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
    /// Simulated minutes of heal runs (every minute; reconcile every 5).
    public var minutes: Int
    public var expect: Expectation

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
        return FaultSpec(name: try need("name"), description: v["description"]?.string ?? "", scenario: v["scenario"]?.string,
                         values: v["values"]?.string ?? "", release: release, minutes: v["minutes"]?.intValue ?? 30,
                         expect: Expectation(faultClass: c.flatMap(FaultClass.init), action: e["action"]?.string ?? "none",
                                             resolvable: e["resolvable"]?.boolValue ?? false))
    }

    /// Every `*.yaml` in `folder`, by name.
    public static func library(_ folder: String) throws -> [FaultSpec] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }.sorted()
            .map { try load((folder as NSString).appendingPathComponent($0)) }
    }
}
