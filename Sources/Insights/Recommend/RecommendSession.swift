import Charts
import Foundation
import GitStore
import KubeClient

/// One `shipshape recommend` pass for an environment: gather usage (sample files, the
/// cluster's checkpoint plus a fresh metrics sample, Prometheus), render the environment,
/// recommend, and plan the values commit. The CLI only parses flags and prints.
public struct RecommendSession {
    /// The environment as shipshape.yaml describes it, with paths resolved from the repository root.
    public struct Environment: Sendable {
        public var name: String
        public var chartDirectory: String
        /// The overlay's values file, if the overlay has one.
        public var overlayValues: String?
        public var namespace: String
        public var releaseName: String
        public init(name: String, chartDirectory: String, overlayValues: String?, namespace: String, releaseName: String) {
            self.name = name
            self.chartDirectory = chartDirectory
            self.overlayValues = overlayValues
            self.namespace = namespace
            self.releaseName = releaseName
        }
    }

    /// What a pass found and would commit.
    public struct Plan {
        public var results: [ContainerResult]
        public var changes: [FieldChange]
        public var commit: RecommendationCommit?
    }

    public static func checkpointName(environment: String) -> String { "shipshape-usage-\(environment)" }

    public var environment: Environment
    public var policy: RecommendPolicy
    public var history = UsageHistory()

    public init(environment: Environment, policy: RecommendPolicy) {
        self.environment = environment
        self.policy = policy
    }

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

    /// Folds in `window` seconds of Prometheus history up to `end`, at `step` seconds. CPU
    /// samples are weighted by the CPU requests the environment renders now.
    public mutating func addPrometheus(_ source: PrometheusSource, end: Double, window: Double, step: Double = 60) throws {
        let render = try EnvironmentRender.render(chartDirectory: environment.chartDirectory, overlayValues: environment.overlayValues,
                                                  releaseName: environment.releaseName, namespace: environment.namespace)
        var requests: [String: Double] = [:]
        for w in try RenderedWorkload.parse(EnvironmentRender.documents(render), namespace: environment.namespace) {
            for c in w.containers { requests["\(w.namespace)/\(w.name)/\(c.name)"] = c.resources.cpuRequest?.doubleValue }
        }
        history.add(try source.samples(namespace: environment.namespace, start: end - window, end: end, step: step, cpuRequests: requests))
    }

    /// Renders, recommends and plans the commit. Files are shown relative to the repository
    /// (or by `displayPath`).
    public func plan(sinceLastRecommendation: [String: Double] = [:], displayPath: ((String) -> String)? = nil) throws -> Plan {
        let workTree = (try? Repository.discover(containing: environment.chartDirectory))?.workTree
        let displayPath = displayPath ?? { path in
            guard let workTree else { return path }
            let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            let root = URL(fileURLWithPath: workTree).resolvingSymlinksInPath().path + "/"
            return resolved.hasPrefix(root) ? String(resolved.dropFirst(root.count)) : path
        }
        let render = try EnvironmentRender.render(chartDirectory: environment.chartDirectory, overlayValues: environment.overlayValues,
                                                  releaseName: environment.releaseName, namespace: environment.namespace)
        let workloads = try RenderedWorkload.parse(EnvironmentRender.documents(render), namespace: environment.namespace)
        let (results, changes) = EnvironmentRecommender.recommend(workloads: workloads, history: history, policy: policy,
                                                                  sinceLastRecommendation: sinceLastRecommendation)
        let commit = try RecommendationCommit.make(environment: environment.name, changes: changes, results: results, render: render,
                                                   displayPath: displayPath)
        return Plan(results: results, changes: changes, commit: commit)
    }

    /// Seconds since each workload's last recommendation commit reachable from `revision`
    /// (by its `Shipshape-Workload` trailers), for the cooldown.
    public static func sinceLastRecommendation(repositoryContaining path: String, revision: String = "HEAD", now: Double) -> [String: Double] {
        guard let repository = try? Repository.discover(containing: path),
              let commits = try? History(repository).commits(touching: [], from: revision, limit: 500) else { return [:] }
        var out: [String: Double] = [:]
        for c in commits {
            guard c.message.value(for: "Shipshape-Recommend") != nil, let time = c.committer.time?.seconds else { continue }
            for w in c.message.values(for: "Shipshape-Workload") where out[w] == nil { out[w] = max(0, now - Double(time)) }
        }
        return out
    }
}
