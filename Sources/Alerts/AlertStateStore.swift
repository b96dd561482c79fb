import Foundation
import KubeClient
import YAML

/// Keeps a job's `AlertState` in its own checkpoint ConfigMap (heal: `shipshape-ENV-heal`,
/// logs: `shipshape-logs-ENV`) under the key `alerts.json`, by server-side apply with its own
/// field manager: the job's other keys belong to the job's manager and are left as they are.
public struct AlertStateStore: Sendable {
    public let api: KubeAPI
    public let namespace: String
    public let configMap: String
    public static let fieldManager = "shipshape-alerts"

    public init(api: KubeAPI, namespace: String, configMap: String) {
        self.api = api
        self.namespace = namespace
        self.configMap = configMap
    }

    var place: String { "ConfigMap \(namespace)/\(configMap) key \(AlertState.dataKey)" }

    /// The state kept (empty when there is none yet).
    public func load() throws -> AlertState {
        guard let cm = try api.get(try api.resource(apiVersion: "v1", kind: "ConfigMap"), name: configMap, namespace: namespace),
              let text = cm[path: ["data", AlertState.dataKey]]?.string else { return AlertState() }
        return try AlertState(decoding: text, place: place)
    }

    /// Stores `state` when it differs from `previous`.
    public func save(_ state: AlertState, previous: AlertState) throws {
        guard state != previous else { return }
        let object: Value = [
            "apiVersion": "v1", "kind": "ConfigMap",
            "metadata": ["name": .string(configMap), "namespace": .string(namespace)],
            "data": .object([AlertState.dataKey: .string(try state.encoded())]),
        ]
        _ = try api.apply(object, fieldManager: Self.fieldManager, force: true)
    }
}
