import Kubernetes
import YAML

/// One object on its way through a kustomization, with what kustomize remembers about it: the
/// name and namespace it was read with (references are matched against those) and, for
/// generated ConfigMaps and Secrets, whether its name still needs the content-hash suffix.
struct Resource: Sendable {
    var object: Value
    /// The name and namespace before any prefix, suffix, namespace or hash was applied.
    let originalName: String
    let originalNamespace: String
    /// Where it came from, for error messages.
    let origin: String
    /// A generated object whose name gets `-<hash>` at the end of the build.
    var needsHashSuffix = false
    /// Set for generated objects: how they combine with an existing one of the same name.
    var generatorBehavior: GeneratorBehavior?
    /// For the rendered chart's objects (an overlay's implicit first resources): their index.
    var leadingIndex: Int?

    init(_ object: Value, origin: String) {
        self.object = object
        self.originalName = object[path: ["metadata", "name"]]?.string ?? ""
        self.originalNamespace = object[path: ["metadata", "namespace"]]?.string ?? ""
        self.origin = origin
    }

    var apiVersion: String { object["apiVersion"]?.string ?? "" }
    var kind: String { object["kind"]?.string ?? "" }
    var gvk: GroupVersionKind { GroupVersionKind(apiVersion: apiVersion, kind: kind) }
    var name: String {
        get { object[path: ["metadata", "name"]]?.string ?? "" }
        set { object[path: ["metadata", "name"]] = .string(newValue) }
    }
    var namespace: String { object[path: ["metadata", "namespace"]]?.string ?? "" }

    var labels: [String: String] { object[path: ["metadata", "labels"]]?.stringMap ?? [:] }
    var annotations: [String: String] { object[path: ["metadata", "annotations"]]?.stringMap ?? [:] }

    /// Whether objects of this kind live in a namespace (kustomize's fixed list of cluster kinds).
    var isNamespaced: Bool { !ClusterScopedKinds.all.contains(kind) }

    /// `default` for namespaced objects without a namespace, as kustomize compares them.
    static func effectiveNamespace(_ namespace: String, namespaced: Bool) -> String {
        if !namespaced { return "_non_namespaceable_" }
        return namespace.isEmpty ? "default" : namespace
    }

    /// `apps/v1 Deployment chatbot-dev/backend`, the way errors name objects.
    var label: String {
        let ns = namespace.isEmpty ? "" : namespace + "/"
        return "\(apiVersion) \(kind) \(ns)\(name)"
    }

    /// kustomize's id string (`group_version_kind|namespace|name`), which its legacy ordering sorts by.
    var idString: String {
        let g = gvk
        let gvkString = [g.group.isEmpty ? "~G" : g.group, g.version.isEmpty ? "~V" : g.version, g.kind.isEmpty ? "~K" : g.kind]
            .joined(separator: "_")
        return [gvkString, namespace.isEmpty ? "~X" : namespace, name.isEmpty ? "~N" : name].joined(separator: "|")
    }
}

/// How a generated ConfigMap or Secret combines with one of the same name already present.
enum GeneratorBehavior: String, Sendable {
    case create, merge, replace
}

/// Kinds kustomize never puts in a namespace.
enum ClusterScopedKinds {
    static let all: Set<String> = [
        "APIService", "CSIDriver", "CSINode", "CertificateSigningRequest", "Cluster", "ClusterRole",
        "ClusterRoleBinding", "ComponentStatus", "CustomResourceDefinition", "MutatingWebhookConfiguration",
        "Namespace", "Node", "PersistentVolume", "PodSecurityPolicy", "PriorityClass", "RuntimeClass",
        "SelfSubjectAccessReview", "SelfSubjectRulesReview", "StorageClass", "SubjectAccessReview",
        "TokenReview", "ValidatingWebhookConfiguration", "VolumeAttachment",
    ]
}
