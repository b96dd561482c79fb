import Foundation
import YAML

/// Reads and writes `ReconcileState` in the ConfigMap `shipshape-<env>-state` (key
/// `state.json`) in the environment's namespace. Writes are server-side applies under
/// Shipshape's field manager, and only happen when the state actually changed, so a no-op
/// run writes nothing.
struct StateStore {
    let cluster: any ReconcileCluster
    let environment: String
    let namespace: String

    static let dataKey = "state.json"

    var name: String { ReconcileState.configMapName(environment: environment) }

    func load() throws -> ReconcileState {
        guard let cm = try cluster.get(apiVersion: "v1", kind: "ConfigMap", namespace: namespace, name: name),
              let text = cm["data"]?[Self.dataKey]?.string else { return ReconcileState() }
        do { return try ReconcileState(decoding: text) } catch {
            throw ReconcileError("v1 ConfigMap \(namespace)/\(name): data.\(Self.dataKey) is not a state document (\(error)); delete the ConfigMap to start afresh")
        }
    }

    /// Saves `state` unless it equals `previous` (what was loaded or last saved).
    func save(_ state: ReconcileState, previous: inout ReconcileState) throws {
        guard state != previous else { return }
        let object: Value = [
            "apiVersion": "v1", "kind": "ConfigMap",
            "metadata": ["name": .string(name), "namespace": .string(namespace),
                         "labels": ["app.kubernetes.io/managed-by": "shipshape", "shipshape.dev/environment": .string(environment)]],
            "data": .object([Self.dataKey: .string(try state.encoded())]),
        ]
        _ = try cluster.apply(object, fieldManager: Reconciler.fieldManager, force: true)
        previous = state
    }
}

/// Reconcile's state for readers outside a reconcile run (`shipshape report`), without a
/// `Reconciler`: the environment's state ConfigMap, empty when reconcile has not run there.
public enum ReconcileStateReader {
    public static func load(cluster: any ReconcileCluster, environment: String, namespace: String) throws -> ReconcileState {
        try StateStore(cluster: cluster, environment: environment, namespace: namespace).load()
    }
}
