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

    public init(decoding text: String) throws {
        let v = try JSONParser().parse(text)
        lastApplied = v["lastApplied"]?.string
        lastHealthy = v["lastHealthy"]?.string
        inProgress = v["inProgress"]?.string
        failures = (v["failures"]?.array ?? []).map {
            Failure(revision: $0["revision"]?.string ?? "", reason: $0["reason"]?.string ?? "", at: $0["at"]?.string ?? "")
        }
        inventory = (v["inventory"]?.array ?? []).compactMap(\.string)
        runs = (v["runs"]?.array ?? []).map { r in
            func int(_ k: String) -> Int { if case .int(let i)? = r[k] { return Int(i) }; return 0 }
            return Run(revision: r["revision"]?.string ?? "", at: r["at"]?.string ?? "", outcome: r["outcome"]?.string ?? "",
                       applied: int("applied"), pruned: int("pruned"), driftCorrected: (r["driftCorrected"]?.array ?? []).compactMap(\.string))
        }
    }
}
