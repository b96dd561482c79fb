import Kubernetes
import YAML

/// Which objects a patch applies to: group, version, kind, name and namespace (each an anchored
/// regular expression, as in kustomize), and label and annotation selectors.
struct PatchTarget: Sendable {
    var group: String?
    var version: String?
    var kind: String?
    var name: String?
    var namespace: String?
    var labelSelector: LabelSelector?
    var annotationSelector: LabelSelector?
    /// The selector's source position and field, for errors.
    var mark: Mark?
    var field = ""

    init(group: String? = nil, version: String? = nil, kind: String? = nil, name: String? = nil, namespace: String? = nil) {
        self.group = group
        self.version = version
        self.kind = kind
        self.name = name
        self.namespace = namespace
    }

    init(_ node: Node, reader r: FieldReader, field: String) throws {
        mark = node.start
        self.field = field
        for (k, _, v) in try r.entries(node, field) {
            let text = try r.string(v, field + "." + k)
            switch k {
            case "group": group = text
            case "version": version = text
            case "kind": kind = text
            case "name": name = text
            case "namespace": namespace = text
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
        for (k, pattern) in [("group", group), ("version", version), ("kind", kind), ("name", name), ("namespace", namespace)] {
            if let pattern, !pattern.isEmpty, (try? Regex("^(?:" + pattern + ")$")) == nil {
                throw r.error(node, field + "." + k, "\"\(pattern)\" is not a valid regular expression")
            }
        }
    }

    /// Whether `resource` is selected; names and namespaces match as originally read or as now.
    func selects(_ resource: Resource) -> Bool {
        let gvk = resource.gvk
        if !Self.matches(group, gvk.group) || !Self.matches(version, gvk.version) || !Self.matches(kind, gvk.kind) { return false }
        let namespaced = resource.isNamespaced
        if !Self.matches(namespace, Resource.effectiveNamespace(resource.originalNamespace, namespaced: namespaced))
            && !Self.matches(namespace, Resource.effectiveNamespace(resource.namespace, namespaced: namespaced)) { return false }
        if !Self.matches(name, resource.originalName) && !Self.matches(name, resource.name) { return false }
        if let labelSelector, !labelSelector.matches(resource.labels) { return false }
        if let annotationSelector, !annotationSelector.matches(resource.annotations) { return false }
        return true
    }

    private static func matches(_ pattern: String?, _ value: String) -> Bool {
        guard let pattern, !pattern.isEmpty else { return true }
        guard let regex = try? Regex("^(?:" + pattern + ")$") else { return false }
        return value.wholeMatch(of: regex) != nil
    }

    var description: String {
        [("group", group), ("version", version), ("kind", kind), ("name", name), ("namespace", namespace)]
            .compactMap { k, v in v.map { "\(k)=\($0)" } }.joined(separator: ",")
    }
}
