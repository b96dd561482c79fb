import Kubernetes

/// One kind the Sandbox serves: where it lives in the API (group, version, plural resource),
/// what discovery says about it, and how the server treats it (namespaced, generation
/// tracking, subresources).
public struct ResourceType: Sendable, Hashable {
    public var group: String
    public var version: String
    /// The plural, lower-case resource name in URLs: `deployments`.
    public var resource: String
    public var kind: String
    public var singular: String
    public var namespaced: Bool
    public var shortNames: [String]
    public var categories: [String]
    public var verbs: [String]
    /// Subresources served beside the main resource: `status`, `scale`, `log`.
    public var subresources: [String]
    /// Whether `metadata.generation` counts spec changes (workloads, HPAs, PDBs).
    public var tracksGeneration: Bool
    /// Whether `status` is only writable through the status subresource.
    public var hasStatus: Bool { subresources.contains("status") }

    public var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }
    public var gvk: GroupVersionKind { GroupVersionKind(group: group, version: version, kind: kind) }
    /// `deployments.apps`, as the API server names a resource in its messages.
    public var qualifiedResource: String { group.isEmpty ? resource : "\(resource).\(group)" }

    static let allVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]

    init(
        _ group: String, _ version: String, _ resource: String, _ kind: String,
        namespaced: Bool = true, shortNames: [String] = [], categories: [String] = [],
        verbs: [String] = ResourceType.allVerbs, subresources: [String] = [], tracksGeneration: Bool = false
    ) {
        self.group = group
        self.version = version
        self.resource = resource
        self.kind = kind
        self.singular = kind.lowercased()
        self.namespaced = namespaced
        self.shortNames = shortNames
        self.categories = categories
        self.verbs = verbs
        self.subresources = subresources
        self.tracksGeneration = tracksGeneration
    }
}
