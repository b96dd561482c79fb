import YAML

/// A Kubernetes group, version and kind, e.g. `apps/v1 Deployment` or `v1 Service`.
public struct GroupVersionKind: Hashable, Sendable, CustomStringConvertible {
    public var group: String
    public var version: String
    public var kind: String

    public init(group: String, version: String, kind: String) {
        self.group = group
        self.version = version
        self.kind = kind
    }

    /// Splits an `apiVersion` such as `apps/v1` (or `v1` for the core group) and a kind.
    public init(apiVersion: String, kind: String) {
        if let slash = apiVersion.firstIndex(of: "/") {
            group = String(apiVersion[..<slash])
            version = String(apiVersion[apiVersion.index(after: slash)...])
        } else {
            group = ""
            version = apiVersion
        }
        self.kind = kind
    }

    /// `apps/v1`, or `v1` for the core group.
    public var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }

    public var description: String { "\(apiVersion) \(kind)" }
}

/// Which object: its kind, namespace (empty for cluster-scoped objects) and name.
///
/// Its description is the form every error and report uses:
/// `apps/v1 Deployment chatbot-dev/backend`, or `v1 Namespace chatbot-dev`.
public struct ObjectIdentity: Hashable, Sendable, CustomStringConvertible {
    public var gvk: GroupVersionKind
    public var namespace: String
    public var name: String

    public init(gvk: GroupVersionKind, namespace: String, name: String) {
        self.gvk = gvk
        self.namespace = namespace
        self.name = name
    }

    /// The identity of a decoded manifest, or nil if it lacks `apiVersion`, `kind` or a name.
    public init?(_ object: Value) {
        guard let apiVersion = object["apiVersion"]?.string, let kind = object["kind"]?.string,
            let name = object["metadata"]?["name"]?.string
        else { return nil }
        gvk = GroupVersionKind(apiVersion: apiVersion, kind: kind)
        namespace = object["metadata"]?["namespace"]?.string ?? ""
        self.name = name
    }

    public var description: String {
        namespace.isEmpty ? "\(gvk) \(name)" : "\(gvk) \(namespace)/\(name)"
    }
}
