import Environment
import Foundation
import Reconcile
import YAML

/// Reads and writes `HealState` in the ConfigMap `shipshape-<env>-heal`, by server-side apply
/// under Shipshape's field manager, only when it changed.
struct HealStateStore {
    let cluster: any ReconcileCluster
    let environment: String
    let namespace: String

    var name: String { HealState.configMapName(environment: environment) }

    func load() throws -> HealState {
        guard let cm = try cluster.get(apiVersion: "v1", kind: "ConfigMap", namespace: namespace, name: name),
              let text = cm["data"]?[HealState.dataKey]?.string else { return HealState() }
        do { return try HealState(decoding: text) } catch {
            throw HealError("v1 ConfigMap \(namespace)/\(name): data.\(HealState.dataKey) is not a heal state document (\(error)); delete the ConfigMap to start afresh (restart history and open faults are then forgotten)")
        }
    }

    func save(_ state: HealState, previous: HealState) throws {
        guard state != previous else { return }
        let object: Value = [
            "apiVersion": "v1", "kind": "ConfigMap",
            "metadata": ["name": .string(name), "namespace": .string(namespace),
                         "labels": ["app.kubernetes.io/managed-by": "shipshape", "shipshape.dev/environment": .string(environment)]],
            "data": .object([HealState.dataKey: .string(try state.encoded())]),
        ]
        _ = try cluster.apply(object, fieldManager: Reconciler.fieldManager, force: true)
    }
}

/// Heal's state for readers outside a heal run (`shipshape history --env`).
public enum HealStateReader {
    /// The environment's heal state; nil when heal has not run there (or it cannot be read).
    public static func load(cluster: any ReconcileCluster, environment: EnvironmentConfig.Environment) throws -> HealState? {
        let store = HealStateStore(cluster: cluster, environment: environment.name, namespace: environment.namespace)
        guard ((try? cluster.get(apiVersion: "v1", kind: "ConfigMap", namespace: environment.namespace, name: store.name)) ?? nil) != nil else { return nil }
        return try store.load()
    }
}
