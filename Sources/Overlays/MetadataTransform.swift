import YAML

/// `labels`, `commonLabels` and `commonAnnotations`: string pairs written into each field spec
/// that applies to the object's kind, creating the maps where the spec says so.
enum MetadataTransform {
    static func apply(_ pairs: [(String, String)], specs: [FieldSpec], to resources: inout [Resource]) {
        guard !pairs.isEmpty else { return }
        for i in resources.indices {
            let gvk = resources[i].gvk
            var seen: [[String]] = []
            for spec in specs where spec.matches(gvk) && !seen.contains(spec.path) {
                seen.append(spec.path)
                resources[i].object.visitFields(spec.path[...], create: spec.create) { field in
                    var map = field?.object ?? [:]
                    for (k, v) in pairs { map[k] = .string(v) }
                    field = .object(map)
                }
            }
        }
    }
}
