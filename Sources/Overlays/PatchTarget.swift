import Kubernetes
import YAML

/// Which objects a patch applies to: group, version, kind, name and namespace (each an anchored
/// regular expression, as in kustomize), and label and annotation selectors.
struct PatchTarget: Sendable {
    /// One of the target's anchored regular expressions, compiled once when the kustomization is
    /// read; an absent or empty one matches everything. Unchecked because `Regex<AnyRegexOutput>`
    /// is not declared Sendable; the regex is never mutated after init, and the standard library
    /// lowers its program on first use with an atomic initialisation, so sharing it is safe.
    struct Pattern: @unchecked Sendable {
        let regex: Regex<AnyRegexOutput>?
        static let any = Pattern(regex: nil)

        func matches(_ value: String) -> Bool {
            guard let regex else { return true }
            return value.wholeMatch(of: regex) != nil
        }
    }

    var group = Pattern.any
    var version = Pattern.any
    var kind = Pattern.any
    var name = Pattern.any
    var namespace = Pattern.any
    var labelSelector: LabelSelector?
    var annotationSelector: LabelSelector?

    init(_ node: Node, reader r: FieldReader, field: String) throws {
        func compile(_ pattern: String, _ k: String) throws -> Pattern {
            guard !pattern.isEmpty else { return .any }
            guard let regex = try? Regex("^(?:" + pattern + ")$") else {
                throw r.error(node, field + "." + k, "\"\(pattern)\" is not a valid regular expression")
            }
            return Pattern(regex: regex)
        }
        for (k, _, v) in try r.entries(node, field) {
            let text = try r.string(v, field + "." + k)
            switch k {
            case "group": group = try compile(text, k)
            case "version": version = try compile(text, k)
            case "kind": kind = try compile(text, k)
            case "name": name = try compile(text, k)
            case "namespace": namespace = try compile(text, k)
            case "labelSelector", "annotationSelector":
                do {
                    let selector = try LabelSelector(parsing: text)
                    if k == "labelSelector" { labelSelector = selector } else { annotationSelector = selector }
                } catch let e as LabelSelectorError {
                    throw r.error(v, field + "." + k, "\(e); write a selector such as app=web,tier!=db")
                }
            default: throw r.unsupported(v, field + "." + k)
            }
        }
    }

    /// Whether `resource` is selected; names and namespaces match as originally read or as now.
    func selects(_ resource: Resource) -> Bool {
        let gvk = resource.gvk
        if !group.matches(gvk.group) || !version.matches(gvk.version) || !kind.matches(gvk.kind) { return false }
        let namespaced = resource.isNamespaced
        if !namespace.matches(Resource.effectiveNamespace(resource.originalNamespace, namespaced: namespaced))
            && !namespace.matches(Resource.effectiveNamespace(resource.namespace, namespaced: namespaced)) { return false }
        if !name.matches(resource.originalName) && !name.matches(resource.name) { return false }
        if let labelSelector, !labelSelector.matches(resource.labels) { return false }
        if let annotationSelector, !annotationSelector.matches(resource.annotations) { return false }
        return true
    }
}
