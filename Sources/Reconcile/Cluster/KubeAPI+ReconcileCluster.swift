import Foundation
import KubeClient
import YAML

/// `KubeAPI` as the reconciler's cluster: discovery maps kinds to resources, writes go
/// through server-side apply, and PUT carries the resourceVersion for compare-and-swap.
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

    public func create(_ object: Value) throws -> Value {
        do {
            return try create(object, namespace: nil)
        } catch let error as KubeAPIError where error.isConflict {
            throw ClusterConflict(object: ObjectName.of(object), message: error.message)
        }
    }

    public func update(_ object: Value) throws -> Value {
        let r = try resource(for: object)
        guard let name = object["metadata"]?["name"]?.string else { throw ReconcileError("\(ObjectName.of(object)): no metadata.name") }
        let ns = r.namespaced ? (object["metadata"]?["namespace"]?.string ?? defaultNamespace) : nil
        var request = HTTPRequest(method: "PUT", url: rest.url(r.path(namespace: ns, name: name)),
                                  headers: [("Accept", "application/json"), ("Content-Type", "application/json"), ("User-Agent", "shipshape")],
                                  body: Array(try JSONWriter().string(object).utf8))
        // A PUT with a resourceVersion is a compare-and-swap: repeating it after a lost answer
        // fails with 409 instead of overwriting, so it is safe to retry.
        request.idempotent = true
        do {
            return try JSONParser().parse(try rest.send(request).text)
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

    public func isNamespaced(apiVersion: String, kind: String) throws -> Bool {
        try resource(apiVersion: apiVersion, kind: kind).namespaced
    }
}
