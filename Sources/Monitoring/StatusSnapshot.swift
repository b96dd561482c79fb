import Foundation
import Heal
import KubeClient
import Reconcile
import YAML

/// Everything `shipshape status` judges, read from the cluster in one pass: the namespace's
/// Deployments, pods, HPAs and pod metrics; the nodes with their metrics and stats summaries;
/// the reconcile state and, when the heal job keeps one, its state ConfigMap.
public struct StatusSnapshot: Sendable {
    public var deployments: [Value] = []
    public var pods: [Value] = []
    public var hpas: [Value] = []
    public var podMetrics: [Value] = []
    public var nodes: [Value] = []
    public var nodeMetrics: [Value] = []
    /// Stats summaries by node name (`node.fs`: disk); missing where the node proxy is not allowed.
    public var nodeSummaries: [String: Value] = [:]
    public var reconcile: ReconcileState?
    /// The heal job's state (ConfigMap `shipshape-<env>-heal`), when heal has run.
    public var heal: HealState?
    /// The time usage was measured (the metrics' timestamp: a simulated cluster's clock), else now.
    public var now: Double

    public init(now: Double) { self.now = now }


    /// Reads the snapshot of `namespace` for `environment`.
    public static func read(api: KubeAPI, environment: String, namespace: String) throws -> StatusSnapshot {
        var s = StatusSnapshot(now: Date().timeIntervalSince1970)
        s.deployments = try api.list(try api.resource(apiVersion: "apps/v1", kind: "Deployment"), namespace: namespace)
        s.pods = try api.list(try api.resource(apiVersion: "v1", kind: "Pod"), namespace: namespace)
        s.hpas = try api.list(try api.resource(apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler"), namespace: namespace)
        s.podMetrics = try api.podMetrics(namespace: namespace)
        s.nodes = try api.list(try api.resource(apiVersion: "v1", kind: "Node"), namespace: nil)
        s.nodeMetrics = try api.nodeMetrics()
        for node in s.nodes {
            guard let name = node[path: ["metadata", "name"]]?.string else { continue }
            s.nodeSummaries[name] = try? api.nodeStatsSummary(node: name)
        }
        let configMaps = try api.resource(apiVersion: "v1", kind: "ConfigMap")
        if let state = try api.get(configMaps, name: ReconcileState.configMapName(environment: environment), namespace: namespace),
           let text = state[path: ["data", "state.json"]]?.string {
            s.reconcile = try ReconcileState(decoding: text)
        }
        if let cm = try api.get(configMaps, name: HealState.configMapName(environment: environment), namespace: namespace),
           let text = cm[path: ["data", HealState.dataKey]]?.string {
            s.heal = try HealState(decoding: text)
        }
        if let t = (s.podMetrics + s.nodeMetrics).compactMap({ $0["timestamp"]?.string.flatMap(Self.time) }).max() { s.now = t }
        return s
    }

    static func time(_ text: String) -> Double? {
        ISO8601DateFormatter().date(from: text)?.timeIntervalSince1970
    }
}
