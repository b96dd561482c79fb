import Alerts
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
/// and heal's state ConfigMaps, the logs and usage checkpoints, heal's and logs' alert states
/// (`AlertStateStore`, key `alerts.json` of their checkpoint ConfigMaps), and the tracked branch's
/// history; the recommendations are `shipshape recommend`'s own pass over the usage
/// checkpoint (no fresh sample: a report writes nothing).
public enum ReportSources {
    /// The most commits read from the tracked branch (a week of commits fits many times over).
    public static let maxCommits = 1000

    /// - Parameters:
    ///   - since: the period's length in seconds, ending at the API server's clock.
    public static func read(environment e: EnvironmentConfig.Environment, api: KubeAPI, source: RevisionSource, since: Double) throws -> ReportInputs {
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
            alerts: try alerts(api: api, environment: e))
    }

    /// The jobs that keep an alert state, and the ConfigMap each keeps it in.
    static func alertStores(environment e: EnvironmentConfig.Environment) -> [(job: String, configMap: String)] {
        [("heal", HealState.configMapName(environment: e.name)), ("logs", LogCheckpoint.name(environment: e.name))]
    }

    /// Heal's and logs' alerts, open and resolved, as the report lists them.
    static func alerts(api: KubeAPI, environment e: EnvironmentConfig.Environment) throws -> [Report.AlertRecord] {
        try alertStores(environment: e).flatMap { job, name in
            records(job: job, state: try AlertStateStore(api: api, namespace: e.namespace, configMap: name).load())
        }
    }

    /// One job's alert state as records: open alerts (no resolution yet), then its resolution
    /// history. The detail is the alert's summary (or its template or fault label).
    public static func records(job: String, state: AlertState) -> [Report.AlertRecord] {
        func detail(_ a: Alert) -> String { a.annotations["summary"] ?? a.labels["template"] ?? a.labels["fault"] ?? a.source }
        return state.openAlerts.map { o in
            Report.AlertRecord(name: o.alert.name, job: job, workload: o.alert.labels["workload"] ?? "", detail: detail(o.alert),
                               firedAt: o.alert.startsAt, resolvedAt: nil)
        } + state.history.map { r in
            Report.AlertRecord(name: r.alert.name, job: job, workload: r.alert.labels["workload"] ?? "", detail: detail(r.alert),
                               firedAt: r.alert.startsAt, resolvedAt: r.endsAt)
        }
    }
}
