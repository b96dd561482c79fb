import Environment
import Foundation
import GitStore
import KubeClient

/// One `shipshape recommend` pass for an environment: gather usage (sample files, the
/// cluster's checkpoint plus a fresh metrics sample, Prometheus), render the environment,
/// recommend, and plan the values commit. The CLI only parses flags and prints.
public struct RecommendSession {
    /// What a pass found and would commit.
    public struct Plan {
        public var results: [ContainerResult]
        public var changes: [FieldChange]
        public var commit: RecommendationCommit?
    }

    public static func checkpointName(environment: String) -> String { "shipshape-usage-\(environment)" }

    /// The environment as shipshape.yaml describes it.
    public var environment: EnvironmentConfig.Environment
    /// The files it is rendered from: the work tree, or the branch head's tree in the cluster.
    public var tree: any FileTree
    public var policy: RecommendPolicy
    public var history = UsageHistory()

    public init(environment: EnvironmentConfig.Environment, tree: any FileTree, policy: RecommendPolicy) {
        self.environment = environment
        self.tree = tree
        self.policy = policy
    }

    /// The environment rendered as reconcile applies it (kustomization included), with values
    /// provenance for the commit.
    public func render() throws -> RenderedEnvironment { try renderer.render() }

    /// The pipeline for the environment, tracing values.
    public var renderer: EnvironmentRenderer { EnvironmentRenderer(environment: environment, tree: tree, trace: true) }

    /// Folds a samples file (CSV, JSON or SSU1) in.
    public mutating func addSamples(file: String) throws { try UsageFile.load(path: file, into: &history) }

    /// Loads the cluster checkpoint, takes one metrics.k8s.io sample and stores the checkpoint
    /// again (what the hourly CronJob does). Returns the number of container samples taken.
    @discardableResult
    public mutating func sampleCluster(api: KubeAPI, save: Bool = true) throws -> Int {
        let name = Self.checkpointName(environment: environment.name)
        let stored = try UsageCheckpoint.load(api: api, namespace: environment.namespace, name: name)
        for (k, v) in stored.containers where history.containers[k] == nil { history.containers[k] = v }
        let n = try MetricsSampler(api: api, namespace: environment.namespace).sample(into: &history)
        history.dropStale()
        if save { try UsageCheckpoint.save(api: api, namespace: environment.namespace, name: name, history: history) }
        return n
    }

    /// Folds in `window` seconds of Prometheus history up to `end`, at `step` seconds (default:
    /// the smallest step that keeps every series within Prometheus's point limit). CPU samples
    /// are weighted by the CPU requests the environment renders now.
    public mutating func addPrometheus(_ source: PrometheusSource, end: Double, window: Double, step: Double? = nil) throws {
        var requests: [String: Double] = [:]
        for w in RenderedWorkload.parse(try render(), namespace: environment.namespace) {
            for c in w.containers { requests["\(w.namespace)/\(w.name)/\(c.name)"] = c.resources.cpuRequest?.doubleValue }
        }
        let step = step ?? PrometheusSource.step(forWindow: window)
        history.add(try source.samples(namespace: environment.namespace, start: end - window, end: end, step: step, cpuRequests: requests))
    }

    /// Renders, recommends and plans the commit. Files are named by their path in the tree.
    public func plan(sinceLastRecommendation: [String: Double] = [:]) throws -> Plan {
        let renderer = self.renderer
        let rendered = try renderer.render()
        let workloads = RenderedWorkload.parse(rendered, namespace: environment.namespace)
        let (results, changes) = EnvironmentRecommender.recommend(workloads: workloads, history: history, policy: policy,
                                                                  sinceLastRecommendation: sinceLastRecommendation)
        let commit = try RecommendationCommit.make(environment: environment.name, changes: changes, results: results, rendered: rendered, renderer: renderer)
        return Plan(results: results, changes: changes, commit: commit)
    }

    /// Seconds since each workload's last recommendation commit reachable from `revision`
    /// (by its `Shipshape-Workload` trailers), for the cooldown.
    public static func sinceLastRecommendation(in repository: Repository, revision: String = "HEAD", now: Double) -> [String: Double] {
        guard let commits = try? History(repository).commits(touching: [], from: revision, limit: 500) else { return [:] }
        var out: [String: Double] = [:]
        for c in commits {
            guard c.message.value(for: "Shipshape-Recommend") != nil, let time = c.committer.time?.seconds else { continue }
            for w in c.message.values(for: "Shipshape-Workload") where out[w] == nil { out[w] = max(0, now - Double(time)) }
        }
        return out
    }
}
