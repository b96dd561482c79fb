import Foundation
import YAML

/// Which objects to prune: those Shipshape created before (its inventory) that git no longer
/// wants, unless the live object opts out with the annotation `shipshape.dev/prune: disabled`
/// (or `"false"`). Objects Shipshape did not create are never candidates.
public enum PrunePlan {
    public static let keepAnnotation = "shipshape.dev/prune"

    /// Whether a live object asks not to be pruned.
    public static func optsOut(_ object: Value) -> Bool {
        guard let value = object["metadata"]?["annotations"]?[keepAnnotation]?.string?.lowercased() else { return false }
        return value == "disabled" || value == "false"
    }

    /// Whether a live Namespace asks to be pruned (`shipshape.dev/prune: enabled`): deleting a
    /// Namespace deletes everything in it, so it is never pruned without this.
    public static func optsIn(_ object: Value) -> Bool {
        object["metadata"]?["annotations"]?[keepAnnotation]?.string?.lowercased() == "enabled"
    }

    /// Whether Shipshape applied `object`: its managed fields name Shipshape's field manager.
    /// The inventory is only a list in a ConfigMap anyone with access can edit; an entry added
    /// by hand must not make Shipshape delete what it never created.
    public static func appliedByShipshape(_ object: Value) -> Bool {
        (object["metadata"]?["managedFields"]?.array ?? []).contains { $0["manager"]?.string == Reconciler.fieldManager }
    }

    /// Keys in `inventory` that `desired` no longer has, that Shipshape applied, and that do
    /// not opt out; Namespaces only when they opt in.
    public static func prune(inventory: [String], desired: [Value], live: [String: Value]) -> [String] {
        let wanted = Set(desired.map(Inventory.key))
        return inventory.filter { k in
            guard !wanted.contains(k) else { return false }
            if let object = live[k] {
                if optsOut(object) || !appliedByShipshape(object) { return false }
                if object["kind"]?.string == "Namespace" && !optsIn(object) { return false }
            }
            return true
        }
    }
}

/// Deletes what `PrunePlan` chose, dependents first (reverse apply order), each with the uid
/// the run's LIST saw as a precondition, so an object someone re-created by hand is left alone.
struct Pruner {
    let cluster: any ReconcileCluster
    let log: (String) -> Void

    /// Deletes `keys` (each present in `live`); returns the keys it deleted.
    func prune(_ keys: [String], live: [String: Value]) throws -> [String] {
        let ordered = keys.compactMap { key in Inventory.parse(key).map { (key: key, parts: $0) } }
            .sorted { ApplyOrder.rank($0.parts.kind) > ApplyOrder.rank($1.parts.kind) }
        var deleted: [String] = []
        for (key, p) in ordered {
            guard let object = live[key] else { continue }
            try cluster.delete(apiVersion: p.apiVersion, kind: p.kind, namespace: p.namespace, name: p.name,
                               uid: object["metadata"]?["uid"]?.string)
            log("pruned \(ObjectName.of(object))")
            deleted.append(key)
        }
        return deleted
    }
}
