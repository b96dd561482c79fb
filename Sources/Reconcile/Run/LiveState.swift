import YAML

/// The live objects a run compares against, read with one LIST per kind (per apiVersion and
/// kind, in the environment's namespace, or cluster-wide for cluster-scoped kinds) — never one
/// GET per object — and keyed by `Inventory.key`.
struct LiveState {
    let cluster: any ReconcileCluster
    let namespace: String

    /// The live objects of every kind in `desired` and in `inventory`.
    func read(desired: [Value], inventory: [String]) throws -> [String: Value] {
        var kinds: [(String, String)] = []
        var seen = Set<String>()
        func note(_ apiVersion: String, _ kind: String) {
            if seen.insert(apiVersion + " " + kind).inserted { kinds.append((apiVersion, kind)) }
        }
        for o in desired { note(o["apiVersion"]?.string ?? "", o["kind"]?.string ?? "") }
        for key in inventory { if let p = Inventory.parse(key) { note(p.apiVersion, p.kind) } }
        var live: [String: Value] = [:]
        for (apiVersion, kind) in kinds {
            let namespaced = try cluster.isNamespaced(apiVersion: apiVersion, kind: kind)
            for o in try cluster.list(apiVersion: apiVersion, kind: kind, namespace: namespaced ? namespace : nil) {
                live[Inventory.key(o)] = o
            }
        }
        return live
    }
}
