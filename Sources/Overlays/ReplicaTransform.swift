import YAML

/// `replicas`: the replica count of the named workloads (Deployment, ReplicationController,
/// ReplicaSet, StatefulSet); naming nothing of those kinds is an error, as in kustomize.
enum ReplicaTransform {
    static func apply(_ located: Kustomization.Located<Kustomization.ReplicaRule>, to resources: inout [Resource], file: String) throws {
        let rule = located.value
        var changed = false
        for i in resources.indices where resources[i].originalName == rule.name || resources[i].name == rule.name {
            let gvk = resources[i].gvk
            for spec in BuiltinFieldSpecs.replicas where spec.matches(gvk) {
                resources[i].object.visitFields(spec.path[...], create: spec.create) { field in field = .int(rule.count) }
                changed = true
            }
        }
        guard changed else {
            throw OverlayError(file: file, mark: located.mark, field: located.field,
                               "no Deployment, StatefulSet, ReplicaSet or ReplicationController is named \"\(rule.name)\"; name one of those (other kinds are changed with a patch)")
        }
    }
}
