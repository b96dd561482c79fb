import YAML

/// `namePrefix` / `nameSuffix`: every object's name, except CustomResourceDefinitions and
/// Namespaces, whose names are fixed by what they define.
enum NameAffixTransform {
    static func apply(prefix: String, suffix: String, to resources: inout [Resource]) {
        guard !prefix.isEmpty || !suffix.isEmpty else { return }
        for i in resources.indices where !["CustomResourceDefinition", "Namespace"].contains(resources[i].kind) {
            resources[i].name = prefix + resources[i].name + suffix
        }
    }
}
