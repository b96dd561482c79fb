import Foundation
import KubeClient
import YAML

/// `KubeAPI` as the reconciler's cluster: discovery maps kinds to resources, writes go
/// through server-side apply, and the run's lock is KubeClient's `LeaseLock`.
extension KubeAPI: ReconcileCluster {
    public func list(apiVersion: String, kind: String, namespace: String?) throws -> [Value] {
        try list(try resource(apiVersion: apiVersion, kind: kind), namespace: namespace)
    }

    public func get(apiVersion: String, kind: String, namespace: String?, name: String) throws -> Value? {
        let r = try resource(apiVersion: apiVersion, kind: kind)
        return try get(r, name: name, namespace: r.namespaced ? namespace : nil)
    }

    public func apply(_ object: Value, fieldManager: String, force: Bool) throws -> Value {
        do {
            return try apply(object, fieldManager: fieldManager, force: force, dryRun: false)
        } catch let error as KubeAPIError where error.isConflict {
            throw ClusterConflict(object: ObjectName.of(object), message: error.message)
        }
    }

    public func delete(apiVersion: String, kind: String, namespace: String?, name: String, uid: String?) throws {
        let r = try resource(apiVersion: apiVersion, kind: kind)
        do {
            try delete(r, name: name, namespace: r.namespaced ? namespace : nil, propagation: "Background", uid: uid)
        } catch let error as KubeAPIError where error.isConflict {
            // The uid precondition failed: the object was replaced by someone else; leave it.
            return
        }
    }

    public func lease(name: String, namespace: String, identity: String, durationSeconds: Int) -> LeaseLock {
        LeaseLock(api: self, name: name, namespace: namespace, identity: identity, durationSeconds: durationSeconds)
    }

    public func isNamespaced(apiVersion: String, kind: String) throws -> Bool {
        try resource(apiVersion: apiVersion, kind: kind).namespaced
    }
}
