import OrderedCollections
import YAML

/// What Shipshape remembers about an environment, kept in the cluster in the ConfigMap
/// `shipshape-<env>-state` so that any run (or a new pod) can pick up where the last stopped.
public struct ReconcileState: Sendable, Equatable {
    /// A revision that failed, and why (pod, reason, events), so it is not retried until a newer
    /// commit arrives.
    public struct Failure: Sendable, Equatable {
        public var revision: String
        public var reason: String
        public var at: String
    }

    /// One reconcile run, newest last.
    public struct Run: Sendable, Equatable {
        public var revision: String
        public var at: String
        /// applied, in-sync, failed, rolled-back, blocked-by-policy
        public var outcome: String
        public var applied: Int
        public var pruned: Int
        public var driftCorrected: [String]
    }

    public var lastApplied: String?
    public var lastHealthy: String?
    /// The revision an interrupted run was applying (set before applying, cleared after).
    public var inProgress: String?
    public var failures: [Failure] = []
    /// Objects Shipshape created (`apps/v1/Deployment/ns/name`): the only ones it prunes.
    public var inventory: [String] = []
    public var runs: [Run] = []

    public init() {}

    public static let maxRuns = 50

    public func isFailed(_ revision: String) -> Bool { failures.contains { $0.revision == revision } }

    public mutating func record(_ run: Run) {
        runs.append(run)
        if runs.count > Self.maxRuns { runs.removeFirst(runs.count - Self.maxRuns) }
    }

    /// The ConfigMap name for an environment.
    public static func configMapName(environment: String) -> String { "shipshape-\(environment)-state" }

    /// As ConfigMap data (`state.json`).
    public func encoded() throws -> String {
        var o = OrderedDictionary<String, Value>()
        o["lastApplied"] = lastApplied.map { .string($0) } ?? .null
        o["lastHealthy"] = lastHealthy.map { .string($0) } ?? .null
        o["inProgress"] = inProgress.map { .string($0) } ?? .null
        o["failures"] = .array(failures.map { .object(["revision": .string($0.revision), "reason": .string($0.reason), "at": .string($0.at)]) })
        o["inventory"] = .array(inventory.map { .string($0) })
        o["runs"] = .array(runs.map {
            .object(["revision": .string($0.revision), "at": .string($0.at), "outcome": .string($0.outcome),
                     "applied": .int(Int64($0.applied)), "pruned": .int(Int64($0.pruned)),
                     "driftCorrected": .array($0.driftCorrected.map { .string($0) })])
        })
        return try JSONWriter(indent: 2, sortKeys: false).string(.object(o))
    }

    /// Decodes a state document. A field of the wrong type is an error naming it: silently
    /// resetting it would lose the history and the failed-revision marks that keep a bad
    /// revision from being applied again.
    public init(decoding text: String) throws {
        let v = try JSONParser().parse(text)
        guard case .object = v else { throw StateDecodingError(field: "(document)", expected: "an object") }
        func string(_ x: Value?, _ field: String) throws -> String? {
            switch x {
            case nil, .null?: return nil
            case .string(let s)?: return s
            default: throw StateDecodingError(field: field, expected: "a string")
            }
        }
        func list(_ field: String) throws -> [Value] {
            switch v[field] {
            case nil, .null?: return []
            case .array(let items)?: return items
            default: throw StateDecodingError(field: field, expected: "a list")
            }
        }
        lastApplied = try string(v["lastApplied"], "lastApplied")
        lastHealthy = try string(v["lastHealthy"], "lastHealthy")
        inProgress = try string(v["inProgress"], "inProgress")
        failures = try list("failures").enumerated().map { i, f in
            guard case .object = f else { throw StateDecodingError(field: "failures[\(i)]", expected: "an object") }
            return Failure(revision: try string(f["revision"], "failures[\(i)].revision") ?? "", reason: try string(f["reason"], "failures[\(i)].reason") ?? "",
                           at: try string(f["at"], "failures[\(i)].at") ?? "")
        }
        inventory = try list("inventory").enumerated().map { i, item in
            guard let s = item.string else { throw StateDecodingError(field: "inventory[\(i)]", expected: "a string") }
            return s
        }
        runs = try list("runs").enumerated().map { i, r in
            guard case .object = r else { throw StateDecodingError(field: "runs[\(i)]", expected: "an object") }
            func int(_ k: String) throws -> Int {
                switch r[k] {
                case nil, .null?: return 0
                case let x?: guard let n = x.intValue else { throw StateDecodingError(field: "runs[\(i)].\(k)", expected: "a whole number") }; return n
                }
            }
            let drift: [String] = try {
                switch r["driftCorrected"] {
                case nil, .null?: return []
                case .array(let items)?: return try items.map { guard let s = $0.string else { throw StateDecodingError(field: "runs[\(i)].driftCorrected", expected: "a list of strings") }; return s }
                default: throw StateDecodingError(field: "runs[\(i)].driftCorrected", expected: "a list of strings")
                }
            }()
            return Run(revision: try string(r["revision"], "runs[\(i)].revision") ?? "", at: try string(r["at"], "runs[\(i)].at") ?? "",
                       outcome: try string(r["outcome"], "runs[\(i)].outcome") ?? "",
                       applied: try int("applied"), pruned: try int("pruned"), driftCorrected: drift)
        }
    }
}

/// A state document field of the wrong type.
public struct StateDecodingError: Error, CustomStringConvertible {
    public let field: String
    public let expected: String
    public var description: String { "\(field) is not \(expected)" }
}
