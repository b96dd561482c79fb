import KubeClient
import YAML

/// The part of the Kubernetes API a reconcile run needs, narrow on purpose: read whole kinds
/// (one LIST each), server-side apply, the run's Lease, deletes with a uid
/// precondition, and events for failure reports. `KubeAPI` implements it over HTTP; tests run
/// it against the Sandbox's real API server.
public protocol ReconcileCluster: AnyObject, Sendable {
    /// Every object of `apiVersion`/`kind` in `namespace` (all namespaces, or the cluster, when nil).
    func list(apiVersion: String, kind: String, namespace: String?) throws -> [Value]
    /// One object, or nil when it does not exist.
    func get(apiVersion: String, kind: String, namespace: String?, name: String) throws -> Value?
    /// Server-side apply of `object` as `fieldManager`.
    func apply(_ object: Value, fieldManager: String, force: Bool) throws -> Value
    /// Deletes an object if it still has `uid` (nil: whatever is there); a missing object is fine.
    func delete(apiVersion: String, kind: String, namespace: String?, name: String, uid: String?) throws
    /// Whether objects of the kind live in a namespace.
    func isNamespaced(apiVersion: String, kind: String) throws -> Bool
    /// The `coordination.k8s.io` Lease that keeps two runs from overlapping.
    func lease(name: String, namespace: String, identity: String, durationSeconds: Int) -> LeaseLock
    /// The API server's clock (seconds since the epoch), nil when it does not say: run times
    /// are stamped by the cluster's clock, so reconcile and heal history line up.
    func serverTime() throws -> Double?
}

/// Someone else changed or created the object first (HTTP 409).
public struct ClusterConflict: Error, CustomStringConvertible, Sendable {
    public let object: String
    public let message: String
    public var description: String { "\(object): conflict: \(message)" }
}
