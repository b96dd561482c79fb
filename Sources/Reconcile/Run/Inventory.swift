import YAML

/// The objects Shipshape created for an environment, by key (`apps/v1/Deployment/ns/name`).
/// Only objects in the inventory are ever pruned; it is written to the state ConfigMap before
/// anything is applied (old ∪ new), and narrowed to the desired set once a run completes, so
/// an interrupted run never leaves an object Shipshape created but does not know about.
public struct Inventory: Sendable, Equatable {
    public private(set) var keys: [String]

    public init(_ keys: [String]) { self.keys = Array(Set(keys)).sorted() }

    /// `apps/v1/Deployment/ns/name` of an object.
    public static func key(_ object: Value) -> String {
        let ns = object["metadata"]?["namespace"]?.string ?? ""
        return "\(object["apiVersion"]?.string ?? "")/\(object["kind"]?.string ?? "")/\(ns)/\(object["metadata"]?["name"]?.string ?? "")"
    }

    /// The parts of a key: apiVersion (which may hold a `/`), kind, namespace ("" when
    /// cluster-scoped) and name.
    public static func parse(_ key: String) -> (apiVersion: String, kind: String, namespace: String?, name: String)? {
        let parts = key.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4 || parts.count == 5 else { return nil }
        let apiVersion = parts.count == 5 ? parts[0] + "/" + parts[1] : parts[0]
        let rest = parts.suffix(3)
        let ns = rest[rest.startIndex + 1]
        return (apiVersion, rest[rest.startIndex], ns.isEmpty ? nil : ns, rest[rest.startIndex + 2])
    }

    public func union(_ objects: [Value]) -> Inventory { Inventory(keys + objects.map(Self.key)) }

    public static func of(_ objects: [Value]) -> Inventory { Inventory(objects.map(key)) }
}
