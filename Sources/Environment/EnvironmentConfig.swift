import Foundation
import Kubernetes
import YAML

/// The one model of `shipshape.yaml` at the root of the configuration repository: the environments, and for
/// each where its chart, overlay, cluster, git source and policies are, and how to reconcile.
public struct EnvironmentConfig: Sendable, Equatable {
    public struct Environment: Sendable, Equatable {
        public var name: String
        public var chart: String
        public var overlay: String?
        public var namespace: String
        /// A kubeconfig context, or nil for the current context / in-cluster.
        public var context: String?
        public var inCluster = false
        public var repository: String
        public var branch: String
        public var policies: String
        public var prune = true
        public var healthTimeoutSeconds = 300
        public var rollback = true
        /// Correct drift, or only report it.
        public var correctDrift = true
        public var releaseName: String

        public init(name: String, chart: String, overlay: String? = nil, namespace: String, context: String? = nil,
                    repository: String = ".", branch: String = "main", policies: String = "policies", releaseName: String = "chatbot") {
            self.name = name
            self.chart = chart
            self.overlay = overlay
            self.namespace = namespace
            self.context = context
            self.repository = repository
            self.branch = branch
            self.policies = policies
            self.releaseName = releaseName
        }
    }

    public var environments: [String: Environment]

    public init(yaml text: String, file: String) throws {
        let root = try ValueDecoder.decode(text, file: file)
        guard root["kind"]?.string == "Environments" else {
            throw EnvironmentError("\(file): expected kind: Environments")
        }
        var envs: [String: Environment] = [:]
        for (name, e) in root["environments"]?.object ?? [:] {
            func need(_ key: String) throws -> String {
                guard let v = e[key]?.string, !v.isEmpty else {
                    throw EnvironmentError("\(file): environments.\(name).\(key) is required")
                }
                return v
            }
            // A key that is present must have its type: `healthTimeout: .inf`, `prune: "yes"` or
            // `overlay: 5` silently ignored would run the environment in a way nobody wrote.
            func check(_ value: Value?, _ key: String, _ expected: String, _ ok: (Value) -> Bool) throws {
                if let value, !value.isNull, !ok(value) {
                    throw EnvironmentError("\(file): environments.\(name).\(key) must be \(expected), got \(Self.describe(value))")
                }
            }
            for key in ["chart", "overlay", "namespace", "policies", "releaseName"] {
                try check(e[key], key, "a string", { $0.string != nil })
            }
            for key in ["prune", "rollback", "correctDrift"] {
                try check(e["reconcile"]?[key], "reconcile.\(key)", "true or false", { $0.boolValue != nil })
            }
            try check(e["reconcile"]?["healthTimeout"], "reconcile.healthTimeout", "a duration like 90s or 5m, at most 24h", { $0.string != nil })
            let cluster = e["cluster"] ?? .object([:])
            let source = e["source"] ?? .object([:])
            let options = e["reconcile"] ?? .object([:])
            var env = Environment(name: name, chart: try need("chart"), overlay: e["overlay"]?.string, namespace: try need("namespace"),
                                  context: cluster["context"]?.string, repository: source["repository"]?.string ?? ".",
                                  branch: source["branch"]?.string ?? "main", policies: e["policies"]?.string ?? "policies",
                                  releaseName: e["releaseName"]?.string ?? "chatbot")
            env.inCluster = cluster["inCluster"] == .bool(true)
            if case .bool(let b)? = options["prune"] { env.prune = b }
            if case .bool(let b)? = options["rollback"] { env.rollback = b }
            if case .bool(let b)? = options["correctDrift"] { env.correctDrift = b }
            if let t = options["healthTimeout"]?.string {
                guard let seconds = Self.duration(t) else {
                    throw EnvironmentError("\(file): environments.\(name).reconcile.healthTimeout \"\(t)\" is not a duration like 90s or 5m, at most 24h")
                }
                env.healthTimeoutSeconds = seconds
            }
            envs[name] = env
        }
        if envs.isEmpty { throw EnvironmentError("\(file): no environments defined") }
        environments = envs
    }

    /// A value as an error shows it (`.inf`, `"yes"`, `5`).
    static func describe(_ value: Value) -> String {
        switch value {
        case .float(let d) where d.isNaN: return ".nan"
        case .float(let d) where d.isInfinite: return d < 0 ? "-.inf" : ".inf"
        case .string(let s): return "\"\(s)\""
        default: return (try? JSONWriter().string(value)) ?? "?"
        }
    }

    /// `90s`, `5m`, `1h`, `1h30m` in whole seconds (see `DurationText`), at most a day: a
    /// health wait longer than that is a typo, and a huge value must not trap the conversion.
    static func duration(_ text: String) -> Int? {
        guard let seconds = DurationText.seconds(text), seconds.isFinite, seconds >= 0, seconds <= 86_400 else { return nil }
        return Int(seconds)
    }

    public func environment(_ name: String) throws -> Environment {
        guard let env = environments[name] else {
            throw EnvironmentError("no environment \"\(name)\" in shipshape.yaml (known: \(environments.keys.sorted().joined(separator: ", ")))")
        }
        return env
    }
}
