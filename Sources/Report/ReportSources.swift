import Environment
import Foundation
import GitStore
import Heal
import Insights
import KubeClient
import Logs
import Overlays
import Reconcile

/// Reads what a report is built from, through the readers the other jobs own: reconcile's
/// and heal's state ConfigMaps, the logs and usage checkpoints, and the tracked branch's
/// history; the recommendations are `shipshape recommend`'s own pass over the usage
/// checkpoint (no fresh sample: a report writes nothing).
public enum ReportSources {
    /// The most commits read from the tracked branch (a week of commits fits many times over).
    public static let maxCommits = 1000

    /// - Parameters:
    ///   - since: the period's length in seconds, ending at the API server's clock.
    ///   - alerts: alerts fired (the alerts job's state), when the caller has them.
    public static func read(environment e: EnvironmentConfig.Environment, api: KubeAPI, source: RevisionSource, since: Double,
                            alerts: [Report.AlertRecord] = []) throws -> ReportInputs {
        let end = try api.serverTime() ?? Date().timeIntervalSince1970
        let head = try source.head()
        let tree = RevisionTree(try source.snapshot(head))
        let policyFile = OverlayFiles.join(e.policies, "recommend.yaml")
        let policy = try tree.string(at: policyFile).map { try RecommendPolicy(yaml: $0, file: policyFile) } ?? RecommendPolicy()
        var session = RecommendSession(environment: e, tree: tree, policy: policy)
        session.history = try UsageCheckpoint.load(api: api, namespace: e.namespace, name: RecommendSession.checkpointName(environment: e.name))
        let plan = try session.plan(sinceLastRecommendation: RecommendSession.sinceLastRecommendation(in: source.repository, revision: head.hex, now: end))
        return ReportInputs(
            environment: e.name, namespace: e.namespace, start: end - since, end: end,
            reconcile: try ReconcileStateReader.load(cluster: api, environment: e.name, namespace: e.namespace),
            heal: try HealStateReader.load(cluster: api, environment: e),
            logs: try LogCheckpoint.load(api: api, namespace: e.namespace, name: LogCheckpoint.name(environment: e.name)),
            usage: session.history, recommendations: plan.results,
            commits: try History(source.repository).commits(touching: [], from: head.hex, limit: maxCommits).filter(\.message.isShipshape),
            alerts: alerts)
    }
}
