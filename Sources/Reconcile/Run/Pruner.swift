import Foundation
import YAML

/// Which objects to prune: those Shipshape created before (its inventory) that git no longer
/// wants, unless the live object opts out with the annotation `shipshape.dev/prune: disabled`
/// (or `"false"`). Objects Shipshape did not create are never candidates.
public enum PrunePlan {
    public static let keepAnnotation = "shipshape.dev/prune"

    /// `apps/v1/Deployment/ns/name` of an object.
    public static func key(_ object: Value) -> String { Inventory.key(object) }

    /// Whether a live object asks not to be pruned.
    public static func optsOut(_ object: Value) -> Bool {
        guard let value = object["metadata"]?["annotations"]?[keepAnnotation]?.string?.lowercased() else { return false }
        return value == "disabled" || value == "false"
    }

    /// Keys in `inventory` that `desired` no longer has; `live` (by key) lets an object opt out.
    public static func prune(inventory: [String], desired: [Value], live: [String: Value]) -> [String] {
        let wanted = Set(desired.map(key))
        return inventory.filter { k in
            guard !wanted.contains(k) else { return false }
            if let object = live[k], optsOut(object) { return false }
            return true
        }
    }
}

/// Deletes what `PrunePlan` chose, newest dependents first (reverse apply order), each with
/// its uid as a precondition so an object someone re-created by hand is left alone.
struct Pruner {
    let cluster: any ReconcileCluster
    let log: (String) -> Void

    /// Returns the keys that were deleted (or were already gone) and those kept by opt-out.
    func prune(inventory: Inventory, desired: [Value]) throws -> (deleted: [String], kept: [String]) {
        let wanted = Set(desired.map(Inventory.key))
        var candidates: [(key: String, kind: String)] = []
        for key in inventory.keys where !wanted.contains(key) {
            guard let parts = Inventory.parse(key) else { continue }
            candidates.append((key, parts.kind))
        }
        candidates.sort { ApplyOrder.rank($0.kind) > ApplyOrder.rank($1.kind) }
        var deleted: [String] = [], kept: [String] = []
        for candidate in candidates {
            guard let p = Inventory.parse(candidate.key) else { continue }
            guard let live = try cluster.get(apiVersion: p.apiVersion, kind: p.kind, namespace: p.namespace, name: p.name) else {
                deleted.append(candidate.key)
                continue
            }
            if PrunePlan.optsOut(live) {
                log("keep \(ObjectName.of(live)): annotated \(PrunePlan.keepAnnotation)")
                kept.append(candidate.key)
                continue
            }
            try cluster.delete(apiVersion: p.apiVersion, kind: p.kind, namespace: p.namespace, name: p.name,
                               uid: live["metadata"]?["uid"]?.string)
            log("pruned \(ObjectName.of(live))")
            deleted.append(candidate.key)
        }
        return (deleted, kept)
    }
}
